/**
 * unknown-kind: an object of a kind neither Kubernetes nor any CustomResourceDefinition in
 * the workspace defines. Information, not an error: the CRD may be installed in the
 * cluster only, but then nothing checks the object's fields, and a typo of a built-in kind
 * (`Deploymnet`) gets a "did you mean". A skaffold.yaml (`skaffold/*` Config) is a build
 * tool's file, read by image-tag-not-pinned, and not reported.
 */
import { crdFacts, SCHEMA_BOUNDS } from '../../facts/crds';
import type { CrdFact } from '../../facts/crds';
import { customObjectFacts, fieldKey } from '../../facts/customObjects';
import type { CustomObjectFact } from '../../facts/customObjects';
import { isSkaffoldConfig } from '../../kubernetes/buildTools';
import { builtinKindKeys } from '../../schema/builtinSchemas';
import { closestName } from '../../schema/suggest';
import { defineWorkspaceRule } from '../api/ruleTypes';
import { crdOf } from './crd-schema-violation';

export const unknownKind = defineWorkspaceRule(
  {
    id: 'unknown-kind',
    type: 'suggestion',
    defaultSeverity: 'information',
    description: 'Every object is of a built-in kind or of a kind a CustomResourceDefinition in the workspace defines.',
    why: 'Kubewise validates an object against the schema of its kind: the Kubernetes OpenAPI for built-in kinds, the CRD for custom resources. When neither is known, no field of the object is checked, so a misspelt field goes unnoticed until the API server rejects it. Keeping the CRDs in the repository (or pointing `kubewise.crdPaths` at them) lets every custom resource be checked as you type. A CRD whose schema nests deeper than any real one (over 120 levels) is not read, to keep a hostile file from stalling the editor; its objects are reported here too.',
    remediation: 'Add the CustomResourceDefinition to the workspace, or correct the apiVersion and kind.',
    equivalents: [],
    messages: {
      noSchema:
        'No schema is known for {{kind}} ({{apiVersion}}): no CustomResourceDefinition in the workspace defines it, so its fields are not checked.',
      didYouMean: '{{apiVersion}} has no kind {{kind}}. Did you mean {{suggestion}}?',
      schemaUnread:
        "The CustomResourceDefinition of {{kind}} ({{apiVersion}}) has a schema deeper than {{depth}} levels or larger than {{nodes}} nodes, which Kubewise does not read: this object's fields are not checked.",
    },
    fixable: false,
    facts: [crdFacts, customObjectFacts],
  },
  (context) => {
    const crds = context.all(crdFacts);
    for (const object of context.inFile(customObjectFacts)) {
      // A build tool's own file (skaffold.yaml) is read by the tool and never applied: no CRD will ever define it.
      const fields = object.fields.at;
      const kindKey = fieldKey(['kind']);
      const at = Object.hasOwn(fields, kindKey) ? fields[kindKey]?.value : undefined;
      const crd = crdOf(crds, object);
      if (crd) {
        // Known, but not readable: say so once, rather than leave the object silently unchecked.
        const version = crd.versions.find((v) => v.name === object.version && v.served);
        if (version?.schemaUnread && !crds.some((other) => other !== crd && readableVersion(other, object))) {
          const data = {
            kind: object.kind,
            apiVersion: object.apiVersion,
            depth: SCHEMA_BOUNDS.maxDepth,
            nodes: SCHEMA_BOUNDS.maxNodes.toLocaleString('en-US'),
          };
          context.report({ fact: object, at: at ?? object.at, messageId: 'schemaUnread', data });
        }
        continue;
      }
      if (isSkaffoldConfig(object.apiVersion, object.kind)) continue;
      const kinds = builtinKindKeys()
        .filter((key) => key.slice(0, key.lastIndexOf('/')) === object.apiVersion)
        .map((key) => key.slice(key.lastIndexOf('/') + 1));
      const suggestion = closestName(object.kind, kinds);
      const data = { kind: object.kind, apiVersion: object.apiVersion, suggestion: suggestion ?? '' };
      context.report({ fact: object, at: at ?? object.at, messageId: suggestion ? 'didYouMean' : 'noSchema', data });
    }
  },
);

/** Another copy of the CRD that serves the object's version with a schema it reads. */
function readableVersion(crd: CrdFact, object: CustomObjectFact): boolean {
  return (
    crd.group === object.group &&
    crd.kind === object.kind &&
    crd.versions.some((v) => v.name === object.version && v.served && !v.schemaUnread)
  );
}
