/** One entry of a file's Outline, as the LSP glue turns it into a DocumentSymbol. */
import type { Range } from '../core/types';

export interface OutlineSymbol {
  name: string;
  detail: string;
  /** Objects and their containers; in a kustomization, its groups of inputs and their entries. */
  kind: 'object' | 'container' | 'group' | 'path' | 'inline-patch' | 'generator' | 'image';
  range: Range;
  selectionRange: Range;
  children: OutlineSymbol[];
}
