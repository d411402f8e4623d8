/**
 * prometheus-retention: a Prometheus object that bounds its data neither by time nor by
 * size, or whose `retentionSize` leaves too little of its volume free. Blocks are
 * deleted whole and only after the size is exceeded, and the WAL and compaction need
 * room of their own: a retentionSize near the volume's size fills the disk.
 */
import { isNode } from 'yaml';
import { findPair, getMap, getMapAt, getString } from '../../document/yamlNodes';
import { parseQuantity } from '../../kubernetes/quantity';
import { shortBytes } from '../../kubernetes/quantityWords';
import { parseOperatorSize } from '../../kubernetes/prometheus/notation';
import { defineRule } from '../api/ruleTypes';
import { isOperatorKind } from './monitoringObjects';

/** The share of the volume retentionSize may take, leaving room for the WAL, compaction and the block being cut. */
const MAX_SHARE = 0.85;

export const prometheusRetention = defineRule(
  {
    id: 'prometheus-retention',
    type: 'suggestion',
    defaultSeverity: 'warning',
    scope: { kinds: ['Prometheus'] },
    description:
      'A Prometheus object sets retention or retentionSize, and a retentionSize that fits its volume with room to spare.',
    why: 'Disk use is about retention × samples per second × 1.5 bytes: 100,000 samples/s is some 0.54 GB an hour, 13 GB a day. Without `retention` the operator keeps 24 hours, which is rarely what was meant, and without `retentionSize` nothing stops the volume from filling up when the series count grows. Retention deletes whole blocks, and only after the limit is passed, while the write-ahead log and compaction need free space of their own: a `retentionSize` above some 80–85% of the volume fills the disk, and a Prometheus with a full disk stops ingesting.',
    remediation: "Set spec.retention and a spec.retentionSize of at most about 85% of the volume claim's storage request.",
    equivalents: [],
    messages: {
      none: "Prometheus '{{name}}' sets neither retention nor retentionSize: it keeps 24 hours (the operator's default), and nothing bounds its disk use.",
      tooLarge:
        "retentionSize {{size}} is {{share}}% of the volume's {{storage}}: blocks are deleted only after the limit is passed and the WAL needs room too, so the disk fills. Keep it at most {{max}}.",
    },
    fixable: false,
  },
  (context) => {
    const { object } = context;
    if (!isOperatorKind(object, 'Prometheus')) return;
    const { doc } = object;
    const spec = getMap(doc, object.root, 'spec');
    if (!spec) return;
    const retention = findPair(doc, spec, 'retention');
    const sizePair = findPair(doc, spec, 'retentionSize');
    if (!retention && !sizePair) {
      const metadata = getMap(doc, object.root, 'metadata');
      context.report({
        node: (metadata ? findPair(doc, metadata, 'name') : undefined) ?? object.root,
        messageId: 'none',
        data: { name: object.ref.name ?? '' },
      });
      return;
    }
    const sizeText = getString(doc, spec, 'retentionSize');
    const size = sizeText === undefined ? undefined : parseOperatorSize(sizeText);
    const requests = getMapAt(doc, spec, ['storage', 'volumeClaimTemplate', 'spec', 'resources', 'requests']);
    const storageValue = requests ? getString(doc, requests, 'storage') : undefined;
    const storage = storageValue === undefined ? undefined : parseQuantity(storageValue);
    if (!size?.ok || !storage?.ok || !sizePair || size.value === 0) return;
    const storageBytes = Number(storage.quantity.nanos / 1_000_000_000n);
    if (storageBytes <= 0 || size.value <= storageBytes * MAX_SHARE) return;
    context.report({
      node: isNode(sizePair.value) ? sizePair.value : sizePair,
      messageId: 'tooLarge',
      data: {
        size: sizeText ?? '',
        share: Math.round((size.value / storageBytes) * 100),
        storage: storageValue ?? '',
        max: shortBytes(BigInt(Math.floor(storageBytes * MAX_SHARE)) * 1_000_000_000n),
      },
    });
  },
);
