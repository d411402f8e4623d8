// Turns the removed-API table (written down from the Kubernetes Deprecated API Migration
// Guide, ../shared/upstream/kubernetes-removed-apis/removed-apis.tsv) into
// schemas/kubernetes-removed-apis.json, checking every row against the OpenAPI: a
// removed apiVersion/kind must not be served any more, and its replacement must be.
import { readFileSync } from 'node:fs';

export function removedApis(tsvFile, servedKinds) {
  const [header, ...rows] = readFileSync(tsvFile, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const columns = header.split('\t');
  const expected = ['apiVersion', 'kind', 'removed_in', 'use_instead', 'what_else_changes'];
  if (columns.join() !== expected.join()) throw new Error(`${tsvFile}: expected columns ${expected.join(', ')}`);
  const entries = rows.map((line) => {
    const [apiVersion = '', kind = '', removedIn = '', useInstead = '', whatElse = ''] = line.split('\t');
    return { apiVersion, kind, removedIn, useInstead: useInstead.trim(), whatElseChanges: whatElse.trim() };
  });
  for (const entry of entries) {
    // "as MutatingWebhookConfiguration": the same changes as another row of the table.
    const as = /^as (\S+)(?: (\S+))?$/.exec(entry.whatElseChanges);
    if (as) {
      const [, first, second] = as;
      const other = entries.find((e) =>
        second ? e.apiVersion === first && e.kind === second : e.kind === first && e.useInstead === entry.useInstead,
      );
      if (!other) throw new Error(`${entry.apiVersion} ${entry.kind}: no row for "${entry.whatElseChanges}"`);
      entry.whatElseChanges = other.whatElseChanges;
    }
    if (servedKinds.has(`${entry.apiVersion}/${entry.kind}`)) {
      throw new Error(`${entry.apiVersion} ${entry.kind} is listed as removed but the OpenAPI still serves it`);
    }
    const replacement = /^[a-z0-9.-]+\/v[0-9a-z]+$|^v1$/.test(entry.useInstead) ? entry.useInstead : undefined;
    entry.replacement = replacement && servedKinds.has(`${replacement}/${entry.kind}`) ? replacement : undefined;
  }
  return entries.map(({ apiVersion, kind, removedIn, useInstead, replacement, whatElseChanges }) => ({
    apiVersion,
    kind,
    removedIn,
    useInstead,
    ...(replacement ? { replacement } : {}),
    whatElseChanges,
  }));
}
