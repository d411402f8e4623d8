/**
 * A document's facts without their places: what rules across files judge. Two documents
 * with equal fingerprints get equal judgements, so an edit that moves facts without
 * changing them (a comment, a blank line, a value no fact records) re-judges nothing in
 * other documents or files. Places are `at`, `…At`, and the `key`/`value`/`firstKey`
 * offset pairs of a field location; maps, sets and bigints are written out, so a
 * difference inside them is seen.
 */
import { createHash } from 'node:crypto';
import type { BaseFact } from './factKind';

const memo = new WeakMap<object, string>();
let unmatched = 0;

/** Remembered per facts map: a document's cached facts are fingerprinted once. Equal fingerprints: equal facts. */
export function fingerprintOfFacts(facts: ReadonlyMap<string, readonly BaseFact[]>): string {
  let fingerprint = memo.get(facts);
  if (fingerprint !== undefined) return fingerprint;
  try {
    const written = JSON.stringify([...facts], (key, value: unknown) => {
      if (key === 'at' || key.endsWith('At') || key === 'locate') return undefined;
      if ((key === 'value' || key === 'key' || key === 'firstKey') && isOffsetPair(value)) return undefined;
      if (value instanceof Map) return { map: [...(value as Map<unknown, unknown>)] };
      if (value instanceof Set) return { set: [...(value as Set<unknown>)] };
      if (typeof value === 'bigint') return { bigint: String(value) };
      return value;
    });
    // Kept as a digest: the text is a document's facts written out (2.5 KB for a Deployment), held
    // for as long as the document is cached, 6 MB of a 5,000-document file's memory.
    fingerprint = createHash('sha1').update(written).digest('base64');
  } catch {
    fingerprint = `unmatched ${++unmatched}`; // facts JSON cannot write (a cycle): equal to nothing
  }
  memo.set(facts, fingerprint);
  return fingerprint;
}

function isOffsetPair(value: unknown): boolean {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'number';
}
