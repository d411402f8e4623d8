/**
 * `# kubewise-disable-next-line <rule>[, <rule>…] [-- reason]` and
 * `# kubewise-disable-file <rule>…`: suppress findings, after ESLint's comments.
 * With no rule listed, a directive covers every rule. A directive (or one of its
 * rule ids) that suppresses nothing is reported, with a fix that removes it.
 */
import type { Finding, Range, TextEdit } from '../core/types';
import { createFinding } from '../core/findings';
import { unusedDisableDirective } from '../core/engineDiagnostics';

export interface DisableDirective {
  kind: 'next-line' | 'file';
  line: number;
  /** The whole comment line, for removal. */
  lineRange: Range;
  rules: { id: string; range: Range }[];
}

const DIRECTIVE = /^([ \t]*)#[ \t]*kubewise-disable-(next-line|file)\b([^\n]*)$/gm;

/** Whether a text may hold a directive: a cheap test, exact when it says no. */
export function mayHoldDirectives(text: string): boolean {
  return text.includes('kubewise-disable-');
}

export function parseDirectives(text: string): DisableDirective[] {
  if (!mayHoldDirectives(text)) return [];
  const directives: DisableDirective[] = [];
  let line = 0;
  let lastIndex = 0;
  for (const match of text.matchAll(DIRECTIVE)) {
    const index = match.index;
    for (let i = text.indexOf('\n', lastIndex); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
    lastIndex = index;
    const whole = match[0].replace(/\r$/, '');
    const listStart = whole.length - (match[3] ?? '').replace(/\r$/, '').length;
    const list = whole.slice(listStart).split(/\s--(?:\s|$)/)[0] ?? '';
    const rules: DisableDirective['rules'] = [];
    for (const id of list.matchAll(/[A-Za-z0-9][\w-]*/g)) {
      const character = listStart + id.index;
      rules.push({ id: id[0], range: { start: { line, character }, end: { line, character: character + id[0].length } } });
    }
    directives.push({
      kind: match[2] === 'file' ? 'file' : 'next-line',
      line,
      lineRange: { start: { line, character: 0 }, end: { line, character: whole.length } },
      rules,
    });
  }
  return directives;
}

/**
 * Drops suppressed findings and adds one for every directive entry that suppressed
 * nothing. `knownRuleIds` tells a stale id from a misspelt one.
 */
export function applyDirectives(
  findings: Finding[],
  directives: DisableDirective[],
  knownRuleIds: ReadonlySet<string>,
  /** Rules switched off here may be on elsewhere (in CI, say): their directives are not stale. */
  offRuleIds: ReadonlySet<string> = new Set(),
): Finding[] {
  if (directives.length === 0) return findings;
  // Indexed by the line they cover, so the cost is linear in findings plus directives.
  const fileWide: number[] = [];
  const byLine = new Map<number, number[]>();
  for (const [index, directive] of directives.entries()) {
    if (directive.kind === 'file') fileWide.push(index);
    else byLine.set(directive.line + 1, [...(byLine.get(directive.line + 1) ?? []), index]);
  }
  const used = new Set<string>();
  const kept = findings.filter((finding) => {
    let suppressed = false;
    for (const index of [...fileWide, ...(byLine.get(finding.range.start.line) ?? [])]) {
      const directive = directives[index] as DisableDirective;
      const matching = directive.rules.length === 0 ? '*' : directive.rules.find((r) => r.id === finding.ruleId)?.id;
      if (matching === undefined) continue;
      used.add(`${index}:${matching}`);
      suppressed = true;
    }
    return !suppressed;
  });
  for (const [index, directive] of directives.entries()) {
    if (directive.rules.length === 0) {
      if (!used.has(`${index}:*`))
        kept.push(unusedFinding(directive, directive.lineRange, 'any rule', 'unusedAll', removeLine(directive)));
      continue;
    }
    for (const rule of directive.rules) {
      if (used.has(`${index}:${rule.id}`) || offRuleIds.has(rule.id)) continue;
      const messageId = knownRuleIds.has(rule.id) ? 'unused' : 'unknownRule';
      kept.push(unusedFinding(directive, rule.range, rule.id, messageId, removeRule(directive, rule.id)));
    }
  }
  return kept;
}

function unusedFinding(directive: DisableDirective, range: Range, rule: string, messageId: string, edit: TextEdit): Finding {
  const meta = unusedDisableDirective;
  const title = directive.rules.length > 1 ? `Remove '${rule}' from the directive` : 'Remove the unused directive';
  return createFinding(meta, { messageId, data: { rule }, range, rangeFixes: [{ title, edits: [edit] }] });
}

function removeLine(directive: DisableDirective): TextEdit {
  const line = directive.line;
  return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
}

function removeRule(directive: DisableDirective, id: string): TextEdit {
  if (directive.rules.length <= 1) return removeLine(directive);
  const rules = directive.rules;
  const index = rules.findIndex((r) => r.id === id);
  const rule = rules[index];
  const neighbour = index === 0 ? rules[1] : rules[index - 1];
  if (!rule || !neighbour) return removeLine(directive);
  // Remove the id with the separator between it and its neighbour.
  const range =
    index === 0 ? { start: rule.range.start, end: neighbour.range.start } : { start: neighbour.range.end, end: rule.range.end };
  return { range, newText: '' };
}

/**
 * The edit behind "Disable <rule> for this line": extends a directive already on the
 * line above, or inserts one with the line's indentation.
 */
export function disableForLineEdit(text: string, line: number, ruleId: string): TextEdit {
  const lines = text.split('\n');
  const above = line > 0 ? (lines[line - 1] ?? '').replace(/\r$/, '') : '';
  const existing = /^([ \t]*#[ \t]*kubewise-disable-next-line\b)([^\n]*?)(\s--(?:\s.*)?)?$/.exec(above);
  if (existing && (existing[2] ?? '').trim() !== '') {
    const listEnd = (existing[1] ?? '').length + (existing[2] ?? '').trimEnd().length;
    return {
      range: { start: { line: line - 1, character: listEnd }, end: { line: line - 1, character: listEnd } },
      newText: `, ${ruleId}`,
    };
  }
  // The comment takes the line's own indentation (the dash's, for a list item) and line ending.
  const target = lines[line] ?? '';
  const indent = /^[ \t]*/.exec(target)?.[0] ?? '';
  const eol = target.endsWith('\r') ? '\r\n' : '\n';
  return {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    newText: `${indent}# kubewise-disable-next-line ${ruleId}${eol}`,
  };
}
