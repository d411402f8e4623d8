/**
 * CNI network configurations, wherever they are written: a `.conf`/`.conflist` file (a
 * copy of /etc/cni/net.d), a `.json` file shaped like one, a ConfigMap key an installer
 * copies to the node (flannel's `cni-conf.json`, Calico's `cni_network_config`), or a
 * Multus NetworkAttachmentDefinition's `spec.config`.
 *
 * The runtime reads them with Go's strict JSON decoder, so each config carries a strict
 * scan of its text (document/jsonSyntax.ts) besides the YAML parser's tree that rules
 * walk; rules on values run only when the two agree (`readable`).
 */
import { isMap, isScalar } from 'yaml';
import type { Document, YAMLMap } from 'yaml';
import { baseName, defineDocumentKind, extensionOf } from '../document/documentKind';
import type { DocumentSource, RecognisedDocument } from '../document/documentKind';
import { embeddedText } from '../document/embeddedText';
import { scanJson } from '../document/jsonSyntax';
import type { JsonScan } from '../document/jsonSyntax';
import { parseChunk } from '../document/parseChunk';
import type { ParsedChunk } from '../document/parseChunk';
import { findPair, getMap, resolveNode } from '../document/yamlNodes';
import { kubeObjectsIn } from '../kubernetes/objects';
import type { KubeObject } from '../kubernetes/objects';

/** Where a config is written, which decides how it is read (a `.conf` is one plugin, a `.conflist` a chain). */
export type CniOrigin =
  | { kind: 'file'; fileName: string | undefined; extension: string }
  | { kind: 'configmap'; key: string }
  | { kind: 'network-attachment' };

export interface CniDocument extends RecognisedDocument {
  parsed: ParsedChunk;
  doc: Document.Parsed | undefined;
  /** The top-level object; undefined when the text is not a JSON object. */
  root: YAMLMap | undefined;
  /** `conflist` when the config is a `plugins` chain (or a file named so); `conf` for one plugin at the top. */
  form: 'conf' | 'conflist';
  origin: CniOrigin;
  json: JsonScan;
  /** Rules may read values: the strict JSON scan found nothing fatal and the YAML parser read the text cleanly. */
  readable: boolean;
}

export const CNI_FILE_EXTENSIONS: readonly string[] = ['.conf', '.conflist'];

/**
 * ConfigMap keys named for a CNI config (flannel's `cni-conf.json`, Calico's
 * `cni_network_config`, `10-net.conflist`): their JSON objects are configs even before they
 * parse or while they lack `cniVersion`. Other keys count when their value is shaped like one.
 */
const CNI_NAMED_KEY = /(?:^|[_.-])cni[_-]?(?:conf(?:ig)?|network[_-]config)(?:\.json)?$|\.conflist$/i;

export const cniConfigs = defineDocumentKind<CniDocument>({
  id: 'cni-config',
  description:
    'CNI network configurations: `.conf` and `.conflist` files, `.json` files shaped like them, ConfigMap keys holding one, and NetworkAttachmentDefinition `spec.config`',
  fileExtensions: CNI_FILE_EXTENSIONS,
  // Only CNI writes .conflist files; a .conf is ours when it holds a JSON object (an nginx.conf is not).
  claimsFile: (fileName, text) =>
    extensionOf(fileName) === '.conflist' || (extensionOf(fileName) === '.conf' && /^\uFEFF?\s*\{/.test(text)),
  recognise(source) {
    const standalone = standaloneConfig(source);
    if (standalone) return [standalone];
    if (source.languageId === 'json') return [];
    return kubeObjectsIn(source.parsed.doc).flatMap((object) => embeddedConfigs(object, source.text));
  },
});

/** The file itself: any `.conf`/`.conflist` starting with `{`, and JSON files shaped like a config. */
function standaloneConfig(source: DocumentSource): CniDocument | undefined {
  const extension = source.filePath === undefined ? '' : extensionOf(source.filePath);
  const named = CNI_FILE_EXTENSIONS.includes(extension);
  if (!named && source.languageId !== 'json') return undefined;
  const root = resolveNode(source.parsed.doc, source.parsed.doc.contents);
  if (!named && !(isMap(root) && looksLikeConfig(root))) return undefined;
  if (extension === '.conf' && !/^\uFEFF?\s*\{/.test(source.text)) return undefined;
  const json = scanJson(source.text);
  const map = isMap(root) ? root : undefined;
  const fileName = source.filePath === undefined ? undefined : baseName(source.filePath);
  return {
    text: source.text,
    parsed: source.parsed,
    doc: source.parsed.doc,
    root: map,
    form:
      extension === '.conflist' || (extension !== '.conf' && map !== undefined && hasKey(map, 'plugins')) ? 'conflist' : 'conf',
    origin: { kind: 'file', fileName, extension },
    json,
    readable: !json.fatal && !source.parsed.problems.some((p) => p.kind === 'syntax'),
    ownsSyntax: true,
  };
}

function embeddedConfigs(object: KubeObject, source: string): CniDocument[] {
  const { doc, root, ref } = object;
  if (ref.kind === 'ConfigMap' && ref.apiVersion === 'v1') {
    const data = getMap(doc, root, 'data');
    return (data?.items ?? []).flatMap((pair) => {
      const key = resolveNode(doc, pair.key);
      if (!isScalar(key)) return [];
      const name = String(key.value);
      const named = CNI_NAMED_KEY.test(name);
      const config = embeddedConfig(
        object,
        resolveNode(doc, pair.value),
        source,
        { kind: 'configmap', key: name },
        (text) => /^\s*\{/.test(text) && (named || text.includes('cniVersion')),
        named,
      );
      return config ? [config] : [];
    });
  }
  if (ref.kind === 'NetworkAttachmentDefinition' && ref.apiVersion.startsWith('k8s.cni.cncf.io/')) {
    const spec = getMap(doc, root, 'spec');
    const pair = spec ? findPair(doc, spec, 'config') : undefined;
    if (!pair) return [];
    // Multus reads any JSON object here (without `config`, it reads the file named after the object).
    const config = embeddedConfig(
      object,
      resolveNode(doc, pair.value),
      source,
      { kind: 'network-attachment' },
      (text) => /^\s*\{/.test(text),
      true,
    );
    return config ? [config] : [];
  }
  return [];
}

/**
 * A config in a string value, when the value passes `candidate` (a cheap test before any
 * decoding) and then reads as a config: shaped like one, or `meant` to be one (by where it
 * is written), or broken JSON that names a cniVersion.
 */
function embeddedConfig(
  object: KubeObject,
  node: unknown,
  source: string,
  origin: CniOrigin,
  candidate: (text: string) => boolean,
  meant: boolean,
): CniDocument | undefined {
  if (!isScalar(node) || typeof node.value !== 'string' || !candidate(node.value)) return undefined;
  const embedding = embeddedText(node, source);
  if (!embedding) return undefined;
  const text = embedding.text;
  const parsed = parseChunk(text);
  const json = scanJson(text);
  const root = parsed.doc ? resolveNode(parsed.doc, parsed.doc.contents) : undefined;
  const map = isMap(root) ? root : undefined;
  const shaped = map !== undefined && looksLikeConfig(map);
  if (!shaped && !meant && !(json.fatal && text.includes('"cniVersion"'))) return undefined;
  return {
    text,
    parsed,
    doc: parsed.doc,
    root: map,
    form: map !== undefined && hasKey(map, 'plugins') ? 'conflist' : 'conf',
    origin,
    json,
    readable: !json.fatal && !parsed.unusable && !parsed.problems.some((p) => p.kind === 'syntax'),
    embedding,
    host: object.ref,
  };
}

/** `cniVersion` with `type` or `plugins`: what a config has and other JSON has not. */
function looksLikeConfig(map: YAMLMap): boolean {
  return hasKey(map, 'cniVersion') && (hasKey(map, 'type') || hasKey(map, 'plugins'));
}

function hasKey(map: YAMLMap, key: string): boolean {
  return map.items.some((pair) => isScalar(pair.key) && pair.key.value === key);
}
