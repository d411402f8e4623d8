/**
 * What hovers that estimate across files receive: the facts of the workspace's other
 * files (as the host indexes them) and the rule options in effect. The file's own facts
 * come from its text, so an unsaved edit shows at once.
 */
import { factsOfText } from '../engine/checkFile';
import type { RuleOptions } from '../config/ruleOptions';
import type { KustomizeInputs } from '../kustomize/inputs';
import type { DocumentFacts, Fact, FactKind } from '../facts/factKind';

export interface HoverContext {
  /** Facts of the workspace's other files. */
  workspace?: readonly DocumentFacts[];
  ruleOptions?: RuleOptions;
  /** For a kustomization file: what its entries resolve to, for hovers on its paths. */
  kustomize?: KustomizeInputs;
  /** The file's path as the host knows it: a CNI config's name decides what it holds and where it sorts. */
  filePath?: string | undefined;
}

/** Facts of one kind from this text and the rest of the workspace. */
export function factsEverywhere<T extends Fact>(
  text: string,
  languageId: 'yaml' | 'json',
  context: HoverContext | undefined,
  kind: FactKind<T>,
): T[] {
  const own = factsOfText(text, { languageId, ...(context?.ruleOptions ? { ruleOptions: context.ruleOptions } : {}) });
  return [...own, ...(context?.workspace ?? [])].flatMap((document) => (document.get(kind.id) ?? []) as T[]);
}
