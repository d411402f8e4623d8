/**
 * Which pods a Service sends traffic to: those whose labels include every `key: value` of
 * its selector, in its namespace. A Service without a selector selects nothing (its
 * endpoints are written by hand); an empty selector `{}` is not "no selector": it is
 * read here as unknown (it would select every pod of the namespace).
 */
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

/** The workloads whose pods the Service selects. */
export function selectedBy<W extends Labelled>(service: Selecting, workloads: readonly W[]): W[] {
  const selector = service.selector;
  if (!selector || Object.keys(selector).length === 0) return [];
  return workloads.filter((w) => sameNamespace(w.namespace, service.namespace) && serviceSelects(selector, w.templateLabels));
}
