/**
 * "Did you mean …?" for invalid quantities. Each candidate is a repair of a slip people
 * really make (see ../shared/KNOWLEDGE.md §2): a suffix in the wrong case (`100mi`,
 * `1gi`), a unit written the way other tools write it (`1GB`, `512MiB`, `2cores`,
 * `500 m`), or a decimal comma. Only candidates that parse are returned, most likely
 * first; an empty list means no repair is knowable.
 */
import { BINARY_SUFFIXES, DECIMAL_SUFFIXES, parseQuantity } from './quantity';

export type QuantityResource = 'cpu' | 'memory' | 'storage' | 'count' | 'other';

/** Words other tools put after a CPU count. */
const CPU_WORDS = /^(?:v?cpus?|v?cores?)$/i;
const MILLICPU_WORDS = /^(?:millicores?|millicpus?|mcpus?)$/i;
const BYTE_WORDS = /^(?:b|bytes?)$/i;
/** `GB`, `GiB`, `gb`, `Mb`, `KiB`…: a prefix letter, an optional i, then b/B. */
const BYTE_UNIT = /^([kmgtpe])(i?)b$/i;

export function suggestQuantities(text: string, resource: QuantityResource): string[] {
  const candidates: string[] = [];
  const compact = text.replace(/\s+/g, '');
  const normalised = compact.replace(/^([+-]?\d*),(\d+)/, '$1.$2');
  const number = /^[+-]?(?:\d+\.?\d*|\.\d+)/.exec(normalised)?.[0];
  if (number !== undefined) {
    const suffix = normalised.slice(number.length);
    for (const repaired of repairSuffix(suffix, resource)) candidates.push(number + repaired);
  }
  const unique = [...new Set(candidates)].filter((candidate) => candidate !== text && parseQuantity(candidate).ok);
  return unique;
}

function repairSuffix(suffix: string, resource: QuantityResource): string[] {
  if (isValidSuffix(suffix)) return [suffix];
  if (CPU_WORDS.test(suffix)) return [''];
  if (MILLICPU_WORDS.test(suffix)) return ['m'];
  if (BYTE_WORDS.test(suffix)) return [''];
  const byteUnit = BYTE_UNIT.exec(suffix);
  if (byteUnit) return byteUnitSuffixes((byteUnit[1] ?? '').toUpperCase(), byteUnit[2] !== '');
  return caseRepairs(suffix, resource);
}

/**
 * `GiB` means Gi exactly. `GB` literally means G, but memory is sized in Gi almost
 * everywhere else in Kubernetes, so both are offered, the literal meaning first.
 */
function byteUnitSuffixes(letter: string, binary: boolean): string[] {
  const decimal = letter === 'K' ? 'k' : letter;
  return binary ? [`${letter}i`] : [decimal, `${letter}i`];
}

/** Suffixes spelled with the same letters in another case: `mi` → `Mi`, `K` → `k`, `Ki`. */
function caseRepairs(suffix: string, resource: QuantityResource): string[] {
  const lower = suffix.toLowerCase();
  const all = [...Object.keys(BINARY_SUFFIXES), ...Object.keys(DECIMAL_SUFFIXES)].filter((known) => known !== '');
  const sameLetters = all.filter((known) => known.toLowerCase() === lower);
  if (suffix === 'K') return ['k', 'Ki'];
  // For sizes, the binary spelling is what people mean by `mi`/`gi`; `m` (milli) is never a size.
  const ranked = sameLetters.sort((a, b) => rank(b, resource) - rank(a, resource));
  return ranked;
}

function rank(suffix: string, resource: QuantityResource): number {
  if (resource === 'cpu') return suffix === 'm' ? 2 : 0;
  return suffix in BINARY_SUFFIXES ? 2 : suffix === 'm' ? -1 : 1;
}

function isValidSuffix(suffix: string): boolean {
  return Object.hasOwn(DECIMAL_SUFFIXES, suffix) || Object.hasOwn(BINARY_SUFFIXES, suffix) || /^[eE][+-]?\d+$/.test(suffix);
}
