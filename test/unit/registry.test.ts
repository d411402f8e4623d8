// Meta-tests that keep rules, registry, fixtures, tests and docs in step (ESLint and
// kube-linter both fail their build when a check has no test or no docs).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { checkText } from '../../server/src/service/engine/checkFile';
import { allRuleMetas, ruleFamily, rules } from '../../server/src/service/rules/registry';
import { PEER_TOOLS, parseEquivalent } from '../../server/src/service/core/peerTools';
import { REPO_ROOT, fixtureDir, languageOfName } from '../support/ruleTester';
import { fixtureCheckOptions } from '../support/kustomizeInputs';

const RULES_DIR = path.join(REPO_ROOT, 'server/src/service/rules');
const KEBAB_CASE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** A file named like a rule id: kebab-case with at least one hyphen (helpers are camelCase). */
const RULE_FILE = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\.ts$/;
const ruleIds = rules.map((rule) => rule.meta.id);

function listDir(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

/** Every .ts file under a folder, for the static look-ups below. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('registry', () => {
  test('registry.generated.ts is what the family folders say (run `npm run generate` if this fails)', () => {
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/generate-registry.mjs'), '--check'], {
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
  });

  test('is sorted by id', () => {
    assert.deepEqual(ruleIds, [...ruleIds].sort());
    const all = allRuleMetas.map((meta) => meta.id);
    assert.deepEqual(all, [...all].sort());
  });

  test('ids are unique kebab-case', () => {
    const all = allRuleMetas.map((meta) => meta.id);
    assert.deepEqual(
      all.filter((id, index) => all.indexOf(id) !== index),
      [],
    );
    for (const id of all) assert.match(id, KEBAB_CASE);
  });

  test('each rule lives in its own file in a family folder, named after its id', () => {
    for (const id of ruleIds) {
      const family = ruleFamily(id);
      const file = path.join(RULES_DIR, family ?? '?', `${id}.ts`);
      assert.ok(fs.existsSync(file), `missing server/src/service/rules/<family>/${id}.ts`);
      assert.match(fs.readFileSync(file, 'utf8'), new RegExp(`id: '${id}'`), `${id}.ts must define the rule ${id}`);
    }
  });

  test('every file named like a rule id is registered, and no rule file sits outside a family folder', () => {
    const families = listDir(RULES_DIR).filter(
      (entry) => fs.statSync(path.join(RULES_DIR, entry)).isDirectory() && entry !== 'api',
    );
    const named = families.flatMap((family) =>
      listDir(path.join(RULES_DIR, family)).flatMap((file) => RULE_FILE.exec(file)?.[1] ?? []),
    );
    assert.deepEqual(named.sort(), [...ruleIds].sort());
    const outside = [...listDir(RULES_DIR), ...listDir(path.join(RULES_DIR, 'api'))].filter((file) => RULE_FILE.test(file));
    assert.deepEqual(outside, [], 'rule files belong in rules/<family>/');
  });
});

describe('each rule has fixtures and a test', () => {
  for (const id of ruleIds) {
    test(id, () => {
      const files = listDir(fixtureDir(id));
      assert.ok(
        files.some((f) => /^fire-.+\.(?:yaml|json|conf|conflist)$/.test(f)),
        `no test/fixtures/rules/${id}/fire-*.yaml (or a CNI .conf/.conflist/.json)`,
      );
      assert.ok(
        files.some((f) => /^dont-fire-.+\.(?:yaml|json|conf|conflist)$/.test(f)),
        `no test/fixtures/rules/${id}/dont-fire-*.yaml (or a CNI .conf/.conflist/.json)`,
      );
      assert.ok(fs.existsSync(path.join(REPO_ROOT, 'test/unit/rules', `${id}.test.ts`)), `no test/unit/rules/${id}.test.ts`);
    });
  }

  test('no fixture folder or rule test without a rule', () => {
    const folders = listDir(path.join(REPO_ROOT, 'test/fixtures/rules'));
    assert.deepEqual(
      folders.filter((folder) => !ruleIds.includes(folder)),
      [],
    );
    const tests = listDir(path.join(REPO_ROOT, 'test/unit/rules')).map((file) => file.replace(/\.test\.ts$/, ''));
    assert.deepEqual(
      tests.filter((name) => !ruleIds.includes(name)),
      [],
    );
  });

  test('a rule that offers fixes on its fixtures says it is fixable', () => {
    for (const id of ruleIds) {
      const meta = rules.find((rule) => rule.meta.id === id)?.meta;
      for (const file of listDir(fixtureDir(id)).filter((f) => /\.(?:yaml|json|conf|conflist)$/.test(f))) {
        const text = fs.readFileSync(path.join(fixtureDir(id), file), 'utf8');
        const options = {
          languageId: languageOfName(file),
          filePath: path.join(fixtureDir(id), file),
          ...fixtureCheckOptions(id, fixtureDir(id), text),
        };
        const fixed = checkText(text, options).some((f) => f.ruleId === id && f.fixes.length > 0);
        if (fixed) assert.ok(meta?.fixable, `${id} offers a fix on ${file} but is not marked fixable`);
      }
    }
  });
});

describe('meta', () => {
  // A remediation tells the reader what to do: "Add …", not "Adds …" or "The …".
  const NOT_IMPERATIVE = new Set(['a', 'an', 'the', 'this', 'it', 'you', 'we', 'there', 'containers', 'kubewise']);

  for (const meta of allRuleMetas) {
    test(meta.id, () => {
      const firstWord = /^[A-Za-z]+/.exec(meta.remediation)?.[0] ?? '';
      assert.match(meta.remediation, /^[A-Z].*\.$/s, 'remediation is a sentence ending in a period');
      assert.ok(!NOT_IMPERATIVE.has(firstWord.toLowerCase()), `remediation starts with '${firstWord}', not a verb`);
      assert.ok(!/[^s]s$/.test(firstWord), `remediation starts with '${firstWord}': use the imperative`);

      assert.ok(meta.docsUrl.endsWith(`/${meta.id}.md`), `docsUrl ${meta.docsUrl}`);
      assert.match(meta.description, /^[A-Z].*\.$/, 'description is one sentence ending in a period');
      assert.ok(meta.why.length > 40, 'why teaches the lesson');
      for (const equivalent of meta.equivalents) {
        assert.match(equivalent, /^[a-z][a-z0-9-]*:[A-Za-z0-9_./-]+$/, 'tool:check');
        assert.ok(parseEquivalent(equivalent).tool in PEER_TOOLS, `${equivalent}: a tool listed in rules/peerTools.ts`);
      }
      assert.equal(new Set(meta.equivalents).size, meta.equivalents.length, 'equivalents are unique');
      for (const [rule, when] of Object.entries(meta.yieldsTo ?? {})) {
        assert.ok(
          allRuleMetas.some((other) => other.id === rule && other.id !== meta.id),
          `yields to '${rule}', a rule`,
        );
        assert.match(when, /^[a-z].*\.$/s, `yieldsTo.${rule}: a sentence (lower case, after the rule's name) ending in a period`);
      }
      assert.ok(Object.keys(meta.messages).length > 0, 'at least one message');
    });
  }

  test('every message id is used somewhere in the server', () => {
    // Static, so approximate: a message id must appear quoted (`'missing'`) or as
    // `messages.<id>`; the keys of the messages literals themselves are unquoted.
    const sources = sourceFiles(path.join(REPO_ROOT, 'server/src'))
      .map((file) => fs.readFileSync(file, 'utf8'))
      .join('\n');
    const unused: string[] = [];
    for (const meta of allRuleMetas) {
      for (const messageId of Object.keys(meta.messages)) {
        const escaped = messageId.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&');
        const used = new RegExp(`(['"\`])${escaped}\\1|messages\\.${escaped}\\b`).test(sources);
        if (!used) unused.push(`${meta.id}: ${messageId}`);
      }
    }
    assert.deepEqual(unused, []);
  });
});
