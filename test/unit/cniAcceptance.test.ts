// The acceptance table of issue 11: every example config of KNOWLEDGE.md section 9 is
// clean, and each broken config yields exactly one diagnostic, the expected one, on the
// expected characters: as a standalone file, as the same JSON in a ConfigMap block
// scalar, and in a NetworkAttachmentDefinition's quoted spec.config. Every finding counts,
// not only the CNI rules': a JSON error inside a ConfigMap is reported once, by the CNI
// rule, and no YAML or schema rule adds its own. The workspace holds Multus's
// NetworkAttachmentDefinition CRD, as a repository that uses them does, so schema
// validation checks the object around spec.config too.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { checkText, factsOfText } from '../../server/src/service/engine/checkFile';
import type { Finding } from '../../server/src/service/core/types';
import { ruleMeta } from '../../server/src/service/rules/registry';
import { applyEdits } from '../support/applyEdits';
import { inConfigMap, inNetworkAttachment } from '../support/cniCases';
import { REPO_ROOT } from '../support/ruleTester';

const NAD_CRD = path.join(REPO_ROOT, 'test/fixtures/crds/network-attachment-definitions.yaml');
const WORKSPACE = factsOfText(fs.readFileSync(NAD_CRD, 'utf8'), { languageId: 'yaml', filePath: NAD_CRD });

const BASE = `{
  "cniVersion": "1.0.0",
  "name": "podnet",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "cni0",
      "isGateway": true,
      "ipMasq": true,
      "ipam": {
        "type": "host-local",
        "ranges": [[{"subnet": "10.22.0.0/16"}]],
        "routes": [{"dst": "0.0.0.0/0"}]
      }
    },
    {"type": "portmap", "capabilities": {"portMappings": true}}
  ]
}
`;

const BRIDGE = `{
      "type": "bridge",
      "bridge": "cni0",
      "isGateway": true,
      "ipMasq": true,
      "ipam": {
        "type": "host-local",
        "ranges": [[{"subnet": "10.22.0.0/16"}]],
        "routes": [{"dst": "0.0.0.0/0"}]
      }
    }`;

type Form = 'file' | 'configmap' | 'nad';

/** Characters in a document: `text` (its nth occurrence), `length` of them from `offset`, or up to where `until` starts. */
interface Marker {
  text: string;
  nth?: number;
  offset?: number;
  length?: number;
  until?: string;
}

interface Case {
  name: string;
  /** The config: BASE with one change, or a whole text. */
  config: string;
  rule: string;
  messageId?: string;
  /** The characters the diagnostic covers: `text` (its nth occurrence), or `length` characters from `offset` into it. */
  at: Marker;
  /** Where it is in the NetworkAttachmentDefinition, when that differs (a comment runs on in a folded string). */
  nadAt?: Marker;
  /** `.conf` for a single plugin; `.conflist` by default. */
  file?: '.conf' | '.conflist';
  /** Forms where nothing is expected (Multus names an unnamed config), or that do not apply. */
  quiet?: readonly Form[];
  skip?: readonly Form[];
}

function change(from: string, to: string, text = BASE): string {
  assert.ok(text.includes(from), `the base has ${from}`);
  return text.replace(from, to);
}

const withPlugin = (plugin: string): string => change(BRIDGE, plugin);

const CASES: readonly Case[] = [
  // JSON syntax: one message per mistake, where it is.
  {
    name: 'trailing comma in the plugin list',
    config: change('true}}\n  ]', 'true}},\n  ]'),
    rule: 'cni-json-syntax',
    messageId: 'lenient',
    at: { text: 'true}},', offset: 6, length: 1 },
  },
  {
    name: 'trailing comma in an object',
    config: change('"ipMasq": true,', '"ipMasq": true,\n      "hairpinMode": true,').replace(
      '"routes": [{"dst": "0.0.0.0/0"}]',
      '"routes": [{"dst": "0.0.0.0/0"},]',
    ),
    rule: 'cni-json-syntax',
    at: { text: '"0.0.0.0/0"},', offset: 12, length: 1 },
  },
  {
    name: 'a // comment',
    config: change('      "bridge": "cni0",', '      // the host bridge\n      "bridge": "cni0",'),
    rule: 'cni-json-syntax',
    at: { text: '// the host bridge' },
    nadAt: { text: '// the host bridge', until: "'\n" },
  },
  {
    name: 'a # comment',
    config: change('      "bridge": "cni0",', '      # the host bridge\n      "bridge": "cni0",'),
    rule: 'cni-json-syntax',
    at: { text: '# the host bridge' },
    nadAt: { text: '# the host bridge', until: "'\n" },
  },
  {
    name: 'single quotes',
    config: change('"bridge": "cni0"', '"bridge": \'cni0\''),
    rule: 'cni-json-syntax',
    at: { text: "'cni0'", length: 1 },
  },
  {
    name: 'True for true',
    config: change('"isGateway": true', '"isGateway": True'),
    rule: 'cni-json-syntax',
    at: { text: 'True' },
  },
  { name: 'an unquoted key', config: change('"ipMasq": true', 'ipMasq: true'), rule: 'cni-json-syntax', at: { text: 'ipMasq' } },
  {
    name: 'a missing comma',
    config: change('"bridge": "cni0",', '"bridge": "cni0"'),
    rule: 'cni-json-syntax',
    at: { text: '"isGateway"', length: 1 },
  },
  {
    name: 'a leading zero',
    config: change('"isGateway": true,', '"isGateway": true,\n      "mtu": 01500,'),
    rule: 'cni-json-syntax',
    at: { text: '01500' },
  },
  {
    name: 'an unclosed object',
    config: change('true}}\n  ]\n}', 'true}}\n  ]'),
    rule: 'cni-json-syntax',
    messageId: 'fatal',
    at: { text: '{', length: 1 },
  },
  {
    name: 'a ] where a } is missing',
    config: change('"routes": [{"dst": "0.0.0.0/0"}]\n      }', '"routes": [{"dst": "0.0.0.0/0"}]'),
    rule: 'cni-json-syntax',
    messageId: 'fatal',
    at: { text: '{"type": "portmap"', length: 1 },
  },
  {
    name: 'a key written twice',
    config: change('"bridge": "cni0",', '"bridge": "cni0",\n      "bridge": "cni1",'),
    rule: 'cni-duplicate-key',
    at: { text: '"bridge"', nth: 3 },
  },
  // The spec: cniVersion, name, plugins, type.
  {
    name: 'no cniVersion',
    config: change('  "cniVersion": "1.0.0",\n', ''),
    rule: 'cni-version',
    messageId: 'missing',
    at: { text: '{', length: 1 },
  },
  {
    name: 'cniVersion written short',
    config: change('"1.0.0"', '"1.0"'),
    rule: 'cni-version',
    messageId: 'unknownMeant',
    at: { text: '"1.0"' },
  },
  {
    name: 'a cniVersion that does not exist',
    config: change('"1.0.0"', '"2.0.0"'),
    rule: 'cni-version',
    messageId: 'unknown',
    at: { text: '"2.0.0"' },
  },
  {
    name: 'cniVersion as a number',
    config: change('"1.0.0"', '1.0'),
    rule: 'cni-version',
    messageId: 'notString',
    at: { text: '1.0' },
  },
  {
    name: 'a cniVersions entry',
    config: change('  "cniVersion": "1.0.0",', '  "cniVersion": "1.1.0",\n  "cniVersions": ["1.0.0", "1.1"],'),
    rule: 'cni-version',
    messageId: 'unknownInList',
    at: { text: '"1.1"' },
  },
  {
    name: 'a list without a name',
    config: change('  "name": "podnet",\n', ''),
    rule: 'cni-network-name',
    messageId: 'missing',
    at: { text: '{', length: 1 },
    quiet: ['nad'],
  },
  {
    name: 'a name with a space',
    config: change('"podnet"', '"pod net"'),
    rule: 'cni-network-name',
    messageId: 'invalid',
    at: { text: '"pod net"' },
  },
  {
    name: 'a name that is a number',
    config: change('"podnet"', '42'),
    rule: 'cni-network-name',
    messageId: 'notString',
    at: { text: '42' },
  },
  {
    name: 'an empty plugin list',
    config: `{\n  "cniVersion": "1.0.0",\n  "name": "podnet",\n  "plugins": []\n}\n`,
    rule: 'cni-plugin-chain',
    messageId: 'empty',
    at: { text: '[]' },
  },
  {
    name: 'plugins as an object',
    config: `{\n  "cniVersion": "1.0.0",\n  "name": "podnet",\n  "plugins": {"type": "loopback"}\n}\n`,
    rule: 'cni-plugin-chain',
    messageId: 'notList',
    at: { text: '{"type": "loopback"}' },
  },
  {
    name: 'a plugin that is a string',
    config: change('{"type": "portmap", "capabilities": {"portMappings": true}}', '"portmap"'),
    rule: 'cni-plugin-chain',
    messageId: 'entryNotObject',
    at: { text: '"portmap"' },
  },
  {
    name: 'a plugin without type',
    config: change('{"type": "portmap", "capabilities"', '{"capabilities"'),
    rule: 'cni-plugin-type',
    messageId: 'missing',
    at: { text: '{"capabilities"', length: 1 },
  },
  {
    name: 'a type in the wrong case',
    config: change('"type": "bridge"', '"type": "Bridge"'),
    rule: 'cni-plugin-type',
    messageId: 'nearMiss',
    at: { text: '"Bridge"' },
  },
  {
    name: 'a type with a path',
    config: change('"type": "portmap"', '"type": "/opt/cni/bin/portmap"'),
    rule: 'cni-plugin-type',
    messageId: 'path',
    at: { text: '"/opt/cni/bin/portmap"' },
  },
  {
    name: 'an IPAM type with an underscore',
    config: change('"type": "host-local"', '"type": "host_local"'),
    rule: 'cni-plugin-type',
    messageId: 'nearMiss',
    at: { text: '"host_local"' },
  },
  // Keys the runtime owns.
  {
    name: 'runtimeConfig in the file',
    config: change('"capabilities": {"portMappings": true}', '"runtimeConfig": {"portMappings": []}'),
    rule: 'cni-runtime-owned-key',
    messageId: 'ownedCapability',
    at: { text: '"runtimeConfig"' },
  },
  {
    name: 'args in the file',
    config: change('"ipMasq": true,', '"ipMasq": true,\n      "args": {"cni": {}},'),
    rule: 'cni-runtime-owned-key',
    messageId: 'owned',
    at: { text: '"args"' },
  },
  {
    name: 'a cni.dev/ key',
    config: change('"ipMasq": true,', '"ipMasq": true,\n      "cni.dev/attachments": [],'),
    rule: 'cni-runtime-owned-key',
    messageId: 'owned',
    at: { text: '"cni.dev/attachments"' },
  },
  // Capabilities.
  {
    name: 'a misspelt capability',
    config: change('"portMappings": true', '"portMapping": true'),
    rule: 'cni-capabilities',
    messageId: 'misspelt',
    at: { text: '"portMapping"' },
  },
  {
    name: 'an unknown capability',
    config: change('"portMappings": true', '"portMappings": true, "hostPorts": true'),
    rule: 'cni-capabilities',
    messageId: 'unknown',
    at: { text: '"hostPorts"' },
  },
  // Reference plugins' keys and values.
  {
    name: 'mtu as a string',
    config: change('"ipMasq": true,', '"ipMasq": true,\n      "mtu": "1500",'),
    rule: 'cni-invalid-value',
    messageId: 'numberAsString',
    at: { text: '"1500"' },
  },
  {
    name: 'a boolean as "yes"',
    config: change('"isGateway": true', '"isGateway": "yes"'),
    rule: 'cni-invalid-value',
    messageId: 'notBoolean',
    at: { text: '"yes"' },
  },
  {
    name: 'a boolean as a number',
    config: change('"ipMasq": true', '"ipMasq": 1'),
    rule: 'cni-invalid-value',
    messageId: 'wrongType',
    at: { text: '1', nth: 2 },
  },
  {
    name: 'a bridge VLAN above 4094',
    config: change('"ipMasq": true,', '"ipMasq": true,\n      "vlan": 5000,'),
    rule: 'cni-invalid-value',
    messageId: 'outOfRange',
    at: { text: '5000' },
  },
  {
    name: 'a macvlan mode that does not exist',
    config: withPlugin('{"type": "macvlan", "master": "eth0", "mode": "bridged", "ipam": {"type": "dhcp"}}'),
    rule: 'cni-invalid-value',
    messageId: 'notOneOf',
    at: { text: '"bridged"' },
  },
  {
    name: 'an ipvlan mode that does not exist',
    config: withPlugin('{"type": "ipvlan", "master": "eth0", "mode": "l4", "ipam": {"type": "dhcp"}}'),
    rule: 'cni-invalid-value',
    messageId: 'notOneOf',
    at: { text: '"l4"' },
  },
  {
    name: 'portmap’s mark bit above 31',
    config: change('"portMappings": true}', '"portMappings": true}, "markMasqBit": 32'),
    rule: 'cni-invalid-value',
    messageId: 'outOfRange',
    at: { text: '32' },
  },
  {
    name: 'a vlanId above 4094',
    config: withPlugin('{"type": "vlan", "master": "eth0", "vlanId": 4095, "ipam": {"type": "dhcp"}}'),
    rule: 'cni-invalid-value',
    messageId: 'outOfRange',
    at: { text: '4095' },
  },
  {
    name: 'a sysctl value as a number',
    config: change(
      '{"type": "portmap", "capabilities": {"portMappings": true}}',
      '{"type": "tuning", "sysctl": {"net.core.somaxconn": 500}}',
    ),
    rule: 'cni-invalid-value',
    messageId: 'wrongType',
    at: { text: '500' },
  },
  {
    name: 'vlan without vlanId',
    config: withPlugin('{"type": "vlan", "master": "eth0", "ipam": {"type": "dhcp"}}'),
    rule: 'cni-missing-key',
    messageId: 'missing',
    at: { text: '"type"' },
  },
  {
    name: 'bridge without ipam',
    config: withPlugin('{"type": "bridge", "bridge": "cni0"}'),
    rule: 'cni-missing-key',
    messageId: 'ipam',
    at: { text: '"type": "bridge"' },
  },
  {
    name: 'a rate without its burst',
    config: change(
      '{"type": "portmap", "capabilities": {"portMappings": true}}',
      '{"type": "bandwidth", "ingressRate": 1000000}',
    ),
    rule: 'cni-bandwidth-burst',
    at: { text: '"ingressRate"' },
  },
  {
    name: 'a misspelt bridge key',
    config: change('"isGateway"', '"isGateWay"'),
    rule: 'cni-unknown-key',
    messageId: 'misspelt',
    at: { text: '"isGateWay"' },
  },
  {
    name: 'a misspelt host-local key',
    config: change('"routes"', '"route"'),
    rule: 'cni-unknown-key',
    messageId: 'misspelt',
    at: { text: '"route"' },
  },
  // host-local.
  {
    name: 'a subnet with host bits',
    config: change('"10.22.0.0/16"', '"10.22.0.1/16"'),
    rule: 'cni-ipam-subnet',
    messageId: 'hostBits',
    at: { text: '"10.22.0.1/16"' },
  },
  {
    name: 'a prefix that does not exist',
    config: change('"10.22.0.0/16"', '"10.22.0.0/33"'),
    rule: 'cni-ipam-subnet',
    messageId: 'invalid',
    at: { text: '"10.22.0.0/33"' },
  },
  {
    name: 'a /31',
    config: change('"10.22.0.0/16"', '"10.22.0.0/31"'),
    rule: 'cni-ipam-subnet',
    messageId: 'tooSmall',
    at: { text: '"10.22.0.0/31"' },
  },
  {
    name: 'a subnet without prefix',
    config: change('"10.22.0.0/16"', '"10.22.0.0"'),
    rule: 'cni-ipam-subnet',
    messageId: 'noPrefix',
    at: { text: '"10.22.0.0"' },
  },
  {
    name: 'rangeStart outside the subnet',
    config: change('{"subnet": "10.22.0.0/16"}', '{"subnet": "10.22.0.0/16", "rangeStart": "10.23.0.10"}'),
    rule: 'cni-ipam-range',
    messageId: 'outside',
    at: { text: '"10.23.0.10"' },
  },
  {
    name: 'a gateway outside the subnet',
    config: change('{"subnet": "10.22.0.0/16"}', '{"subnet": "10.22.0.0/16", "gateway": "10.1.0.1"}'),
    rule: 'cni-ipam-range',
    messageId: 'gatewayOutside',
    at: { text: '"10.1.0.1"' },
  },
  {
    name: 'rangeStart after rangeEnd',
    config: change(
      '{"subnet": "10.22.0.0/16"}',
      '{"subnet": "10.22.0.0/16", "rangeStart": "10.22.9.0", "rangeEnd": "10.22.1.0"}',
    ),
    rule: 'cni-ipam-range',
    messageId: 'startAfterEnd',
    at: { text: '"10.22.1.0"' },
  },
  {
    name: 'overlapping ranges',
    config: change('{"subnet": "10.22.0.0/16"}', '{"subnet": "10.22.0.0/16"}, {"subnet": "10.22.4.0/24"}'),
    rule: 'cni-ipam-overlap',
    messageId: 'overlapInSet',
    at: { text: '"10.22.4.0/24"' },
  },
  {
    name: 'mixed families in a range set',
    config: change('{"subnet": "10.22.0.0/16"}', '{"subnet": "10.22.0.0/16"}, {"subnet": "fd00:22::/64"}'),
    rule: 'cni-ipam-overlap',
    messageId: 'mixed',
    at: { text: '"fd00:22::/64"' },
  },
  {
    name: 'a route without a prefix',
    config: change('"0.0.0.0/0"', '"default"'),
    rule: 'cni-ipam-route',
    messageId: 'invalidDst',
    at: { text: '"default"' },
  },
  {
    name: 'a route gateway that is not an address',
    config: change('{"dst": "0.0.0.0/0"}', '{"dst": "0.0.0.0/0", "gw": "10.22.0.256"}'),
    rule: 'cni-ipam-route',
    messageId: 'invalidGw',
    at: { text: '"10.22.0.256"' },
  },
  {
    name: 'the legacy single range',
    config: change('"ranges": [[{"subnet": "10.22.0.0/16"}]]', '"subnet": "10.22.0.0/16"'),
    rule: 'cni-ipam-legacy-range',
    at: { text: '"subnet"' },
  },
  {
    name: 'a static address without prefix',
    config: withPlugin(
      '{"type": "macvlan", "master": "eth0", "ipam": {"type": "static", "addresses": [{"address": "10.1.0.5"}]}}',
    ),
    rule: 'cni-ipam-subnet',
    messageId: 'invalidAddress',
    at: { text: '"10.1.0.5"' },
  },
  // Versions.
  {
    name: 'a list under 0.2.0',
    config: change('"1.0.0"', '"0.2.0"'),
    rule: 'cni-version-too-old',
    messageId: 'list',
    at: { text: '"plugins"' },
  },
  {
    name: 'disableCheck under 0.3.1',
    config: change('"cniVersion": "1.0.0",', '"cniVersion": "0.3.1",\n  "disableCheck": true,'),
    rule: 'cni-version-too-old',
    messageId: 'key',
    at: { text: '"disableCheck"' },
  },
  // File names.
  {
    name: 'a single-plugin .conf of spec 1.0.0',
    config: '{\n  "cniVersion": "1.0.0",\n  "name": "lo",\n  "type": "loopback"\n}\n',
    file: '.conf',
    rule: 'cni-single-plugin-conf',
    at: { text: '"cniVersion"' },
    skip: ['configmap', 'nad'],
  },
  {
    name: 'a list in a .conf',
    config: BASE,
    file: '.conf',
    rule: 'cni-plugin-chain',
    messageId: 'listInConf',
    at: { text: '"plugins"' },
    skip: ['configmap', 'nad'],
  },
];

/** The document range the marker covers, as 0-based line and character. */
function expectedRange(document: string, searchFrom: number, at: Marker): Finding['range'] {
  let index = searchFrom - 1;
  for (let n = 0; n < (at.nth ?? 1); n++) {
    index = document.indexOf(at.text, index + 1);
    assert.ok(index !== -1, `marker ${JSON.stringify(at.text)} #${n + 1} is in the document`);
  }
  const start = index + (at.offset ?? 0);
  const end =
    at.until !== undefined ? document.indexOf(at.until, start) : start + (at.length ?? at.text.length - (at.offset ?? 0));
  const position = (offset: number) => {
    const before = document.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
  };
  return { start: position(start), end: position(end) };
}

function findingsOf(document: string, form: Form, filePath: string): Finding[] {
  return checkText(
    document,
    form === 'file'
      ? { languageId: 'json', filePath, workspace: WORKSPACE }
      : { languageId: 'yaml', filePath: `manifests/${form}.yaml`, workspace: WORKSPACE },
  );
}

const describeAll = (findings: readonly Finding[]): string =>
  findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId} ${f.message}`).join('\n') || '(none)';

describe('KNOWLEDGE.md section 9: the seed examples are clean', () => {
  const examples: [string, string][] = [
    [
      '10-bridge.conf',
      `{"cniVersion": "0.3.1", "name": "bridge", "type": "bridge", "bridge": "cnio0",\n "isGateway": true, "ipMasq": true,\n "ipam": {"type": "host-local", "ranges": [[{"subnet": "10.200.0.0/24"}]],\n          "routes": [{"dst": "0.0.0.0/0"}]}}\n`,
    ],
    ['99-loopback.conf', '{"cniVersion": "0.3.1", "type": "loopback"}\n'],
    [
      '10-aws.conflist',
      `{"cniVersion": "0.3.1", "name": "aws-cni", "plugins": [{"name": "aws-cni", "type": "aws-cni",\n"vethPrefix": "eni", "mtu": "9001"}, {"type": "portmap", "capabilities": {"portMappings": true},\n"snat": true}]}\n`,
    ],
  ];
  for (const [file, config] of examples) {
    test(`${file}, as a file, in a ConfigMap and in a NetworkAttachmentDefinition`, () => {
      const forms: [Form, string][] = [
        ['file', config],
        ['configmap', inConfigMap(config, file, 'seed')],
        ['nad', inNetworkAttachment(config, 'seed')],
      ];
      for (const [form, document] of forms) {
        const all = findingsOf(document, form, `/etc/cni/net.d/${file}`);
        assert.deepEqual(all, [], `${form}:\n${describeAll(all)}`);
      }
    });
  }
});

describe('broken configs: exactly the expected diagnostic, on the expected characters', () => {
  test('the table holds at least 40 broken configs', () => {
    assert.ok(CASES.length >= 40, `${CASES.length} cases`);
    const names = CASES.map((c) => c.name);
    assert.deepEqual(
      names.filter((name, index) => names.indexOf(name) !== index),
      [],
    );
  });

  for (const testCase of CASES) {
    test(testCase.name, () => {
      const file = testCase.file ?? '.conflist';
      const forms: [Form, string, number][] = [
        ['file', testCase.config, 0],
        ['configmap', inConfigMap(testCase.config), 0],
        ['nad', inNetworkAttachment(testCase.config), 0],
      ];
      for (const [form, document] of forms) {
        if (testCase.skip?.includes(form)) continue;
        const findings = findingsOf(document, form, `net.d/10-case${file}`);
        if (testCase.quiet?.includes(form)) {
          assert.deepEqual(findings, [], `${form}: expected nothing, got:\n${describeAll(findings)}`);
          continue;
        }
        assert.equal(findings.length, 1, `${form}: expected exactly one ${testCase.rule}, got:\n${describeAll(findings)}`);
        const [finding] = findings as [Finding];
        assert.equal(finding.ruleId, testCase.rule, `${form}: ${finding.message}`);
        if (testCase.messageId) {
          const template = ruleMeta(testCase.rule)?.messages[testCase.messageId];
          assert.ok(template, `${testCase.rule} has ${testCase.messageId}`);
          const parts = template.split(/\{\{\s*\w+\s*\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
          assert.match(finding.message, new RegExp(`^${parts.join('[\\s\\S]*')}$`), `${form}: message is ${testCase.messageId}`);
        }
        const searchFrom = form === 'file' ? 0 : document.indexOf(form === 'nad' ? 'config:' : 'data:');
        const at = form === 'nad' && testCase.nadAt ? testCase.nadAt : testCase.at;
        assert.deepEqual(finding.range, expectedRange(document, searchFrom, at), `${form}: range of ${finding.message}`);
      }
    });
  }
});

describe('a JSON error inside a Kubernetes object is reported once, by the CNI rule', () => {
  const broken = change('"ipMasq": true,', '"ipMasq": true,,');
  const documents: [string, string][] = [
    ["flannel's cni-conf.json", inConfigMap(broken, 'cni-conf.json')],
    ["Calico's cni_network_config", inConfigMap(broken, 'cni_network_config')],
    ['any key whose value is a CNI config', inConfigMap(broken, 'podnet')],
    ['a NetworkAttachmentDefinition with its CRD in the workspace', inNetworkAttachment(broken)],
  ];
  for (const [name, document] of documents) {
    test(name, () => {
      const all = checkText(document, { languageId: 'yaml', filePath: 'manifests/cni.yaml', workspace: WORKSPACE });
      assert.deepEqual(
        all.map((f) => f.ruleId),
        ['cni-json-syntax'],
        describeAll(all),
      );
    });
  }

  test('without the CRD, the NetworkAttachmentDefinition gets the CNI error and the unknown-kind note only', () => {
    const all = checkText(inNetworkAttachment(broken), { languageId: 'yaml', filePath: 'manifests/cni.yaml' });
    assert.deepEqual(all.map((f) => f.ruleId).sort(), ['cni-json-syntax', 'unknown-kind'], describeAll(all));
  });
});

describe('a NetworkAttachmentDefinition written as kubectl accepts it (JSON at the key’s depth)', () => {
  // go-yaml reads a quoted scalar whose lines are indented no deeper than its key; the parser
  // reads it with those lines indented (yaml-lenient-syntax says so), and CNI findings must
  // still land on the file's own characters, fixes too.
  const document =
    'apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: x\nspec:\n' +
    `  config: '{\n  "cniVersion": "1.0.0",\n  "name": "n",\n  "plugins": [{"type": "bridge", "mtu": "1500", "ipam": {}}]\n}'\n`;

  test('the CNI finding is on "1500" as written, and its fix unquotes it there', () => {
    const all = checkText(document, { languageId: 'yaml', filePath: 'manifests/nad.yaml', workspace: WORKSPACE });
    assert.deepEqual(all.map((f) => f.ruleId).sort(), ['cni-invalid-value', 'yaml-lenient-syntax'], describeAll(all));
    const finding = all.find((f) => f.ruleId === 'cni-invalid-value')!;
    assert.deepEqual(finding.range, expectedRange(document, 0, { text: '"1500"' }));
    const fixed = applyEdits(document, finding.fixes[0]!.edits);
    assert.equal(fixed, document.replace('"mtu": "1500"', '"mtu": 1500'));
  });
});
