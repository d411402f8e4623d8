/**
 * A CNI config file as other files see it: its folder, its name and the network it
 * defines. The kubelet's runtime loads the lexically first config of /etc/cni/net.d, and
 * runtimes that load several keep the first network of each name: what the files of one
 * folder mean depends on their neighbours. Only files count (not ConfigMap values).
 */
import { isScalar } from 'yaml';
import { cniConfigs } from '../cni/cniDocument';
import type { CniDocument } from '../cni/cniDocument';
import { baseName, directoryOf } from '../document/documentKind';
import { findPair } from '../document/yamlNodes';
import { defineDocumentFactKind } from './factKind';
import type { BaseFact } from './factKind';

export interface CniNetworkFact extends BaseFact {
  filePath: string;
  directory: string;
  fileName: string;
  /** The network's name; undefined when the file names none (or not as a string). */
  network: string | undefined;
}

export const cniNetworkFacts = defineDocumentFactKind<CniDocument, CniNetworkFact>(
  'cni-network',
  cniConfigs,
  (document, filePath) => {
    if (document.origin.kind !== 'file' || filePath === undefined || !document.doc || !document.root) return [];
    const pair = findPair(document.doc, document.root, 'name');
    const value = isScalar(pair?.value) ? pair.value : undefined;
    const start = document.root.range?.[0] ?? 0;
    return [
      {
        at: value?.range ? [value.range[0], value.range[1]] : [start, start + 1],
        filePath,
        directory: directoryOf(filePath),
        fileName: baseName(filePath),
        network: typeof value?.value === 'string' ? value.value : undefined,
      },
    ];
  },
);

/** One fact per file, in the order the runtime reads a folder (file names by code unit, as Go's sort.Strings). */
export function loadingOrder(facts: readonly CniNetworkFact[]): CniNetworkFact[] {
  const byPath = new Map<string, CniNetworkFact>();
  for (const fact of facts) if (!byPath.has(fact.filePath)) byPath.set(fact.filePath, fact);
  return [...byPath.values()].sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
}
