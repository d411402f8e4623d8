/**
 * Facts are the small records rules across documents and files compare: a workload's
 * per-pod requests, a quota's hard values, a budget's selector. Each kind is declared
 * once, in its own file, with the code that extracts it from one object; a workspace
 * rule declares the kinds it reads, and the engine extracts exactly those (cached with
 * the document), so checking a file against the workspace walks small records, never
 * other files' text.
 *
 * Offsets: every field named `at` holds offsets in the document the fact came from.
 * Hosts compare facts without their `at` fields to tell whether an edit changed what
 * other files can see, so an edit that only moves lines re-checks nothing else.
 */
import type { OffsetRange } from '../core/ruleMeta';
import type { Locate } from '../core/ranges';
import type { ObjectRef } from '../core/types';
import type { KubeObject } from '../kubernetes/objects';

export interface Fact {
  /** The object the fact describes, for findings reported on it. */
  object: ObjectRef;
  /** `metadata.namespace`, or '' when the object names none (it goes wherever it is applied). */
  namespace: string;
  /** `metadata.name`, or ''. */
  name: string;
  /** Where a finding about the fact as a whole goes. */
  at: OffsetRange;
}

export interface FactKind<T extends Fact = Fact> {
  id: string;
  /** `text` is the document's source, for a fact that carries an edit (its indentation). */
  extract(object: KubeObject, text: string): T[];
}

export function defineFactKind<T extends Fact>(id: string, extract: (object: KubeObject, text: string) => T[]): FactKind<T> {
  return { id, extract };
}

/**
 * The facts of one document, by fact kind id. What the engine hands hosts also carries
 * `locate`, which turns the facts' offsets into positions in the file (the document's
 * lines counted from the file's top): the editor's navigation reads it, and the
 * signature hosts compare ignores it.
 */
export interface DocumentFacts extends ReadonlyMap<string, readonly Fact[]> {
  readonly locate?: Locate;
}

/** The fields every fact shares, read from its object. */
export function factBase(object: KubeObject, at: OffsetRange): Fact {
  return { object: object.ref, namespace: object.ref.namespace ?? '', name: object.ref.name ?? '', at };
}
