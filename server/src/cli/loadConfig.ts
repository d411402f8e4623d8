/**
 * Finds and reads `.kubewise.yaml`: the file in the working
 * directory or the nearest ancestor, unless `--config` names one. The CLI refuses
 * to run on an invalid file (exit 2) rather than quietly checking with half of it,
 * because in CI nobody would see the half that was dropped. (The editor keeps the
 * valid entries and marks the rest in the file itself, where the user sees them.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, parseConfigText } from '../service/config/config';
import type { Finding, SeveritySetting } from '../service/core/types';
import { describeFsError } from './collectFiles';

export type LoadedConfig =
  | { kind: 'ok'; severities: Record<string, SeveritySetting>; options: unknown; configPath?: string }
  | { kind: 'invalid'; configPath: string; findings: Finding[] }
  | { kind: 'unreadable'; configPath: string; detail: string };

export function loadConfig(cwd: string, explicitPath: string | undefined): LoadedConfig {
  const configPath = explicitPath !== undefined ? path.resolve(cwd, explicitPath) : findConfigFile(cwd);
  if (configPath === undefined) return { kind: 'ok', severities: {}, options: {} };
  let text: string;
  try {
    text = fs.readFileSync(configPath, 'utf8');
  } catch (error) {
    return { kind: 'unreadable', configPath, detail: describeFsError(error) };
  }
  const parsed = parseConfigText(text);
  if (parsed.findings.length > 0) return { kind: 'invalid', configPath, findings: parsed.findings };
  return { kind: 'ok', severities: parsed.severities, options: parsed.options, configPath };
}

export function findConfigFile(startDirectory: string): string | undefined {
  let directory = path.resolve(startDirectory);
  for (;;) {
    const candidate = path.join(directory, CONFIG_FILE_NAME);
    if (isFile(candidate)) return candidate;
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

function isFile(candidate: string): boolean {
  try {
    return fs.statSync(candidate).isFile();
  } catch {
    return false;
  }
}
