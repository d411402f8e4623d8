/**
 * IP addresses and CIDRs as Go's net package reads them (what host-local and every
 * reference plugin use): IPv4 in dotted decimal only, IPv6 without a zone, a CIDR as
 * address/prefix. Parsing by ipaddr.js; arithmetic on bigints, exact for IPv6.
 */
import ipaddr from 'ipaddr.js';

export type Family = 4 | 6;

export interface Ip {
  family: Family;
  value: bigint;
  text: string;
}

export interface Cidr {
  family: Family;
  /** The address as written (host bits included). */
  address: Ip;
  prefix: number;
  /** The first and last addresses of the block. */
  first: bigint;
  last: bigint;
  text: string;
}

const BITS: Readonly<Record<Family, number>> = { 4: 32, 6: 128 };

export function parseIp(text: string): Ip | undefined {
  const trimmed = text.trim();
  if (trimmed !== text || trimmed.includes('%')) return undefined;
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  if (ipaddr.IPv4.isValidFourPartDecimal(trimmed)) {
    // Go refuses leading zeros ("010.0.0.1"), which ipaddr.js would read as octal.
    if (trimmed.split('.').some((part) => part.length > 1 && part.startsWith('0'))) return undefined;
    address = ipaddr.IPv4.parse(trimmed);
  } else if (ipaddr.IPv6.isValid(trimmed) && trimmed.includes(':')) {
    address = ipaddr.IPv6.parse(trimmed);
  } else {
    return undefined;
  }
  const family: Family = address.kind() === 'ipv4' ? 4 : 6;
  return { family, value: bytesToBigint(address.toByteArray()), text: trimmed };
}

export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash === -1 || text.indexOf('/', slash + 1) !== -1) return undefined;
  const address = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!address || !/^(?:0|[1-9][0-9]{0,2})$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  const bits = BITS[address.family];
  if (prefix > bits) return undefined;
  const hostBits = BigInt(bits - prefix);
  const first = (address.value >> hostBits) << hostBits;
  const last = first + (1n << hostBits) - 1n;
  return { family: address.family, address, prefix, first, last, text };
}

/** The CIDR written with its network address (`10.1.2.0/24` for `10.1.2.3/24`). */
export function networkCidr(cidr: Cidr): string {
  return `${formatIp(cidr.first, cidr.family)}/${cidr.prefix}`;
}

export function hasHostBits(cidr: Cidr): boolean {
  return cidr.address.value !== cidr.first;
}

export function contains(cidr: Cidr, ip: Ip): boolean {
  return cidr.family === ip.family && ip.value >= cidr.first && ip.value <= cidr.last;
}

/** host-local's default range: from the address after the network address to the last one (the one before broadcast in IPv4). */
export function defaultRange(cidr: Cidr): { start: bigint; end: bigint } {
  return { start: cidr.first + 1n, end: cidr.family === 4 ? cidr.last - 1n : cidr.last };
}

export function formatIp(value: bigint, family: Family): string {
  const bytes: number[] = [];
  const count = family === 4 ? 4 : 16;
  for (let i = count - 1; i >= 0; i--) bytes.push(Number((value >> BigInt(i * 8)) & 0xffn));
  const address = ipaddr.fromByteArray(bytes);
  return address.kind() === 'ipv6' ? (address as ipaddr.IPv6).toRFC5952String() : address.toString();
}

function bytesToBigint(bytes: readonly number[]): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}
