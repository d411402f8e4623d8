/**
 * Objects the control plane creates in every namespace, which manifests reference but never
 * declare: the `default` ServiceAccount (the ServiceAccount controller) and the
 * `kube-root-ca.crt` ConfigMap (the root CA publisher, since Kubernetes 1.20, mounted by
 * every projected service-account token volume). A reference to one always resolves.
 */
const IN_EVERY_NAMESPACE: ReadonlySet<string> = new Set(['ServiceAccount/default', 'ConfigMap/kube-root-ca.crt']);

export function existsInEveryNamespace(kind: string, name: string): boolean {
  return IN_EVERY_NAMESPACE.has(`${kind}/${name}`);
}
