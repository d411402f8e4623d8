/**
 * Rule options, resolved from the rules' own declarations (`meta.options`, as ESLint's
 * `meta.schema`): each configurable rule names a section (`node`, `resources`) that
 * `.kubewise.yaml` and the `kubewise.<section>.*` settings fill in. Later sources win,
 * one value at a time; a value that does not match its schema falls through to the
 * next source (the config file's own validation reports it with its position), and an
 * array keeps its valid items, so one typo does not switch a requirement list off.
 */
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import type { RuleOptionProperty } from '../core/ruleMeta';
import { rules } from '../rules/registry';
import type { Rule } from '../rules/api/ruleTypes';

export interface RuleOptions {
  /** Stable across equal options: results that depend on options are cached by it. */
  key: string;
  /** What each configurable rule's `resolveOptions` made of the values. */
  byRule: ReadonlyMap<string, unknown>;
  /** The values per section and property, after merging (for display and tests). */
  values: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

const ajv = new Ajv({ strict: false });
const validators = new Map<RuleOptionProperty, { whole: ValidateFunction; item?: ValidateFunction }>();

function validatorsOf(property: RuleOptionProperty): { whole: ValidateFunction; item?: ValidateFunction } {
  let found = validators.get(property);
  if (!found) {
    const items = property.schema.items as Record<string, unknown> | undefined;
    found = { whole: ajv.compile(property.schema) };
    if (property.schema.type === 'array' && items) found.item = ajv.compile(items);
    validators.set(property, found);
  }
  return found;
}

/** The value a source gives, if it is valid (for arrays: its valid items). */
function validValue(property: RuleOptionProperty, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  const { whole, item } = validatorsOf(property);
  const candidate: unknown = value;
  if (whole(candidate)) return candidate;
  if (item && Array.isArray(value)) return [...new Set((value as unknown[]).filter((entry) => item(entry)))];
  return undefined;
}

function sectionOf(source: unknown, section: string): Record<string, unknown> | undefined {
  if (typeof source !== 'object' || source === null) return undefined;
  const value = (source as Record<string, unknown>)[section];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export const configurableRules: readonly Rule[] = rules.filter((rule) => rule.meta.options);

/**
 * Sources are untrusted objects with sections at the top level: a parsed `.kubewise.yaml`,
 * the editor's `kubewise` settings. Defaults first; later sources win.
 */
export function resolveRuleOptions(...sources: unknown[]): RuleOptions {
  const byRule = new Map<string, unknown>();
  const values: Record<string, Record<string, unknown>> = {};
  const configuredBySection: Record<string, string[]> = {};
  for (const rule of configurableRules) {
    const meta = rule.meta.options!;
    const merged: Record<string, unknown> = {};
    const configured = new Set<string>();
    for (const [name, property] of Object.entries(meta.properties)) {
      merged[name] = property.default;
      for (const source of sources) {
        const value = validValue(property, sectionOf(source, meta.section)?.[name]);
        if (value !== undefined) {
          merged[name] = value;
          configured.add(name);
        }
      }
    }
    values[meta.section] = merged;
    // A value set to its default still counts as configured (the user stated it), so the cache key says which were set.
    if (configured.size > 0) configuredBySection[meta.section] = [...configured].sort();
    byRule.set(rule.meta.id, rule.resolveOptions ? rule.resolveOptions(merged, configured) : merged);
  }
  return { key: JSON.stringify([values, configuredBySection]), byRule, values };
}

export const DEFAULT_RULE_OPTIONS: RuleOptions = resolveRuleOptions();

/** The sections of the `.kubewise.yaml` schema, one per configurable rule. */
export function ruleOptionsSchema(): Record<string, unknown> {
  const sections: Record<string, unknown> = {};
  for (const rule of configurableRules) {
    const meta = rule.meta.options!;
    const properties: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(meta.properties)) {
      properties[name] = { ...property.schema, description: property.description };
    }
    sections[meta.section] = {
      type: 'object',
      description: `${meta.description} (rule ${rule.meta.id})`,
      additionalProperties: false,
      properties,
    };
  }
  return sections;
}
