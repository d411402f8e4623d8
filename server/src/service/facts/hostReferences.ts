/**
 * Short host names in configuration: an env var or ConfigMap value such as `db:5432` or
 * `http://db/api`, where `db` is one DNS label. A bare Service name resolves only from
 * the Service's own namespace (KNOWLEDGE §5), so the rule across files compares these
 * with the Services of the workspace. Each records where the host is written, when the
 * value's text is exactly the source (plain, or quoted without escapes), for the fix.
 */
import { isScalar, Scalar } from 'yaml';
import { getMap, getSeq, mapItems, resolveNode } from '../document/yamlNodes';
import type { OffsetRange } from '../core/ruleMeta';
import { findPodSpecs } from '../kubernetes/workloads';
import { defineFactKind, factBase } from './factKind';
import type { Fact } from './factKind';
import { nameAtOf } from './objects';

export interface HostReference {
  host: string;
  /** Where the host is written inside the value. */
  at: OffsetRange;
}

export interface HostReferencesFact extends Fact {
  hosts: HostReference[];
}

/** `scheme://host[:port][/…]` or `host:port`, with a host of one lowercase DNS label. */
const URL_HOST = /^[a-z][a-z0-9+.-]*:\/\/([a-z0-9]([-a-z0-9]*[a-z0-9])?)(:\d{1,5})?(\/.*)?$/;
const HOST_PORT = /^([a-z]([-a-z0-9]*[a-z0-9])?):(\d{1,5})$/;
/** Names that are never Services. */
const NOT_SERVICES = new Set(['localhost', 'http', 'https', 'tcp', 'udp']);

export const hostReferenceFacts = defineFactKind<HostReferencesFact>('host-reference', (object) => {
  const { doc } = object;
  const values: unknown[] = [];
  if (object.ref.kind === 'ConfigMap' && object.ref.apiVersion === 'v1') {
    for (const pair of getMap(doc, object.root, 'data')?.items ?? []) values.push(resolveNode(doc, pair.value));
  }
  for (const podSpec of findPodSpecs(object)) {
    for (const field of ['initContainers', 'containers']) {
      for (const container of mapItems(doc, getSeq(doc, podSpec, field))) {
        for (const env of mapItems(doc, getSeq(doc, container, 'env'))) {
          const pair = env.items.find((item) => isScalar(item.key) && item.key.value === 'value');
          if (pair) values.push(resolveNode(doc, pair.value));
        }
      }
    }
  }
  const hosts = values.flatMap((value) => hostIn(value));
  return hosts.length > 0 ? [{ ...factBase(object, nameAtOf(object)), hosts }] : [];
});

function hostIn(node: unknown): HostReference[] {
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return [];
  const value = node.value;
  const match = URL_HOST.exec(value) ?? HOST_PORT.exec(value);
  const host = match?.[1];
  if (!host || NOT_SERVICES.has(host)) return [];
  const [start, end] = node.range;
  let offset: number;
  if (node.type === Scalar.PLAIN && end - start === value.length) offset = start;
  else if ((node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) && end - start === value.length + 2) {
    offset = start + 1;
  } else return [];
  const index = value.includes('://') ? value.indexOf('://') + 3 : 0;
  return [{ host, at: [offset + index, offset + index + host.length] }];
}
