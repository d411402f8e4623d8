/**
 * A config that uses what its cniVersion does not have: a plugin list (0.3.0), several
 * addresses of one family (0.3.0: older results hold one IPv4 and one IPv6 address),
 * disableCheck (0.4.0), cniVersions, disableGC and loadOnlyInlinedPlugins (1.1.0).
 */
import { isScalar } from 'yaml';
import { cniConfigs } from '../../cni/cniDocument';
import { parseCidr } from '../../cni/addresses';
import { compareVersions, isKnownVersion, keyIntroducedIn } from '../../cni/versions';
import { findPair } from '../../document/yamlNodes';
import { defineDocumentRule } from '../api/ruleTypes';
import { nodeOf, readableConfig } from './cniRule';
import { addressIpams, rangeSets, staticAddresses, stringField } from './ipamRanges';

const LATER_KEYS = ['disableCheck', 'cniVersions', 'disableGC', 'loadOnlyInlinedPlugins'];

export const cniVersionTooOld = defineDocumentRule(
  {
    id: 'cni-version-too-old',
    type: 'problem',
    defaultSeverity: 'warning',
    documents: cniConfigs,
    description: 'A CNI network configuration uses only what its cniVersion defines.',
    why: 'Plugins follow the spec version the config names. Plugin lists (chaining, with prevResult) came with 0.3.0: under 0.2.0 a plugin never sees the previous one’s result. Results before 0.3.0 hold one IPv4 and one IPv6 address, so a second address of a family is dropped. disableCheck came with 0.4.0, cniVersions, disableGC and loadOnlyInlinedPlugins with 1.1.0: older runtimes and plugins ignore them, and the setting silently does nothing.',
    remediation:
      'Raise cniVersion to the version that introduced what the config uses (and that all its plugins support), or drop what that version does not have.',
    equivalents: [],
    messages: {
      list: 'Plugin lists came with spec 0.3.0; under cniVersion {{version}} plugins are not chained (no prevResult).',
      key: '"{{key}}" came with spec {{since}}; under cniVersion {{version}} it is ignored.',
      addresses:
        'Several IPv{{family}} addresses need spec 0.3.0: under cniVersion {{version}} a result holds one IPv{{family}} address, and the others are dropped.',
    },
    fixable: false,
  },
  (context) => {
    const config = readableConfig(context);
    if (!config) return;
    const { doc, root } = config;
    const versionPair = findPair(doc, root, 'cniVersion');
    const version = isScalar(versionPair?.value) ? versionPair.value.value : undefined;
    if (typeof version !== 'string' || !isKnownVersion(version)) return;
    const before = (since: string): boolean => compareVersions(version, since) < 0;
    const plugins = findPair(doc, root, 'plugins');
    if (plugins && before('0.3.0')) context.report({ node: nodeOf(plugins.key), messageId: 'list', data: { version } });
    for (const key of LATER_KEYS) {
      const pair = findPair(doc, root, key);
      const since = keyIntroducedIn(key);
      if (pair && since && before(since))
        context.report({ node: nodeOf(pair.key), messageId: 'key', data: { key, since, version } });
    }
    if (!before('0.3.0')) return;
    for (const ipam of addressIpams(config)) {
      const families: (4 | 6 | undefined)[] =
        ipam.type === 'host-local'
          ? rangeSets(config, ipam.map).map((set) => set.find((entry) => entry.subnet?.cidr)?.subnet?.cidr?.family)
          : staticAddresses(config, ipam.map).map((address) => {
              const field = stringField(config, address, 'address');
              return field ? parseCidr(field.text)?.family : undefined;
            });
      for (const family of [4, 6] as const) {
        if (families.filter((f) => f === family).length < 2) continue;
        const key =
          findPair(doc, ipam.map, ipam.type === 'host-local' ? 'ranges' : 'addresses') ?? findPair(doc, ipam.map, 'type');
        if (key) context.report({ node: nodeOf(key.key), messageId: 'addresses', data: { family, version } });
      }
    }
  },
);
