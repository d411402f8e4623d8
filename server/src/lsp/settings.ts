/**
 * Where a document's rule severities come from: the `.kubewise.yaml` of its workspace
 * folder (the nearest from the folder upward), then the resource-scoped `kubewise.*`
 * settings pulled from the client. Both are cached and dropped when they change. In an
 * untrusted workspace the config file is found but not read (lsp/trust.ts).
 */
import * as path from 'node:path';
import { URI } from './uri';
import { DISK, findConfigFile, lookupConfig } from '../host/configLookup';
import type { ConfigSource } from '../host/configLookup';
import { mergeSeverities } from '../service/config/config';
import type { ParsedConfig, RuleSeverities } from '../service/config/config';
import { DEFAULT_MAX_FILE_SIZE_BYTES } from '../service/engine/checkFile';
import { resolveRuleOptions } from '../service/config/ruleOptions';
import type { RuleOptions } from '../service/config/ruleOptions';
import { createFinding } from '../service/core/findings';
import { untrustedWorkspaceConfig } from '../service/core/engineDiagnostics';
import type { WorkspaceTrust } from './trust';
import { EDITOR_DIAGNOSTICS_PER_FILE } from './diagnosticLimit';

export interface ClientSettings {
  enable: boolean;
  rules: RuleSeverities;
  maxFileSizeKB: number;
  /** The most diagnostics published for one file (lsp/diagnosticLimit.ts). */
  maxDiagnosticsPerFile: number;
  /** Folders of CRDs, relative to the workspace folder (`kubewise.crdPaths`). */
  crdPaths: string[];
  /** The raw `kubewise` settings: rule options are read from their sections (`kubewise.node.*` …). */
  options: unknown;
}

export interface DocumentSettings {
  enable: boolean;
  severities: RuleSeverities;
  maxFileSizeBytes: number;
  maxDiagnosticsPerFile: number;
  ruleOptions: RuleOptions;
  /** The config file that applies, with its problems, for publishing. */
  configFile: ConfigFile | undefined;
}

export interface ConfigFile {
  uri: string;
  path: string;
  /** In an untrusted workspace: nothing of the file, and one finding that says why. */
  parsed: ParsedConfig;
  /** The workspace is not trusted: the file was found, not read, and applies nothing. */
  untrusted?: true;
}

export const DEFAULT_CLIENT_SETTINGS: ClientSettings = {
  enable: true,
  rules: {},
  maxFileSizeKB: DEFAULT_MAX_FILE_SIZE_BYTES / 1024,
  maxDiagnosticsPerFile: EDITOR_DIAGNOSTICS_PER_FILE,
  crdPaths: [],
  options: {},
};

export function sanitizeClientSettings(raw: unknown): ClientSettings {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof ClientSettings, unknown>>;
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_CLIENT_SETTINGS.enable,
    rules: typeof value.rules === 'object' && value.rules !== null ? (value.rules as RuleSeverities) : {},
    maxFileSizeKB:
      typeof value.maxFileSizeKB === 'number' && value.maxFileSizeKB > 0
        ? value.maxFileSizeKB
        : DEFAULT_CLIENT_SETTINGS.maxFileSizeKB,
    maxDiagnosticsPerFile:
      typeof value.maxDiagnosticsPerFile === 'number' && value.maxDiagnosticsPerFile >= 1
        ? Math.floor(value.maxDiagnosticsPerFile)
        : DEFAULT_CLIENT_SETTINGS.maxDiagnosticsPerFile,
    crdPaths: Array.isArray(value.crdPaths)
      ? value.crdPaths.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '')
      : [],
    options: withoutEmptyValues(raw),
  };
}

/**
 * The Settings editor edits rule options inline as a string or a list whose empty
 * default means "unset" (scripts/generate-docs.ts): drop empty strings and lists from
 * each section, so `.kubewise.yaml` or the rule's default applies, as for an absent key.
 */
function withoutEmptyValues(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const sections: Record<string, unknown> = {};
  for (const [name, section] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof section !== 'object' || section === null || Array.isArray(section)) {
      sections[name] = section;
      continue;
    }
    sections[name] = Object.fromEntries(
      Object.entries(section as Record<string, unknown>).filter(
        ([, value]) => value !== '' && !(Array.isArray(value) && value.length === 0),
      ),
    );
  }
  return sections;
}

/**
 * The `.kubewise.yaml` of each workspace folder: the nearest one from the folder upward
 * (host/configLookup.ts, the CLI's lookup), preferring the editor's unsaved text.
 * Parsed once and cached until any config file changes.
 */
export class ConfigFiles {
  private cache = new Map<string, ConfigFile | undefined>();

  constructor(
    private readonly workspaceFolders: () => string[],
    /** The open document's text at a path, if open. */
    private readonly openText: (filePath: string) => string | undefined,
    private readonly trust: Pick<WorkspaceTrust, 'isTrusted'>,
  ) {}

  /** Whether config files are read and applied: the workspace is trusted. */
  get trusted(): boolean {
    return this.trust.isTrusted;
  }

  /** The config file that applies to the workspace folder holding the document, if any. */
  forDocument(documentUri: string): ConfigFile | undefined {
    const documentPath = URI.toPath(documentUri);
    if (!documentPath) return undefined;
    const folder = this.workspaceFolders()
      .map((uri) => URI.toPath(uri))
      .filter((folderPath): folderPath is string => !!folderPath && isInside(documentPath, folderPath))
      .sort((a, b) => b.length - a.length)[0];
    return folder ? this.forFolder(folder) : undefined;
  }

  forFolder(folderPath: string): ConfigFile | undefined {
    if (!this.cache.has(folderPath)) this.cache.set(folderPath, this.load(folderPath));
    return this.cache.get(folderPath);
  }

  invalidate(): void {
    this.cache.clear();
  }

  private load(folderPath: string): ConfigFile | undefined {
    const source: ConfigSource = {
      isFile: (filePath) => this.openText(filePath) !== undefined || DISK.isFile(filePath),
      readText: (filePath) => this.openText(filePath) ?? DISK.readText(filePath),
    };
    if (!this.trust.isTrusted) {
      const configPath = findConfigFile(folderPath, source);
      return configPath === undefined ? undefined : untrustedConfigFile(configPath);
    }
    const found = lookupConfig(folderPath, { source });
    // Unreadable is as good as absent here: there is no file to mark, and the CLI says why.
    if (found.kind !== 'found') return undefined;
    return { uri: URI.fromPath(found.configPath), path: found.configPath, parsed: found.parsed };
  }
}

/** What an untrusted workspace's config file amounts to: the defaults, and a note on the file that says so. */
function untrustedConfigFile(configPath: string): ConfigFile {
  const atTheTop = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const notice = createFinding(untrustedWorkspaceConfig, { messageId: 'untrusted', data: {}, range: atTheTop });
  return {
    uri: URI.fromPath(configPath),
    path: configPath,
    parsed: { severities: {}, options: {}, ignore: [], crdPaths: [], findings: [notice] },
    untrusted: true,
  };
}

export function resolveDocumentSettings(client: ClientSettings, configFile: DocumentSettings['configFile']): DocumentSettings {
  return {
    enable: client.enable,
    severities: mergeSeverities(configFile?.parsed.severities, client.rules),
    maxFileSizeBytes: client.maxFileSizeKB * 1024,
    maxDiagnosticsPerFile: client.maxDiagnosticsPerFile,
    ruleOptions: resolveRuleOptions(configFile?.parsed.options, client.options),
    configFile,
  };
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
