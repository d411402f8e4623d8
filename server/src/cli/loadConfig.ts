/**
 * The CLI's `.kubewise.yaml`: the nearest one from the working directory upward, unless
 * `--config` names one (host/configLookup.ts, the lookup the editor uses too). The CLI
 * refuses to run on an invalid file (exit 2) rather than quietly checking with half of
 * it, because in CI nobody would see the half that was dropped. (The editor keeps the
 * valid entries and marks the rest in the file itself, where the user sees them.)
 */
import * as path from 'node:path';
import { ignoreGlobsOf, lookupConfig } from '../host/configLookup';
import { resolveCrdFolders } from '../host/crdFolders';
import type { ExcludeGlobs } from '../host/workspaceFiles';
import type { Finding, SeveritySetting } from '../service/core/types';

export type LoadedConfig =
  | {
      kind: 'ok';
      severities: Record<string, SeveritySetting>;
      options: unknown;
      /** The `ignore:` globs, for directory walks. */
      ignore: ExcludeGlobs[];
      /** The `crdPaths:` folders, absolute. */
      crdFolders: string[];
      configPath?: string;
    }
  | { kind: 'invalid'; configPath: string; findings: Finding[] }
  | { kind: 'unreadable'; configPath: string; detail: string };

export function loadConfig(cwd: string, explicitPath: string | undefined): LoadedConfig {
  const found = lookupConfig(cwd, explicitPath === undefined ? {} : { explicitPath });
  if (found.kind === 'none') return { kind: 'ok', severities: {}, options: {}, ignore: [], crdFolders: [] };
  if (found.kind === 'unreadable') return found;
  const { configPath, parsed } = found;
  if (parsed.findings.length > 0) return { kind: 'invalid', configPath, findings: parsed.findings };
  return {
    kind: 'ok',
    severities: parsed.severities,
    options: parsed.options,
    ignore: [ignoreGlobsOf(configPath, parsed)],
    crdFolders: resolveCrdFolders(path.dirname(configPath), parsed.crdPaths),
    configPath,
  };
}
