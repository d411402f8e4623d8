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
  const [own, workspace] = factsByPart(text, languageId, context, kind);
  return workspace.length === 0 ? [...own] : [...own, ...workspace];
}

/**
 * The same facts in two parts, this file's and the workspace's, each gathered once per list of
 * documents: the host keeps a file's facts until its next check, so hovers after the first read
 * this file's part (5,000 documents) without walking them again.
 */
export function factsByPart<T extends Fact>(
  text: string,
  languageId: 'yaml' | 'json',
  context: HoverContext | undefined,
  kind: FactKind<T>,
): [own: readonly T[], workspace: readonly T[]] {
  const own = context?.ownFacts ?? ownFactsOf(text, languageId, context?.ruleOptions);
  return [ofKind(own, kind), ofKind(context?.workspace ?? [], kind)];
}

const gathered = new WeakMap<readonly DocumentFacts[], Map<string, readonly Fact[]>>();

function ofKind<T extends Fact>(documents: readonly DocumentFacts[], kind: FactKind<T>): readonly T[] {
  if (documents.length === 0) return [];
  let byKind = gathered.get(documents);
  if (!byKind) gathered.set(documents, (byKind = new Map()));
  let facts = byKind.get(kind.id);
  if (!facts) {
    const found: Fact[] = [];
    for (const document of documents) for (const fact of document.get(kind.id) ?? []) found.push(fact as Fact);
    byKind.set(kind.id, (facts = found));
  }
  return facts as readonly T[];
}
