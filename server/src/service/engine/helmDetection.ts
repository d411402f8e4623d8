/**
 * Recognises Go-template markers (`{{ … }}`) that make a file a Helm template rather
 * than YAML. A marker inside a quoted or block string is data (an alerting template
 * in a ConfigMap, say), and one in a comment is prose; any other marker is a template.
 */
import { isScalar, Scalar, visit } from 'yaml';
import type { ChunkResult } from './lintChunk';
import type { SourceChunk } from '../document/splitDocuments';

const STRING_TYPES = new Set<string>([Scalar.QUOTE_DOUBLE, Scalar.QUOTE_SINGLE, Scalar.BLOCK_LITERAL, Scalar.BLOCK_FOLDED]);

const MANIFEST_LINE = /^[ \t]*(?:apiVersion|kind)[ \t]*:/m;

export function hasTemplateMarkers(chunks: readonly SourceChunk[], results: readonly ChunkResult[]): boolean {
  if (!chunks.some((chunk) => MANIFEST_LINE.test(chunk.text))) return false;
  for (const [index, chunk] of chunks.entries()) {
    if (!chunk.text.includes('{{')) continue;
    const doc = results[index]?.parsed.doc;
    const stringRanges: [number, number][] = [];
    if (doc) {
      visit(doc, {
        Scalar(_key, node) {
          if (isScalar(node) && node.range && node.type && STRING_TYPES.has(node.type)) {
            stringRanges.push([node.range[0], node.range[1]]);
          }
        },
      });
    }
    for (let at = chunk.text.indexOf('{{'); at !== -1; at = chunk.text.indexOf('{{', at + 2)) {
      if (chunk.text[at - 1] === '$') continue;
      if (stringRanges.some(([start, end]) => at >= start && at < end)) continue;
      const lineStart = chunk.text.lastIndexOf('\n', at) + 1;
      if (/^\s*#/.test(chunk.text.slice(lineStart, at))) continue;
      return true;
    }
  }
  return false;
}
