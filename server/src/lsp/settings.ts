/**
 * Where a document's rule severities come from: `.kubewise.yaml` in its workspace
 * folder, then the resource-scoped `kubewise.*` settings pulled from the client.
 * Both are cached and dropped when they change.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from './uri';
import { CONFIG_FILE_NAME, mergeSeverities, parseConfigText } from '../service/config/config';
import type { ParsedConfig, RuleSeverities } from '../service/config/config';
import { DEFAULT_MAX_FILE_SIZE_BYTES } from '../service/engine/checkFile';
import { resolveRuleOptions } from '../service/config/ruleOptions';
import type { RuleOptions } from '../service/config/ruleOptions';

export interface ClientSettings {
  enable: boolean;
  rules: RuleSeverities;
  maxFileSizeKB: number;
  /** The raw `kubewise` settings: rule options are read from their sections (`kubewise.node.*` …). */
  options: unknown;
}

export interface DocumentSettings {
  enable: boolean;
  severities: RuleSeverities;
  maxFileSizeBytes: number;
  ruleOptions: RuleOptions;
  /** The config file that applies, with its problems, for publishing. */
  configFile: { uri: string; parsed: ParsedConfig } | undefined;
}

export const DEFAULT_CLIENT_SETTINGS: ClientSettings = {
  enable: true,
  rules: {},
  maxFileSizeKB: DEFAULT_MAX_FILE_SIZE_BYTES / 1024,
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
    options: raw,
  };
}

/** Finds and parses `.kubewise.yaml` files, preferring the editor's unsaved text. */
export class ConfigFiles {
  private cache = new Map<string, ParsedConfig | null>();

  constructor(
    private readonly workspaceFolders: () => string[],
    private readonly openText: (uri: string) => string | undefined,
  ) {}

  /** The config file of the workspace folder that holds the document, if any. */
  forDocument(documentUri: string): { uri: string; parsed: ParsedConfig } | undefined {
    const documentPath = URI.toPath(documentUri);
    if (!documentPath) return undefined;
    const folder = this.workspaceFolders()
      .map((uri) => URI.toPath(uri))
      .filter((folderPath): folderPath is string => !!folderPath && isInside(documentPath, folderPath))
      .sort((a, b) => b.length - a.length)[0];
    if (!folder) return undefined;
    const configPath = path.join(folder, CONFIG_FILE_NAME);
    const uri = URI.fromPath(configPath);
    const parsed = this.load(uri, configPath);
    return parsed ? { uri, parsed } : undefined;
  }

  invalidate(uri?: string): void {
    if (uri) this.cache.delete(uri);
    else this.cache.clear();
  }

  private load(uri: string, configPath: string): ParsedConfig | undefined {
    const open = this.openText(uri);
    if (open !== undefined) return parseConfigText(open);
    if (!this.cache.has(uri)) {
      this.cache.set(uri, readConfig(configPath));
    }
    return this.cache.get(uri) ?? undefined;
  }
}

export function resolveDocumentSettings(client: ClientSettings, configFile: DocumentSettings['configFile']): DocumentSettings {
  return {
    enable: client.enable,
    severities: mergeSeverities(configFile?.parsed.severities, client.rules),
    maxFileSizeBytes: client.maxFileSizeKB * 1024,
    ruleOptions: resolveRuleOptions(configFile?.parsed.options, client.options),
    configFile,
  };
}

function readConfig(configPath: string): ParsedConfig | null {
  let text: string;
  try {
    text = fs.readFileSync(configPath, 'utf8');
  } catch {
    return null; // no config file is the common case, not an error
  }
  return parseConfigText(text);
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
