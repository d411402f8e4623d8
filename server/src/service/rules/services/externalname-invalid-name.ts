/**
 * An ExternalName that is not a DNS name the API accepts (an RFC 1123 subdomain: labels
 * of at most 63 lowercase letters, digits and `-`, 253 characters in all; one trailing
 * dot allowed). A URL (`https://db.example.com`), a host with a port or with capitals is
 * rejected, or with capitals only accepted by older clusters. IP addresses have their
 * own rule (externalname-ip-address).
 */
import { findPair, getMap, getString } from '../../document/yamlNodes';
import { isDns1123Subdomain } from '../../kubernetes/dnsNames';
import { parseIp } from '../../kubernetes/ipAddresses';
import { replaceScalar } from '../api/fixes/replaceScalar';
import { defineRule } from '../api/ruleTypes';

export const externalnameInvalidName = defineRule(
  {
    id: 'externalname-invalid-name',
    type: 'problem',
    defaultSeverity: 'error',
    scope: { kinds: ['Service'] },
    description: "An ExternalName Service's externalName is a valid DNS name.",
    why: 'Cluster DNS serves an ExternalName Service as a CNAME to the name in `externalName`, and the API accepts only what a CNAME can hold: an RFC 1123 DNS name of lowercase labels (letters, digits, `-`, at most 63 characters each, 253 in all). A URL with a scheme or a path, a host with `:port`, or a missing value is rejected when applied; a port is never part of an ExternalName, since clients connect to the port they choose.',
    remediation: 'Write only the host name (lowercase, without scheme, port or path), such as db.example.com.',
    equivalents: [],
    messages: {
      missing: 'An ExternalName Service needs spec.externalName, the DNS name it points at.',
      invalid:
        "externalName '{{value}}' is not a valid DNS name ({{reason}}): the API rejects it. Write only the host name, such as db.example.com.",
    },
    fixable: true,
  },
  (context) => {
    const { doc, root } = context.object;
    const spec = getMap(doc, root, 'spec');
    if (!spec || getString(doc, spec, 'type') !== 'ExternalName') return;
    const pair = findPair(doc, spec, 'externalName');
    const value = getString(doc, spec, 'externalName');
    if (!pair) {
      context.report({ node: findPair(doc, spec, 'type') ?? spec, messageId: 'missing' });
      return;
    }
    if (value === undefined || /\{\{|\$\{/.test(value) || parseIp(value.trim())) return;
    const name = value.endsWith('.') ? value.slice(0, -1) : value;
    if (isDns1123Subdomain(name)) return;
    const host = hostOf(value);
    const fixes = [];
    if (host !== undefined && host !== value && isDns1123Subdomain(host.replace(/\.$/, '')) && !parseIp(host)) {
      // DNS names are case-insensitive: lowercasing keeps the meaning; dropping a scheme or port does too (neither was used).
      const edit = replaceScalar(context.text, pair.value, host);
      if (edit) fixes.push({ title: `Use '${host}'`, edits: [edit] });
    }
    context.report({ node: pair, messageId: 'invalid', data: { value, reason: reasonOf(name) }, fixes });
  },
);

/** The host of a URL or `host:port`, lowercased and trimmed; undefined when there is none to read. */
function hostOf(value: string): string | undefined {
  let text = value.trim().toLowerCase();
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//.exec(text);
  if (scheme) text = text.slice(scheme[0].length);
  text = text.replace(/[/?#].*$/, '');
  const port = /:\d+$/.exec(text);
  if (port) text = text.slice(0, -port[0].length);
  return text.length > 0 ? text : undefined;
}

function reasonOf(name: string): string {
  if (name.length === 0) return 'it is empty';
  if (name.length > 253) return `it has ${name.length} characters, at most 253 are allowed`;
  if (name.includes('://')) return 'it is a URL';
  if (/[A-Z]/.test(name)) return 'it has capital letters';
  if (name.includes(':')) return 'a port is not part of a DNS name';
  const long = name.split('.').find((label) => label.length > 63);
  if (long) return `the label '${long.slice(0, 20)}…' has ${long.length} characters, at most 63 are allowed`;
  return 'each dot-separated label must be lowercase letters, digits and -, starting and ending with a letter or digit';
}
