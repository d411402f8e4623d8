/**
 * IP addresses as the API reads them in Endpoints, EndpointSlices and ExternalName
 * Services, parsed with ipaddr.js (no regexes): only the dotted four-part form counts
 * as IPv4, as Go's net.ParseIP reads it.
 */
import ipaddr from 'ipaddr.js';

export type IpFamily = 'IPv4' | 'IPv6';

export interface ParsedIp {
  family: IpFamily;
  /** Why no Service may send traffic to it: loopback, link-local, multicast, unspecified; undefined when it may. */
  special: 'loopback' | 'link-local' | 'multicast' | 'unspecified' | undefined;
}

export function parseIp(text: string): ParsedIp | undefined {
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) address = ipaddr.IPv4.parse(text);
  else if (text.includes(':') && ipaddr.IPv6.isValid(text)) address = ipaddr.IPv6.parse(text);
  else return undefined;
  if (address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress()) address = address.toIPv4Address();
  const range = address.range();
  const special =
    range === 'loopback'
      ? 'loopback'
      : range === 'linkLocal'
        ? 'link-local'
        : range === 'multicast'
          ? 'multicast'
          : range === 'unspecified'
            ? 'unspecified'
            : undefined;
  return { family: text.includes(':') ? 'IPv6' : 'IPv4', special };
}
