/**
 * The facts (service/workspace/namespaceFacts.ts) of every YAML and JSON manifest in
 * the workspace folders, so a ResourceQuota in one file is checked against Deployments
 * in others. Files on disk are read once at start-up and again when the client reports
 * a change; an open document's live text replaces its file's entry while it is open.
 *
 * The walk is bounded (MAX_FILES, size limit, no node_modules or dot folders) and
 * asynchronous: the first diagnostics do not wait for it, and open documents are
 * re-checked when it finishes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { factsOfText } from '../service/engine/checkFile';
import { isHelmChartTemplatePath } from '../service/document/textGuards';
import type { DocumentFacts } from '../service/facts/factKind';
import { URI } from './uri';

const MAX_FILES = 5000;
/** Manifests, and CNI configs (rules compare the configs of one folder). */
const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.conf', '.conflist']);
const JSON_EXTENSIONS = new Set(['.json', '.conf', '.conflist']);
const SKIPPED_FOLDERS = new Set(['node_modules']);

export class WorkspaceIndex {
  private readonly byPath = new Map<string, DocumentFacts[]>();
  private readonly signatures = new Map<string, string>();

  constructor(private readonly maxFileSizeBytes: () => number) {}

  /** Walks the folders; resolves when done. Errors (unreadable folders) are skipped. */
  async scan(folderUris: readonly string[]): Promise<void> {
    const files: string[] = [];
    for (const uri of folderUris) {
      const folder = URI.toPath(uri);
      if (folder) await collect(folder, files);
    }
    for (const file of files.slice(0, MAX_FILES)) await this.readFromDisk(file);
  }

  /** Re-reads one file after the client reported a change; true when its facts changed. */
  async fileChanged(uri: string, deleted: boolean): Promise<boolean> {
    const filePath = URI.toPath(uri);
    if (!filePath || !MANIFEST_EXTENSIONS.has(path.extname(filePath).toLowerCase())) return false;
    if (deleted) return this.set(filePath, []);
    return this.readFromDisk(filePath);
  }

  /** Records the facts of an open document's live text; true when they changed. */
  setFacts(uri: string, facts: DocumentFacts[]): boolean {
    return this.set(URI.toPath(uri) ?? uri, facts);
  }

  /** A document was closed: its file's facts come from disk again (an untitled one's go). */
  async closed(uri: string): Promise<boolean> {
    const filePath = URI.toPath(uri);
    if (!filePath) return this.set(uri, []);
    return MANIFEST_EXTENSIONS.has(path.extname(filePath).toLowerCase()) ? this.readFromDisk(filePath) : this.set(filePath, []);
  }

  /** The facts of every file except the one at `uri`. */
  othersThan(uri: string): DocumentFacts[] {
    const filePath = URI.toPath(uri) ?? uri;
    const others: DocumentFacts[] = [];
    for (const [key, facts] of this.byPath) if (key !== filePath) others.push(...facts);
    return others;
  }

  private async readFromDisk(filePath: string): Promise<boolean> {
    let text: string;
    try {
      const stat = await fs.promises.stat(filePath);
      if (!stat.isFile() || stat.size > this.maxFileSizeBytes()) return this.set(filePath, []);
      text = await fs.promises.readFile(filePath, 'utf8');
    } catch {
      return this.set(filePath, []);
    }
    const languageId = JSON_EXTENSIONS.has(path.extname(filePath).toLowerCase()) ? 'json' : 'yaml';
    const helm = isHelmChartTemplatePath(filePath, fs.existsSync);
    return this.set(
      filePath,
      factsOfText(text, { languageId, filePath, isHelmChartTemplate: helm, maxFileSizeBytes: this.maxFileSizeBytes() }),
    );
  }

  /** Stores facts; reports whether anything another file could see has changed. */
  private set(filePath: string, facts: DocumentFacts[]): boolean {
    const meaningful = facts.filter((f) => f.size > 0);
    if (meaningful.length === 0) this.byPath.delete(filePath);
    else this.byPath.set(filePath, meaningful);
    const signature = signatureOf(meaningful);
    const changed = (this.signatures.get(filePath) ?? '') !== signature;
    this.signatures.set(filePath, signature);
    return changed;
  }
}

/** What other files' rules read: everything but positions, which change on every edit. */
function signatureOf(facts: readonly DocumentFacts[]): string {
  if (facts.length === 0) return '';
  return JSON.stringify(facts, (key, value: unknown) => {
    if (key === 'at') return undefined;
    if (typeof value === 'bigint') return value.toString();
    if (value instanceof Map) return [...(value as Map<unknown, unknown>)];
    if (value instanceof Set) return [...(value as Set<unknown>)];
    return value;
  });
}

async function collect(folder: string, out: string[]): Promise<void> {
  if (out.length >= MAX_FILES) return;
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (out.length >= MAX_FILES) return;
    if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) await collect(full, out);
    else if (entry.isFile() && MANIFEST_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) out.push(full);
  }
}
