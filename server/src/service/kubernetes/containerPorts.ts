/**
 * The ports a container declares, as the kubelet and the API read them: a name, a
 * number and a protocol (TCP when none is written, as the API defaults it).
 */
import type { Document, YAMLMap } from 'yaml';
import { getScalarValue, getSeq, getString, hasKey, mapItems } from '../document/yamlNodes';

export interface DeclaredPort {
  name: string | undefined;
  number: number | undefined;
  protocol: string;
  node: YAMLMap;
}

/**
 * The container's ports, or undefined when they cannot be read with certainty (ports
 * that are not a list, a name or protocol that is not a string): a finding built on a
 * guess would be a false positive.
 */
export function declaredPorts(doc: Document.Parsed, container: YAMLMap): DeclaredPort[] | undefined {
  const seq = getSeq(doc, container, 'ports');
  if (!seq) {
    // No ports, or `ports:` left empty (null): the container declares none.
    const absent = !hasKey(doc, container, 'ports') || getScalarValue(doc, container, 'ports') === null;
    return absent ? [] : undefined;
  }
  const ports = mapItems(doc, seq);
  if (ports.length !== seq.items.length) return undefined;
  const declared: DeclaredPort[] = [];
  for (const port of ports) {
    const name = getString(doc, port, 'name');
    if (name === undefined && hasKey(doc, port, 'name')) return undefined;
    const protocol = getString(doc, port, 'protocol');
    if (protocol === undefined && hasKey(doc, port, 'protocol')) return undefined;
    const number = getScalarValue(doc, port, 'containerPort');
    declared.push({ name, number: typeof number === 'number' ? number : undefined, protocol: protocol ?? 'TCP', node: port });
  }
  return declared;
}
