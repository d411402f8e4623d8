/** "Did you mean": the closest known name to a misspelt one, or nothing when none is close. */

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push(new Array<number>(b.length + 1).fill(0));
  const at = (i: number, j: number): number => rows[i]?.[j] ?? 0;
  for (let i = 0; i <= a.length; i++) rows[i]![0] = i;
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, at(i - 2, j - 2) + 1);
      rows[i]![j] = value;
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
  }
  return at(a.length, b.length);
}

/**
 * The one candidate `name` is most likely a slip for: the same letters in another case
 * (`readinessprobe`), a typo or two away (`contianers`, `evn`), or failing those, the same
 * word with another ending (`restartPolicies`, `External` for `ExternalName`).
 * Undefined when no candidate is close or two are equally close.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const limit = name.length <= 2 ? 0 : name.length <= 5 ? 1 : 2;
  let best: string | undefined;
  let bestScore = Infinity;
  let tie = false;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const other = candidate.toLowerCase();
    let score = other === lower ? 0 : editDistance(lower, other, limit);
    if (score > limit) score = sameStem(lower, other) ? limit + 1 : Infinity;
    if (score === Infinity) continue;
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
      tie = false;
    } else if (score === bestScore) tie = true;
  }
  return tie ? undefined : best;
}

/** A long common beginning: most of the shorter word, and at least four letters. */
function sameStem(a: string, b: string): boolean {
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const shorter = Math.min(a.length, b.length);
  return common >= 4 && common >= 0.75 * shorter;
}
