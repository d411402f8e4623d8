/**
 * The JSON Schema of `.kubewise.yaml`, built from the rule registry so a new rule is
 * configurable the moment it is registered. scripts/generate-docs writes the same
 * schema to schemas/kubewise-config.schema.json for editors that read schemas.
 */
import { allRuleMetas } from '../rules/registry';
import { ruleOptionsSchema } from './ruleOptions';

export const SEVERITY_SETTINGS = ['off', 'error', 'warning', 'information', 'hint'] as const;

export function buildConfigSchema(): Record<string, unknown> {
  const ruleProperties: Record<string, unknown> = {};
  for (const meta of allRuleMetas) {
    ruleProperties[meta.id] = { enum: [...SEVERITY_SETTINGS], description: meta.description };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Kubewise configuration (.kubewise.yaml)',
    type: 'object',
    additionalProperties: false,
    properties: {
      rules: {
        type: 'object',
        description: 'Severity per rule id.',
        additionalProperties: false,
        properties: ruleProperties,
      },
      ignore: {
        type: 'array',
        description:
          'Globs of files and folders not to check when a folder is walked, relative to this file\'s folder (e.g. "generated/**"). A file named on the command line is still checked.',
        items: { type: 'string' },
      },
      crdPaths: {
        type: 'array',
        description:
          'Folders of CustomResourceDefinitions, relative to this file\'s folder (e.g. "../platform/crds"): custom resources are validated against them and get hovers from them, as with CRDs in the workspace. Their files are read for CRDs only, never checked.',
        items: { type: 'string' },
      },
      ...ruleOptionsSchema(),
    },
  };
}
