/**
 * Symbols: the Outline of a file (one entry per object, `Kind/name`, with its containers)
 * and the workspace's objects for Ctrl+T. The Outline reads the text it is given (it must
 * work for any open file); workspace symbols read the index.
 */
import { parseChunk } from '../document/parseChunk';
import { splitYamlDocuments } from '../document/splitDocuments';
import { rangeOf } from '../document/yamlNodes';
import { locatorOf } from '../core/ranges';
import { kubeObjectsIn } from '../kubernetes/objects';
import { allContainers } from '../kubernetes/workloads';
import { objectFacts } from '../facts/objects';
import { nameAtOf } from '../facts/objects';
import { isKustomizationFileName, readKustomization } from '../kustomize/kustomization';
import { kustomizationSymbols } from './kustomizeSymbols';
import type { OutlineSymbol } from './outlineSymbol';
import { placeOf } from './workspaceIndex';
import type { Place, WorkspaceIndex } from './workspaceIndex';

export type { OutlineSymbol };

/** Past this many documents the Outline lists the first ones only: it must stay instant. */
const MAX_OUTLINE_DOCUMENTS = 5000;

/** `fileName` (the last path segment) tells a kustomization without apiVersion and kind, as kustomize reads it. */
export function documentSymbols(text: string, languageId: 'yaml' | 'json', fileName = ''): OutlineSymbol[] {
  const chunks = languageId === 'json' ? [{ text, startOffset: 0, startLine: 0 }] : splitYamlDocuments(text);
  const symbols: OutlineSymbol[] = [];
  const named = isKustomizationFileName(fileName) && chunks.length === 1;
  for (const chunk of chunks.slice(0, MAX_OUTLINE_DOCUMENTS)) {
    const parsed = parseChunk(chunk.text);
    if (!parsed.doc || parsed.unusable) continue;
    const locate = locatorOf(parsed.lineCounter, chunk.startLine);
    const kustomization = readKustomization(parsed.doc, named);
    if (kustomization) {
      symbols.push(...kustomizationSymbols(parsed.doc, kustomization, locate));
      continue;
    }
    for (const object of kubeObjectsIn(parsed.doc)) {
      const [start, end] = rangeOf(object.root) ?? [0, 0];
      const [nameStart, nameEnd] = nameAtOf(object);
      const children = allContainers(object).flatMap((container): OutlineSymbol[] => {
        const [cStart, cEnd] = rangeOf(container.node) ?? [0, 0];
        const [sStart, sEnd] = container.namePair ? (rangeOf(container.namePair) ?? [cStart, cStart]) : [cStart, cStart];
        return [
          {
            name: container.name ?? '(unnamed)',
            detail: container.kind,
            kind: 'container',
            range: locate(cStart, cEnd),
            selectionRange: locate(sStart, sEnd),
            children: [],
          },
        ];
      });
      symbols.push({
        name: `${object.ref.kind}/${object.ref.name ?? '(unnamed)'}`,
        detail: object.ref.namespace ?? '',
        kind: 'object',
        range: locate(start, end),
        selectionRange: locate(nameStart, nameEnd),
        children,
      });
    }
  }
  return symbols;
}

export interface WorkspaceSymbol {
  name: string;
  namespace: string;
  place: Place;
}

/** Objects whose `Kind/name` contains the query's characters in order (case-insensitive), at most `limit`. */
export function workspaceSymbols(index: WorkspaceIndex, query: string, limit = 500): WorkspaceSymbol[] {
  const wanted = query.toLowerCase().replace(/\s+/g, '');
  const found: WorkspaceSymbol[] = [];
  for (const object of index.of(objectFacts)) {
    const name = `${object.fact.kind}/${object.fact.name || '(unnamed)'}`;
    if (!isSubsequence(wanted, name.toLowerCase())) continue;
    found.push({ name, namespace: object.fact.namespace, place: placeOf(object) });
    if (found.length >= limit) break;
  }
  return found;
}

function isSubsequence(needle: string, haystack: string): boolean {
  let at = 0;
  for (const char of haystack) if (char === needle[at]) at++;
  return at >= needle.length;
}
