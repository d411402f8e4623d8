/**
 * A table tester for rules, after ESLint's RuleTester, run over the real pipeline
 * (`checkText`: split, parse, rules, Helm detection, suppressions) so a case shows
 * exactly what a user would see. Only findings of the rule under test are compared;
 * other rules may fire on the same code.
 *
 * As in ESLint, a case whose finding offers a fix must say what the fix produces
 * (`output`), and `output: null` says that no fix may be offered.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { parseAllDocuments, stringify } from 'yaml';
import { parseConfigText } from '../../server/src/service/config/config';
import { checkText, factsOfText } from '../../server/src/service/engine/checkFile';
import type { CheckOptions } from '../../server/src/service/engine/checkFile';
import { resolveRuleOptions } from '../../server/src/service/config/ruleOptions';
import { ruleMeta } from '../../server/src/service/rules/registry';
import { formatMessage } from '../../server/src/service/rules/api/ruleTypes';
import type { Finding, TextEdit } from '../../server/src/service/core/types';
import { applyEdits } from './applyEdits';
import type { KustomizeRole } from '../../server/src/service/kustomize/inputs';
import { fixtureCheckOptions } from './kustomizeInputs';

export interface OtherFile {
  code: string;
  languageId?: 'yaml' | 'json';
  /** The file's path, for rules that compare files of one folder. */
  fileName?: string;
}

export interface ValidCase {
  name: string;
  code: string;
  languageId?: 'yaml' | 'json';
  /** The file's path as a host passes it (`10-net.conflist`): some documents mean different things by name. */
  fileName?: string;
  /** Rule options as `.kubewise.yaml` writes them (`{ node: { cpu: '4' } }`), validated as the config file's are. */
  options?: Readonly<Record<string, unknown>>;
  /** Other files of the workspace: their facts reach rules across files, as the CLI and the editor pass them. */
  otherFiles?: readonly OtherFile[];
  /** The file's place in a kustomization tree, as a host finds it (what its entries resolve to, whether it is a patch). */
  kustomize?: KustomizeRole;
  /** Set by `ruleFixtures`: the file's objects must be named after their intent. */
  fixture?: 'fire' | 'dont-fire';
}

export interface ExpectedError {
  messageId?: string;
  /** Fills the message's placeholders; without it any placeholder value matches. */
  data?: Readonly<Record<string, string | number>>;
  message?: string | RegExp;
  /** 1-based, like an editor's status bar. */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface InvalidCase extends ValidCase {
  errors: readonly ExpectedError[];
  /** The code after applying each finding's fix; `null` asserts no fix is offered. */
  output?: string | null;
  /** Apply the fix with this title instead of each finding's first fix. */
  fixTitle?: string;
}

export interface RuleTests {
  valid: readonly ValidCase[];
  invalid: readonly InvalidCase[];
}

/** The repository root, from out/test/support/ at run time. */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

export const ruleTester = {
  run(ruleId: string, tests: RuleTests): void {
    describe(ruleId, () => {
      test('the rule exists and case names are unique', () => {
        assert.ok(ruleMeta(ruleId), `Unknown rule '${ruleId}'`);
        for (const c of [...tests.valid, ...tests.invalid]) assertValidOptions(c);
        const names = [...tests.valid, ...tests.invalid].map((c) => c.name);
        const duplicates = names.filter((name, index) => names.indexOf(name) !== index);
        assert.deepEqual(duplicates, [], 'Duplicate case names make failures ambiguous');
      });
      for (const valid of tests.valid) test(`valid: ${valid.name}`, () => runValid(ruleId, valid));
      for (const invalid of tests.invalid) test(`invalid: ${invalid.name}`, () => runInvalid(ruleId, invalid));
    });
  },
};

type CaseSetup = Pick<ValidCase, 'code' | 'languageId' | 'options' | 'otherFiles' | 'fileName' | 'kustomize'>;

/** JSON for the extensions hosts read as JSON (`.json`, `.conf`, `.conflist`), YAML otherwise. */
export function languageOfName(fileName: string | undefined): 'yaml' | 'json' {
  return fileName !== undefined && /\.(?:json|conf|conflist)$/i.test(fileName) ? 'json' : 'yaml';
}

function findingsOf(ruleId: string, testCase: CaseSetup, code = testCase.code, fileName = testCase.fileName): Finding[] {
  const ruleOptions = resolveRuleOptions(testCase.options);
  const options: CheckOptions = { languageId: testCase.languageId ?? languageOfName(fileName), ruleOptions };
  if (fileName !== undefined) options.filePath = fileName;
  if (testCase.kustomize) options.kustomize = testCase.kustomize;
  const workspace = (testCase.otherFiles ?? []).flatMap((file) => {
    const other: CheckOptions = { languageId: file.languageId ?? languageOfName(file.fileName), ruleOptions };
    if (file.fileName !== undefined) other.filePath = file.fileName;
    return factsOfText(file.code, other);
  });
  return checkText(code, { ...options, workspace })
    .filter((finding) => finding.ruleId === ruleId)
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Options a case passes must be ones a user could write: they go through the config file's validation. */
function assertValidOptions(testCase: ValidCase): void {
  if (!testCase.options) return;
  const problems = parseConfigText(stringify(testCase.options)).findings.map((f) => f.message);
  assert.deepEqual(problems, [], `${testCase.name}: options are not valid .kubewise.yaml`);
}

function describeFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return '  (none)';
  return findings
    .map((f) => `  ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}${f.fixes.length ? ' [fix]' : ''}`)
    .join('\n');
}

function runValid(ruleId: string, valid: ValidCase): void {
  const findings = findingsOf(ruleId, valid);
  assert.equal(findings.length, 0, `Expected no ${ruleId} findings, got:\n${describeFindings(findings)}`);
  if (valid.fixture && !isKustomizationRule(ruleId)) assertObjectNames(valid.code, 'dont-fire');
}

function runInvalid(ruleId: string, invalid: InvalidCase): void {
  assert.ok(invalid.errors.length > 0, 'An invalid case must expect at least one error');
  const findings = findingsOf(ruleId, invalid);
  assert.equal(
    findings.length,
    invalid.errors.length,
    `Expected ${invalid.errors.length} ${ruleId} finding(s), got ${findings.length}:\n${describeFindings(findings)}`,
  );
  invalid.errors.forEach((expected, index) => {
    const finding = findings[index];
    if (finding) assertError(ruleId, finding, expected, index);
  });
  if (invalid.fixture && !isKustomizationRule(ruleId) && languageOfName(invalid.fileName) === 'yaml') {
    // Every object named 'fire…' fires, and nothing else does (a CNI file's intent is in its file name).
    const reported = [...new Set(findings.map((f) => `${f.object?.kind ?? '?'}/${f.object?.name ?? '?'}`))].sort();
    const named = kubeObjects(invalid.code)
      .filter((o) => o.name.startsWith('fire'))
      .map((o) => `${o.kind}/${o.name}`);
    assert.deepEqual(reported, [...new Set(named)].sort(), 'Objects reported vs objects named fire…');
  }
  assertFix(ruleId, invalid, findings);
}

function assertError(ruleId: string, finding: Finding, expected: ExpectedError, index: number): void {
  const where = `error ${index + 1}`;
  const actual = { line: finding.range.start.line + 1, column: finding.range.start.character + 1 };
  assert.deepEqual(actual, { line: expected.line, column: expected.column }, `${where}: position (${finding.message})`);
  if (expected.endLine !== undefined) assert.equal(finding.range.end.line + 1, expected.endLine, `${where}: end line`);
  if (expected.endColumn !== undefined) {
    assert.equal(finding.range.end.character + 1, expected.endColumn, `${where}: end column`);
  }
  if (expected.messageId !== undefined) {
    const template = ruleMeta(ruleId)?.messages[expected.messageId];
    assert.ok(template !== undefined, `${where}: '${expected.messageId}' is not a message id of ${ruleId}`);
    if (expected.data) {
      assert.equal(finding.message, formatMessage(template, expected.data), `${where}: message`);
    } else {
      assert.match(finding.message, templatePattern(template), `${where}: message is not '${expected.messageId}'`);
    }
  }
  if (typeof expected.message === 'string') assert.equal(finding.message, expected.message, `${where}: message`);
  else if (expected.message) assert.match(finding.message, expected.message, `${where}: message`);
}

/** A message template as a pattern in which every placeholder matches anything. */
function templatePattern(template: string): RegExp {
  const parts = template.split(/\{\{\s*\w+\s*\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[\\s\\S]*')}$`);
}

function assertFix(ruleId: string, invalid: InvalidCase, findings: readonly Finding[]): void {
  const withFix = findings.filter((finding) => finding.fixes.length > 0);
  if (invalid.output === null) {
    assert.equal(withFix.length, 0, `Expected no fix, but one is offered:\n${describeFindings(withFix)}`);
    return;
  }
  if (invalid.output === undefined) {
    // ESLint's rule: a fix nobody has looked at is a fix nobody has tested.
    assert.equal(withFix.length, 0, `A fix is offered: the case must give the expected 'output' (or null)`);
    return;
  }
  assert.ok(withFix.length > 0, 'Expected a fix (the case gives an output), but none is offered');
  const edits: TextEdit[] = [];
  let fileName = invalid.fileName;
  for (const finding of withFix) {
    const fix = invalid.fixTitle === undefined ? finding.fixes[0] : finding.fixes.find((f) => f.title === invalid.fixTitle);
    assert.ok(fix, `No fix titled '${invalid.fixTitle}'; offered: ${finding.fixes.map((f) => f.title).join(', ')}`);
    edits.push(...fix.edits);
    // A fix that renames the file: the fixed text is checked under its new name.
    if (fix.renameTo !== undefined) fileName = path.join(path.dirname(fileName ?? '.'), fix.renameTo);
  }
  const output = applyEdits(invalid.code, edits);
  assert.equal(output, invalid.output, 'The fixed code differs from the expected output');

  const errors = parseAllDocuments(output).flatMap((doc) => doc.errors);
  assert.deepEqual(
    errors.map((e) => e.message),
    [],
    'The fixed code must parse as YAML',
  );

  const fixedTargets = new Set(withFix.map(target));
  const after = findingsOf(ruleId, invalid, output, fileName);
  if (withFix.every((finding) => finding.object === undefined)) {
    // A CNI file has no objects to tell findings apart: each fix must take its finding with it.
    const left = findings.length - withFix.length;
    assert.ok(
      after.length <= left,
      `After the fixes, ${ruleId} reports ${after.length} (expected at most ${left}):\n${describeFindings(after)}`,
    );
    return;
  }
  const remaining = after.filter((finding) => fixedTargets.has(target(finding)));
  assert.equal(remaining.length, 0, `After the fix, ${ruleId} still reports:\n${describeFindings(remaining)}`);
}

/** What a finding is about: the object and container, when it has them. */
function target(finding: Finding): string {
  // A finding about no object (an entry of a kustomization) is told apart by what it says.
  if (!finding.object) return finding.message;
  return `${finding.object?.kind ?? ''}/${finding.object?.namespace ?? ''}/${finding.object?.name ?? ''}/${finding.container ?? ''}`;
}

/** Fixture objects say their intent in their name, as kube-linter's do. */
function assertObjectNames(code: string, prefix: 'fire' | 'dont-fire'): void {
  for (const object of kubeObjects(code)) {
    assert.ok(object.name.startsWith(prefix), `Fixture object ${object.kind}/${object.name} should be named '${prefix}…'`);
  }
}

/** The Kubernetes objects of a YAML stream (documents with apiVersion and kind). */
function kubeObjects(code: string): { kind: string; name: string }[] {
  const objects: { kind: string; name: string }[] = [];
  for (const doc of parseAllDocuments(code)) {
    const value: unknown = doc.toJS();
    if (typeof value !== 'object' || value === null) continue;
    const { apiVersion, kind, metadata } = value as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown } };
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') continue;
    objects.push({ kind, name: typeof metadata?.name === 'string' ? metadata.name : '' });
  }
  return objects;
}

/** Fixture files: YAML manifests, and the CNI files a host checks by name. */
const FIXTURE_FILE = /\.(?:yaml|json|conf|conflist)$/;
/** Fixture files that are neither case: other files of the folder, for rules across files. */
export const NEIGHBOUR = 'neighbour-';

export interface RuleFixtures {
  /** Every `dont-fire-*` file of the rule (`.yaml`, or a CNI `.conf`/`.conflist`/`.json`), as a valid case. */
  valid: ValidCase[];
  /** A `fire-*.yaml` file as an invalid case; the output is read from `fixed/<file>` if that exists. */
  invalid(file: string, expectation: Omit<InvalidCase, 'name' | 'code' | 'fixture'>): InvalidCase;
  /** `fire-*.yaml` files no `invalid()` call has used yet. */
  unused(): string[];
}

export function fixtureDir(ruleId: string): string {
  return path.join(REPO_ROOT, 'test', 'fixtures', 'rules', ruleId);
}

/** Reads the kube-linter-style fixture files of a rule. */
export function ruleFixtures(ruleId: string): RuleFixtures {
  const dir = fixtureDir(ruleId);
  const files = fs
    .readdirSync(dir)
    .filter((file) => FIXTURE_FILE.test(file))
    .sort();
  const read = (file: string): string => fs.readFileSync(path.join(dir, file), 'utf8');
  const used = new Set<string>();
  // The path a host would pass: the name decides how a CNI file is read.
  const fileName = (file: string): string => path.join('test', 'fixtures', 'rules', ruleId, file);
  // `neighbour-*` files are the other files of the folder, for rules that compare files.
  const otherFiles: OtherFile[] = files
    .filter((file) => file.startsWith(NEIGHBOUR))
    .map((file) => ({ code: read(file), fileName: fileName(file) }));
  const withNeighbours = otherFiles.length > 0 ? { otherFiles } : {};
  return {
    valid: files
      .filter((file) => file.startsWith('dont-fire-'))
      .map((file) => ({
        name: `fixture ${file}`,
        code: read(file),
        fileName: fileName(file),
        fixture: 'dont-fire' as const,
        ...withNeighbours,
        ...fixtureCheckOptions(ruleId, dir, read(file)),
      })),
    invalid(file, expectation) {
      assert.ok(file.startsWith('fire-') && files.includes(file), `No fixture ${ruleId}/${file}`);
      used.add(file);
      const fixed = path.join(dir, 'fixed', file);
      const output = fs.existsSync(fixed) ? fs.readFileSync(fixed, 'utf8') : expectation.output;
      const code = read(file);
      return {
        ...withNeighbours,
        ...fixtureCheckOptions(ruleId, dir, code),
        ...expectation,
        name: `fixture ${file}`,
        code,
        fileName: fileName(file),
        fixture: 'fire',
        output,
      };
    },
    unused: () => files.filter((file) => file.startsWith('fire-') && !used.has(file)),
  };
}

/** Rules on kustomization files report entries of the file, not objects: their fixtures are not named by intent. */
function isKustomizationRule(ruleId: string): boolean {
  return ruleMeta(ruleId)?.scope === 'kustomization';
}
