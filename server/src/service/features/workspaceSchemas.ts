/**
 * The schemas of custom resources for hovers and completion: the CustomResourceDefinitions
 * of this text and of the rest of the workspace (including the folders of
 * `kubewise.crdPaths`, which the host indexes like workspace files). The rule
 * crd-schema-violation validates with the same facts, so a hover and a diagnostic never
 * disagree about which fields exist.
 */
import { crdFacts } from '../facts/crds';
import { crdSchemaSet } from '../schema/crdSchema';
import type { SchemaSet } from '../schema/schemaTypes';
import type { CustomSchemas } from './explainHover';
import { factsEverywhere } from './workspaceFacts';
import type { HoverContext } from './workspaceFacts';

/**
 * A lookup that reads the facts only when asked: a hover on a built-in kind, by far the
 * most common, never pays for extracting them.
 */
export function workspaceSchemas(text: string, languageId: 'yaml' | 'json', context: HoverContext | undefined): CustomSchemas {
  return (apiVersion, kind) => {
    const slash = apiVersion.lastIndexOf('/');
    if (slash === -1) return undefined; // the core group has no custom resources
    const group = apiVersion.slice(0, slash);
    const version = apiVersion.slice(slash + 1);
    let found: SchemaSet | undefined;
    for (const crd of factsEverywhere(text, languageId, context, crdFacts)) {
      if (crd.group !== group || crd.kind !== kind) continue;
      const served = crd.versions.find((v) => v.name === version && v.served && v.schema !== undefined);
      found = served ? crdSchemaSet({ group, kind, version, schema: served.schema }) : undefined;
      if (found) break;
    }
    return found;
  };
}
