/**
 * Recognises Go-template markers (`{{ … }}`) that make a file a template rather than
 * YAML. A marker inside a string value, quoted, block or plain, is data (Prometheus and
 * Alertmanager templating: `description: Pod {{ $labels.pod }} is down`), one in a
 * comment is prose, and `${{ … }}` is a GitHub Actions expression; a marker anywhere
 * else (a value that starts with `{{`, a line of template logic) is template syntax
 * outside scalars. A file with no `apiVersion:` or `kind:` line is no Kubernetes
 * manifest, templated or not.
 *
 * Other placeholders (`{SERVICE_IP_PREFIX}`, `__MTU__`, `${IMAGE}`) only matter when the
 * file does not parse because of them: `placeholderAt` names the one at a syntax error.
 *
 * Both facts are computed per document, so they are cached with its other results.
 */
import { isScalar, Scalar, visit } from 'yaml';
import type { Document } from 'yaml';

const STRING_TYPES = new Set<string>([
  Scalar.PLAIN,
  Scalar.QUOTE_DOUBLE,
  Scalar.QUOTE_SINGLE,
  Scalar.BLOCK_LITERAL,
  Scalar.BLOCK_FOLDED,
]);

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
        // A plain scalar that is a string: `{{` can only start one as part of a flow collection, never as data.
        if (isScalar(node) && node.range && node.type && STRING_TYPES.has(node.type) && typeof node.value === 'string') {
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

const PLACEHOLDER_IN_LINE = /\$\{[^}]*\}|__[A-Z][A-Z0-9_]*__|\{[A-Z][A-Z0-9_]*\}|<[A-Za-z][^<>\n]*>/;

/** The placeholder on the line of a syntax error (or the line before it), if any: the file is a template of some tool. */
export function placeholderAt(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const previousStart = text.lastIndexOf('\n', Math.max(0, lineStart - 2)) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const lines = text.slice(previousStart, lineEnd === -1 ? text.length : lineEnd);
  return PLACEHOLDER_IN_LINE.exec(lines)?.[0];
}
