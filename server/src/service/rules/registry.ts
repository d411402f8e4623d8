/**
 * Every rule, sorted by id, derived from the generated list of family folders
 * (registry.generated.ts), so the registry cannot drift from the files.
 */
import { engineDiagnostics } from '../core/engineDiagnostics';
import type { RuleMeta } from '../core/ruleMeta';
import type { FactKind } from '../facts/factKind';
import type { DocumentKind } from '../document/documentKind';
import { registeredRules } from './registry.generated';
import type { Rule } from './api/ruleTypes';

export const rules: readonly Rule[] = registeredRules.map((entry) => entry.rule);

/** Rules and engine diagnostics alike: everything that can carry a rule id. */
export const allRuleMetas: readonly RuleMeta[] = [...rules.map((rule) => rule.meta), ...engineDiagnostics].sort((a, b) =>
  a.id.localeCompare(b.id),
);

export const allRuleIds: ReadonlySet<string> = new Set(allRuleMetas.map((meta) => meta.id));

const byId = new Map(allRuleMetas.map((meta) => [meta.id, meta]));
const familyById = new Map(registeredRules.map((entry) => [entry.rule.meta.id, entry.family]));

export function ruleMeta(id: string): RuleMeta | undefined {
  return byId.get(id);
}

/** The family folder of a rule; undefined for engine diagnostics. */
export function ruleFamily(id: string): string | undefined {
  return familyById.get(id);
}

/** Family names, sorted, each with its rules' ids. */
export const families: ReadonlyMap<string, readonly string[]> = new Map(
  [...new Set(registeredRules.map((entry) => entry.family))]
    .sort()
    .map((family) => [family, registeredRules.filter((entry) => entry.family === family).map((entry) => entry.rule.meta.id)]),
);

/** Every fact kind some registered rule reads: what the engine extracts from each document. */
export const factKindsRead: readonly FactKind[] = [
  ...new Map(rules.flatMap((rule) => rule.facts ?? []).map((kind) => [kind.id, kind])).values(),
];

/**
 * Every non-Kubernetes document kind some rule or fact kind reads: what the engine
 * recognises in each document (nothing is recognised that nothing reads).
 */
export const documentKindsRead: readonly DocumentKind[] = [
  ...new Map(
    [...rules.flatMap((rule) => rule.documents ?? []), ...factKindsRead.flatMap((kind) => kind.documents ?? [])].map((kind) => [
      kind.id,
      kind,
    ]),
  ).values(),
];

/** The document kind a rule id or scope names, for the docs. */
export function documentKind(id: string): DocumentKind | undefined {
  return documentKindsRead.find((kind) => kind.id === id);
}
