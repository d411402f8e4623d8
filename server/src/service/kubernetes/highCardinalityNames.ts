/**
 * Label names that invite unbounded values: one per user, request, session, address,
 * path or moment. Compared on the name part of a key (after any `prefix/`), lower case,
 * with `-` and `.` read as `_` (`user-id`, `userId` and `user_id` are one name).
 */
export const DEFAULT_HIGH_CARDINALITY_NAMES: readonly string[] = [
  'user_id',
  'userid',
  'customer_id',
  'account_id',
  'email',
  'session',
  'session_id',
  'request_id',
  'trace_id',
  'span_id',
  'correlation_id',
  'ip',
  'ip_address',
  'client_ip',
  'remote_addr',
  'url',
  'uri',
  'path',
  'request_path',
  'uuid',
  'guid',
  'timestamp',
  'created_at',
  'commit_sha',
  'git_sha',
  'git_commit',
];

/**
 * Label keys repeat across thousands of documents (`app`, `team`) and each is compared
 * with every listed name: the normalised forms are remembered, up to a bound.
 */
const normalised = new Map<string, string>();
const MAX_REMEMBERED = 10_000;

/** A key's name part, normalised for comparison with the list. */
export function normalisedLabelName(key: string): string {
  const known = normalised.get(key);
  if (known !== undefined) return known;
  const name = key.includes('/') ? key.slice(key.lastIndexOf('/') + 1) : key;
  const result = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[-.]/g, '_');
  if (normalised.size >= MAX_REMEMBERED) normalised.clear();
  normalised.set(key, result);
  return result;
}

/** The listed name a key matches, if any. */
export function matchesHighCardinalityName(key: string, names: readonly string[]): string | undefined {
  const normalised = normalisedLabelName(key);
  return names.find((name) => normalisedLabelName(name) === normalised);
}
