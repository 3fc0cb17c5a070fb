/** The author's own copy of a draft that lost a save conflict, kept in the browser (localStorage) until they restore it or let it go. */
import type { JourneyDocument } from '../../schema/index.js';

export interface ConflictCopy {
  document: JourneyDocument;
  /** When the refused save happened (ISO 8601), so the author can tell which copy it is. */
  keptAt: string;
}

/** Just the part of `Storage` this needs, so tests pass a Map-backed one. */
export type CopyStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const keyOf = (journeyId: string) => `carepath.draft-conflict.${journeyId}`;

/** Keeps the local copy; survives a reload, so the work is recoverable even if the tab closes before restoring. */
export function keepConflictCopy(storage: CopyStorage, journeyId: string, document: JourneyDocument, now: Date): void {
  const copy: ConflictCopy = { document, keptAt: now.toISOString() };
  storage.setItem(keyOf(journeyId), JSON.stringify(copy));
}

/** The kept copy, or undefined when there is none or it is unreadable (a broken entry is no reason to break the editor). */
export function readConflictCopy(storage: CopyStorage, journeyId: string): ConflictCopy | undefined {
  const text = storage.getItem(keyOf(journeyId));
  if (!text) return undefined;
  try {
    const copy = JSON.parse(text) as Partial<ConflictCopy>;
    return copy && typeof copy.document === 'object' && typeof copy.keptAt === 'string'
      ? (copy as ConflictCopy)
      : undefined;
  } catch {
    return undefined;
  }
}

export function dropConflictCopy(storage: CopyStorage, journeyId: string): void {
  storage.removeItem(keyOf(journeyId));
}
