/**
 * Reads `.kubewise.yaml` (`rules: {<rule-id>: off|error|warning|information|hint}`)
 * and merges rule severities from every source. A bad file never throws: its problems
 * come back as findings positioned in the file, and the valid entries still apply.
 */
import Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import { isMap, isScalar } from 'yaml';
import type { Document, Node, YAMLMap } from 'yaml';
import { parseChunk } from '../document/parseChunk';
import { findPair } from '../document/yamlNodes';
import { invalidConfig } from '../core/engineDiagnostics';
import { problemFinding } from '../document/problemFinding';
import { createFinding } from '../core/findings';
import { locatorOf } from '../core/ranges';
import { allRuleIds } from '../rules/registry';
import type { Finding, SeveritySetting } from '../core/types';
import { buildConfigSchema, SEVERITY_SETTINGS } from './configSchema';

export const CONFIG_FILE_NAME = '.kubewise.yaml';

export type RuleSeverities = Record<string, SeveritySetting>;

export interface ParsedConfig {
  severities: RuleSeverities;
  /** The file's values, for `resolveRuleOptions` (which keeps only valid option values; `findings` reports the rest). */
  options: unknown;
  /** Globs (relative to the config file's folder) the hosts leave out of their walks; the service never walks. */
  ignore: string[];
  /** Folders of CRDs (relative to the config file's folder) the hosts read for CRD facts only. */
  crdPaths: string[];
  findings: Finding[];
}

const validate = new Ajv({ allErrors: true, strict: false }).compile(buildConfigSchema());

export function parseConfigText(text: string): ParsedConfig {
  const parsed = parseChunk(text);
  const locateOffsets = locatorOf(parsed.lineCounter);
  const findings: Finding[] = parsed.problems.map((problem) => problemFinding(problem, locateOffsets));
  const doc = parsed.doc;
  // A lenient scalar is read as kubectl reads it; any other problem means the file is not what it says.
  const broken = parsed.problems.some((problem) => problem.kind !== 'go-yaml-leniency');
  if (!doc || parsed.unusable || broken) return { severities: {}, options: {}, ignore: [], crdPaths: [], findings };
  const value: unknown = doc.toJS({ maxAliasCount: 100 }) ?? {};
  if (!validate(value)) {
    for (const error of collapseAlternatives(validate.errors ?? [])) {
      const [start, end] = locate(doc, error);
      findings.push(
        createFinding(invalidConfig, {
          messageId: 'invalid',
          data: { detail: describe(error) },
          range: locateOffsets(start, end),
        }),
      );
    }
  }
  // In reading order, whatever order the schema lists its sections in.
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return {
    severities: validSeverities(value),
    options: value,
    ignore: stringList(value, 'ignore'),
    crdPaths: stringList(value, 'crdPaths'),
    findings,
  };
}

/** Keeps every well-formed entry, so one typo does not switch the whole file off. */
function validSeverities(value: unknown): RuleSeverities {
  const severities: RuleSeverities = {};
  const rules = typeof value === 'object' && value !== null ? (value as { rules?: unknown }).rules : undefined;
  if (typeof rules !== 'object' || rules === null) return severities;
  for (const [id, setting] of Object.entries(rules)) {
    if (allRuleIds.has(id) && (SEVERITY_SETTINGS as readonly unknown[]).includes(setting)) {
      severities[id] = setting as SeveritySetting;
    }
  }
  return severities;
}

/** The string entries of a list (`ignore:`, `crdPaths:`); a bad entry is reported and the others still apply. */
function stringList(value: unknown, name: 'ignore' | 'crdPaths'): string[] {
  const list = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
  return Array.isArray(list) ? list.filter((entry): entry is string => typeof entry === 'string' && entry !== '') : [];
}

/** One message per value: an `anyOf` failure stands for the failures of its branches. */
function collapseAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  const alternatives = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  return errors.filter((e) => e.keyword === 'anyOf' || !alternatives.has(e.instancePath));
}

function describe(error: ErrorObject): string {
  const where = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : 'the file';
  if (error.keyword === 'additionalProperties') {
    const key = String((error.params as { additionalProperty: string }).additionalProperty);
    return where === 'rules' ? `Unknown rule '${key}'.` : `Unknown setting '${key}' in ${where}.`;
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues ?? SEVERITY_SETTINGS;
    return `${where}: expected one of ${allowed.join(', ')}.`;
  }
  if (error.keyword === 'anyOf' && where.startsWith('node.')) {
    return `${where}: expected a positive Kubernetes quantity, such as "4", "3920m" or "16Gi".`;
  }
  return `${where} ${error.message ?? 'is invalid'}.`;
}

/** The source range of the node an ajv error points at (the offending key, for unknown keys). */
function locate(doc: Document.Parsed, error: ErrorObject): [number, number] {
  let node: Node | null = doc.contents;
  for (const segment of error.instancePath.split('/').slice(1)) {
    const pair: ReturnType<typeof findPair> = isMap(node) ? findPair(doc, node as YAMLMap, segment) : undefined;
    if (!pair) break;
    node = pair.value as Node | null;
  }
  if (error.keyword === 'additionalProperties' && isMap(node)) {
    const key = (error.params as { additionalProperty: string }).additionalProperty;
    const pair = findPair(doc, node as YAMLMap, key);
    if (pair && isScalar(pair.key) && pair.key.range) return [pair.key.range[0], pair.key.range[1]];
  }
  return node?.range ? [node.range[0], node.range[1]] : [0, 0];
}

/** Later sources win: defaults, then `.kubewise.yaml`, then the editor's `kubewise.rules`. */
export function mergeSeverities(...sources: (RuleSeverities | undefined)[]): RuleSeverities {
  const merged: RuleSeverities = {};
  for (const source of sources) {
    for (const [id, setting] of Object.entries(source ?? {})) {
      if (allRuleIds.has(id) && (SEVERITY_SETTINGS as readonly unknown[]).includes(setting)) merged[id] = setting;
    }
  }
  return merged;
}
