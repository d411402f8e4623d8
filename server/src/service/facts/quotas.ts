/** ResourceQuota `hard` values that parse, each with where its value is. */
import { parseQuantity } from '../kubernetes/quantity';
import { quantityFieldsOf } from '../kubernetes/quantityFields';
import { rangeOf } from '../document/yamlNodes';
import type { OffsetRange } from '../core/ruleMeta';
import { defineFactKind, factBase } from './factKind';
import type { Fact } from './factKind';

export interface QuotaFact extends Fact {
  hard: { key: string; nanos: bigint; text: string; at: OffsetRange }[];
}

export const quotaFacts = defineFactKind<QuotaFact>('resource-quota', (object) => {
  if (object.ref.kind !== 'ResourceQuota' || object.ref.apiVersion !== 'v1') return [];
  const hard: QuotaFact['hard'] = [];
  for (const field of quantityFieldsOf(object)) {
    if (field.path[1] !== 'hard' || typeof field.text !== 'string' || !field.value) continue;
    const parsed = parseQuantity(field.text);
    const at = rangeOf(field.value);
    if (parsed.ok && at) hard.push({ key: field.key, nanos: parsed.quantity.nanos, text: field.text, at });
  }
  return [{ ...factBase(object, rangeOf(object.root) ?? [0, 0]), hard }];
});
