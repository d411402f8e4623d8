/**
 * Parses one YAML (or JSON, a subset of YAML 1.2) document. Parsing never throws:
 * it returns the document and the problems found, with chunk-relative offsets.
 */
import { Document, LineCounter, isAlias, isCollection, isMap, isPair, isScalar, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import { exceedsNesting, MAX_NESTING } from './nestingDepth';
import { relaxGoYaml } from './goYamlLeniency';
import type { OffsetFix } from '../core/ruleMeta';

export type ParseProblemKind = 'syntax' | 'duplicate-key' | 'alias-bomb' | 'parser-failure' | 'too-deep' | 'go-yaml-leniency';

export interface ParseProblem {
  kind: ParseProblemKind;
  message: string;
  start: number;
  end: number;
  fix?: OffsetFix;
}

export interface ParsedChunk {
  /**
   * The text the document was parsed from: the chunk itself, or the chunk with the lines
   * of go-yaml-lenient scalars indented (same lines, so positions outside those lines
   * are the same). Node offsets and fix offsets refer to it.
   */
  source: string;
  doc: Document.Parsed | undefined;
  lineCounter: LineCounter;
  problems: ParseProblem[];
  /**
   * True when the document must not be checked further (alias bomb, parser failure, a
   * syntax error: kubectl refuses the document, and rules would report on a tree the
   * parser guessed, a cascade from one mistake).
   */
  unusable: boolean;
}

/** Expanded size past which aliases are treated as a resource-exhaustion attack. */
export const MAX_EXPANDED_NODES = 100_000;

export function parseChunk(text: string): ParsedChunk {
  const lineCounter = new LineCounter();
  if (exceedsNesting(text)) {
    const message = `This document nests deeper than ${MAX_NESTING} levels; it was not parsed (no manifest is that deep).`;
    return {
      source: text,
      doc: undefined,
      lineCounter,
      problems: [{ kind: 'too-deep', message, start: 0, end: 0 }],
      unusable: true,
    };
  }
  let doc: Document.Parsed;
  let source = text;
  let lineCounterUsed = lineCounter;
  const problems: ParseProblem[] = [];
  try {
    doc = parse(text, lineCounter);
    const relaxed = doc.errors.length > 0 ? relaxGoYaml(text) : undefined;
    if (relaxed) {
      // Read as kubectl reads it, if that is what the errors were about.
      const relaxedCounter = new LineCounter();
      const relaxedDoc = parse(relaxed.text, relaxedCounter);
      if (relaxedDoc.errors.length < doc.errors.length) {
        doc = relaxedDoc;
        source = relaxed.text;
        lineCounterUsed = relaxedCounter;
        for (const scalar of relaxed.scalars) {
          problems.push({
            kind: 'go-yaml-leniency',
            message: 'multi-line quoted scalar',
            start: scalar.start,
            end: scalar.end,
            fix: {
              title: 'Indent the continuation lines',
              edits: scalar.indent.map((edit) => ({ start: edit.at, end: edit.at, text: edit.text })),
            },
          });
        }
      }
    }
  } catch (error) {
    // Pathological nesting can exhaust the stack inside the parser.
    const message = `The YAML parser gave up on this document: ${(error as Error).message}`;
    return {
      source: text,
      doc: undefined,
      lineCounter,
      problems: [{ kind: 'parser-failure', message, start: 0, end: 0 }],
      unusable: true,
    };
  }
  const [first] = doc.errors;
  if (first) {
    // One mistake usually makes the parser stumble several times after it: one finding, at the first.
    const more = doc.errors.length - 1;
    const after =
      more > 0 ? ` (and ${more} more error${more === 1 ? '' : 's'} in this document that probably follow from it)` : '';
    problems.push({
      kind: 'syntax',
      message: `${first.message.split('\n')[0] ?? first.message}${after}`,
      start: first.pos[0],
      end: Math.max(first.pos[1], first.pos[0]),
    });
  }
  const walk = walkNodes(doc);
  problems.push(...walk.duplicates);
  if (walk.aliasCount > 0 && expandedSize(doc) > MAX_EXPANDED_NODES) {
    problems.push({
      kind: 'alias-bomb',
      message: `YAML aliases in this document expand to more than ${MAX_EXPANDED_NODES.toLocaleString('en-US')} nodes (an "alias bomb"); it was not checked.`,
      start: doc.contents?.range[0] ?? 0,
      end: doc.contents?.range[0] ?? 0,
    });
    return { source, doc, lineCounter: lineCounterUsed, problems, unusable: true };
  }
  return { source, doc, lineCounter: lineCounterUsed, problems, unusable: first !== undefined };
}

function parse(text: string, lineCounter: LineCounter): Document.Parsed {
  // uniqueKeys is off because the library's check is quadratic in the map size
  // (a 1 MB ConfigMap took 11 s); walkNodes finds duplicate keys linearly.
  return parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
}

/** One pass over the tree: duplicate keys (which the API server rejects) and alias count. */
function walkNodes(doc: Document.Parsed): { duplicates: ParseProblem[]; aliasCount: number } {
  const duplicates: ParseProblem[] = [];
  let aliasCount = 0;
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      aliasCount++;
    } else if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (isScalar(pair.key) && pair.key.range) {
          const key = String(pair.key.value);
          if (seen.has(key)) {
            duplicates.push({
              kind: 'duplicate-key',
              message: `Duplicate key "${key}": the API server rejects the object (or silently keeps only one value).`,
              start: pair.key.range[0],
              end: pair.key.range[1],
            });
          }
          seen.add(key);
        }
        stack.push(pair.key, pair.value);
      }
    } else if (isCollection(node)) {
      for (const item of node.items) stack.push(isPair(item) ? item.value : item);
    }
  }
  return { duplicates, aliasCount };
}

/**
 * Counts the nodes the document would have with every alias expanded, memoised per
 * node so the count itself stays linear however deep the aliases nest. Stops early
 * once the limit is passed.
 */
function expandedSize(doc: Document.Parsed): number {
  const memo = new Map<unknown, number>();
  const inProgress = new Set<unknown>();
  const sizeOf = (node: unknown): number => {
    if (node === null || node === undefined) return 1;
    const known = memo.get(node);
    if (known !== undefined) return known;
    if (inProgress.has(node)) return 1; // a self-referencing alias; the parser reports it
    inProgress.add(node);
    let size = 1;
    if (isAlias(node)) {
      size = sizeOf(node.resolve(doc) as Node | undefined);
    } else if (isCollection(node)) {
      for (const item of node.items) {
        size += isPair(item) ? sizeOf(item.key) + sizeOf(item.value) : sizeOf(item);
        if (size > MAX_EXPANDED_NODES) break;
      }
    }
    inProgress.delete(node);
    memo.set(node, size);
    return size;
  };
  return sizeOf(doc.contents);
}
