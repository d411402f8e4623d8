/**
 * Builds a starter probe for a container from what it declares: httpGet on its first
 * declared port when that port looks like HTTP, tcpSocket on it otherwise. With no
 * declared port the right probe is not knowable, and no fix is offered.
 */
import type { Document, YAMLMap } from 'yaml';
import { getScalarValue, getSeq, getString, mapItems } from '../document/yamlNodes';

export type ProbeKind = 'readinessProbe' | 'livenessProbe';

const HTTP_PORT_NAME = /(^|-)(https?|web|www|api|ui|admin)($|-)|http/i;
const HTTP_PORT_NUMBERS = new Set([80, 443, 3000, 5000, 8000, 8008, 8080, 8081, 8443, 8888, 9000]);
const HTTPS = /https|tls|ssl/i;

/**
 * Timing per probe kind. Readiness reacts fast (traffic stops within ~30 s);
 * liveness is slower and more tolerant, because a false positive restarts the
 * container. Both keep timeoutSeconds below periodSeconds.
 */
const TIMING: Record<ProbeKind, string[]> = {
  readinessProbe: ['initialDelaySeconds: 5', 'periodSeconds: 10', 'timeoutSeconds: 2', 'failureThreshold: 3'],
  livenessProbe: ['initialDelaySeconds: 15', 'periodSeconds: 20', 'timeoutSeconds: 5', 'failureThreshold: 3'],
};

interface DeclaredPort {
  name: string | undefined;
  number: number | undefined;
  protocol: string;
}

export function probeLines(doc: Document.Parsed, container: YAMLMap, kind: ProbeKind): string[] | undefined {
  const port = declaredPorts(doc, container).find((p) => p.protocol === 'TCP');
  if (!port || (port.name === undefined && port.number === undefined)) return undefined;
  const portValue = port.name ?? String(port.number);
  const looksHttp = (port.name !== undefined && HTTP_PORT_NAME.test(port.name)) || HTTP_PORT_NUMBERS.has(port.number ?? -1);
  const handler = looksHttp
    ? ['  httpGet:', '    path: /', `    port: ${portValue}`, ...(isHttps(port) ? ['    scheme: HTTPS'] : [])]
    : ['  tcpSocket:', `    port: ${portValue}`];
  return [`${kind}:`, ...handler, ...TIMING[kind].map((line) => `  ${line}`)];
}

function isHttps(port: DeclaredPort): boolean {
  return (port.name !== undefined && HTTPS.test(port.name)) || port.number === 443 || port.number === 8443;
}

function declaredPorts(doc: Document.Parsed, container: YAMLMap): DeclaredPort[] {
  return mapItems(doc, getSeq(doc, container, 'ports')).map((port) => {
    const number = getScalarValue(doc, port, 'containerPort');
    return {
      name: getString(doc, port, 'name'),
      number: typeof number === 'number' ? number : undefined,
      protocol: (getString(doc, port, 'protocol') ?? 'TCP').toUpperCase(),
    };
  });
}
