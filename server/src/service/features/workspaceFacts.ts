/**
 * What hovers that estimate across files receive: the facts of the workspace's other
 * files (as the host indexes them) and the rule options in effect. The file's own facts
 * come from its text, so an unsaved edit shows at once.
 */
import { factsOfText } from '../engine/checkFile';
import { ChunkCache } from '../engine/chunkCache';
import type { RuleOptions } from '../config/ruleOptions';
import type { KustomizeInputs } from '../kustomize/inputs';
import type { DocumentFacts, Fact, FactKind } from '../facts/factKind';

export interface HoverContext {
  /** Facts of the workspace's other files. */
  workspace?: readonly DocumentFacts[];
  /**
   * This file's own facts, when the host has them for exactly this text (its last check of it):
   * then a hover reads them instead of extracting them again.
   */
  ownFacts?: readonly DocumentFacts[];
  ruleOptions?: RuleOptions;
  /** For a kustomization file: what its entries resolve to, for hovers on its paths. */
  kustomize?: KustomizeInputs;
  /** The file's path as the host knows it: a CNI config's name decides what it holds and where it sorts. */
  filePath?: string | undefined;
}

/**
 * Own facts from the text, without the host's: the latest text's facts, and one document cache
 * for it, so after an edit only the edited document is read again (a label hover on a
 * 1,000-document file re-checked all of it, over a second, on every request).
 */
let latest: { text: string; languageId: string; optionsKey: string; facts: readonly DocumentFacts[] } | undefined;
const documents = new ChunkCache();

function ownFactsOf(text: string, languageId: 'yaml' | 'json', ruleOptions: RuleOptions | undefined): readonly DocumentFacts[] {
  const optionsKey = ruleOptions?.key ?? '';
  if (latest?.text === text && latest.languageId === languageId && latest.optionsKey === optionsKey) return latest.facts;
  const facts = factsOfText(text, { languageId, cache: documents, ...(ruleOptions ? { ruleOptions } : {}) });
  latest = { text, languageId, optionsKey, facts };
  return facts;
}

/** Facts of one kind from this text and the rest of the workspace. */
export function factsEverywhere<T extends Fact>(
  text: string,
  languageId: 'yaml' | 'json',
  context: HoverContext | undefined,
  kind: FactKind<T>,
): T[] {
  const own = context?.ownFacts ?? ownFactsOf(text, languageId, context?.ruleOptions);
  return [...own, ...(context?.workspace ?? [])].flatMap((document) => (document.get(kind.id) ?? []) as T[]);
}

/**
 * The documents whose facts a hover reads, this file's then the workspace's, as the lists they
 * are: the host keeps this file's list until its next check, so what a hover derives from it
 * can be remembered per list (labelHover.ts).
 */
export function factDocuments(
  text: string,
  languageId: 'yaml' | 'json',
  context: HoverContext | undefined,
): [own: readonly DocumentFacts[], workspace: readonly DocumentFacts[]] {
  return [context?.ownFacts ?? ownFactsOf(text, languageId, context?.ruleOptions), context?.workspace ?? []];
}
