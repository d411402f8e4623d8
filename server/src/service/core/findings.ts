/**
 * The one place a Finding is built from rule meta: per-document rules, cross-file
 * rules, engine diagnostics and configuration problems all come through here, so a
 * message id, a message and a fix are made the same way everywhere.
 */
import type { Locate } from './ranges';
import { formatMessage } from './ruleMeta';
import type { OffsetFix, RuleMeta } from './ruleMeta';
import type { Finding, Fix, ObjectRef, Range, Severity } from './types';

export interface FindingInput {
  messageId: string;
  data?: Readonly<Record<string, string | number>> | undefined;
  range: Range;
  object?: ObjectRef | undefined;
  container?: string | undefined;
  /** Instead of the meta's default, for a finding weaker than the rule's usual one; configuration still wins. */
  severity?: Severity | undefined;
  fixes?: readonly OffsetFix[] | undefined;
  /** Turns the fixes' offsets into ranges; required when there are fixes. */
  locate?: Locate | undefined;
  /** Fixes already in positions (edits to comment lines, which no YAML node holds). */
  rangeFixes?: readonly Fix[] | undefined;
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** A message id the meta does not declare is a bug in the caller: it throws, and a test covers every caller. */
export function createFinding(meta: RuleMeta, input: FindingInput): Finding {
  const template = meta.messages[input.messageId];
  if (template === undefined) throw new Error(`${meta.id} has no message id '${input.messageId}'`);
  for (const [, key] of template.matchAll(PLACEHOLDER)) {
    if (!input.data || !(key! in input.data)) throw new Error(`${meta.id}/${input.messageId}: no value for {{${key}}}`);
  }
  const fixes = input.fixes ?? [];
  if (fixes.length > 0 && !input.locate) throw new Error(`${meta.id}: fixes need a locator`);
  const finding: Finding = {
    ruleId: meta.id,
    severity: input.severity ?? meta.defaultSeverity,
    message: formatMessage(template, input.data),
    range: input.range,
    fixes: [...(input.locate ? fixes.map((fix) => toFix(fix, input.locate!)) : []), ...(input.rangeFixes ?? [])],
  };
  if (input.object) finding.object = input.object;
  if (input.container !== undefined) finding.container = input.container;
  return finding;
}

function toFix(fix: OffsetFix, locate: Locate): Fix {
  const converted: Fix = {
    title: fix.title,
    edits: fix.edits.map((edit) => ({ range: locate(edit.start, edit.end), newText: edit.text })),
  };
  if (fix.fixAll === false) converted.fixAll = false;
  if (fix.renameTo !== undefined) converted.renameTo = fix.renameTo;
  return converted;
}
