/**
 * Finds and parses `.kubewise.yaml` for both hosts: the nearest file from a start
 * folder upward. The CLI starts at its working directory (or reads `--config`), the
 * editor at the workspace folder that holds the document; both parse with the
 * service's `parseConfigText`. What to do with an invalid file is the host's call: the
 * CLI refuses to run, the editor keeps the valid entries and marks the rest.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, parseConfigText } from '../service/config/config';
import type { ParsedConfig } from '../service/config/config';
import { describeFsError } from './fsErrors';
import type { ExcludeGlobs } from './workspaceFiles';

/** How the lookup sees files: the disk, or (in the editor) the disk under the open documents. */
export interface ConfigSource {
  isFile(filePath: string): boolean;
  /** Throws as fs.readFileSync does. */
  readText(filePath: string): string;
}

export const DISK: ConfigSource = {
  isFile: (filePath) => {
    try {
      return fs.statSync(filePath).isFile();
    } catch {
      return false;
    }
  },
  readText: (filePath) => fs.readFileSync(filePath, 'utf8'),
};

export type ConfigLookup =
  | { kind: 'none' }
  | { kind: 'found'; configPath: string; parsed: ParsedConfig }
  | { kind: 'unreadable'; configPath: string; detail: string };

/** The nearest `.kubewise.yaml` in `startDirectory` or an ancestor. */
export function findConfigFile(startDirectory: string, source: ConfigSource = DISK): string | undefined {
  let directory = path.resolve(startDirectory);
  for (;;) {
    const candidate = path.join(directory, CONFIG_FILE_NAME);
    if (source.isFile(candidate)) return candidate;
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

/** Reads and parses the nearest config file, or `explicitPath` when given (which must exist). */
export function lookupConfig(
  startDirectory: string,
  options: { explicitPath?: string; source?: ConfigSource } = {},
): ConfigLookup {
  const source = options.source ?? DISK;
  const configPath =
    options.explicitPath !== undefined
      ? path.resolve(startDirectory, options.explicitPath)
      : findConfigFile(startDirectory, source);
  if (configPath === undefined) return { kind: 'none' };
  let text: string;
  try {
    text = source.readText(configPath);
  } catch (error) {
    return { kind: 'unreadable', configPath, detail: describeFsError(error) };
  }
  return { kind: 'found', configPath, parsed: parseConfigText(text) };
}

/** The file's `ignore:` globs, which are relative to the folder the file is in. */
export function ignoreGlobsOf(configPath: string, parsed: ParsedConfig): ExcludeGlobs {
  return { base: path.dirname(configPath), patterns: parsed.ignore };
}
