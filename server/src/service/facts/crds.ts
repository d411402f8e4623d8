/**
 * A CustomResourceDefinition as other files see it: the group and kind it defines and,
 * per version, whether it is served and its openAPIV3Schema as plain data. Custom
 * resources anywhere in the workspace are validated against it (rules/schema/), and get
 * hovers and completion from its descriptions.
 */
import { isSeq } from 'yaml';
import { boundedData } from '../document/boundedData';
import { findPair, getMap, getString, mapItems, rangeOf } from '../document/yamlNodes';
import { defineFactKind, factBase } from './factKind';
import type { Fact } from './factKind';

export interface CrdVersionFact {
  name: string;
  served: boolean;
  /** The version's openAPIV3Schema as plain data; undefined when it has none or it is too large to read. */
  schema: unknown;
  /** It has one, but too deep or too large to read (SCHEMA_BOUNDS): objects of the version go unchecked. */
  schemaUnread?: boolean;
}

export interface CrdFact extends Fact {
  group: string;
  kind: string;
  versions: CrdVersionFact[];
}

/** Schemas of real CRDs reach a depth of about 40; a hostile one stops being read here. */
export const SCHEMA_BOUNDS = { maxDepth: 120, maxNodes: 400_000 };

export const crdFacts = defineFactKind<CrdFact>('crd', (object) => {
  if (object.ref.kind !== 'CustomResourceDefinition' || object.ref.apiVersion !== 'apiextensions.k8s.io/v1') return [];
  const { doc } = object;
  const spec = getMap(doc, object.root, 'spec');
  const group = getString(doc, spec, 'group');
  const kind = getString(doc, getMap(doc, spec, 'names'), 'kind');
  if (!spec || !group || !kind) return [];
  const versionsPair = findPair(doc, spec, 'versions');
  const versions = isSeq(versionsPair?.value) ? mapItems(doc, versionsPair.value) : [];
  return [
    {
      ...factBase(object, rangeOf(object.root) ?? [0, 0]),
      group,
      kind,
      versions: versions.flatMap((version): CrdVersionFact[] => {
        const name = getString(doc, version, 'name');
        if (!name) return [];
        const schemaNode = getMap(doc, getMap(doc, version, 'schema'), 'openAPIV3Schema');
        const served = findPair(doc, version, 'served');
        const schema = schemaNode ? boundedData(doc, schemaNode, SCHEMA_BOUNDS) : undefined;
        return [
          {
            name,
            served: (served ? boundedData(doc, served.value) : true) !== false,
            schema,
            ...(schemaNode && schema === undefined ? { schemaUnread: true } : {}),
          },
        ];
      }),
    },
  ];
});
