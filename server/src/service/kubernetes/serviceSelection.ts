/**
 * Which pods a Service sends traffic to: those whose labels include every `key: value` of
 * its selector, in its namespace. A Service without a selector selects nothing (its
 * endpoints are written by hand); an empty selector `{}` is not "no selector": it is
 * read here as unknown (it would select every pod of the namespace).
 */
import { memoOf } from './listMemo';
import { sameNamespace } from './namespaces';

export function serviceSelects(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(selector);
  return keys.length > 0 && keys.every((key) => Object.hasOwn(labels, key) && labels[key] === selector[key]);
}

interface Selecting {
  namespace: string;
  selector: Readonly<Record<string, string>> | undefined;
}
interface Labelled {
  namespace: string;
  templateLabels: Readonly<Record<string, string>>;
}

/** The workloads whose pods the Service selects. The array is shared: do not change it. */
export function selectedBy<W extends Labelled>(service: Selecting, workloads: readonly W[]): W[] {
  const selector = service.selector;
  if (!selector || Object.keys(selector).length === 0) return [];
  // Services with the same selector in one namespace select the same pods: one answer (one
  // array) for all of them, so what a rule derives from it can be remembered too.
  const memoKey = `selectedBy\u0000${service.namespace}\u0000${JSON.stringify(Object.entries(selector).sort())}`;
  return memoOf(workloads, memoKey, () => {
    const [key, value] = Object.entries(selector)[0] as [string, string];
    // Only the workloads that carry the selector's first label can match: the index finds them
    // without looking at the others, in their order in the list.
    const carrying = byLabel(workloads).get(`${key}=${value}`) ?? [];
    return carrying.filter((w) => sameNamespace(w.namespace, service.namespace) && serviceSelects(selector, w.templateLabels));
  });
}

function byLabel<W extends Labelled>(workloads: readonly W[]): Map<string, W[]> {
  return memoOf(workloads, 'byLabel', () => {
    const index = new Map<string, W[]>();
    for (const workload of workloads) {
      for (const [key, value] of Object.entries(workload.templateLabels)) {
        const pair = `${key}=${value}`;
        let list = index.get(pair);
        if (!list) index.set(pair, (list = []));
        list.push(workload);
      }
    }
    return index;
  });
}

/**
 * selectedBy, from an index of workloads by template label (`key=value`): only those
 * carrying the selector's first label are read, so a judgement depends on that label's
 * workloads alone. `carrying` looks a label up; the answer is remembered per looked-up list.
 */
export function selectedThrough<W extends Labelled>(service: Selecting, carrying: (label: string) => readonly W[]): readonly W[] {
  const selector = service.selector;
  if (!selector || Object.keys(selector).length === 0) return [];
  const [key, value] = Object.entries(selector)[0] as [string, string];
  const workloads = carrying(`${key}=${value}`);
  // No carrier, no match: and an empty answer may be one list shared by every lookup, whose memo would never go.
  if (workloads.length === 0) return [];
  const memoKey = `selectedThrough\u0000${service.namespace}\u0000${JSON.stringify(Object.entries(selector).sort())}`;
  return memoOf(workloads, memoKey, () =>
    workloads.filter((w) => sameNamespace(w.namespace, service.namespace) && serviceSelects(selector, w.templateLabels)),
  );
}
