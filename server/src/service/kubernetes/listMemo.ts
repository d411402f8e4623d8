/**
 * Answers computed once per list and key. The engine hands every rule of one run the same
 * array for "all workloads of the workspace", so an index built from it (by namespace, by
 * label) serves every Service of the run, and goes when the run's arrays go: a run over
 * thousands of Services then costs the matches, not Services × workloads.
 */
const memos = new WeakMap<object, Map<string, unknown>>();

export function memoOf<T>(list: readonly unknown[], key: string, compute: () => T): T {
  let byKey = memos.get(list);
  if (!byKey) memos.set(list, (byKey = new Map()));
  if (byKey.has(key)) return byKey.get(key) as T;
  const value = compute();
  byKey.set(key, value);
  return value;
}
