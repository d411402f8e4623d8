// Hovers in CNI configs and on the AWS VPC CNI's warm pool: keys, plugin types, allowed
// values, embedded JSON, and the folder's loading order on a config file's first line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hoverAt } from '../../server/src/service/features/hover';
import { factsOfText } from '../../server/src/service/engine/checkFile';
import type { Position } from '../../server/src/service/core/types';
import { inConfigMap, inNetworkAttachment } from '../support/cniCases';

const CONFIG = `{
  "cniVersion": "1.0.0",
  "name": "podnet",
  "plugins": [
    {"type": "bridge", "hairpinMode": true, "ipam": {"type": "host-local", "ranges": [[{"subnet": "10.0.0.0/24"}]]}},
    {"type": "macvlan", "mode": "vepa", "ipam": {}},
    {"type": "calico"}
  ]
}
`;

/** The position of the nth occurrence of `needle` (plus `shift` characters). */
function at(text: string, needle: string, shift = 1, nth = 1): Position {
  let index = -1;
  for (let n = 0; n < nth; n++) index = text.indexOf(needle, index + 1);
  assert.ok(index !== -1, needle);
  const before = text.slice(0, index + shift);
  return { line: before.split('\n').length - 1, character: index + shift - (before.lastIndexOf('\n') + 1) };
}

const hover = (
  text: string,
  position: Position,
  languageId: 'yaml' | 'json' = 'json',
  filePath?: string,
  workspace = factsOfText('', { languageId }),
) =>
  hoverAt(text, languageId, [], position, {}, filePath === undefined ? { workspace } : { filePath, workspace })?.markdown ?? '';

test('a key: what it does, its default, the spec version that introduced it', () => {
  assert.match(
    hover(CONFIG, at(CONFIG, '"hairpinMode"')),
    /\*\*hairpinMode\*\* · bridge plugin[\s\S]*reach itself[\s\S]*Default: `false`/,
  );
  assert.match(hover(CONFIG, at(CONFIG, '"cniVersion"')), /Since spec 0\.1\.0/);
  assert.match(hover(CONFIG, at(CONFIG, '"plugins"')), /Since spec 0\.3\.0/);
  assert.match(hover(CONFIG, at(CONFIG, '"subnet"')), /\*\*subnet\*\* · host-local IPAM/);
});

test('a plugin type: reference or third-party, and where its binary must be', () => {
  const bridge = hover(CONFIG, at(CONFIG, '"bridge"'));
  assert.match(bridge, /reference main plugin/);
  assert.match(bridge, /`\/opt\/cni\/bin\/bridge`/);
  assert.match(bridge, /Needs an `ipam` section/);
  assert.match(hover(CONFIG, at(CONFIG, '"host-local"')), /reference IPAM plugin[\s\S]*\/opt\/cni\/bin\/host-local/);
  assert.match(hover(CONFIG, at(CONFIG, '"calico"')), /third-party plugin[\s\S]*Calico[\s\S]*\/opt\/cni\/bin\/calico/);
});

test('an enumerated value: every allowed one, the default', () => {
  assert.match(
    hover(CONFIG, at(CONFIG, '"vepa"')),
    /One of: `bridge`, `private`, \*\*`vepa`\*\*, `passthru`\nDefault: `"bridge"`/,
  );
});

test('the same hovers inside a ConfigMap block scalar and a NetworkAttachmentDefinition string', () => {
  const configMap = inConfigMap(CONFIG);
  assert.match(hover(configMap, at(configMap, '"hairpinMode"'), 'yaml'), /\*\*hairpinMode\*\*/);
  const nad = inNetworkAttachment(CONFIG);
  assert.match(hover(nad, at(nad, '"macvlan"'), 'yaml'), /reference main plugin/);
});

test('the first line of a config file: which config of the folder the runtime loads', () => {
  const others = factsOfText(CONFIG, { languageId: 'json', filePath: '/etc/cni/net.d/05-podnet.conflist' });
  const text = hover(CONFIG, { line: 0, character: 0 }, 'json', '/etc/cni/net.d/10-podnet.conflist', others);
  assert.match(
    text,
    /uses only the lexically first config of the folder: `05-podnet\.conflist`\. It ignores `10-podnet\.conflist` \(this file\)/,
  );
  assert.match(text, /same network name \("podnet"\)/);
  assert.equal(
    hover(CONFIG, { line: 0, character: 0 }, 'json', '/etc/cni/net.d/10-podnet.conflist'),
    '',
    'alone in its folder: nothing to say',
  );
});

test('the AWS VPC CNI warm pool, with the worked example', () => {
  const daemonSet = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: aws-node
spec:
  template:
    spec:
      containers:
        - name: aws-node
          image: 602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.18.3
          env:
            - name: WARM_IP_TARGET
              value: "2"
            - name: MINIMUM_IP_TARGET
              value: "30"
`;
  const text = hover(daemonSet, at(daemonSet, 'MINIMUM_IP_TARGET'), 'yaml');
  assert.match(text, /\*\*MINIMUM_IP_TARGET\*\* = 30/);
  assert.match(text, /WARM_IP_TARGET=30 alone holds 60 IPs/);
  assert.match(text, /MINIMUM_IP_TARGET=30 with WARM_IP_TARGET=2 holds 32/);
  assert.match(text, /max pods = ENIs × \(IPv4 addresses per ENI − 1\) \+ 2/);
});
