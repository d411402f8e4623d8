/**
 * Recognises label values whose shape says they are unbounded: a new value per user,
 * request, deploy, pod or moment. Every distinct value of a label is a new time series
 * in every metric that carries it, so these are what overload Prometheus.
 *
 * False positives must be rare by construction: each shape is strict (a UUID is the
 * 8-4-4-4-12 form, a date a real calendar date), and "random-looking" needs a long
 * token that mixes letters and digits with many switches between them and few repeated
 * characters. Words, versions (`1.2.3`, `v2`, `2024.05`), chart names (`nginx-1.2.3`)
 * and short git tags or abbreviated hashes (7-11 hex digits) are none of these.
 */

export interface ValueShape {
  /** For messages: "a UUID", "a commit hash". */
  shape: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/;
const URL = /^[a-z][a-z0-9+.-]*:\/\/|^\/[^/]/i;
const IPV4 = /^(?:ip-)?(\d{1,3})[.-](\d{1,3})[.-](\d{1,3})[.-](\d{1,3})$/;
const ISO_DATE_TIME =
  /^(\d{4})-?(\d{2})-?(\d{2})[Tt_-]?(\d{2})[-.:]?(\d{2})(?:[-.:]?(\d{2}))?(?:[.,]\d+)?(?:Z|[+-]\d{2}-?\d{2})?$/;
const DATE = /^(\d{4})([-_]?)(\d{2})\2(\d{2})$/;
const HEX = /^[0-9a-f]+$/i;
/** The alphabet of Kubernetes' generated name suffixes (no vowels, no look-alike digits). */
const GENERATED = /^[bcdfghjklmnpqrstvwxz2456789]+$/;
const POD_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?-[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/;

export function labelValueShape(value: string): ValueShape | undefined {
  // Values past 63 characters are invalid-label's; the bound also keeps every pattern cheap.
  if (value.length < 6 || value.length > 253) return undefined;
  if (UUID.test(value)) return { shape: 'a UUID' };
  if (EMAIL.test(value)) return { shape: 'an e-mail address' };
  if (URL.test(value)) return { shape: 'a URL or a path' };
  if (isIpAddress(value)) return { shape: 'an IP address' };
  if (isDateTime(value)) return { shape: 'a timestamp' };
  if (isEpoch(value)) return { shape: 'a Unix timestamp' };
  if (isDate(value)) return { shape: 'a date' };
  if (POD_NAME.test(value)) return { shape: "a pod's name (a per-pod value)" };
  if (isBase64Like(value)) return { shape: 'a base64 hash' };
  const tokens = value.split(/[-_.]/).filter((token) => token.length > 0);
  for (const token of tokens) {
    if (isHash(token)) return { shape: token.length >= 40 ? 'a commit hash' : 'a hex hash' };
  }
  if (tokens.length === 1 && /^\d{6,}$/.test(value)) return { shape: 'a long numeric id' };
  const numeric = tokens.find((token) => /^\d{6,}$/.test(token));
  if (numeric && !isDate(numeric)) return { shape: 'a name with a long numeric id' };
  for (const token of tokens) {
    if (looksRandom(token)) return { shape: 'a random string' };
  }
  return undefined;
}

function isIpAddress(value: string): boolean {
  const match = IPV4.exec(value);
  if (!match) return false;
  const octets = match.slice(1, 5).map(Number);
  if (octets.some((octet) => octet > 255)) return false;
  // `1.2.3.4` is as likely a four-part version; an address has a large octet or a private prefix.
  return value.startsWith('ip-') || octets.some((octet) => octet >= 100) || octets[0] === 10 || octets[0] === 172;
}

function validCalendar(year: number, month: number, day: number): boolean {
  return year >= 1970 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function isDateTime(value: string): boolean {
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  return validCalendar(year, month, day) && hour < 24 && minute < 60;
}

function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  return validCalendar(Number(match[1]), Number(match[3]), Number(match[4]));
}

/** Seconds or milliseconds since 1970, between 2001 and 2100. */
function isEpoch(value: string): boolean {
  if (!/^\d{10}(\d{3})?$/.test(value)) return false;
  const seconds = value.length === 13 ? Number(value) / 1000 : Number(value);
  return seconds >= 1e9 && seconds < 4.1e9;
}

/** 12+ hex digits with both letters and digits (a hash; abbreviated git hashes are 7-11). */
function isHash(token: string): boolean {
  return token.length >= 12 && HEX.test(token) && /\d/.test(token) && /[a-f]/i.test(token);
}

/**
 * A base64 or base62 digest: 16+ characters mixing upper case, lower case and digits,
 * which words (`MyService`) and camel-case names (`OrderServiceV2`) do not.
 */
function isBase64Like(token: string): boolean {
  if (token.length < 16 || !/^[A-Za-z0-9+/=_-]+$/.test(token)) return false;
  const digits = (token.match(/\d/g) ?? []).length;
  const upper = (token.match(/[A-Z]/g) ?? []).length;
  const lower = (token.match(/[a-z]/g) ?? []).length;
  return digits >= 2 && upper >= 3 && lower >= 3 && classSwitches(token) >= token.length / 3;
}

/**
 * A random-looking token: long, letters and digits both, switching between character
 * classes often, and close to the character entropy a random string of its length has.
 */
function looksRandom(token: string): boolean {
  if (token.length < 10 || !/\d/.test(token) || !/[a-z]/i.test(token)) return false;
  const switches = classSwitches(token);
  if (switches < token.length / 3) return false;
  // A suffix the API server generates (`x7k2p`, `7d9f8b6c5d`) is random by definition.
  if (GENERATED.test(token.toLowerCase())) return true;
  return entropyRatio(token) >= 0.85;
}

/** How often the character class changes (letter ↔ digit, lower ↔ upper case). */
function classSwitches(token: string): number {
  const classOf = (char: string): number => (/\d/.test(char) ? 0 : /[a-z]/.test(char) ? 1 : /[A-Z]/.test(char) ? 2 : 3);
  let switches = 0;
  for (let index = 1; index < token.length; index++) {
    if (classOf(token[index]!) !== classOf(token[index - 1]!)) switches++;
  }
  return switches;
}

/**
 * Shannon entropy of the token's characters over the most a token of that length can
 * have (every character different): near 1 for random strings, lower for words, which
 * repeat letters.
 */
export function entropyRatio(token: string): number {
  if (token.length < 2) return 0;
  const counts = new Map<string, number>();
  for (const char of token) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / token.length;
    entropy -= p * Math.log2(p);
  }
  return entropy / Math.log2(Math.min(token.length, 62));
}
