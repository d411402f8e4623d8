/**
 * What must hold for any text a user can type (issue 14): the service never throws and no rule
 * crashes (an internal-error finding is a contained crash, still a bug); every range lies inside the
 * document; hover, completion and code actions answer anywhere; and on a document that parses, every
 * offered fix yields a document that parses and reports that finding fewer times.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseAllDocuments } from 'yaml';
import { checkText } from '../../server/src/service/engine/checkFile';
import { ChunkCache } from '../../server/src/service/engine/chunkCache';
import { isDeepStrictEqual } from 'node:util';
import { hoverAt } from '../../server/src/service/features/hover';
import { completeAt } from '../../server/src/service/features/completion';
import { quickFixes } from '../../server/src/service/features/codeActions';
import type { Finding, Position, Range } from '../../server/src/service/core/types';

export type Language = 'yaml' | 'json';

export interface Seed {
  name: string;
  text: string;
  languageId: Language;
}

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SEED_FOLDERS = ['examples', 'test/fixtures/rules', 'test/fixtures/cni', 'test/fixtures/crds'];
const EXTENSIONS: Record<string, Language> = {
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.json': 'json',
  '.conf': 'json',
  '.conflist': 'json',
};

/** The repository's real manifests and rule fixtures, in a stable order (a seed names one case). */
export function loadSeeds(): Seed[] {
  const seeds: Seed[] = [];
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      const languageId = EXTENSIONS[path.extname(entry.name)];
      if (entry.isFile() && languageId)
        seeds.push({ name: path.relative(ROOT, full), text: fs.readFileSync(full, 'utf8'), languageId });
    }
  };
  for (const folder of SEED_FOLDERS) walk(path.join(ROOT, folder));
  return seeds;
}

const target = (f: Finding): string =>
  `${f.ruleId}|${f.object?.kind ?? ''}/${f.object?.namespace ?? ''}/${f.object?.name ?? ''}/${f.container ?? ''}`;

function parsesCleanly(text: string, languageId: Language): boolean {
  if (languageId === 'json') {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  }
  return parseAllDocuments(text).every((doc) => 'errors' in doc && doc.errors.length === 0);
}

export function assertInside(doc: TextDocument, range: Range, what: string): void {
  for (const position of [range.start, range.end]) {
    const round = doc.positionAt(doc.offsetAt(position));
    if (round.line !== position.line || round.character !== position.character) {
      throw new Error(`${what}: position ${position.line}:${position.character} is outside the document`);
    }
  }
  if (doc.offsetAt(range.start) > doc.offsetAt(range.end)) throw new Error(`${what}: range ends before it starts`);
}

/** Positions worth probing: the start of every finding, and a few spread over the text. */
function probePositions(doc: TextDocument, findings: readonly Finding[]): Position[] {
  const spread = [0.1, 0.37, 0.62, 0.9].map((f) => doc.positionAt(Math.floor(doc.getText().length * f)));
  return [...findings.slice(0, 5).map((f) => f.range.start), ...spread];
}

/** Throws, with what broke, when an invariant fails on `text`. */
/**
 * `steps`: the texts an editor had before this one, checked in order with one cache as a
 * server checks edits; the last check must equal the check from scratch.
 */
export function checkInvariants(
  text: string,
  languageId: Language,
  options: { fixes?: boolean; steps?: readonly string[] } = {},
): void {
  const doc = TextDocument.create('file:///fuzz', languageId, 1, text);
  const findings = checkText(text, { languageId });
  if (options.steps) {
    const cache = new ChunkCache();
    for (const step of options.steps) checkText(step, { languageId, cache });
    const incremental = checkText(text, { languageId, cache });
    if (!isDeepStrictEqual(incremental, findings)) {
      throw new Error(`checked after its edits, the text gets other findings than checked from scratch:
${JSON.stringify(incremental.map((f) => [f.ruleId, f.range.start.line, f.message]))}
from scratch:
${JSON.stringify(findings.map((f) => [f.ruleId, f.range.start.line, f.message]))}`);
    }
  }
  const crashed = findings.find((f) => f.ruleId === 'internal-error');
  if (crashed) throw new Error(`a rule crashed: ${crashed.message}`);
  for (const finding of findings) assertInside(doc, finding.range, finding.ruleId);
  for (const position of probePositions(doc, findings)) {
    hoverAt(text, languageId, findings, position);
    completeAt(text, languageId, position);
  }
  for (const action of quickFixes(text, findings)) void action;
  if (options.fixes === false || !parsesCleanly(text, languageId)) return;
  for (const finding of findings.filter((f) => f.fixes.length > 0).slice(0, 4)) {
    for (const fix of finding.fixes) {
      for (const edit of fix.edits) assertInside(doc, edit.range, `${finding.ruleId} fix '${fix.title}'`);
      const output = TextDocument.applyEdits(doc, [...fix.edits]);
      if (!parsesCleanly(output, languageId))
        throw new Error(`${finding.ruleId}: '${fix.title}' leaves text that does not parse`);
      // One finding may list several missing items and a fix clears one, so "gone" means: this exact
      // finding (rule, object, container, message) is reported fewer times than before.
      const same = (f: Finding): boolean => target(f) === target(finding) && f.message === finding.message;
      const before = findings.filter(same).length;
      const after = checkText(output, { languageId }).filter(same).length;
      if (after >= before) throw new Error(`${finding.ruleId}: '${fix.title}' leaves the finding as it was: ${finding.message}`);
    }
  }
}
