/**
 * Parses one YAML (or JSON, a subset of YAML 1.2) document. Parsing never throws:
 * it returns the document and the problems found, with chunk-relative offsets.
 */
import { Document, LineCounter, isAlias, isCollection, isMap, isNode, isPair, isScalar, parseDocument } from 'yaml';
import type { Alias, Node } from 'yaml';
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

/** Documents at least this long (a CRD of a few thousand lines) are remembered once parsed. */
const REMEMBERED_FROM_LENGTH = 64 * 1024;
const REMEMBERED_COUNT = 2;
const rememberedLarge = new Map<string, ParsedChunk>();

/**
 * Parses one document. A large one is remembered by its text: the check parses it, then the
 * hover, code actions and completion on it ask again (an 810 KB CRD takes a quarter to half a
 * second to parse, every time). The result is only read, never changed, by its users; the last
 * two large texts are kept, which the check's own cache holds anyway until the next edit.
 */
export function parseChunk(text: string): ParsedChunk {
  if (text.length < REMEMBERED_FROM_LENGTH) return parseDocumentText(text);
  const known = rememberedLarge.get(text);
  if (known) return known;
  const parsed = parseDocumentText(text);
  rememberedLarge.set(text, parsed);
  if (rememberedLarge.size > REMEMBERED_COUNT) rememberedLarge.delete(rememberedLarge.keys().next().value as string);
  return parsed;
}

function parseDocumentText(text: string): ParsedChunk {
  const lineCounter = lineCounterOf(text);
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
    doc = parse(text);
    const relaxed = doc.errors.length > 0 ? relaxGoYaml(text) : undefined;
    if (relaxed) {
      // Read as kubectl reads it, if that is what the errors were about.
      const relaxedCounter = lineCounterOf(relaxed.text);
      const relaxedDoc = parse(relaxed.text);
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
      // The parser may point one past the end (a quote still open at the end of the text).
      start: Math.min(first.pos[0], source.length),
      end: Math.min(Math.max(first.pos[1], first.pos[0]), source.length),
    });
  }
  const walk = walkNodes(doc);
  problems.push(...walk.treeProblems);
  const unresolved = walk.treeProblems.some((problem) => problem.kind === 'syntax');
  if (walk.aliasCount > 0 && expandedSize(doc) > MAX_EXPANDED_NODES) {
    problems.push({
      kind: 'alias-bomb',
      message: `YAML aliases in this document expand to more than ${MAX_EXPANDED_NODES.toLocaleString('en-US')} nodes (an "alias bomb"); it was not checked.`,
      start: doc.contents?.range[0] ?? 0,
      end: doc.contents?.range[0] ?? 0,
    });
    return { source, doc, lineCounter: lineCounterUsed, problems, unusable: true };
  }
  return { source, doc, lineCounter: lineCounterUsed, problems, unusable: first !== undefined || unresolved };
}

function parse(text: string): Document.Parsed {
  // uniqueKeys is off because the library's check is quadratic in the map size
  // (a 1 MB ConfigMap took 11 s); walkNodes finds duplicate keys linearly.
  return parseDocument(text, { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
}

/**
 * Every line start of the text, found by scanning it, not by the parser: after some syntax errors
 * the parser skips the line breaks inside the scalar it stumbled on (found by the fuzz run: an error
 * range then ended "on line 1" at column 20 of a 7-character line). Line breaks are counted as the
 * editor counts them: \n, \r\n, and a lone \r.
 */
export function lineCounterOf(text: string): LineCounter {
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) counter.addNewLine(i + 1);
  }
  return counter;
}

/** One pass over the tree: duplicate keys (which the API server rejects), aliases without their anchor, and the alias count. */
function walkNodes(doc: Document.Parsed): { treeProblems: ParseProblem[]; aliasCount: number } {
  const treeProblems: ParseProblem[] = [];
  const anchors = new Map<string, [number, number][]>();
  const aliases: Alias[] = [];
  let aliasCount = 0;
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isNode(node) && node.anchor && node.range) {
      const spans = anchors.get(node.anchor) ?? [];
      spans.push([node.range[0], node.range[1]]);
      anchors.set(node.anchor, spans);
    }
    if (isAlias(node)) {
      aliasCount++;
      aliases.push(node);
    } else if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (isScalar(pair.key) && pair.key.range) {
          const key = String(pair.key.value);
          if (seen.has(key)) {
            treeProblems.push({
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
  // go-yaml reads each document on its own: an alias whose anchor is in another document, or later
  // in this one, is an error there ("unknown anchor"), and so is one inside the node it names; the
  // yaml package quietly reads null or a cycle instead.
  for (const alias of aliases) {
    if (!alias.range) continue;
    const at = alias.range[0];
    // The alias names the nearest anchor of that name before it.
    const named = (anchors.get(alias.source) ?? []).filter(([start]) => start < at).sort((a, b) => b[0] - a[0])[0];
    const why = !named
      ? "names no anchor before it in this document (anchors do not reach across '---')"
      : named[1] >= alias.range[1]
        ? 'is inside the node its anchor names, so the value would contain itself'
        : undefined;
    if (why) {
      treeProblems.push({
        kind: 'syntax',
        message: `The alias *${alias.source} ${why}: kubectl refuses the document.`,
        start: alias.range[0],
        end: alias.range[1],
      });
    }
  }
  return { treeProblems, aliasCount };
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
