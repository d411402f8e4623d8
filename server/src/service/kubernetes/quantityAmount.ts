/**
 * A quantity as written and in plain words, for messages that compare two amounts:
 * "500m (0.5 CPU)", "1Gi (1,073,741,824 bytes = about 1.07 GB = 1 GiB)". Comparing
 * `1G` with `1Gi` or `0.5` with `500m` is where people go wrong, so both spellings
 * of each side are shown.
 */
import type { QuantityResource } from './quantitySuggestions';
import { describeBytes, shortAmount } from './quantityWords';

/** CPU briefly ("0.5 CPU"); bytes in full, since the gap between G and Gi is the point. */
function amountInWords(resource: QuantityResource, nanos: bigint): string {
  return resource === 'memory' || resource === 'storage' ? describeBytes(nanos) : shortAmount(nanos, resource);
}

/** `500m (0.5 CPU)`; just the text when the words would only repeat it (`2 (2)`). */
export function quantityWithWords(text: string, resource: QuantityResource, nanos: bigint): string {
  const words = amountInWords(resource, nanos);
  return words === text ? text : `${text} (${words})`;
}
