// What the engine does when a rule, a cross-file rule or a fact extractor breaks, and
// that every message the engine itself builds maps to a real message id: a broken rule
// costs its own findings (as one internal-error on the object), never the others'.
import assert from 'node:assert/strict';
import { aliasBombLines } from '../support/hostileInput';
import { describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import { LineCounter } from 'yaml';
import { parseConfigText } from '../../server/src/service/config/config';
import { engineDiagnostics } from '../../server/src/service/core/engineDiagnostics';
import { createFinding } from '../../server/src/service/core/findings';
import { locatorOf, TOP_OF_FILE } from '../../server/src/service/core/ranges';
import type { Finding } from '../../server/src/service/core/types';
import type { ParseProblemKind } from '../../server/src/service/document/parseChunk';
import { checkText, factsOfText } from '../../server/src/service/engine/checkFile';
import { problemFinding } from '../../server/src/service/document/problemFinding';
import { workloadFacts } from '../../server/src/service/facts/workloads';
import { rules } from '../../server/src/service/rules/registry';
import type { Rule } from '../../server/src/service/rules/api/ruleTypes';
import { appPod } from '../support/podManifest';

const check = (text: string): Finding[] => checkText(text, { languageId: 'yaml' });
const ids = (findings: readonly Finding[]): string[] => [...new Set(findings.map((f) => f.ruleId))].sort();
const only = (findings: readonly Finding[], ruleId: string): Finding[] => findings.filter((f) => f.ruleId === ruleId);
const at = (finding: Finding | undefined): [number, number] | undefined =>
  finding && [finding.range.start.line, finding.range.start.character];

function ruleById(id: string): Rule {
  const rule = rules.find((r) => r.meta.id === id);
  assert.ok(rule, `No registered rule '${id}'`);
  return rule;
}

/** Swaps one property for the duration of a test; the original is back when the test ends. */
function replace<T extends object, K extends keyof T>(t: TestContext, target: T, key: K, value: T[K]): T[K] {
  const original = target[key];
  target[key] = value;
  t.after(() => {
    target[key] = original;
  });
  return original;
}

/** No probes, no resources: several per-document rules fire on it. */
/** A Pod that declares a port, so that it needs both probes. */
const POD = appPod('      ports: [{containerPort: 8080}]\n');
/** A ResourceQuota on requests.cpu and a Deployment that declares no resources, in one file. */
const QUOTA_AND_DEPLOYMENT =
  'apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: compute, namespace: shop}\nspec:\n  hard: {requests.cpu: "1", pods: "1"}\n' +
  '---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  replicas: 3\n  template:\n' +
  '    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - {name: web, image: "nginx:1.27"}\n';

describe('a per-document rule that throws', () => {
  test('becomes one internal-error on its object, naming the rule; the other rules still report', (t) => {
    const before = check(POD);
    assert.equal(only(before, 'missing-liveness-probe').length, 1, 'the rule fires here when it works');
    assert.equal(only(before, 'internal-error').length, 0);

    replace(t, ruleById('missing-liveness-probe'), 'check', () => {
      throw new Error('boom');
    });
    const findings = check(POD);
    const crashes = only(findings, 'internal-error');
    assert.equal(crashes.length, 1, crashes.map((f) => f.message).join('\n'));
    assert.equal(crashes[0]?.message, "Rule 'missing-liveness-probe' failed on this object: Error: boom");
    assert.equal(crashes[0]?.severity, 'warning');
    assert.deepEqual(crashes[0]?.object, { apiVersion: 'v1', kind: 'Pod', name: 'fire' });
    assert.deepEqual(at(crashes[0]), [0, 0], 'at the start of the object');
    assert.equal(only(findings, 'missing-liveness-probe').length, 0);
    // Every other rule reports exactly what it did before.
    assert.deepEqual(
      findings.filter((f) => f.ruleId !== 'internal-error'),
      before.filter((f) => f.ruleId !== 'missing-liveness-probe'),
    );
  });

  test('only on the object it fails on: the other documents of the file keep its findings', (t) => {
    const rule = ruleById('missing-liveness-probe');
    const original = rule.check;
    assert.ok(original);
    replace(t, rule, 'check', (context) => {
      if (context.object.ref.name === 'bad') throw new TypeError("Cannot read properties of undefined (reading 'x')");
      original(context);
    });
    const text = `${POD}---\n${POD.replace('name: fire', 'name: bad')}`;
    const findings = check(text);
    const crashes = only(findings, 'internal-error');
    assert.equal(crashes.length, 1);
    assert.match(crashes[0]?.message ?? '', /^Rule 'missing-liveness-probe' failed on this object: TypeError: /);
    assert.deepEqual(crashes[0]?.object, { apiVersion: 'v1', kind: 'Pod', name: 'bad' });
    assert.deepEqual(at(crashes[0]), [10, 0], 'at the start of the second object');
    assert.deepEqual(
      only(findings, 'missing-liveness-probe').map((f) => f.object?.name),
      ['fire'],
    );
    assert.deepEqual(
      only(findings, 'missing-readiness-probe').map((f) => f.object?.name),
      ['fire', 'bad'],
    );
  });

  test('a finding reported with an unknown message id is an internal-error, not a silent fallback', (t) => {
    replace(t, ruleById('missing-liveness-probe'), 'check', (context) => {
      context.report({ node: context.object.root, messageId: 'noSuchMessage' });
    });
    const findings = check(POD);
    assert.equal(only(findings, 'missing-liveness-probe').length, 0, 'no finding with an empty or made-up message');
    const crashes = only(findings, 'internal-error');
    assert.equal(crashes.length, 1);
    assert.equal(
      crashes[0]?.message,
      "Rule 'missing-liveness-probe' failed on this object: Error: missing-liveness-probe has no message id 'noSuchMessage'",
    );
    assert.equal(only(findings, 'missing-readiness-probe').length, 1);
  });
});

describe('createFinding', () => {
  test('throws for a message id the meta does not declare', () => {
    const meta = ruleById('missing-liveness-probe').meta;
    assert.throws(
      () => createFinding(meta, { messageId: 'noSuchMessage', range: TOP_OF_FILE }),
      /missing-liveness-probe has no message id 'noSuchMessage'/,
    );
    for (const diagnostic of engineDiagnostics) {
      assert.throws(() => createFinding(diagnostic, { messageId: 'noSuchMessage', range: TOP_OF_FILE }), /has no message id/);
    }
  });
});

describe('a cross-file rule that throws', () => {
  test('becomes one internal-error at the top of the file; other cross-file and per-document rules still report', (t) => {
    const before = check(QUOTA_AND_DEPLOYMENT);
    assert.ok(only(before, 'quota-exceeded').length > 0, 'the rule fires here when it works');
    assert.ok(only(before, 'quota-requires-requests').length > 0);
    assert.ok(only(before, 'missing-liveness-probe').length > 0);

    replace(t, ruleById('quota-exceeded'), 'checkWorkspace', () => {
      throw new Error('boom');
    });
    const findings = check(QUOTA_AND_DEPLOYMENT);
    const crashes = only(findings, 'internal-error');
    assert.equal(crashes.length, 1, crashes.map((f) => f.message).join('\n'));
    assert.equal(
      crashes[0]?.message,
      "Rule 'quota-exceeded' failed while comparing this file with the rest of the workspace: Error: boom",
    );
    assert.deepEqual(crashes[0]?.range, TOP_OF_FILE);
    assert.equal(only(findings, 'quota-exceeded').length, 0);
    assert.deepEqual(
      findings.filter((f) => f.ruleId !== 'internal-error'),
      before.filter((f) => f.ruleId !== 'quota-exceeded'),
    );
  });

  test('with the other files of the workspace too', (t) => {
    const quota = factsOfText(QUOTA_AND_DEPLOYMENT.split('---\n')[0] ?? '', { languageId: 'yaml' });
    const deployment = QUOTA_AND_DEPLOYMENT.split('---\n')[1] ?? '';
    const before = checkText(deployment, { languageId: 'yaml', workspace: quota });
    assert.ok(only(before, 'quota-requires-requests').length > 0);
    replace(t, ruleById('quota-exceeded'), 'checkWorkspace', () => {
      throw new Error('boom');
    });
    const findings = checkText(deployment, { languageId: 'yaml', workspace: quota });
    assert.deepEqual(
      only(findings, 'internal-error').map((f) => f.message),
      ["Rule 'quota-exceeded' failed while comparing this file with the rest of the workspace: Error: boom"],
    );
    assert.deepEqual(
      findings.filter((f) => f.ruleId !== 'internal-error'),
      before.filter((f) => f.ruleId !== 'quota-exceeded'),
    );
  });

  test('an unknown message id or a fact from another file is an internal-error', (t) => {
    const rule = ruleById('quota-requires-requests');
    const factKind = rule.facts?.find((kind) => kind.id === workloadFacts.id);
    assert.ok(factKind, 'quota-requires-requests reads workload facts');
    const quota = factsOfText(QUOTA_AND_DEPLOYMENT.split('---\n')[0] ?? '', { languageId: 'yaml' });
    const deployment = QUOTA_AND_DEPLOYMENT.split('---\n')[1] ?? '';
    replace(t, rule, 'checkWorkspace', (context) => {
      const [fact] = context.inFile(workloadFacts);
      if (fact) context.report({ fact, messageId: 'noSuchMessage' });
    });
    const unknownId = checkText(deployment, { languageId: 'yaml', workspace: quota });
    assert.deepEqual(
      only(unknownId, 'internal-error').map((f) => f.message),
      [
        "Rule 'quota-requires-requests' failed while comparing this file with the rest of the workspace: Error: quota-requires-requests has no message id 'noSuchMessage'",
      ],
    );
    assert.equal(only(unknownId, 'quota-requires-requests').length, 0);

    rule.checkWorkspace = (context) => {
      const foreign = context.all(workloadFacts).find((fact) => !context.inFile(workloadFacts).includes(fact));
      if (foreign) context.report({ fact: foreign, messageId: 'undeclared' });
    };
    const other = factsOfText(appPod('').replace('name: fire', 'name: elsewhere'), { languageId: 'yaml' });
    const foreign = checkText(deployment, { languageId: 'yaml', workspace: [...quota, ...other] });
    assert.deepEqual(
      only(foreign, 'internal-error').map((f) => f.message),
      [
        "Rule 'quota-requires-requests' failed while comparing this file with the rest of the workspace: Error: quota-requires-requests reported a fact that is not from the file being checked",
      ],
    );
  });
});

describe('a fact extractor that throws', () => {
  test('gives an internal-error on the object, not a crash; the rules keep reporting', (t) => {
    const before = check(QUOTA_AND_DEPLOYMENT);
    replace(t, workloadFacts, 'extract', () => {
      throw new Error('extractor boom');
    });
    let findings: Finding[] = [];
    assert.doesNotThrow(() => {
      findings = check(QUOTA_AND_DEPLOYMENT);
    });
    const crashes = only(findings, 'internal-error');
    // The extractor runs on every object of the file: the quota as well as the Deployment.
    assert.deepEqual(
      crashes.map((f) => [f.object?.kind, f.message]),
      [
        [
          'ResourceQuota',
          "Reading the 'workload' facts of this object failed: Error: extractor boom. Rules that compare objects across files do not see it.",
        ],
        [
          'Deployment',
          "Reading the 'workload' facts of this object failed: Error: extractor boom. Rules that compare objects across files do not see it.",
        ],
      ],
    );
    assert.deepEqual(at(crashes[1]), [6, 0], 'at the start of the Deployment');
    // Per-document rules are untouched; the rules that read workload facts have none to judge.
    assert.deepEqual(only(findings, 'missing-liveness-probe'), only(before, 'missing-liveness-probe'));
    assert.equal(only(findings, 'quota-requires-requests').length, 0);
    assert.doesNotThrow(() => factsOfText(QUOTA_AND_DEPLOYMENT, { languageId: 'yaml' }));
  });
});

describe('every message the engine builds has a real message id', () => {
  const noPlaceholder = (findings: readonly Finding[]): void => {
    for (const finding of findings) {
      assert.doesNotMatch(finding.message, /\{\{/, `${finding.ruleId}: unfilled placeholder in '${finding.message}'`);
      assert.ok(finding.message.trim().length > 0, `${finding.ruleId}: empty message`);
    }
  };

  test('each parse problem kind maps to its diagnostic and carries its detail', () => {
    const expected: Record<ParseProblemKind, string> = {
      syntax: 'yaml-syntax',
      'duplicate-key': 'yaml-syntax',
      'parser-failure': 'yaml-syntax',
      'too-deep': 'yaml-syntax',
      'alias-bomb': 'yaml-alias-bomb',
      'go-yaml-leniency': 'yaml-lenient-syntax',
    };
    const locate = locatorOf(new LineCounter());
    for (const [kind, ruleId] of Object.entries(expected) as [ParseProblemKind, string][]) {
      const finding = problemFinding({ kind, message: `detail of ${kind}`, start: 0, end: 0 }, locate);
      assert.equal(finding.ruleId, ruleId, kind);
      // A lenient scalar has one fixed message (the detail names what it is, for tests and logs only).
      if (kind !== 'go-yaml-leniency') assert.equal(finding.message, `detail of ${kind}`, kind);
    }
  });

  const aliasBomb = (): string => `apiVersion: v1\nkind: ConfigMap\n${aliasBombLines()}`;
  const deep = Array.from({ length: 600 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' leaf\n';
  const inputs: [name: string, text: string, ruleId: string, message: RegExp][] = [
    ['a syntax error', 'apiVersion: v1\nkind: ConfigMap\ndata: [unclosed\n', 'yaml-syntax', /./],
    [
      'a duplicate key',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {x: "1", x: "2"}\n',
      'yaml-syntax',
      /^Duplicate key "x"/,
    ],
    ['an alias bomb', aliasBomb(), 'yaml-alias-bomb', /alias bomb/],
    ['too deep nesting', deep, 'yaml-syntax', /nests deeper than 500 levels/],
  ];
  for (const [name, text, ruleId, message] of inputs) {
    test(`through checkText: ${name}`, () => {
      const findings = check(text);
      const problems = only(findings, ruleId);
      assert.ok(problems.length > 0, `${name}: expected ${ruleId}, got ${ids(findings).join(', ')}`);
      assert.match(problems[0]?.message ?? '', message);
      noPlaceholder(findings);
    });
  }

  test('file guards and disable directives', () => {
    const helm = check('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n');
    assert.deepEqual(ids(helm), ['file-not-checked']);
    const large = checkText(`# ${'x'.repeat(4096)}\n`, { languageId: 'yaml', maxFileSizeBytes: 1024 });
    assert.deepEqual(ids(large), ['file-not-checked']);
    const binary = check('a: 1\n\0\n');
    assert.deepEqual(ids(binary), ['unreadable-file']);
    const directives = check(
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n# kubewise-disable-next-line missing-liveness-probe\ndata: {}\n' +
        '# kubewise-disable-next-line no-such-rule\nimmutable: true\n# kubewise-disable-next-line\nbinaryData: {}\n',
    );
    assert.deepEqual(
      only(directives, 'unused-disable-directive').map((f) => f.message),
      [
        'Unused kubewise-disable directive: no missing-liveness-probe finding to suppress here.',
        "Unknown rule 'no-such-rule' in kubewise-disable directive.",
        'Unused kubewise-disable directive: there is no finding to suppress here.',
      ],
    );
    for (const findings of [helm, large, binary, directives]) noPlaceholder(findings);
  });

  test('.kubewise.yaml: a syntax error is yaml-syntax, an unknown rule is invalid-config', () => {
    const syntax = parseConfigText('rules:\n  missing-liveness-probe: [off\n').findings;
    assert.ok(syntax.length > 0);
    assert.deepEqual(ids(syntax), ['yaml-syntax']);
    noPlaceholder(syntax);

    const duplicate = parseConfigText('rules:\n  missing-liveness-probe: off\n  missing-liveness-probe: error\n').findings;
    assert.deepEqual(ids(duplicate), ['yaml-syntax']);
    assert.match(duplicate[0]?.message ?? '', /^Duplicate key "missing-liveness-probe"/);

    const unknown = parseConfigText('rules:\n  no-such-rule: error\n').findings;
    assert.deepEqual(
      unknown.map((f) => [f.ruleId, f.message, f.range.start.line]),
      [['invalid-config', "Unknown rule 'no-such-rule'.", 1]],
    );
    const badSeverity = parseConfigText('rules:\n  missing-liveness-probe: loud\n').findings;
    assert.deepEqual(ids(badSeverity), ['invalid-config']);
    noPlaceholder([...unknown, ...badSeverity]);
  });
});
