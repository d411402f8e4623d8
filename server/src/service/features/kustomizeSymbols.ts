/**
 * The Outline of a kustomization: its inputs grouped as a reader scans them (resources,
 * components, patches, generators, images), each entry under its group, instead of the
 * one `Kustomization/(unnamed)` object the manifest Outline would show.
 */
import { isScalar } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { findPair, getString, rangeOf } from '../document/yamlNodes';
import type { KustomizationModel, PatchTarget } from '../kustomize/kustomization';
import type { Locate } from '../core/ranges';
import type { OutlineSymbol } from './outlineSymbol';

interface Group {
  name: string;
  /** The fields the group gathers, in the order kustomize documents them. */
  fields: readonly string[];
  children: OutlineSymbol[];
}

export function kustomizationSymbols(doc: Document.Parsed, model: KustomizationModel, locate: Locate): OutlineSymbol[] {
  const symbol = (
    name: string,
    detail: string,
    kind: OutlineSymbol['kind'],
    node: Node | Pair<unknown, unknown>,
    selection: Node = node as Node,
  ): OutlineSymbol => {
    const [start, end] = rangeOf(node) ?? [0, 0];
    const [sStart, sEnd] = rangeOf(selection) ?? [start, start];
    return { name, detail, kind, range: locate(start, end), selectionRange: locate(sStart, sEnd), children: [] };
  };
  const groups: Group[] = [
    {
      name: 'resources',
      fields: ['resources', 'bases'],
      children: model.resources.map((entry) => symbol(entry.path, entry.field === 'bases' ? 'bases' : '', 'path', entry.item)),
    },
    {
      name: 'components',
      fields: ['components'],
      children: model.components.map((entry) => symbol(entry.path, '', 'path', entry.item)),
    },
    {
      name: 'patches',
      fields: ['patches', 'patchesStrategicMerge', 'patchesJson6902'],
      children: model.patches.map((patch) => {
        const detail = [patch.field === 'patches' ? '' : patch.field, patch.target ? describe(patch.target) : '']
          .filter((part) => part !== '')
          .join(' · ');
        return patch.file
          ? symbol(patch.file.path, detail, 'path', patch.item, patch.file.node)
          : symbol('(inline)', detail, 'inline-patch', patch.item);
      }),
    },
    {
      name: 'generators',
      fields: ['configMapGenerator', 'secretGenerator'],
      children: model.generated.map((generated) => {
        const name = findPair(doc, generated.item, 'name');
        const files = model.generatorFiles.filter((entry) => isWithin(entry.node, generated.item));
        const made = symbol(
          `${generated.kind}/${generated.name}`,
          '',
          'generator',
          generated.item,
          (name?.value as Node) ?? generated.item,
        );
        made.children = files.map((entry) => symbol(entry.path, '', 'path', entry.node));
        return made;
      }),
    },
    {
      name: 'images',
      fields: ['images'],
      children: model.images.map((image) => symbol(image.name, imageChange(doc, image.item), 'image', image.item, image.node)),
    },
  ];
  const symbols: OutlineSymbol[] = [];
  for (const group of groups) {
    const pairs = group.fields.flatMap((field) => findPair(doc, model.root, field) ?? []);
    const first = pairs[0];
    if (!first || group.children.length === 0) continue;
    const ranges = pairs.map((pair): [number, number] => rangeOf(pair) ?? [0, 0]);
    const start = Math.min(...ranges.map((r) => r[0]));
    const end = Math.max(...ranges.map((r) => r[1]));
    const [kStart, kEnd] = rangeOf(first.key as Node) ?? [start, start];
    symbols.push({
      name: group.name,
      detail: group.children.length === 1 ? '1 entry' : `${group.children.length} entries`,
      kind: 'group',
      range: locate(start, end),
      selectionRange: locate(kStart, kEnd),
      children: group.children,
    });
  }
  return symbols;
}

function isWithin(node: Node, outer: YAMLMap): boolean {
  const inner = node.range;
  const around = outer.range;
  return !!inner && !!around && inner[0] >= around[0] && inner[1] <= around[1];
}

function describe(target: PatchTarget): string {
  const kind = target.kind ?? '*';
  return target.name === undefined ? kind : `${kind}/${target.name}`;
}

/** What an `images:` entry changes: `→ 2.0.0`, `→ registry/app:1.2`, `→ @sha256:…`. */
function imageChange(doc: Document.Parsed, item: YAMLMap): string {
  const newName = getString(doc, item, 'newName');
  const newTag = findPair(doc, item, 'newTag')?.value;
  const tag = isScalar(newTag) && newTag.value !== null ? String(newTag.value) : undefined;
  const digest = getString(doc, item, 'digest');
  const to = `${newName ?? ''}${tag ? `${newName ? ':' : ''}${tag}` : ''}${digest ? `@${digest}` : ''}`;
  return to === '' ? '' : `→ ${to}`;
}
