/**
 * A quantity as written and in plain words, for messages that compare two amounts:
 * "500m (0.5 CPU)", "1Gi (1,073,741,824 bytes = about 1.07 GB = 1 GiB)". Comparing
 * `1G` with `1Gi` or `0.5` with `500m` is where people go wrong, so both spellings
 * of each side are shown.
 */
import type { QuantityResource } from '../kubernetes/quantitySuggestions';
import { describeBytes, exactDecimal } from '../kubernetes/quantityWords';

export function amountInWords(resource: QuantityResource, nanos: bigint): string {
  if (resource === 'cpu') return `${exactDecimal(nanos)} CPU`;
  if (resource === 'memory' || resource === 'storage') return describeBytes(nanos);
  return exactDecimal(nanos);
}

/** `500m (0.5 CPU)`; just the text when the words would only repeat it (`2 (2)`). */
export function quantityWithWords(text: string, resource: QuantityResource, nanos: bigint): string {
  const words = amountInWords(resource, nanos);
  return words === text ? text : `${text} (${words})`;
}
