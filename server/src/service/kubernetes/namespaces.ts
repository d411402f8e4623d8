/**
 * Namespaces as manifests state them. An object that names no namespace goes wherever it
 * is applied (`kubectl apply -n`, a kustomization's `namespace:`), so it may meet an
 * object of any namespace: references across files treat '' as "could be the same".
 */
import { memoOf } from './listMemo';

export function sameNamespace(a: string, b: string): boolean {
  return a === b || a === '' || b === '';
}

/**
 * The objects that may live in the namespace, to tell "none of this kind here" from "not
 * this one": none unless one of them is written with exactly that namespace (both without
 * one counts). Objects without a namespace then join in, since they may be applied there;
 * but on their own they say nothing about a namespace the manifests name, and a reference
 * without a namespace says nothing about objects that all name theirs.
 */
export function inNamespace<T extends { namespace: string }>(items: readonly T[], namespace: string): T[] {
  // Once per list and namespace: a file of a thousand Services in one namespace asks a thousand times.
  return memoOf(items, `inNamespace\u0000${namespace}`, () => {
    if (!items.some((item) => item.namespace === namespace)) return [];
    return items.filter((item) => sameNamespace(item.namespace, namespace));
  });
}

/** How a namespace reads in a message. */
export function namespaceWords(namespace: string): string {
  return namespace ? `namespace '${namespace}'` : 'the namespace it is applied to';
}

/**
 * Keys for an index of items by namespace (within `scope`, say a kind): the item's
 * namespace, and one every item has, for a reader that names no namespace (it may meet any).
 */
export function namespaceKeys(namespace: string, scope = ''): string[] {
  return [namespaceKey(namespace, scope), anyNamespaceKey(scope)];
}

/** The key every item of such an index has. */
export function anyNamespaceKey(scope = ''): string {
  return `${scope}\u0000\u0000any`;
}

/** The key of a namespace in such an index; '' for the items that name none. */
export function namespaceKey(namespace: string, scope = ''): string {
  return `${scope}\u0000${namespace}`;
}

type Lookup<T> = (...keys: string[]) => readonly T[];

/** The items `sameNamespace` with `namespace`, from an index keyed by namespaceKeys, in the list's order. */
export function sameNamespaceIn<T>(lookup: Lookup<T>, namespace: string, scope = ''): readonly T[] {
  return namespace === '' ? lookup(anyNamespaceKey(scope)) : lookup(namespaceKey(namespace, scope), namespaceKey('', scope));
}

/**
 * inNamespace, from an index keyed by namespaceKeys: a judgement that reads it depends on
 * the namespace's keys, not on every item. `exists` says whether the namespace has an item
 * written with exactly it (pass a count, which depends on that number only).
 */
export function inNamespaceIn<T>(lookup: Lookup<T>, exists: boolean, namespace: string, scope = ''): readonly T[] {
  return exists ? sameNamespaceIn(lookup, namespace, scope) : [];
}
