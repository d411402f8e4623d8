// The engine's support for documents that are not Kubernetes objects, seen through CNI
// configs: which files are claimed, strict JSON instead of the YAML parser's syntax
// messages, the cache keyed by file name, hosts (CLI walk, code actions), the schema.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkText } from '../../server/src/service/engine/checkFile';
import { ChunkCache } from '../../server/src/service/engine/chunkCache';
import { scanJson } from '../../server/src/service/document/jsonSyntax';
import { quickFixes } from '../../server/src/service/features/codeActions';
import { schemaErrors, knownKeysAt, schemaAt } from '../../server/src/service/cni/cniSchema';
import { collectFiles } from '../../server/src/cli/collectFiles';
import { WorkspaceFilter } from '../../server/src/host/workspaceFiles';
import { inConfigMap } from '../support/cniCases';
import { REPO_ROOT } from '../support/ruleTester';
import { FIXTURES, runCli } from './cliHarness';

const ids = (text: string, filePath?: string, languageId: 'yaml' | 'json' = 'json') =>
  checkText(text, filePath === undefined ? { languageId } : { languageId, filePath }).map((f) => f.ruleId);

describe('strict JSON', () => {
  test('valid JSON has no problems; each leniency is one problem, where it is', () => {
    assert.deepEqual(scanJson('{"a": [1, -2.5e3, true, null, "x\\u00e9\\n"], "b": {}}').problems, []);
    const scan = scanJson('{"a": 1,, }');
    assert.equal(scan.fatal, true);
    assert.deepEqual(
      scan.problems.map((p) => [p.kind, p.start]),
      [['unexpected', 8]],
    );
    const soft = scanJson('{\'a\': 01, b: NaN, "c": [1,],}');
    assert.deepEqual(
      soft.problems.map((p) => p.kind),
      ['single-quote', 'number', 'unquoted-key', 'bare-word', 'trailing-comma', 'trailing-comma'],
    );
    assert.equal(soft.fatal, false);
  });

  test('placeholders are values, bare or quoted', () => {
    const scan = scanJson('{"mtu": __CNI_MTU__, "k": "/etc/__KUBECONFIG_FILENAME__"}');
    assert.deepEqual(scan.problems, []);
    assert.deepEqual(
      scan.placeholders.map((p) => [p.name, p.quoted]),
      [
        ['__CNI_MTU__', false],
        ['__KUBECONFIG_FILENAME__', true],
      ],
    );
  });

  test('hostile input: deep nesting, huge text, random bytes; never throws, stays linear', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const started = performance.now();
    assert.deepEqual(scanJson(deep).problems, []);
    assert.equal(scanJson('['.repeat(100_000)).fatal, true);
    // Linear: a quadratic scan of 200,000 brackets would take minutes; the bound leaves room for a loaded machine.
    assert.ok(performance.now() - started < 10_000);
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('{', '}', '[', ']', '"', "'", ',', ':', '\\', '/', '*', '#', 'a', '1', ' ', '\n', '_'),
        }),
        (text) => {
          const scan = scanJson(text);
          for (const problem of scan.problems)
            assert.ok(problem.start >= 0 && problem.end <= text.length && problem.start <= problem.end);
          assert.ok(scan.problems.filter((p) => p.fatal).length <= 1);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('hostile CNI files end in diagnostics, never a crash', () => {
    const inputs = [
      '',
      '{',
      '{"cniVersion": ',
      '{"plugins": [[[[[',
      `{"a": "${'x'.repeat(100_000)}"`,
      '\u0000{}',
      '{"cniVersion": "1.0.0", "plugins": [' + '{"type": "a"},'.repeat(5000) + ']}',
    ];
    for (const input of inputs) {
      const findings = checkText(input, { languageId: 'json', filePath: 'net.d/10-x.conflist' });
      assert.ok(!findings.some((f) => f.ruleId === 'internal-error'), JSON.stringify(findings.slice(0, 2)));
    }
  });
});

describe('which files are CNI configs', () => {
  test('an nginx .conf gets nothing, not even a syntax error', () => {
    assert.deepEqual(ids('server {\n  listen 80;\n}\n', 'etc/nginx/nginx.conf'), []);
    assert.deepEqual(ids('key = value\n', 'app.conf', 'yaml'), []);
  });

  test('a .conflist is one whatever it holds; a host that says YAML still gets JSON', () => {
    assert.deepEqual(ids('[1, 2]', 'net.d/10-x.conflist'), ['cni-plugin-chain']);
    assert.deepEqual(
      ids('{"cniVersion": "1.0.0", "name": "n", "plugins": [{"type": "loopback"},]}', 'net.d/10-x.conflist', 'yaml'),
      ['cni-json-syntax'],
    );
  });

  test('a Go-templated config is a template: one note, not a wall of JSON errors', () => {
    const template =
      '{"cniVersion": "1.0.0", "name": "{{ .Name }}", "plugins": [{"type": "bridge", "mtu": {{ .MTU }}, "ipam": {}}]}';
    assert.deepEqual(ids(template, 'net.d/10-x.conflist'), ['file-not-checked']);
    assert.deepEqual(
      ids('{"cniVersion": "1.0.0", "name": "{{ .Name }}", "plugins": [{"type": "loopback"}]}', 'net.d/10-x.conflist'),
      [],
    );
  });

  test('a JSON file is a config only when shaped like one', () => {
    assert.deepEqual(ids('{"name": "x", "type": "bridge", "mtu": "1500"}', 'package.json'), []);
    assert.deepEqual(ids('{"cniVersion": "1.0.0", "name": "x", "type": "bridge", "mtu": "1500"}', 'cni.json'), [
      'cni-invalid-value',
      'cni-missing-key',
      'cni-single-plugin-conf',
    ]);
  });

  test('the YAML parser’s syntax messages give way to JSON’s in a config file, not in a manifest', () => {
    const broken = '{"cniVersion": "1.0.0", "name": "n", "plugins": [{"type": "loopback"}';
    assert.deepEqual(ids(broken, 'net.d/10-x.conflist'), ['cni-json-syntax']);
    const manifest = `${inConfigMap('{"cniVersion": "1.0.0", "name": "n", "plugins": [{"type": "loopback"}]}', 'cni-conf.json', 'x')}  bad: [\n`;
    assert.ok(ids(manifest, 'cm.yaml', 'yaml').includes('yaml-syntax'));
  });

  test('results depend on the file name, and the cache knows it', () => {
    const text = '{"cniVersion": "1.0.0", "name": "n", "plugins": [{"type": "loopback"}]}';
    const cache = new ChunkCache();
    assert.deepEqual(ids(text, 'net.d/10-x.conflist'), []);
    const asConf = checkText(text, { languageId: 'json', filePath: 'net.d/10-x.conf', cache }).map((f) => f.ruleId);
    assert.deepEqual(asConf, ['cni-plugin-chain']);
    const asList = checkText(text, { languageId: 'json', filePath: 'net.d/10-x.conflist', cache }).map((f) => f.ruleId);
    assert.deepEqual(asList, []);
  });
});

describe('code actions in CNI configs', () => {
  test('no "disable for this line" in JSON, nor inside a YAML string; renames only where the host can', () => {
    const file = '{"cniVersion": "1.0.0", "name": "n", "type": "loopback"}\n';
    const findings = checkText(file, { languageId: 'json', filePath: 'net.d/10-lo.conf' });
    const titles = quickFixes(file, findings, { languageId: 'json', canRename: true }).map((a) => a.title);
    assert.ok(titles.includes('Rewrite as 10-lo.conflist'));
    assert.ok(!titles.some((t) => t.startsWith('Disable')));
    assert.ok(!quickFixes(file, findings, { languageId: 'json', canRename: false }).some((a) => a.renameTo !== undefined));
    const yaml = inConfigMap(
      '{\n  "cniVersion": "1.0",\n  "name": "n",\n  "plugins": [{"type": "loopback"}]\n}',
      'cni-conf.json',
      'x',
    );
    const embedded = checkText(yaml, { languageId: 'yaml' }).filter((f) => f.ruleId === 'cni-version');
    assert.equal(embedded.length, 1);
    assert.ok(!quickFixes(yaml, embedded).some((a) => a.title.startsWith('Disable')));
    assert.ok(quickFixes(yaml, embedded).some((a) => a.title === 'Change to "1.0.0"'));
  });
});

describe('the CNI schema', () => {
  test('is what scripts/generate-cni-schema.mjs writes (run `npm run generate` if this fails)', () => {
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/generate-cni-schema.mjs'), '--check'], {
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
  });

  test('has every key the reference plugins’ docs list, when the docs are at hand', (t) => {
    const upstream = path.resolve(REPO_ROOT, '..', 'shared', 'upstream', 'cni');
    if (!fs.existsSync(path.join(upstream, 'plugins'))) return t.skip('no ../shared/upstream/cni here');
    const run = spawnSync(
      process.execPath,
      [path.join(REPO_ROOT, 'scripts/generate-cni-schema.mjs'), '--check', '--upstream', upstream],
      {
        encoding: 'utf8',
      },
    );
    assert.equal(run.status, 0, run.stderr);
  });

  test('encodes the facts the rules rely on', () => {
    const at = (config: unknown, p: (string | number)[]) => schemaAt(config, p).map(({ node }) => node);
    const vlan = { type: 'vlan', vlanId: 1 };
    assert.ok(at(vlan, ['vlanId']).some((n) => n.minimum === 0 && n.maximum === 4094));
    const portmap = { cniVersion: '1.0.0', plugins: [{ type: 'portmap', markMasqBit: 1 }] };
    assert.ok(at(portmap, ['plugins', 0, 'markMasqBit']).some((n) => n.maximum === 31 && n.default === 13));
    assert.deepEqual(at({ type: 'macvlan', mode: 'x' }, ['mode']).find((n) => n.enum)?.enum, [
      'bridge',
      'private',
      'vepa',
      'passthru',
    ]);
    assert.deepEqual(at({ type: 'ipvlan', mode: 'x' }, ['mode']).find((n) => n.enum)?.enum, ['l2', 'l3', 'l3s']);
    assert.equal(knownKeysAt({ type: 'calico', anything: 1 }, []), undefined, 'third-party keys are their own');
    assert.ok(knownKeysAt({ type: 'bridge' }, [])?.has('hairpinMode'));
    assert.deepEqual(schemaErrors({ cniVersion: '1.0.0', name: 'n', plugins: [{ type: 'bridge', mtu: 1500, ipam: {} }] }), []);
  });
});

describe('the CLI walks CNI configs', () => {
  test('collects .conf and .conflist files', async () => {
    const { targets } = await collectFiles(['cni'], FIXTURES, new WorkspaceFilter());
    const names = targets.map((t) => (t.kind === 'file' ? path.basename(t.absolutePath) : t.kind));
    assert.deepEqual(names, ['10-podnet.conflist', '20-podnet.conflist', '99-loopback.conf', 'nginx.conf']);
  });

  test('reports on the configs, across the files of one folder, and nothing on nginx.conf', async () => {
    const result = await runCli(['check', 'cni']);
    const lines = result.stdout.split('\n').filter((line) => line.includes('['));
    assert.deepEqual(
      lines.map((line) => line.replace(/\s+/g, ' ').replace(/ (error|warning|information) .* \[/, ' $1 [')),
      [
        'cni/net.d/10-podnet.conflist:3:11 warning [cni-duplicate-network-name]',
        'cni/net.d/20-podnet.conflist:3:11 warning [cni-duplicate-network-name]',
        'cni/net.d/20-podnet.conflist:4:38 error [cni-invalid-value]',
      ],
    );
  });
});
