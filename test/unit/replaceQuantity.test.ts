// A quantity fix keeps the value's quoting, and keeps JSON valid.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from 'yaml';
import type { Scalar, YAMLMap } from 'yaml';
import { replaceQuantity } from '../../server/src/service/rules/api/fixes/replaceQuantity';

function replaced(text: string, quantity: string): string {
  const doc = parseDocument(text);
  const node = (doc.contents as YAMLMap).items[0]?.value as Scalar;
  const edit = replaceQuantity(text, node, quantity);
  assert.ok(edit);
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

test('quotes are kept; plain stays plain', () => {
  assert.equal(replaced('cpu: "500"\n', '500m'), 'cpu: "500m"\n');
  assert.equal(replaced("cpu: '500'\n", '500m'), "cpu: '500m'\n");
  assert.equal(replaced('cpu: 500\n', '500m'), 'cpu: 500m\n');
});

test('a JSON number gets quotes when the new value has a suffix, and stays a number otherwise', () => {
  assert.equal(replaced('{"cpu": 500}', '500m'), '{"cpu": "500m"}');
  assert.equal(replaced('{"cpu": 500}', '0.5'), '{"cpu": 0.5}');
  assert.doesNotThrow(() => JSON.parse(replaced('{"cpu": 500}', '500m')));
});
