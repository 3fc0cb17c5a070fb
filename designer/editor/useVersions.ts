/** Versions of the journey: the list, "Snapshot version" (save then snapshot) and "Publish" (snapshot when the draft changed, then publish). */
import { useCallback, useState } from 'react';
import { verifyContentHash, type JourneyDocument } from '../../schema/index.js';
import { api, errorMessage } from '../api/client.js';
import type { Version } from '../api/types.js';

export function useVersions(journeyId: string, initial: Version[], saveNow: () => Promise<boolean>) {
  const [versions, setVersions] = useState<Version[]>(() => sortVersions(initial));
  const [busy, setBusy] = useState<'snapshot' | 'publish' | null>(null);
  const [error, setError] = useState<string>();

  const upsert = useCallback((version: Version) => {
    setVersions((list) => sortVersions([...list.filter((v) => v.id !== version.id), version]));
  }, []);

  const snapshot = useCallback(async (): Promise<Version | undefined> => {
    setBusy('snapshot');
    setError(undefined);
    try {
      if (!(await saveNow())) throw new Error('The draft could not be saved, so there is nothing to snapshot.');
      const { version } = await api.snapshot(journeyId);
      upsert(version);
      return version;
    } catch (err) {
      setError(errorMessage(err));
      return undefined;
    } finally {
      setBusy(null);
    }
  }, [journeyId, saveNow, upsert]);

  /** Publishes the version holding exactly this document's content, snapshotting first when none does. */
  const publish = useCallback(
    async (document: JourneyDocument, versionId?: string) => {
      setBusy('publish');
      setError(undefined);
      try {
        let target = versionId ? versions.find((v) => v.id === versionId) : await versionHolding(versions, document);
        if (!target) {
          if (!(await saveNow())) throw new Error('The draft could not be saved.');
          target = (await api.snapshot(journeyId)).version;
          upsert(target);
        }
        if (target.status !== 'published') {
          const { version } = await api.publish(target.id);
          upsert(version);
        }
      } catch (err) {
        setError(errorMessage(err));
      } finally {
        setBusy(null);
      }
    },
    [journeyId, saveNow, upsert, versions],
  );

  const published = versions.find((v) => v.status === 'published');
  return { versions, latest: versions[0], published, snapshot, publish, busy, error };
}

/** Newest first. */
function sortVersions(versions: Version[]): Version[] {
  return [...versions].sort((a, b) => b.number - a.number);
}

/** The first live version whose content hash (under whichever scheme made it) matches the document, if any. */
async function versionHolding(versions: Version[], document: JourneyDocument): Promise<Version | undefined> {
  for (const version of versions) {
    if (version.status === 'retired') continue;
    // Without WebCrypto (a plain-http page off localhost) the hash cannot be checked here: snapshot, as for a new draft.
    if (await verifyContentHash(document, version.contentHash).catch(() => false)) return version;
  }
  return undefined;
}
