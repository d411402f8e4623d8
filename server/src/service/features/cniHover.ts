/**
 * Hovers in CNI network configs (files, and the JSON inside ConfigMaps and
 * NetworkAttachmentDefinitions): what a key does, its default and the spec version that
 * introduced it; what a plugin type is and where its binary must be; the allowed values of
 * an enumerated key; and, on a config file's first line, which file of its folder the
 * runtime loads. All from the schema (schemas/cni-config.schema.json) and workspace facts.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node } from 'yaml';
import { cniConfigs } from '../cni/cniDocument';
import type { CniDocument } from '../cni/cniDocument';
import { pluginDefinition, ipamDefinition, schemaAt } from '../cni/cniSchema';
import type { SchemaNode } from '../cni/cniSchema';
import { plainConfig } from '../cni/configModel';
import type { JsonPath } from '../cni/configModel';
import { cniNetworkFacts, loadingOrder } from '../facts/cniNetworks';
import type { CniNetworkFact } from '../facts/cniNetworks';
import type { DocumentFacts } from '../facts/factKind';
import type { Position } from '../core/types';
import { documentAt } from './documentAt';
import type { HoverLimits } from './documentAt';
import type { HoverContext } from './workspaceFacts';
import type { HoverResult } from './hoverResult';

export const CNI_BIN_DIR = '/opt/cni/bin';

/** Third-party plugins seen in the wild, in a line each: their keys are their own. */
const THIRD_PARTY: Readonly<Record<string, string>> = {
  'aws-cni': 'the AWS VPC CNI: pods get addresses from the VPC subnet, on ENIs its aws-node daemon attaches to the node',
  'egress-cni': 'the AWS VPC CNI’s egress plugin (IPv6 pods reaching IPv4, and the reverse)',
  calico: 'Calico: routes pod traffic and enforces NetworkPolicy; installed by its install-cni init container',
  'calico-ipam': 'Calico’s IPAM: addresses from IP pools, in blocks per node',
  flannel: 'flannel: an overlay (VXLAN by default) that delegates the interface to bridge',
  multus: 'Multus: a meta plugin that attaches extra networks from NetworkAttachmentDefinitions',
  'multus-shim': 'Multus (thick plugin): passes the request to the multus daemon',
  'cilium-cni': 'Cilium: eBPF networking and policy; its agent installs this binary',
  'weave-net': 'Weave Net: an overlay mesh between nodes',
  whereabouts: 'Whereabouts: cluster-wide IPAM, unlike host-local which is per node',
  sriov: 'the SR-IOV CNI: moves a virtual function of the NIC into the pod',
};

export function hoverForCni(
  text: string,
  languageId: 'yaml' | 'json',
  position: Position,
  limits: HoverLimits = {},
  context: HoverContext = {},
): HoverResult | undefined {
  const at = documentAt(text, languageId, position, limits);
  if (!at) return undefined;
  const sections: string[] = [];
  let range: readonly [number, number] | undefined;
  let documents: CniDocument[];
  try {
    documents = cniConfigs.recognise({ text: at.text, parsed: at.parsed, filePath: context.filePath, languageId });
  } catch {
    return undefined;
  }
  for (const document of documents) {
    const inner = document.embedding ? document.embedding.fromDocument(at.offset) : at.offset;
    if (inner === undefined || !document.doc || !document.root) continue;
    const found = hoverInConfig(document, inner);
    if (!found) continue;
    sections.push(found.markdown);
    range = document.embedding ? document.embedding.toDocument(found.range[0], found.range[1]) : found.range;
    break;
  }
  const standalone = documents.find((document) => document.origin.kind === 'file');
  if (standalone && position.line === 0 && context.filePath !== undefined) {
    const order = loadingOrderSection(standalone, context.filePath, context.workspace ?? []);
    if (order) {
      sections.push(order);
      range ??= [0, Math.min(text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'), 1)];
    }
  }
  if (sections.length === 0 || !range) return undefined;
  return { markdown: sections.join('\n\n---\n\n'), range: at.toRange(range[0], range[1]) };
}

interface Found {
  markdown: string;
  range: [number, number];
}

/** The key or value under `offset` (in the config's own text), explained. */
function hoverInConfig(document: CniDocument, offset: number): Found | undefined {
  const doc = document.doc!;
  const target = nodeUnder(doc, document.root!, offset, []);
  if (!target) return undefined;
  const data = plainConfig(document);
  const { path, node, onKey } = target;
  const key = path[path.length - 1];
  const range = node.range ? ([node.range[0], node.range[1]] as [number, number]) : undefined;
  if (!range || typeof key !== 'string') return undefined;
  const applicable = schemaAt(data, path);
  const schema = applicable.find(({ node: n }) => n.description)?.node;
  if (!onKey && key === 'type' && isScalar(node) && typeof node.value === 'string') {
    const inIpam = path[path.length - 2] === 'ipam';
    return { markdown: pluginTypeMarkdown(node.value, inIpam), range };
  }
  if (!schema) return undefined;
  if (!onKey && schema.enum && isScalar(node)) return { markdown: enumMarkdown(key, schema, node.value), range };
  return { markdown: keyMarkdown(key, schema, ownerLabel(data, path)), range };
}

/** The deepest key or scalar value of the tree that contains `offset`, with its JSON path. */
function nodeUnder(
  doc: Document.Parsed,
  node: unknown,
  offset: number,
  path: (string | number)[],
): { path: JsonPath; node: Node; onKey: boolean } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key : undefined;
      if (!key?.range) continue;
      const keyPath = [...path, String(key.value)];
      if (offset >= key.range[0] && offset <= key.range[1]) return { path: keyPath, node: key, onKey: true };
      const value = pair.value as Node | null;
      if (value?.range && offset >= value.range[0] && offset <= value.range[1]) {
        if (isScalar(value)) return { path: keyPath, node: value, onKey: false };
        return nodeUnder(doc, value, offset, keyPath);
      }
    }
  } else if (isSeq(node)) {
    for (const [index, item] of node.items.entries()) {
      const child = item as Node | null;
      if (child?.range && offset >= child.range[0] && offset <= child.range[1] && !isScalar(child)) {
        return nodeUnder(doc, child, offset, [...path, index]);
      }
    }
  }
  return undefined;
}

function keyMarkdown(key: string, schema: SchemaNode, owner: string): string {
  const lines = [`**${key}** · ${owner}`, '', schema.description ?? ''];
  const facts: string[] = [];
  const type = describeType(schema);
  if (type) facts.push(`Type: ${type}`);
  if (schema.default !== undefined) facts.push(`Default: \`${JSON.stringify(schema.default)}\``);
  if (schema.minimum !== undefined || schema.maximum !== undefined) {
    facts.push(`Range: ${schema.minimum ?? '…'}–${schema.maximum ?? '…'}`);
  }
  if (schema['x-since']) facts.push(`Since spec ${schema['x-since']}`);
  if (facts.length > 0) lines.push('', facts.join(' · '));
  return lines.join('\n');
}

function enumMarkdown(key: string, schema: SchemaNode, value: unknown): string {
  const values = (schema.enum ?? []).filter((v) => typeof v === 'string').map((v) => (v === value ? `**\`${v}\`**` : `\`${v}\``));
  const lines = [`**${key}**: ${String(value)}`, '', schema.description ?? '', '', `One of: ${values.join(', ')}`];
  if (schema.default !== undefined) lines.push(`Default: \`${JSON.stringify(schema.default)}\``);
  return lines.join('\n');
}

function pluginTypeMarkdown(type: string, ipam: boolean): string {
  const definition = ipam ? ipamDefinition(type) : pluginDefinition(type);
  const binary = `\`${CNI_BIN_DIR}/${type}\``;
  if (definition) {
    const kind = ipam
      ? 'IPAM plugin'
      : definition['x-plugin']?.kind === 'meta'
        ? 'meta plugin (chained after a main plugin)'
        : 'main plugin';
    const lines = [`**${type}** · reference ${kind}`, '', definition.description ?? ''];
    const needs = definition['x-plugin']?.ipam;
    if (!ipam && needs === 'required') lines.push('', 'Needs an `ipam` section (`{}` for an interface without addresses).');
    if (!ipam && needs === 'unless-chained')
      lines.push('', 'Needs an `ipam` section unless a previous plugin in the chain gave the addresses.');
    lines.push(
      '',
      `The runtime runs the binary ${binary} (its CNI_PATH on Kubernetes nodes) with the command on CNI_COMMAND and this config on stdin. The reference plugins ship in the containernetworking/plugins release; a node without the file fails every pod with "failed to find plugin".`,
    );
    return lines.join('\n');
  }
  const known = THIRD_PARTY[type];
  return [
    `**${type}** · ${known ? 'third-party plugin' : 'plugin'}`,
    '',
    known
      ? `${known[0]!.toUpperCase()}${known.slice(1)}.`
      : 'Not a reference plugin: its own keys are its business and are not checked here.',
    '',
    `The runtime runs the binary ${binary}; the plugin’s installer (usually a DaemonSet’s init container) puts it there.`,
  ].join('\n');
}

function ownerLabel(data: unknown, path: JsonPath): string {
  const ipam = path.lastIndexOf('ipam');
  const at = (prefix: JsonPath): Record<string, unknown> | undefined => {
    let value: unknown = data;
    for (const segment of prefix) value = (value as Record<string | number, unknown> | undefined)?.[segment];
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  };
  if (ipam !== -1 && ipam < path.length - 1) {
    const type = at(path.slice(0, ipam + 1))?.type;
    return typeof type === 'string' ? `${type} IPAM` : 'IPAM';
  }
  const plugin = path[0] === 'plugins' && typeof path[1] === 'number' ? path.slice(0, 2) : [];
  const type = at(plugin)?.type;
  if (plugin.length === 0 && path.length === 1 && (at([]) ?? {}).plugins !== undefined) return 'network configuration';
  return typeof type === 'string' ? `${type} plugin` : 'network configuration';
}

function describeType(schema: SchemaNode): string | undefined {
  if (schema.enum?.includes(true)) return 'boolean';
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'array') return schema.items?.type === 'string' ? 'list of strings' : 'list';
  return type;
}

/**
 * The folder's configs in the order the runtime reads them: the kubelet's runtime
 * (containerd, CRI-O) uses the lexically first; runtimes that load all keep the first
 * network of each name.
 */
function loadingOrderSection(document: CniDocument, filePath: string, workspace: readonly DocumentFacts[]): string | undefined {
  const own = cniNetworkFacts.extractFromDocument?.(document, filePath) as CniNetworkFact[] | undefined;
  const self = own?.[0];
  if (!self) return undefined;
  const others = workspace.flatMap((facts) => (facts.get(cniNetworkFacts.id) ?? []) as CniNetworkFact[]);
  const files = loadingOrder([
    self,
    ...others.filter((fact) => fact.directory === self.directory && fact.filePath !== self.filePath),
  ]);
  if (files.length < 2) return undefined;
  const [first, ...rest] = files;
  const name = (fact: CniNetworkFact): string => `\`${fact.fileName}\`${fact.filePath === filePath ? ' (this file)' : ''}`;
  const lines = [
    '**Which config the runtime loads**',
    '',
    `The kubelet’s runtime (containerd, CRI-O) uses only the lexically first config of the folder: ${name(first!)}. It ignores ${rest.map(name).join(', ')}.`,
  ];
  const duplicates = rest.filter((fact) => fact.network !== undefined && fact.network === first!.network);
  if (duplicates.length > 0) {
    lines.push(
      '',
      `${duplicates.map(name).join(', ')} ${duplicates.length === 1 ? 'defines' : 'define'} the same network name ("${first!.network}"): runtimes that load every config keep ${name(first!)}.`,
    );
  }
  return lines.join('\n');
}
