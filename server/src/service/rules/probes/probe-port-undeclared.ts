/**
 * A probe whose port the container does not declare as it would need to:
 * - a name (httpGet, tcpSocket) that no port of the container declares. The kubelet
 *   resolves a probe's named port only among the ports of the container itself, so the
 *   probe can never succeed (error). A numeric string ("8080") is read as a number.
 * - a number that no container of the pod declares while this container declares
 *   others (warning, as kube-linter's liveness-port): often a port changed in one place.
 *   A container that declares no port says nothing about where it listens, and a port
 *   of a sibling container is reachable on the pod's address, so neither is reported.
 * - a port the container declares only as UDP, probed over TCP (httpGet, tcpSocket,
 *   grpc all connect over TCP): the probe can never succeed (error).
 */
import { isMap, isNode, isScalar, parse, Scalar } from 'yaml';
import type { Pair, YAMLMap } from 'yaml';
import { findPair, resolveNode } from '../../document/yamlNodes';
import { replaceScalar } from '../api/fixes/replaceScalar';
import { declaredPorts } from '../../kubernetes/containerPorts';
import type { DeclaredPort } from '../../kubernetes/containerPorts';
import { allProbes, probeFieldNode, probeKey, writtenInProbe } from '../../kubernetes/probes';
import type { Probe } from '../../kubernetes/probes';
import { containersOf } from '../../kubernetes/workloads';
import { defineRule } from '../api/ruleTypes';
import type { OffsetFix, Report, RuleContext } from '../api/ruleTypes';

/** grpc.port is an integer only, so only httpGet and tcpSocket ports have names to resolve. */
const PORT_HANDLERS = ['httpGet', 'tcpSocket', 'grpc'] as const;
const NUMERIC = /^\d+$/;

export const probePortUndeclared = defineRule(
  {
    id: 'probe-port-undeclared',
    type: 'problem',
    defaultSeverity: 'error',
    scope: { workloads: true },
    description: "A probe's port is one its container declares, over TCP.",
    why: 'A probe may name its port (port: http) instead of numbering it, and the kubelet looks that name up among the ports the same container declares. A name it cannot find (a typo, a port renamed in one place only, a port declared on another container) makes the probe fail on every run: the pod never becomes ready, and a liveness probe restarts the container forever, while the application itself may be perfectly healthy. A number is not looked up, but a container that lists its ports and probes another one usually had its port changed in one place only (a warning: the application may listen there undeclared). And httpGet, tcpSocket and grpc probes connect over TCP: a port the container declares as UDP (DNS, syslog, metrics over StatsD) never answers them. Named ports are worth it, because a port number changed in one place keeps every probe in step; they only need the declaration.',
    remediation:
      "Probe one of the container's declared TCP ports, by its name or number, or declare the port the probe uses under the container's ports.",
    equivalents: ['kube-linter:liveness-port', 'kube-linter:readiness-port', 'kube-linter:startup-port'],
    messages: {
      undeclared:
        "The {{probe}} of container '{{container}}' uses port '{{port}}', which the container does not declare ({{declared}}): the probe can never succeed.",
      undeclaredNumber:
        "The {{probe}} of container '{{container}}' uses port {{port}}, which no container of the pod declares, while this one declares {{declared}}: check that the application listens on {{port}}, or probe a declared port.",
      udp: "The {{probe}} of container '{{container}}' connects to port {{port}} over TCP ({{handler}}), but the container declares that port as UDP only: the probe can never succeed.",
    },
    yieldsTo: {},
    fixable: true,
    // A Kustomize patch lacks this by design; the engine stays silent on patches.
    completeness: true,
  },
  (context) => {
    const { doc } = context.object;
    for (const probe of allProbes(context.object)) {
      const declared = declaredPorts(doc, probe.container.node);
      if (!declared) continue;
      for (const handler of PORT_HANDLERS) {
        const handlerPair = findPair(doc, probe.map, handler);
        const action = resolveNode(doc, handlerPair?.value);
        if (handlerPair && isMap(action)) checkPort(context, probe, { handler, pair: handlerPair, action }, declared);
      }
    }
  },
);

interface HandlerRef {
  handler: (typeof PORT_HANDLERS)[number];
  pair: Pair<unknown, unknown>;
  action: YAMLMap;
}

function checkPort(context: RuleContext, probe: Probe, handler: HandlerRef, declared: readonly DeclaredPort[]): void {
  const { doc } = context.object;
  const pair = findPair(doc, handler.action, 'port');
  const value = resolveNode(doc, pair?.value);
  if (!pair || !isScalar(value)) return;
  const raw = value.value;
  const number = typeof raw === 'number' ? raw : typeof raw === 'string' && NUMERIC.test(raw) ? Number(raw) : undefined;
  const tcp = declared.filter((port) => port.protocol !== 'UDP');
  const base = { probe: probe.field, container: probe.containerName };

  // Point at the port where this probe writes it; one merged in or reached through an
  // alias is reported on the probe's key, where the reader of this probe looks.
  const written =
    probeFieldNode(probe, handler.pair) === handler.pair &&
    handler.pair.value === handler.action &&
    handler.action.items.includes(pair);
  const node = written && isNode(pair.value) ? pair.value : probeKey(probe);
  // A value that other probes share (an anchored probe or handler, an alias) is not ours to edit.
  const editable = written && pair.value === value && !handler.action.anchor && writtenInProbe(probe, handler.pair);
  const fixTo = (port: string | number, fixAll: boolean): OffsetFix[] => {
    const edit = editable ? replaceScalar(context.text, value, portText(value, port)) : undefined;
    return edit ? [{ title: `Use port ${port}`, edits: [edit], ...(fixAll ? {} : { fixAll: false as const }) }] : [];
  };
  // Another declared TCP port is a judgement: offered as quick fixes, never applied on save.
  const offerTcp = (except: number | undefined): OffsetFix[] =>
    tcp
      .filter((port) => port.number !== except)
      // grpc.port takes a number only; elsewhere the name keeps the probe in step with the declaration.
      .flatMap((port) => (handler.handler === 'grpc' ? port.number : (port.name ?? port.number)) ?? [])
      .flatMap((port) => fixTo(port, false));
  const report = (rest: Omit<Report, 'node' | 'at' | 'container'>): void =>
    context.report({ node, container: probe.containerName, ...rest });

  if (number === undefined) {
    if (typeof raw !== 'string' || handler.handler === 'grpc') return;
    const byName = declared.find((port) => port.name === raw);
    if (byName) {
      if (byName.protocol === 'UDP') {
        report({ messageId: 'udp', data: { ...base, port: raw, handler: handler.handler }, fixes: offerTcp(byName.number) });
      }
      return;
    }
    const replacement = intendedPort(raw, declared);
    // The same name in another case keeps the author's meaning; the only port is a guess.
    const sameName = typeof replacement === 'string' && replacement.toLowerCase() === raw.toLowerCase();
    const names = declared.flatMap((port) => port.name ?? []);
    report({
      messageId: 'undeclared',
      data: {
        ...base,
        port: raw,
        declared: names.length > 0 ? `it declares ${names.map((n) => `'${n}'`).join(', ')}` : 'it declares no named port',
      },
      fixes: replacement === undefined ? [] : fixTo(replacement, sameName),
    });
    return;
  }

  const same = declared.filter((port) => port.number === number);
  if (same.length > 0) {
    if (same.every((port) => port.protocol === 'UDP')) {
      report({ messageId: 'udp', data: { ...base, port: number, handler: handler.handler }, fixes: offerTcp(number) });
    }
    return;
  }
  if (declared.length === 0 || declaredInPod(context, probe, number)) return;
  report({
    messageId: 'undeclaredNumber',
    severity: 'warning',
    data: { ...base, port: number, declared: describePorts(declared) },
    fixes: offerTcp(undefined),
  });
}

/** Whether any container of the probe's pod declares the port number (the pod shares one address). */
function declaredInPod(context: RuleContext, probe: Probe, number: number): boolean {
  return containersOf(context.object, probe.container.podSpec).some((container) =>
    (declaredPorts(context.object.doc, container.node) ?? []).some((port) => port.number === number),
  );
}

function describePorts(ports: readonly DeclaredPort[]): string {
  return ports
    .map((port) => {
      const number = port.number === undefined ? '?' : String(port.number);
      const label = port.name === undefined ? number : `${number} ('${port.name}')`;
      return port.protocol === 'TCP' ? label : `${label} ${port.protocol}`;
    })
    .join(', ');
}

/**
 * The port the author meant, when the file says so: a declared name that differs only
 * in case, or else the container's only port. For the only port we write its name when
 * it has one, so that the probe keeps following the declaration if the number changes
 * (the reason to name a port at all); its number only when it has no name.
 */
function intendedPort(name: string, declared: readonly DeclaredPort[]): string | number | undefined {
  const sameLetters = declared.filter((port) => port.name?.toLowerCase() === name.toLowerCase());
  if (sameLetters.length === 1) return sameLetters[0]?.name;
  const only = declared.length === 1 ? declared[0] : undefined;
  return only?.name ?? only?.number;
}

/**
 * The replacement in the style of the value it replaces: a name keeps its quotes (JSON
 * needs them), and is quoted anyway where YAML would read it as something else.
 * A number has no quotes: a quoted one would be a name to the API.
 */
function portText(value: Scalar, port: string | number): string {
  if (typeof port === 'number') return String(port);
  if (value.type === Scalar.QUOTE_SINGLE) return `'${port}'`;
  if (value.type === Scalar.QUOTE_DOUBLE || parse(port) !== port) return JSON.stringify(port);
  return port;
}
