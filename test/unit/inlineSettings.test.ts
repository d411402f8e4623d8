// The rule options' settings (`kubewise.node.*`, `kubewise.resources.require`) are edited
// inline in the Settings editor: one type each, an empty default, and the server reads an
// empty value as unset, so `.kubewise.yaml` or the rule's default applies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveDocumentSettings, sanitizeClientSettings } from '../../server/src/lsp/settings';
import { parseConfigText } from '../../server/src/service/config/config';
import type { ConfigFile } from '../../server/src/lsp/settings';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { type: unknown; default: unknown; pattern?: string }> } };
};
const settings = manifest.contributes.configuration.properties;

test('each rule option setting has one type and an empty default the Settings editor edits inline', () => {
  for (const key of ['kubewise.node.cpu', 'kubewise.node.memory']) {
    assert.equal(settings[key]?.type, 'string', key);
    assert.equal(settings[key]?.default, '', key);
    assert.ok(new RegExp(settings[key]?.pattern ?? '(?!)').test(''), `${key}: empty passes the pattern`);
    assert.ok(new RegExp(settings[key]?.pattern ?? '(?!)').test('3920m'), key);
  }
  assert.equal(settings['kubewise.resources.require']?.type, 'array');
  assert.deepEqual(settings['kubewise.resources.require']?.default, []);
});

function configFile(text: string): ConfigFile {
  return { uri: 'file:///w/.kubewise.yaml', path: '/w/.kubewise.yaml', parsed: parseConfigText(text) };
}

test('an empty setting is unset: the config file applies, else the default', () => {
  const empty = sanitizeClientSettings({ node: { cpu: '', memory: '' }, resources: { require: [] } });
  const defaults = resolveDocumentSettings(empty, undefined).ruleOptions.values;
  assert.deepEqual(defaults.node, { cpu: '2', memory: '8Gi' });
  assert.deepEqual(defaults.resources, { require: ['requests.cpu', 'requests.memory', 'limits.memory'] });
  const fromFile = resolveDocumentSettings(empty, configFile('node:\n  cpu: "4"\nresources:\n  require: [limits.cpu]\n'));
  assert.deepEqual(fromFile.ruleOptions.values.node, { cpu: '4', memory: '8Gi' });
  assert.deepEqual(fromFile.ruleOptions.values.resources, { require: ['limits.cpu'] });
});

test('a value set in the Settings editor still overrides the config file', () => {
  const set = sanitizeClientSettings({ node: { cpu: '8', memory: '' }, resources: { require: ['requests.memory'] } });
  const values = resolveDocumentSettings(set, configFile('node:\n  cpu: "4"\n  memory: 16Gi\n')).ruleOptions.values;
  assert.deepEqual(values.node, { cpu: '8', memory: '16Gi' });
  assert.deepEqual(values.resources, { require: ['requests.memory'] });
});
