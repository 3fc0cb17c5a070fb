/** Benchmark: the content hash of a journey by canonical form (RFC 8785, legacy) and SHA-256 implementation (WebCrypto, node:crypto, pure JS). */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  canonicalJson,
  contentHash,
  hashedContent,
  validateJourney,
  type JourneyDocument,
} from '../../schema/index.js';
import { legacyCanonicalJson } from '../../schema/canonical-legacy.js';
import { sha256Hex } from '../../schema/sha256.js';
import { largeJourney } from './designer/large-journey.js';
import type { BenchTable } from './results-file.js';
import { compareMs, formatMs } from './timing.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function exampleJourneys(): JourneyDocument[] {
  const dir = join(root, 'examples/journeys');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.journey.json'))
    .map((name) => validateJourney(JSON.parse(readFileSync(join(dir, name), 'utf8'))).document!);
}

type Hasher = (text: string) => string | Promise<string>;

/**
 * @noble/hashes (the pure-JS SHA-256 hashing used before) is no longer a dependency; point BENCH_NOBLE_HASHES at an
 * installed copy of the package (its directory) to measure it alongside.
 */
async function nobleSha256(): Promise<Hasher | undefined> {
  const dir = process.env.BENCH_NOBLE_HASHES;
  if (!dir) return undefined;
  const { sha256 } = (await import(pathToFileURL(join(dir, 'sha2.js')).href)) as {
    sha256: (bytes: Uint8Array) => Uint8Array;
  };
  const { bytesToHex, utf8ToBytes } = (await import(pathToFileURL(join(dir, 'utils.js')).href)) as {
    bytesToHex: (bytes: Uint8Array) => string;
    utf8ToBytes: (text: string) => Uint8Array;
  };
  return (text) => bytesToHex(sha256(utf8ToBytes(text)));
}

interface Variant {
  name: string;
  hash: (document: JourneyDocument) => unknown;
}

export async function benchContentHash(): Promise<BenchTable> {
  const nodeSha256: Hasher = (text) => createHash('sha256').update(text).digest('hex');
  const noble = await nobleSha256();
  // The "SHA-256 only" rows hash text made once, to separate the digest from the canonical form.
  const texts = new Map<JourneyDocument, string>();
  const textOf = (d: JourneyDocument) => texts.get(d) ?? texts.set(d, canonicalJson(hashedContent(d))).get(d)!;
  const variants: Variant[] = [
    { name: 'contentHash: RFC 8785 + WebCrypto (shipped)', hash: (d) => contentHash(d) },
    { name: 'legacy canonical + WebCrypto (verifying sha256:)', hash: (d) => contentHash(d, 'sha256') },
    { name: 'RFC 8785 + node:crypto (sync)', hash: (d) => nodeSha256(canonicalJson(hashedContent(d))) },
    ...(noble
      ? [
          {
            name: 'RFC 8785 + @noble/hashes (pure JS, before)',
            hash: (d: JourneyDocument) => noble(canonicalJson(hashedContent(d))),
          },
        ]
      : []),
    { name: 'RFC 8785 text only (canonicalize)', hash: (d) => canonicalJson(hashedContent(d)) },
    { name: 'legacy canonical text only', hash: (d) => legacyCanonicalJson(hashedContent(d)) },
    { name: 'SHA-256 only: WebCrypto', hash: (d) => sha256Hex(textOf(d)) },
    { name: 'SHA-256 only: node:crypto', hash: (d) => nodeSha256(textOf(d)) },
    ...(noble ? [{ name: 'SHA-256 only: @noble/hashes', hash: (d: JourneyDocument) => noble(textOf(d)) }] : []),
  ];
  const examples = exampleJourneys();
  const large = largeJourney(500);
  const inputs = [
    { name: `${examples.length} example journeys`, documents: examples, runs: 100 },
    { name: `${Object.keys(large.steps).length}-step journey`, documents: [large], runs: 20 },
  ];
  // The shipped path must agree with the SHA-256 it replaced before its speed means anything.
  const sample = canonicalJson(hashedContent(examples[0]));
  if ((await sha256Hex(sample)) !== nodeSha256(sample)) throw new Error('WebCrypto and node:crypto disagree');

  const rows: string[][] = [];
  for (const input of inputs) {
    const bytes = input.documents.reduce((n, d) => n + Buffer.byteLength(canonicalJson(hashedContent(d))), 0);
    const rounds = variants.map((variant) => async () => {
      for (const document of input.documents) await variant.hash(document);
    });
    const perHash = (await compareMs(rounds, input.runs)).map((ms) => ms / input.documents.length);
    for (const [i, variant] of variants.entries())
      rows.push([
        input.name,
        `${Math.round(bytes / input.documents.length / 1024)} KiB`,
        variant.name,
        formatMs(perHash[i]),
        (1000 / perHash[i]).toFixed(0),
        `${(perHash[i] / perHash[0]).toFixed(2)}×`,
      ]);
  }
  return {
    title: 'Content hash',
    description: `
\`test/bench/content-hash.bench.ts\`: the content hash of each example journey and of a 500-step journey
(\`designer/large-journey.ts\`), CPU time (all threads), median of seven interleaved rounds after a warm-up, one hash at a time as the API and CLI compute it.
"× shipped" is the time relative to \`contentHash\` (RFC 8785 via \`canonicalize\` + WebCrypto SHA-256). The
@noble/hashes row appears when \`BENCH_NOBLE_HASHES\` names an installed copy of that package (no longer a dependency).`,
    header: ['input', 'canonical size', 'variant', 'CPU per hash', 'hashes/s', '× shipped'],
    rows,
  };
}
