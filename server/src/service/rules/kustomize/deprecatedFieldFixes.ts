/**
 * The rewrites of kustomize's deprecated fields, as `kustomize edit fix` makes them,
 * offered only where the new form means the same and the text is a layout we can
 * rewrite exactly (block collections, the new field not yet present).
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Pair, YAMLMap } from 'yaml';
import type { OffsetEdit, OffsetFix } from '../api/ruleTypes';
import type { DeprecatedField } from '../../kustomize/kustomization';
import { columnOf, contentLineEnd } from '../api/fixes/sourceLines';

export function deprecatedFieldFix(
  text: string,
  root: YAMLMap,
  field: DeprecatedField,
  pair: Pair<unknown, unknown>,
): OffsetFix | undefined {
  const key = pair.key;
  if (!isScalar(key) || !key.range) return undefined;
  const has = (name: string): boolean => root.items.some((item) => isScalar(item.key) && item.key.value === name);
  const rename = (to: string): OffsetEdit => ({ start: key.range![0], end: key.range![1], text: to });
  switch (field) {
    case 'bases':
      return has('resources') ? undefined : { title: "Rename 'bases' to 'resources'", edits: [rename('resources')] };
    case 'patchesJson6902':
      // Its entries (target plus path or patch) are already entries of `patches`.
      return has('patches') ? undefined : { title: "Rename 'patchesJson6902' to 'patches'", edits: [rename('patches')] };
    case 'patchesStrategicMerge':
      return has('patches') ? undefined : strategicMergeFix(text, pair, rename('patches'));
    case 'commonLabels':
      return has('labels') ? undefined : commonLabelsFix(text, pair);
    case 'vars':
      return undefined; // replacements select fields differently: no mechanical rewrite
  }
}

/** `- a.yaml` becomes `- path: a.yaml`; an inline patch (a block scalar) is left to the author. */
function strategicMergeFix(text: string, pair: Pair<unknown, unknown>, rename: OffsetEdit): OffsetFix | undefined {
  const seq = pair.value;
  if (!isSeq(seq) || seq.flow) return undefined;
  const edits: OffsetEdit[] = [rename];
  for (const item of seq.items) {
    if (!isScalar(item) || !item.range || typeof item.value !== 'string' || item.value.includes('\n')) return undefined;
    edits.push({ start: item.range[0], end: item.range[0], text: 'path: ' });
  }
  return { title: "Rewrite 'patchesStrategicMerge' as 'patches'", edits };
}

/** `commonLabels: {k: v}` becomes a `labels` entry with `includeSelectors: true`, which changes selectors alike. */
function commonLabelsFix(text: string, pair: Pair<unknown, unknown>): OffsetFix | undefined {
  const key = pair.key;
  const map = pair.value;
  if (!isScalar(key) || !key.range || !isMap(map) || map.items.length === 0) return undefined;
  const lines: string[] = [];
  for (const item of map.items) {
    if (!isScalar(item.key) || !isScalar(item.value)) return undefined;
    lines.push(`${yamlString(String(item.key.value))}: ${yamlString(String(item.value.value ?? ''))}`);
  }
  const end = contentLineEnd(text, map);
  if (end === undefined) return undefined;
  const indent = ' '.repeat(columnOf(text, key.range[0]));
  const replacement = [
    'labels:',
    `${indent}- pairs:`,
    ...lines.map((line) => `${indent}    ${line}`),
    `${indent}  includeSelectors: true`,
  ].join('\n');
  return {
    title: "Rewrite 'commonLabels' as 'labels' with includeSelectors",
    edits: [{ start: key.range[0], end, text: replacement }],
  };
}

/** A label key or value as YAML writes it: plain when it reads back as the same string. */
function yamlString(value: string): string {
  const plain =
    /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(value) && !/^(true|false|yes|no|on|off|null|y|n|[-+.\d][\d._eE+-]*)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}
