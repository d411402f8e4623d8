/**
 * Reading one manifest from disk, the same way in both hosts: its language from the
 * extension, and whether it sits in a Helm chart's templates/ folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isHelmChartTemplatePath } from '../service/document/textGuards';
import { factsOfText } from '../service/engine/checkFile';
import type { CheckOptions } from '../service/engine/checkFile';
import type { DocumentFacts } from '../service/facts/factKind';
import { describeFsError } from './fsErrors';

export interface ManifestText {
  text: string;
  languageId: 'yaml' | 'json';
  isHelmChartTemplate: boolean;
}

/** CNI configs (`.conf`, `.conflist`) are JSON, as the runtime reads them. */
const JSON_EXTENSIONS: ReadonlySet<string> = new Set(['.json', '.conf', '.conflist']);

export function languageIdOf(filePath: string): 'yaml' | 'json' {
  return JSON_EXTENSIONS.has(path.extname(filePath).toLowerCase()) ? 'json' : 'yaml';
}

export function isHelmChartTemplateOnDisk(filePath: string): boolean {
  return isHelmChartTemplatePath(filePath, (candidate) => fs.existsSync(candidate));
}

export function readManifest(filePath: string): { ok: true; manifest: ManifestText } | { ok: false; detail: string } {
  let text: string;
  try {
    // Invalid UTF-8 becomes U+FFFD rather than an exception; NUL bytes survive
    // decoding, which is what the service's binary check looks for.
    text = fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    return { ok: false, detail: describeFsError(error) };
  }
  return {
    ok: true,
    manifest: { text, languageId: languageIdOf(filePath), isHelmChartTemplate: isHelmChartTemplateOnDisk(filePath) },
  };
}

/**
 * The facts of a file on disk, for a file no one has open. A file over the size limit
 * is not even read: it would contribute nothing (the check skips it too).
 */
export async function factsOnDisk(
  filePath: string,
  options: Pick<CheckOptions, 'maxFileSizeBytes' | 'ruleOptions'>,
): Promise<DocumentFacts[]> {
  let text: string;
  try {
    const stat = await fs.promises.stat(filePath);
    if (!stat.isFile() || (options.maxFileSizeBytes !== undefined && stat.size > options.maxFileSizeBytes)) return [];
    text = await fs.promises.readFile(filePath, 'utf8');
  } catch {
    return []; // gone or unreadable: it contributes nothing, and the client reports the change
  }
  return factsOfText(text, {
    ...options,
    languageId: languageIdOf(filePath),
    filePath,
    isHelmChartTemplate: isHelmChartTemplateOnDisk(filePath),
  });
}

/** The file a path reaches, so a symlink and its target count once; the path itself when it cannot be resolved. */
export function realPathOf(filePath: string): string {
  try {
    return fs.realpathSync(filePath);
  } catch {
    return filePath;
  }
}
