/**
 * Hover on a quantity: its exact value in plain words (`250m` = 0.25 CPU, a quarter of
 * one vCPU; `1Gi` = 1,073,741,824 bytes), what a request or limit of that resource
 * does in production, and, inside a container's resources, the whole pod's totals.
 * Invalid values get no quantity hover: the invalid-quantity finding explains them.
 */
import { rangeOf } from '../document/yamlNodes';
import { kubeObjectsIn } from '../kubernetes/objects';
import { podResources } from '../kubernetes/podResources';
import type { ResourceAmounts } from '../kubernetes/podResources';
import { parseQuantity } from '../kubernetes/quantity';
import type { Quantity } from '../kubernetes/quantity';
import { quantityFieldsOf, resourceOfKey } from '../kubernetes/quantityFields';
import { describeAmount, shortAmount } from '../kubernetes/quantityWords';
import type { Position } from '../core/types';
import type { HoverResult } from './hoverResult';
import { documentAt } from './documentAt';
import type { HoverLimits } from './documentAt';

export function hoverForQuantity(
  text: string,
  languageId: 'yaml' | 'json',
  position: Position,
  limits: HoverLimits = {},
): HoverResult | undefined {
  const at = documentAt(text, languageId, position, limits);
  if (!at) return undefined;
  for (const object of kubeObjectsIn(at.parsed.doc)) {
    for (const field of quantityFieldsOf(object)) {
      const range = rangeOf(field.pair);
      if (!range || at.offset < range[0] || at.offset > range[1] || typeof field.text !== 'string') continue;
      const quantity = parseQuantity(field.text);
      if (!quantity.ok) return undefined;
      const lines = [`**${field.key}: ${field.text}** = ${describeAmount(quantity.quantity.nanos, field.resource)}`];
      const lesson = LESSONS[`${field.resource}/${field.role}`];
      if (lesson) lines.push('', lesson);
      lines.push(...adjustments(quantity.quantity));
      if (field.container && field.podSpec) lines.push('', ...podTotals(podResources(object, field.podSpec)));
      const [start, end] = (field.value ? rangeOf(field.value) : undefined) ?? range;
      return { markdown: lines.join('\n'), range: at.toRange(start, end) };
    }
  }
  return undefined;
}

const LESSONS: Readonly<Record<string, string>> = {
  'cpu/request':
    'A request is what the scheduler reserves on a node, whatever the container really uses; a pod whose requests no node can hold stays Pending.',
  'cpu/limit': 'CPU is compressible: above its limit the container is throttled and keeps running.',
  'memory/request':
    'A request is what the scheduler reserves on a node. Under memory pressure, the kubelet evicts first the pods using most above their requests.',
  'memory/limit': 'Memory is not compressible: above its limit the container is OOM-killed.',
};

function adjustments(quantity: Quantity): string[] {
  if (quantity.roundedUp) return ['', 'Kubernetes rounds this up to 1n: nothing finer exists.'];
  if (quantity.capped) return ['', 'Kubernetes caps this at 2^63-1: nothing larger exists.'];
  return [];
}

function podTotals(pod: ReturnType<typeof podResources>): string[] {
  const line = (label: string, amounts: ResourceAmounts): string => {
    const parts = [...amounts].map(([name, nanos]) => `${name} ${shortAmount(nanos, resourceOfKey(name))}`);
    return `- ${label}: ${parts.length > 0 ? parts.join(' · ') : 'none'}`;
  };
  const containers = pod.containerCount === 1 ? '1 container' : `${pod.containerCount} containers`;
  const lines = [
    `**The pod's totals** (${containers}; init containers, sidecars and overhead counted as the scheduler does):`,
    line('requests', pod.requests),
    line('limits', pod.limits),
  ];
  if (pod.unparsed > 0) lines.push(`- ${pod.unparsed} value(s) that do not parse are left out.`);
  return lines;
}
