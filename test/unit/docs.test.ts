// The generated docs, README table and config schema must match the registry, and the
// examples the docs show must do what they say (biome-style executable examples).
import { fixtureCheckOptions } from '../support/kustomizeInputs';
import Ajv from 'ajv';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { checkText, factsOfText } from '../../server/src/service/engine/checkFile';
import { allRuleMetas, rules } from '../../server/src/service/rules/registry';
import { NEIGHBOUR, REPO_ROOT, fixtureDir, languageOfName } from '../support/ruleTester';

const GENERATOR = path.resolve(__dirname, '../../scripts/generate-docs.js');
const generator = (...args: string[]) => spawnSync(process.execPath, [GENERATOR, ...args], { encoding: 'utf8' });

describe('generated files', () => {
  test('are up to date (run `npm run generate` if this fails)', () => {
    const run = generator('--check');
    assert.equal(run.status, 0, run.stderr);
  });

  test('--check names what is stale, and a run repairs only that', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-docs-'));
    try {
      for (const part of ['docs', 'schemas/kubewise-config.schema.json', 'README.md', 'test/fixtures/rules']) {
        fs.cpSync(path.join(REPO_ROOT, part), path.join(root, part), { recursive: true });
      }
      const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
      fs.appendFileSync(path.join(root, 'docs/rules/yaml-syntax.md'), 'hand edit\n');
      fs.rmSync(path.join(root, 'docs/rules/missing-liveness-probe.md'));
      fs.writeFileSync(path.join(root, 'docs/rules/retired-rule.md'), '# retired-rule\n');
      fs.writeFileSync(path.join(root, 'README.md'), readme.replace('| [yaml-syntax]', '| [yaml-syntaks]'));

      const check = generator('--check', '--root', root);
      assert.equal(check.status, 1);
      const named = check.stderr
        .split('\n')
        .filter((line) => line.startsWith('  '))
        .map((line) => line.trim())
        .sort();
      assert.deepEqual(named, [
        'README.md',
        'docs/rules/missing-liveness-probe.md',
        'docs/rules/retired-rule.md',
        'docs/rules/yaml-syntax.md',
      ]);

      assert.equal(generator('--root', root).status, 0);
      assert.equal(generator('--check', '--root', root).status, 0);
      assert.equal(fs.existsSync(path.join(root, 'docs/rules/retired-rule.md')), false);
      assert.equal(fs.readFileSync(path.join(root, 'README.md'), 'utf8'), readme);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('rule pages', () => {
  const page = (id: string) => fs.readFileSync(path.join(REPO_ROOT, 'docs/rules', `${id}.md`), 'utf8');

  test('have the fixed headings, in order', () => {
    const headings = ['## Why', '## How to fix', '## Examples', '## Configuration', '## Equivalent checks'];
    for (const meta of allRuleMetas) {
      const text = page(meta.id);
      assert.ok(text.startsWith(`# ${meta.id}\n\n${meta.description}\n`), `${meta.id}: title and description`);
      const found = text.split('\n').filter((line) => line.startsWith('## '));
      assert.deepEqual(found, headings, `${meta.id}: headings`);
    }
  });

  for (const rule of rules) {
    const id = rule.meta.id;
    test(`${id}: the failing example fails and the passing example passes`, () => {
      // The first code block after the heading, up to a fence at the start of a line. Pages
      // show no repository paths, so the fixture it came from is found by its text: a CNI
      // file is read by its name (.conf and .conflist differ).
      const dir = fixtureDir(id);
      const fixtures = fs.existsSync(dir) ? fs.readdirSync(dir).filter((file) => !file.startsWith(NEIGHBOUR)) : [];
      const blocks = (heading: string): { code: string; file: string } | undefined => {
        const match = new RegExp(`### ${heading}\\n[^#]*?\`\`\`(yaml|json)\\n([\\s\\S]*?)^\`\`\``, 'm').exec(page(id));
        if (!match) return undefined;
        const code = match[2]!;
        const shown = fixtures.find((file) => {
          const full = path.join(dir, file);
          return fs.statSync(full).isFile() && fs.readFileSync(full, 'utf8').trimEnd() === code.trimEnd();
        });
        return { code, file: shown ?? `example.${match[1]!}` };
      };
      const fails = blocks('Fails');
      const passes = blocks('Passes');
      assert.ok(fails !== undefined && passes !== undefined, 'both examples are shown');
      // A rule across files needs the fixture folder's other files (`neighbour-*`).
      const workspace = (fs.existsSync(dir) ? fs.readdirSync(dir) : [])
        .filter((file) => file.startsWith(NEIGHBOUR))
        .flatMap((file) => {
          const filePath = path.join('test', 'fixtures', 'rules', id, file);
          return factsOfText(fs.readFileSync(path.join(dir, file), 'utf8'), { languageId: languageOfName(file), filePath });
        });
      const ids = (example: { code: string; file: string }) =>
        checkText(example.code, {
          languageId: languageOfName(example.file),
          filePath: path.join('test', 'fixtures', 'rules', id, example.file),
          workspace,
          ...fixtureCheckOptions(id, fixtureDir(id), example.code),
        }).map((f) => f.ruleId);
      assert.ok(ids(fails).includes(id), 'the failing example must report the rule');
      assert.ok(!ids(passes).includes(id), 'the passing example must not report the rule');
    });
  }
});

describe('config schema', () => {
  const schema: unknown = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas/kubewise-config.schema.json'), 'utf8'));
  const validate = new Ajv({ strict: true }).compile(schema as object);

  test('is draft-07 and names every rule', () => {
    assert.equal((schema as { $schema?: string }).$schema, 'http://json-schema.org/draft-07/schema#');
    const properties = (schema as { properties: { rules: { properties: object } } }).properties.rules.properties;
    assert.deepEqual(
      Object.keys(properties),
      allRuleMetas.map((meta) => meta.id),
    );
  });

  test('accepts every severity for every rule', () => {
    for (const severity of ['off', 'error', 'warning', 'information', 'hint']) {
      assert.ok(validate({ rules: Object.fromEntries(allRuleMetas.map((meta) => [meta.id, severity])) }), severity);
    }
    assert.ok(validate({}));
  });

  test('rejects unknown rules, unknown severities and unknown top-level keys', () => {
    assert.equal(validate({ rules: { 'missing-readines-probe': 'off' } }), false);
    assert.equal(validate({ rules: { 'missing-readiness-probe': 'warn' } }), false);
    assert.equal(validate({ rules: { 'missing-readiness-probe': false } }), false);
    assert.equal(validate({ rule: {} }), false);
  });
});
