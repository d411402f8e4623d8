/**
 * Writes EndpointSlice manifests as text, for fixes that replace an ExternalName with
 * an IP address or a deprecated Endpoints object: block YAML at column 0, with the
 * document's line endings. Names and port names are DNS labels (written plain); addresses
 * are quoted, since `::1` is not a plain YAML scalar.
 */
export interface SlicePort {
  name: string | undefined;
  port: number;
  protocol: string | undefined;
}

export interface SliceEndpoint {
  address: string;
  ready: boolean;
}

export interface SliceText {
  name: string;
  namespace: string | undefined;
  serviceName: string;
  addressType: 'IPv4' | 'IPv6';
  ports: readonly SlicePort[];
  endpoints: readonly SliceEndpoint[];
}

export function endpointSliceLines(slice: SliceText): string[] {
  const lines = ['apiVersion: discovery.k8s.io/v1', 'kind: EndpointSlice', 'metadata:', `  name: ${slice.name}`];
  if (slice.namespace) lines.push(`  namespace: ${slice.namespace}`);
  lines.push('  labels:', `    kubernetes.io/service-name: ${slice.serviceName}`, `addressType: ${slice.addressType}`);
  if (slice.ports.length > 0) {
    lines.push('ports:');
    for (const port of slice.ports) {
      lines.push(port.name !== undefined ? `  - name: ${port.name}` : `  - port: ${port.port}`);
      if (port.name !== undefined) lines.push(`    port: ${port.port}`);
      if (port.protocol) lines.push(`    protocol: ${port.protocol}`);
    }
  }
  lines.push('endpoints:');
  for (const endpoint of slice.endpoints) {
    lines.push(`  - addresses: [${JSON.stringify(endpoint.address)}]`);
    if (!endpoint.ready) lines.push('    conditions:', '      ready: false');
  }
  return lines;
}

/** The end-of-line the document uses. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Text that appends documents at the end of a document's text. */
export function appendDocuments(text: string, documents: readonly string[][]): string {
  const eol = eolOf(text);
  const body = documents.map((lines) => `---${eol}${lines.join(eol)}${eol}`).join('');
  return text.length === 0 || text.endsWith('\n') ? body : `${eol}${body}`;
}
