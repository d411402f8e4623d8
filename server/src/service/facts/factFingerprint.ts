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
  // Kept as a digest: the text is a document's facts written out (2.5 KB for a Deployment), held
  // for as long as the document is cached, 6 MB of a 5,000-document file's memory.
  fingerprint = createHash('sha1')
    .update(placeless([...facts]))
    .digest('base64');
  memo.set(facts, fingerprint);
  return fingerprint;
}

/**
 * The facts of one kind of one document, without places: the workspace stage compares an
 * edited document's kinds one by one, so a rule reading none that changed keeps its judgements.
 */
export function fingerprintOfKind(facts: readonly BaseFact[] | undefined): string {
  return facts === undefined || facts.length === 0 ? '' : placeless(facts);
}

function placeless(value: unknown): string {
  try {
    return JSON.stringify(value, (key, item: unknown) => {
      if (key === 'at' || key.endsWith('At') || key === 'locate') return undefined;
      if ((key === 'value' || key === 'key' || key === 'firstKey') && isOffsetPair(item)) return undefined;
      if (item instanceof Map) return { map: [...(item as Map<unknown, unknown>)] };
      if (item instanceof Set) return { set: [...(item as Set<unknown>)] };
      if (typeof item === 'bigint') return { bigint: String(item) };
      return item;
    });
  } catch {
    return `unmatched ${++unmatched}`; // facts JSON cannot write (a cycle): equal to nothing
  }
}

function isOffsetPair(value: unknown): boolean {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'number';
}
