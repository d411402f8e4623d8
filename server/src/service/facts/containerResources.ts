/**
 * What each container of a workload declares under `resources`, for missing-resources,
 * which compares it with the requirement and, for its suggestion, with the defaults of
 * a LimitRange elsewhere in the workspace. The edits are prepared here from the
 * document, because findings across files are built from facts alone: the memory
 * limit copied from the request, and where (and at what indentation) a whole
 * `resources` block goes when there is none.
 */
import { isScalar } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { findPair, getMap, getValue, hasKey, rangeOf } from '../document/yamlNodes';
import { insertIntoBlockMap } from '../document/insertIntoMap';
import type { OffsetEdit, OffsetRange } from '../core/ruleMeta';
import { allContainers } from '../kubernetes/workloads';
import { defineFactKind, factBase } from './factKind';
import type { Fact } from './factKind';

export const RESOURCE_REQUIREMENTS = ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'] as const;
export type ResourceRequirement = (typeof RESOURCE_REQUIREMENTS)[number];

export interface ContainerResourcesEntry {
  name: string;
  /** The container's `name:` pair (or the container), where a finding about it goes. */
  at: OffsetRange;
  /** What it declares; a limit counts as the request too, because Kubernetes copies it. */
  declared: ResourceRequirement[];
  /** `limits.memory` set to the memory request as written, when the request is set and the limit is not. */
  memoryLimitFromRequest: { at: OffsetRange; text: string; value: string } | undefined;
  /** With no `resources` at all: where a block goes, as the text before and after each line of it. */
  block: { at: OffsetRange; before: string; after: string } | undefined;
}

export interface ContainerResourcesFact extends Fact {
  containers: ContainerResourcesEntry[];
  /** kube-linter checks the object opts out of (`ignore-check.kube-linter.io/<check>`), as `kube-linter:<check>`. */
  ignores: readonly string[];
}

const KUBE_LINTER_IGNORE = 'ignore-check.kube-linter.io/';
/** Stands for a line of the block while its position and indentation are computed. */
const LINE = '\u0000';

export const containerResourcesFacts = defineFactKind<ContainerResourcesFact>('container-resources', (object, text) => {
  const { doc } = object;
  const containers: ContainerResourcesEntry[] = [];
  for (const container of allContainers(object)) {
    // Ephemeral (debug) containers may not declare resources at all.
    if (container.kind === 'ephemeralContainer') continue;
    const resources = getMap(doc, container.node, 'resources');
    const blockEdit =
      resources || hasKey(doc, container.node, 'resources') ? undefined : insertIntoBlockMap(text, container.node, [LINE]);
    const [before, after] = blockEdit ? blockEdit.text.split(LINE) : [];
    containers.push({
      name: container.name ?? '(unnamed)',
      at: rangeOf(container.namePair ?? container.node) ?? [0, 0],
      declared: RESOURCE_REQUIREMENTS.filter((required) => declares(doc, resources, required)),
      memoryLimitFromRequest: resources ? memoryLimitEdit(doc, text, resources) : undefined,
      block:
        blockEdit && before !== undefined && after !== undefined
          ? { at: [blockEdit.start, blockEdit.end], before, after }
          : undefined,
    });
  }
  if (containers.length === 0) return [];
  const ignores = [...object.annotations.keys()]
    .filter((key) => key.startsWith(KUBE_LINTER_IGNORE))
    .map((key) => `kube-linter:${key.slice(KUBE_LINTER_IGNORE.length)}`);
  return [{ ...factBase(object, rangeOf(object.root) ?? [0, 0]), containers, ignores }];
});

function declares(doc: Document.Parsed, resources: YAMLMap | undefined, required: ResourceRequirement): boolean {
  const [role, resource] = required.split('.') as ['requests' | 'limits', string];
  const has = (map: YAMLMap | undefined): boolean => map !== undefined && hasKey(doc, map, resource);
  return has(getMap(doc, resources, role)) || (role === 'requests' && has(getMap(doc, resources, 'limits')));
}

function memoryLimitEdit(
  doc: Document.Parsed,
  text: string,
  resources: YAMLMap,
): ContainerResourcesEntry['memoryLimitFromRequest'] {
  if (declares(doc, resources, 'limits.memory')) return undefined;
  const requests = getMap(doc, resources, 'requests');
  const requested = requests ? getValue(doc, requests, 'memory') : undefined;
  if (!isScalar(requested) || !requested.range) return undefined;
  // The request exactly as written (quotes included), so the limit reads the same.
  const value = text.slice(requested.range[0], requested.range[1]);
  if (value.includes('\n')) return undefined;
  const limits = getMap(doc, resources, 'limits');
  const written = findPair(doc, resources, 'limits');
  const edit: OffsetEdit | undefined = limits
    ? insertIntoBlockMap(text, limits, [`memory: ${value}`])
    : written
      ? resources.flow
        ? undefined
        : underEmptyKey(text, written, `memory: ${value}`)
      : insertIntoBlockMap(text, resources, ['limits:', `  memory: ${value}`]);
  return edit ? { at: [edit.start, edit.end], text: edit.text, value } : undefined;
}

/**
 * `limits:` written with nothing after it: the line goes under the key, indented one step
 * more. Writing a second `limits:` would be a duplicate key; a key with a value that is not
 * a map (`limits: ~`) gets no fix.
 */
function underEmptyKey(text: string, pair: Pair<unknown, unknown>, line: string): OffsetEdit | undefined {
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  if (!key?.range || (value !== null && !(isScalar(value) && value.range && value.range[0] === value.range[1]))) return undefined;
  const colon = text.indexOf(':', key.range[1]);
  if (colon < 0) return undefined;
  const lineStart = text.lastIndexOf('\n', key.range[0] - 1) + 1;
  const indent = ' '.repeat(key.range[0] - lineStart + 2);
  return { start: colon + 1, end: colon + 1, text: `\n${indent}${line}` };
}
