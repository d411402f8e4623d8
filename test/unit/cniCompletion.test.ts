// Completion in CNI configs, from the schema: keys where a key goes (the plugin's own,
// the list's, an IPAM range's), allowed values where a value goes, plugin types, and the
// edit written in the string's style inside a NetworkAttachmentDefinition.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cniCompletions } from '../../server/src/service/features/cniCompletion';

/** Completions at the `|` of `marked`. */
function complete(marked: string, languageId: 'yaml' | 'json' = 'json', filePath: string | undefined = 'net.d/10-x.conflist') {
  const index = marked.indexOf('|');
  const text = marked.replace('|', '');
  const before = text.slice(0, index);
  const position = { line: before.split('\n').length - 1, character: index - (before.lastIndexOf('\n') + 1) };
  return { text, items: cniCompletions(text, languageId, position, filePath) };
}

const labels = (marked: string, languageId: 'yaml' | 'json' = 'json', filePath?: string) =>
  complete(marked, languageId, filePath).items.map((item) => item.label);

const LIST = (plugin: string) => `{"cniVersion": "1.0.0", "name": "n", "plugins": [${plugin}]}`;

test('the keys of a reference plugin, not those already written, not the list’s own', () => {
  const keys = labels(LIST('{"type": "bridge", "isGateway": true, |}'), 'json', 'net.d/10-x.conflist');
  assert.ok(keys.includes('hairpinMode') && keys.includes('mtu') && keys.includes('ipam'));
  assert.ok(!keys.includes('isGateway') && !keys.includes('type'), 'already written');
  assert.ok(!keys.includes('name') && !keys.includes('cniVersion'), 'the list’s, in a list');
  const item = complete(LIST('{"type": "bridge", "hair|}')).items.find((i) => i.label === 'hairpinMode');
  assert.equal(item?.newText, '"hairpinMode": ');
  assert.equal(item?.detail, 'boolean, default false');
  assert.deepEqual(
    item?.range,
    { start: { line: 0, character: 68 }, end: { line: 0, character: 73 } },
    'the partial key, its quote included',
  );
});

test('the keys of the network, of an IPAM section, of a range', () => {
  assert.ok(labels('{"cniVersion": "1.0.0", "name": "n", |', 'json', 'net.d/10-x.conflist').includes('disableCheck'));
  assert.deepEqual(
    labels(LIST('{"type": "ptp", "ipam": {"type": "host-local", |}}'), 'json', 'net.d/10-x.conflist').slice(0, 2),
    ['ranges', 'routes'],
  );
  assert.deepEqual(
    labels(LIST('{"type": "ptp", "ipam": {"type": "host-local", "ranges": [[{|}]]}}'), 'json', 'net.d/10-x.conflist'),
    ['subnet', 'rangeStart', 'rangeEnd', 'gateway'],
  );
  assert.deepEqual(
    labels(LIST('{"type": "calico", "ipam": {|}}'), 'json', 'net.d/10-x.conflist'),
    ['type'],
    'an IPAM section: its type first',
  );
  assert.deepEqual(
    labels(LIST('{"type": "calico", "ipam": {"type": "calico-ipam", |}}'), 'json', 'net.d/10-x.conflist'),
    [],
    'a third-party IPAM’s keys are its own',
  );
});

test('values: modes, booleans, versions, plugin types', () => {
  assert.deepEqual(labels(LIST('{"type": "macvlan", "mode": |}'), 'json', 'net.d/10-x.conflist'), [
    '"bridge"',
    '"private"',
    '"vepa"',
    '"passthru"',
  ]);
  assert.deepEqual(labels(LIST('{"type": "ipvlan", "mode": "l|"}'), 'json', 'net.d/10-x.conflist'), ['"l2"', '"l3"', '"l3s"']);
  assert.deepEqual(labels(LIST('{"type": "bridge", "isGateway": |}'), 'json', 'net.d/10-x.conflist'), ['true', 'false']);
  assert.ok(labels('{"cniVersion": "|', 'json', 'net.d/10-x.conflist').includes('"1.1.0"'));
  const types = labels(LIST('{"type": "|"}'), 'json', 'net.d/10-x.conflist');
  assert.ok(types.includes('bridge') && types.includes('portmap') && !types.includes('host-local'));
  assert.deepEqual(labels(LIST('{"type": "ptp", "ipam": {"type": "|"}}'), 'json', 'net.d/10-x.conflist'), [
    'host-local',
    'static',
    'dhcp',
  ]);
});

test('inside a NetworkAttachmentDefinition’s double-quoted string, the edit is escaped', () => {
  const yaml = `apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata: {name: x}\nspec:\n  config: "{\\"cniVersion\\": \\"1.0.0\\", \\"type\\": \\"macvlan\\", \\"mode\\": |}"\n`;
  const { items } = complete(yaml, 'yaml', 'nad.yaml');
  const vepa = items.find((item) => item.label === '"vepa"');
  assert.equal(vepa?.newText, '\\"vepa\\"');
  assert.equal(vepa?.range.start.line, 4);
});

test('outside CNI configs and inside comments: nothing', () => {
  assert.deepEqual(labels('{"apiVersion": "v1", |', 'json', 'pod.json'), []);
  assert.deepEqual(labels('{"cniVersion": "1.0.0", // a comment |\n}', 'json', 'net.d/10-x.conflist'), []);
});
