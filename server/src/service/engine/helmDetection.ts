/**
 * Recognises Go-template markers (`{{ … }}`) that make a file a Helm template rather
 * than YAML. A marker inside a quoted or block string is data (an alerting template
 * in a ConfigMap, say), one in a comment is prose, and `${{ … }}` is a GitHub Actions
 * expression; any other marker is a template. A file with no `apiVersion:` or `kind:`
 * line is no Kubernetes manifest, templated or not.
 *
 * Both facts are computed per document, so they are cached with its other results.
 */
import { isScalar, Scalar, visit } from 'yaml';
import type { Document } from 'yaml';

const STRING_TYPES = new Set<string>([Scalar.QUOTE_DOUBLE, Scalar.QUOTE_SINGLE, Scalar.BLOCK_LITERAL, Scalar.BLOCK_FOLDED]);

const MANIFEST_LINE = /^[ \t]*(?:apiVersion|kind)[ \t]*:/m;

export function mentionsManifestFields(text: string): boolean {
  return MANIFEST_LINE.test(text);
}

export function hasTemplateMarkers(text: string, doc: Document.Parsed | undefined): boolean {
  if (!text.includes('{{')) return false;
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
  for (let at = text.indexOf('{{'); at !== -1; at = text.indexOf('{{', at + 2)) {
    if (text[at - 1] === '$') continue;
    if (stringRanges.some(([start, end]) => at >= start && at < end)) continue;
    const lineStart = text.lastIndexOf('\n', at) + 1;
    if (/^\s*#/.test(text.slice(lineStart, at))) continue;
    return true;
  }
  return false;
}
