/**
 * The workspace as rules across files see it, for the CLI and the editor alike: per
 * file, the facts it contributes (service/facts/), so a ResourceQuota in one file is
 * checked against Deployments in others.
 *
 * - A file is known by its real path (the host resolves it): a symlink and its target
 *   are one file, counted once while any path to it is in the workspace.
 * - An open document's live text replaces its file's disk entry while it is open.
 * - Every update says whether anything another file can see has changed (the
 *   signature ignores positions, which move on every edit), so a host re-checks other
 *   files only when their findings may change.
 * - Files are listed in code-unit order of their paths, so both hosts hand rules the
 *   facts in the same order whatever order files were read or opened in.
 */
import type { DocumentFacts } from '../service/facts/factKind';
import { fingerprintOfFacts } from '../service/facts/factFingerprint';

export class WorkspaceModel {
  /** Path (as walked, opened or reported) → the file's key, its real path. */
  private readonly keys = new Map<string, string>();
  /** Key → how many paths reach it. */
  private readonly pathCounts = new Map<string, number>();
  private readonly disk = new Map<string, readonly DocumentFacts[]>();
  private readonly live = new Map<string, readonly DocumentFacts[]>();
  private readonly signatures = new Map<string, readonly string[]>();
  private sortedKeys: string[] | undefined;

  /** The file's key: its real path when the host gave one, else the path itself. */
  keyOf(filePath: string): string {
    return this.keys.get(filePath) ?? filePath;
  }

  /** Whether a path is in the workspace (read from disk, or open). */
  has(filePath: string): boolean {
    return this.keys.has(filePath);
  }

  /** Every path the workspace holds, for re-walking a folder. */
  paths(): string[] {
    return [...this.keys.keys()];
  }

  /** Records the facts of a file as read from disk; true when others can see a change. */
  setDisk(filePath: string, facts: readonly DocumentFacts[], key: string = filePath): boolean {
    this.bind(filePath, key);
    this.disk.set(key, meaningful(facts));
    return this.refresh(key);
  }

  /** A path left the workspace (deleted, or now excluded); its file goes when no path reaches it. */
  deletePath(filePath: string): boolean {
    const key = this.keys.get(filePath);
    if (key === undefined) return false;
    if (this.unbind(filePath, key) > 0) return false;
    this.disk.delete(key);
    this.live.delete(key);
    return this.refresh(key);
  }

  /** Every path at or under `folder` left (a deleted or excluded folder); true when others can see a change. */
  deleteUnder(folder: string, isInside: (child: string, parent: string) => boolean): boolean {
    let changed = false;
    for (const filePath of this.paths()) {
      if (filePath === folder || isInside(filePath, folder)) changed = this.deletePath(filePath) || changed;
    }
    return changed;
  }

  /** The facts of an open document's live text; the path must be in the workspace. */
  setLive(filePath: string, facts: readonly DocumentFacts[], key: string = this.keyOf(filePath)): boolean {
    this.bind(filePath, key);
    this.live.set(key, meaningful(facts));
    return this.refresh(key);
  }

  /** The document was closed: its disk entry (if any) applies again. */
  closeLive(filePath: string): boolean {
    const key = this.keys.get(filePath);
    if (key === undefined || !this.live.delete(key)) return false;
    if (!this.disk.has(key)) this.unbind(filePath, key);
    return this.refresh(key);
  }

  /**
   * The facts of every file but the one at `filePath`, in path order, each file's seen
   * through `view` (as its kustomization trees render it: kustomizeIndex.ts).
   */
  othersThan(
    filePath: string,
    view?: (key: string, facts: readonly DocumentFacts[]) => readonly DocumentFacts[],
  ): DocumentFacts[] {
    const own = this.keyOf(filePath);
    const others: DocumentFacts[] = [];
    for (const key of this.orderedKeys()) {
      if (key !== own) others.push(...(view ? view(key, this.factsOf(key)) : this.factsOf(key)));
    }
    return others;
  }

  /** Every file with facts, by its key (real path), in path order: what navigation searches. */
  files(): { path: string; documents: readonly DocumentFacts[] }[] {
    return this.orderedKeys().map((key) => ({ path: key, documents: this.factsOf(key) }));
  }

  private bind(filePath: string, key: string): void {
    const previous = this.keys.get(filePath);
    if (previous === key) return;
    if (previous !== undefined && this.unbind(filePath, previous) === 0) {
      this.disk.delete(previous); // the path now reaches another file: the old one left
      this.live.delete(previous);
      this.signatures.delete(previous);
    }
    this.keys.set(filePath, key);
    this.pathCounts.set(key, (this.pathCounts.get(key) ?? 0) + 1);
  }

  /** Returns how many paths still reach the key. */
  private unbind(filePath: string, key: string): number {
    this.keys.delete(filePath);
    const remaining = (this.pathCounts.get(key) ?? 1) - 1;
    if (remaining > 0) this.pathCounts.set(key, remaining);
    else this.pathCounts.delete(key);
    return remaining;
  }

  private factsOf(key: string): readonly DocumentFacts[] {
    return this.live.get(key) ?? this.disk.get(key) ?? [];
  }

  private orderedKeys(): string[] {
    this.sortedKeys ??= [...new Set([...this.disk.keys(), ...this.live.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return this.sortedKeys;
  }

  private refresh(key: string): boolean {
    this.sortedKeys = undefined;
    const signature = signatureOf(this.factsOf(key));
    const changed = !sameSignature(this.signatures.get(key) ?? [], signature);
    if (signature.length === 0) this.signatures.delete(key);
    else this.signatures.set(key, signature);
    return changed;
  }
}

/** Documents without facts (most of them) need no room. */
function meaningful(facts: readonly DocumentFacts[]): DocumentFacts[] {
  return facts.filter((documentFacts) => documentFacts.size > 0);
}

/**
 * What other files' rules read: each document's facts without their places (which move on
 * every edit), one fingerprint per document. The engine hands over the fingerprints of the
 * facts it cached, so an edit of one document in a file of thousands compares strings the
 * model already holds rather than writing the whole file's facts out again.
 */
export function signatureOf(facts: readonly DocumentFacts[]): readonly string[] {
  return facts.map((documentFacts) => documentFacts.fingerprint ?? fingerprintOfFacts(documentFacts));
}

function sameSignature(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((fingerprint, index) => fingerprint === b[index]);
}
