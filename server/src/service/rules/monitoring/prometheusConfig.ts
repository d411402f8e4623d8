/**
 * Plain Prometheus configuration held in a ConfigMap (`prometheus.yml` under `data`):
 * the inner YAML parsed on its own, with its offsets mapped back to the manifest through
 * embeddedText, so findings land on the exact characters inside the string.
 */
import { isMap, parseDocument } from 'yaml';
import type { Document, Node, YAMLMap } from 'yaml';
import { getMap, getSeq, mapItems, resolveNode } from '../../document/yamlNodes';
import type { KubeObject } from '../../kubernetes/objects';
import type { OffsetRange } from '../api/ruleTypes';
import { embeddedText } from '../api/embeddedText';

const CONFIG_KEYS = /^prometheus\.ya?ml$/;
/** A generous bound for one configuration; larger strings are not read. */
const MAX_CONFIG_LENGTH = 512 * 1024;

export interface EmbeddedPrometheusConfig {
  doc: Document.Parsed;
  /** The top-level map of the configuration. */
  root: YAMLMap;
  scrapeConfigs: YAMLMap[];
  /** The manifest offsets of an inner node. */
  locate(node: Node): OffsetRange | undefined;
}

export function prometheusConfigsOf(object: KubeObject, text: string): EmbeddedPrometheusConfig[] {
  if (object.ref.kind !== 'ConfigMap' || object.ref.apiVersion !== 'v1') return [];
  const data = getMap(object.doc, object.root, 'data');
  const configs: EmbeddedPrometheusConfig[] = [];
  for (const pair of data?.items ?? []) {
    const key = resolveNode(object.doc, pair.key) as { value?: unknown } | undefined;
    if (typeof key?.value !== 'string' || !CONFIG_KEYS.test(key.value)) continue;
    const inner = embeddedText(pair.value, text);
    if (!inner || inner.text.length > MAX_CONFIG_LENGTH) continue;
    const doc = parseDocument(inner.text, { uniqueKeys: false, prettyErrors: false });
    const root = resolveNode(doc, doc.contents);
    if (doc.errors.length > 0 || !isMap(root)) continue;
    configs.push({
      doc,
      root,
      scrapeConfigs: mapItems(doc, getSeq(doc, root, 'scrape_configs')),
      locate: (node) => (node.range ? inner.toDocument(node.range[0], node.range[1]) : undefined),
    });
  }
  return configs;
}
