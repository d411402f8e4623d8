/**
 * kustomize-inline-patch-invalid: an inline patch (`patch: |`, or a string item of
 * `patchesStrategicMerge`) that kustomize cannot decode: not YAML, or YAML of a shape no
 * patch has. Inside a block scalar the editor shows the patch as one string, so a broken
 * indent or an unclosed quote there gets no syntax error of its own.
 */
import { isMap, isSeq, parseAllDocuments } from 'yaml';
import { relaxGoYaml } from '../../document/goYamlLeniency';
import type { PatchEntry } from '../../kustomize/kustomization';
import { embeddedText } from '../api/embeddedText';
import { defineKustomizationRule } from '../api/ruleTypes';

export const kustomizeInlinePatchInvalid = defineKustomizationRule(
  {
    id: 'kustomize-inline-patch-invalid',
    type: 'problem',
    defaultSeverity: 'error',
    description:
      'An inline patch is YAML kustomize can decode: a map (a strategic merge patch) or a list of JSON 6902 operations.',
    why: "Kustomize decodes every patch before it applies any: an inline patch that is not YAML (a line indented one space too few, a tab, an unclosed quote) or that is neither a map nor a list of operations fails the whole `kustomize build` ('unable to parse SM or JSON patch'), and none of the overlay reaches the cluster. In the kustomization the patch is one block string, so the editor shows no syntax error inside it.",
    remediation:
      'Correct the patch text: a map of the fields to merge for a strategic merge patch, or a list of `op`/`path`/`value` items for JSON 6902 (`patchesJson6902` takes only the list).',
    equivalents: [],
    messages: {
      notYaml: 'This inline patch is not valid YAML ({{detail}}): kustomize build fails on it.',
      wrongShape: 'This inline patch is {{shape}}, where {{field}} takes {{wanted}}: kustomize build fails on it.',
    },
    fixable: false,
  },
  ({ kustomization, text, report }) => {
    for (const patch of kustomization.patches) {
      const inner = patch.inline && embeddedText(patch.inline, text);
      if (!inner || inner.text.trim() === '') continue;
      const documents = parseAllDocuments(inner.text, { uniqueKeys: false, prettyErrors: false });
      const all = Array.isArray(documents) ? documents : [];
      const error = all.flatMap((document) => document.errors)[0];
      if (error) {
        // What kubectl's parser accepts (a quoted scalar's continuation lines not indented) kustomize accepts too.
        const relaxed = relaxGoYaml(inner.text);
        if (relaxed && parseAllDocuments(relaxed.text).every((document) => document.errors.length === 0)) continue;
        const [start, end] = errorRange(inner.text, error.pos);
        report({
          at: inner.toDocument(start, end),
          messageId: 'notYaml',
          data: { detail: firstLine(error.message) },
        });
        continue;
      }
      const wanted = shapesOf(patch.field);
      for (const document of all) {
        const contents = document.contents;
        if (contents === null) continue;
        const shape = isMap(contents) ? 'map' : isSeq(contents) ? 'list' : 'scalar';
        if (wanted.includes(shape)) continue;
        const [start, end] = contents.range ?? [0, 0];
        report({
          at: inner.toDocument(start, Math.max(end, start + 1)),
          messageId: 'wrongShape',
          data: { shape: SHAPE_WORDS[shape], field: `'${patch.field}'`, wanted: WANTED_WORDS[patch.field] },
        });
      }
    }
  },
);

const SHAPE_WORDS = { map: 'a map', list: 'a list', scalar: 'a plain value' } as const;

const WANTED_WORDS: Record<PatchEntry['field'], string> = {
  patches: 'a map (strategic merge) or a list of operations (JSON 6902)',
  patchesStrategicMerge: 'a map (a strategic merge patch)',
  patchesJson6902: 'a list of operations',
};

function shapesOf(field: PatchEntry['field']): readonly string[] {
  if (field === 'patchesStrategicMerge') return ['map'];
  if (field === 'patchesJson6902') return ['list'];
  return ['map', 'list'];
}

/** The error's characters; one at the end of the text (a quote never closed) marks the last line. */
function errorRange(text: string, [start, end]: [number, number]): [number, number] {
  if (start < text.length) return [start, Math.max(end, start + 1)];
  const trimmed = text.trimEnd();
  const lineStart = trimmed.lastIndexOf('\n') + 1;
  return [lineStart + (/^\s*/.exec(trimmed.slice(lineStart))?.[0].length ?? 0), trimmed.length];
}

/** The parser's message without its position and excerpt, which the range already gives. */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
}
