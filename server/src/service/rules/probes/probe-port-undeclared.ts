/**
 * An httpGet or tcpSocket probe whose port is a name that the container does not
 * declare in `ports[].name`. The kubelet resolves a probe's named port only among
 * the ports of the container itself, so the probe can never succeed. A numeric
 * string ("8080") is read as a number by the kubelet and is not a name. grpc.port
 * is an integer only, so it has no name to resolve.
 */
import { isMap, isNode, isScalar, parse, Scalar } from 'yaml';
import type { Document, Pair, YAMLMap } from 'yaml';
import { findPair, getScalarValue, getSeq, getString, hasKey, mapItems, resolveNode } from '../../document/yamlNodes';
import { replaceScalar } from '../api/fixes/replaceScalar';
import { allProbes, probeFieldNode, probeKey, writtenInProbe } from '../../kubernetes/probes';
import type { Probe } from '../../kubernetes/probes';
import { defineRule } from '../api/ruleTypes';
import type { OffsetFix, RuleContext } from '../api/ruleTypes';

const NAMED_PORT_HANDLERS = ['httpGet', 'tcpSocket'] as const;
const NUMERIC = /^\d+$/;

export const probePortUndeclared = defineRule(
  {
    id: 'probe-port-undeclared',
    type: 'problem',
    defaultSeverity: 'error',
    scope: { workloads: true },
    description: "A probe's named port is declared by a port of the same container.",
    why: 'A probe may name its port (port: http) instead of numbering it, and the kubelet looks that name up among the ports the same container declares. A name it cannot find (a typo, a port renamed in one place only, a port declared on another container) makes the probe fail on every run: the pod never becomes ready, and a liveness probe restarts the container forever, while the application itself may be perfectly healthy. Named ports are worth it, because a port number changed in one place keeps every probe in step; they only need the declaration.',
    remediation:
      "Use the name of one of the container's declared ports, or declare the port with that name under the container's ports.",
    equivalents: ['kube-linter:liveness-port', 'kube-linter:readiness-port', 'kube-linter:startup-port'],
    messages: {
      undeclared:
        "The {{probe}} of container '{{container}}' uses port '{{port}}', which the container does not declare ({{declared}}): the probe can never succeed.",
    },
    fixable: true,
    // A Kustomize patch lacks this by design; the engine stays silent on patches.
    completeness: true,
  },
  (context) => {
    const { doc } = context.object;
    for (const probe of allProbes(context.object)) {
      const declared = declaredPorts(doc, probe.container.node);
      if (!declared) continue;
      for (const handler of NAMED_PORT_HANDLERS) {
        const handlerPair = findPair(doc, probe.map, handler);
        const action = resolveNode(doc, handlerPair?.value);
        if (handlerPair && isMap(action)) checkPort(context, probe, handlerPair, action, declared);
      }
    }
  },
);

interface DeclaredPort {
  name: string | undefined;
  number: number | undefined;
}

/**
 * The container's ports, or undefined when they cannot be read with certainty (ports
 * that are not a list, a name that is not a string): a finding built on a guess
 * would be a false positive.
 */
function declaredPorts(doc: Document.Parsed, container: YAMLMap): DeclaredPort[] | undefined {
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
    const number = getScalarValue(doc, port, 'containerPort');
    declared.push({ name, number: typeof number === 'number' ? number : undefined });
  }
  return declared;
}

function checkPort(
  context: RuleContext,
  probe: Probe,
  handlerPair: Pair<unknown, unknown>,
  action: YAMLMap,
  declared: readonly DeclaredPort[],
): void {
  const { doc } = context.object;
  const pair = findPair(doc, action, 'port');
  const value = resolveNode(doc, pair?.value);
  if (!pair || !isScalar(value) || typeof value.value !== 'string') return;
  const name = value.value;
  if (NUMERIC.test(name) || declared.some((port) => port.name === name)) return;

  // Point at the port where this probe writes it; one merged in or reached through an
  // alias is reported on the probe's key, where the reader of this probe looks.
  const written =
    probeFieldNode(probe, handlerPair) === handlerPair && handlerPair.value === action && action.items.includes(pair);
  const node = written && isNode(pair.value) ? pair.value : probeKey(probe);
  const fixes: OffsetFix[] = [];
  const replacement = intendedPort(name, declared);
  // A value that other probes share (an anchored probe or handler, an alias) is not ours to edit.
  const editable = written && pair.value === value && !action.anchor && writtenInProbe(probe, handlerPair);
  const edit =
    replacement !== undefined && editable ? replaceScalar(context.text, value, portText(value, replacement)) : undefined;
  // The same name in another case keeps the author's meaning; the only port is a
  // judgement, offered as a quick fix but never applied on save.
  const sameName = typeof replacement === 'string' && replacement.toLowerCase() === name.toLowerCase();
  if (edit) fixes.push({ title: `Use port ${replacement}`, edits: [edit], ...(sameName ? {} : { fixAll: false as const }) });

  const names = declared.flatMap((port) => port.name ?? []);
  context.report({
    node,
    messageId: 'undeclared',
    data: {
      probe: probe.field,
      container: probe.containerName,
      port: name,
      declared: names.length > 0 ? `it declares ${names.map((n) => `'${n}'`).join(', ')}` : 'it declares no named port',
    },
    container: probe.containerName,
    fixes,
  });
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
