/**
 * Helpers for CNI rule tables: a config as a `.conflist` (or `.conf`) file, or embedded
 * in a ConfigMap's block scalar or a NetworkAttachmentDefinition's quoted string, as
 * installers and Multus users write them.
 */

/** The config indented under a ConfigMap key as a block literal. */
export function inConfigMap(json: string, key = 'cni-conf.json', name = 'fire-cni-config'): string {
  const body = json.replace(/\n$/, '').replace(/^(?=.)/gm, '    ');
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: kube-system\ndata:\n  ${key}: |\n${body}\n`;
}

/**
 * The config as a NetworkAttachmentDefinition's single-quoted `spec.config`, continuation
 * lines indented under it (a block scalar when the JSON has quotes of its own).
 */
export function inNetworkAttachment(json: string, name = 'fire-network'): string {
  if (json.includes("'")) {
    // Quotes in the JSON itself read better in a block scalar than doubled.
    const block = json.replace(/\n$/, '').replace(/^(?=.)/gm, '    ');
    return `apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: ${name}\nspec:\n  config: |\n${block}\n`;
  }
  const lines = json.replace(/\n$/, '').split('\n');
  const body = lines.map((line, index) => (index === 0 ? line : `    ${line}`)).join('\n');
  return `apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: ${name}\nspec:\n  config: '${body}'\n`;
}

/** A minimal valid plugin list around the given plugins (JSON text). */
export function conflist(plugins: string, version = '1.0.0', name = 'podnet'): string {
  return `{\n  "cniVersion": "${version}",\n  "name": "${name}",\n  "plugins": [\n${plugins.replace(/^(?=.)/gm, '    ')}\n  ]\n}\n`;
}
