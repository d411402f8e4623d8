/**
 * unknown-kind: an object of a kind neither Kubernetes nor any CustomResourceDefinition in
 * the workspace defines. Information, not an error: the CRD may be installed in the
 * cluster only, but then nothing checks the object's fields, and a typo of a built-in kind
 * (`Deploymnet`) gets a "did you mean". A skaffold.yaml (`skaffold/*` Config) is a build
 * tool's file, read by image-tag-not-pinned, and not reported.
 */
import { crdFacts } from '../../facts/crds';
import { customObjectFacts, fieldKey } from '../../facts/customObjects';
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
    why: 'Kubewise validates an object against the schema of its kind: the Kubernetes OpenAPI for built-in kinds, the CRD for custom resources. When neither is known, no field of the object is checked, so a misspelt field goes unnoticed until the API server rejects it. Keeping the CRDs in the repository (or pointing `kubewise.crdPaths` at them) lets every custom resource be checked as you type.',
    remediation: 'Add the CustomResourceDefinition to the workspace, or correct the apiVersion and kind.',
    equivalents: [],
    messages: {
      noSchema:
        'No schema is known for {{kind}} ({{apiVersion}}): no CustomResourceDefinition in the workspace defines it, so its fields are not checked.',
      didYouMean: '{{apiVersion}} has no kind {{kind}}. Did you mean {{suggestion}}?',
    },
    fixable: false,
    facts: [crdFacts, customObjectFacts],
  },
  (context) => {
    const crds = context.all(crdFacts);
    for (const object of context.inFile(customObjectFacts)) {
      // A build tool's own file (skaffold.yaml) is read by the tool and never applied: no CRD will ever define it.
      if (crdOf(crds, object) || isSkaffoldConfig(object.apiVersion, object.kind)) continue;
      const fields = object.fields.at;
      const kindKey = fieldKey(['kind']);
      const at = Object.hasOwn(fields, kindKey) ? fields[kindKey]?.value : undefined;
      const kinds = builtinKindKeys()
        .filter((key) => key.slice(0, key.lastIndexOf('/')) === object.apiVersion)
        .map((key) => key.slice(key.lastIndexOf('/') + 1));
      const suggestion = closestName(object.kind, kinds);
      const data = { kind: object.kind, apiVersion: object.apiVersion, suggestion: suggestion ?? '' };
      context.report({ fact: object, at: at ?? object.at, messageId: suggestion ? 'didYouMean' : 'noSchema', data });
    }
  },
);
