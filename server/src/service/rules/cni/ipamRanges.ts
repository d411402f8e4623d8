/**
 * host-local's ranges as the plugin reads them: `ranges` (a list of range sets, one
 * address each), or the legacy single range written at the top of the ipam section, which
 * host-local turns into a first range set. Each range with its nodes, parsed.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Pair, YAMLMap } from 'yaml';
import { parseCidr, parseIp } from '../../cni/addresses';
import type { Cidr, Ip } from '../../cni/addresses';
import { ipamOf, pluginsOf } from '../../cni/configModel';
import type { PluginRef } from '../../cni/configModel';
import { holdsPlaceholder } from '../../cni/placeholders';
import { findPair, resolveNode } from '../../document/yamlNodes';
import type { ReadableConfig } from './cniRule';

export interface AddressField {
  pair: Pair<unknown, unknown>;
  text: string;
  ip: Ip | undefined;
}

export interface RangeEntry {
  /** The range object, or the ipam section for the legacy range. */
  map: YAMLMap;
  legacy: boolean;
  subnet: { pair: Pair<unknown, unknown>; text: string; cidr: Cidr | undefined } | undefined;
  rangeStart: AddressField | undefined;
  rangeEnd: AddressField | undefined;
  gateway: AddressField | undefined;
}

export interface IpamSection {
  plugin: PluginRef;
  map: YAMLMap;
  type: string;
}

/** The ipam sections of reference IPAM plugins that hand out addresses (host-local, static). */
export function addressIpams(config: ReadableConfig): IpamSection[] {
  const sections: IpamSection[] = [];
  for (const plugin of pluginsOf(config.document)) {
    const ipam = ipamOf(config.doc, plugin);
    if (ipam?.type === 'host-local' || ipam?.type === 'static') sections.push({ plugin, map: ipam.map, type: ipam.type });
  }
  return sections;
}

/** host-local's range sets, the legacy range first; entries that are not objects are skipped (another rule reports them). */
export function rangeSets(config: ReadableConfig, ipam: YAMLMap): RangeEntry[][] {
  const { doc } = config;
  const sets: RangeEntry[][] = [];
  if (findPair(doc, ipam, 'subnet')) sets.push([rangeEntry(config, ipam, true)]);
  const ranges = resolveNode(doc, findPair(doc, ipam, 'ranges')?.value);
  if (!isSeq(ranges)) return sets;
  for (const set of ranges.items) {
    const entries = resolveNode(doc, set);
    if (!isSeq(entries)) continue;
    sets.push(
      entries.items.flatMap((item) => {
        const map = resolveNode(doc, item);
        return isMap(map) ? [rangeEntry(config, map, false)] : [];
      }),
    );
  }
  return sets;
}

function rangeEntry(config: ReadableConfig, map: YAMLMap, legacy: boolean): RangeEntry {
  const subnet = stringField(config, map, 'subnet');
  return {
    map,
    legacy,
    subnet: subnet ? { ...subnet, cidr: parseCidr(subnet.text) } : undefined,
    rangeStart: addressField(config, map, 'rangeStart'),
    rangeEnd: addressField(config, map, 'rangeEnd'),
    gateway: addressField(config, map, 'gateway'),
  };
}

/** A string field that is not a placeholder (whose value is only known once installed). */
export function stringField(
  config: ReadableConfig,
  map: YAMLMap,
  key: string,
): { pair: Pair<unknown, unknown>; text: string } | undefined {
  const pair = findPair(config.doc, map, key);
  const value = resolveNode(config.doc, pair?.value);
  if (!pair || !isScalar(value) || typeof value.value !== 'string' || holdsPlaceholder(value.value)) return undefined;
  return { pair, text: value.value };
}

function addressField(config: ReadableConfig, map: YAMLMap, key: string): AddressField | undefined {
  const field = stringField(config, map, key);
  return field ? { ...field, ip: parseIp(field.text) } : undefined;
}

/** The route objects of an ipam section. */
export function routesOf(config: ReadableConfig, ipam: YAMLMap): YAMLMap[] {
  const routes = resolveNode(config.doc, findPair(config.doc, ipam, 'routes')?.value);
  if (!isSeq(routes)) return [];
  return routes.items.flatMap((item) => {
    const map = resolveNode(config.doc, item);
    return isMap(map) ? [map] : [];
  });
}

/** static's address objects. */
export function staticAddresses(config: ReadableConfig, ipam: YAMLMap): YAMLMap[] {
  const addresses = resolveNode(config.doc, findPair(config.doc, ipam, 'addresses')?.value);
  if (!isSeq(addresses)) return [];
  return addresses.items.flatMap((item) => {
    const map = resolveNode(config.doc, item);
    return isMap(map) ? [map] : [];
  });
}
