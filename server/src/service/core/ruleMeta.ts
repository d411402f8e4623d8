/**
 * What every rule and engine diagnostic declares about itself, and the edit shapes
 * rules hand to the engine. The bottom of the service: it imports nothing of ours but
 * plain types, so every layer above may use it.
 */
import type { Severity } from './types';

/**
 * Where a rule applies: named kinds, every object that carries a pod template, or every
 * Kubernetes object (for checks on fields many kinds share, such as quantities, where a
 * kinds list would miss custom resources shaped like workloads); or the documents of a
 * kind that is not Kubernetes (`documents: 'cni-config'`, see document/documentKind.ts).
 */
export type RuleScope =
  { workloads: true; exceptKinds?: readonly string[] } | { kinds: readonly string[] } | { all: true } | { documents: string };

/** A JSON Schema fragment (draft-07), as ajv and VS Code's settings editor read it. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** One configurable value of a rule, under its section (`node.cpu`, `resources.require`). */
export interface RuleOptionProperty {
  /** Validates the value in `.kubewise.yaml` (and in the editor's settings). */
  schema: JsonSchema;
  /**
   * How VS Code's settings editor shows and validates `kubewise.<section>.<name>`: a
   * schema it understands (it does not know `anyOf` patterns for quantities, say).
   */
  setting: JsonSchema;
  /** Plain text for the config schema's hover. */
  description: string;
  /** Markdown for the settings editor. */
  markdownDescription: string;
  default: unknown;
}

/** A rule's options, as ESLint's `meta.schema`: declared once, validated and documented from here. */
export interface RuleOptionsMeta {
  /** The `.kubewise.yaml` key and the `kubewise.<section>.*` settings that hold them. */
  section: string;
  description: string;
  properties: Readonly<Record<string, RuleOptionProperty>>;
}

export interface RuleMeta {
  id: string;
  type: 'problem' | 'suggestion';
  defaultSeverity: Severity;
  /**
   * 'workspace': the rule compares facts across documents and files (see facts/).
   * 'kustomization': the rule reads a kustomization file and what its entries resolve to.
   */
  scope: RuleScope | 'file' | 'workspace' | 'kustomization';
  /**
   * The rule reports what an object lacks (a probe, resources, a required field), which
   * a Kustomize patch lacks by design: the engine drops these findings on patch files,
   * for every message (true) or for the listed message ids. On a resource, a finding of
   * these messages about a field the kustomization fills (`data.field`) is dropped too.
   */
  completeness?: true | readonly string[];
  description: string;
  /** The lesson: why this matters in production. Shown on hover. */
  why: string;
  /** An imperative sentence ending in a period. */
  remediation: string;
  docsUrl: string;
  /** Peer checks this rule matches, as `tool:check-name`. */
  equivalents: readonly string[];
  /**
   * One mistake, one finding: the rules this one stays silent for, each with when (a
   * sentence). An empty record says the rule yields to none; absent, nothing is said.
   */
  yieldsTo?: Readonly<Record<string, string>>;
  messages: Readonly<Record<string, string>>;
  fixable: boolean;
  /** The rule's configurable values, if any. */
  options?: RuleOptionsMeta;
}

/** An edit in offsets of the document being checked; the engine converts it. */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

export interface OffsetFix {
  title: string;
  edits: OffsetEdit[];
  /**
   * false for a fix that changes what the manifest asks for (`1G` → `1Gi`, `1000` →
   * `1000m`): offered as a quick fix, never applied by fix-all (on save), which must only
   * make edits that keep the author's meaning.
   */
  fixAll?: false;
  /**
   * The fix also renames the file to this base name, in the same folder (a single-plugin
   * `.conf` rewritten as a `.conflist`): the edits alone would leave a file the runtime
   * reads the wrong way, so a host that cannot rename files must not offer the fix.
   */
  renameTo?: string;
}

/** Offsets `[start, end)` in the document a node or fact came from. */
export type OffsetRange = readonly [number, number];

export const DOCS_BASE_URL = 'https://github.com/kubewise/kubewise/blob/main/docs/rules';

export function docsUrlOf(id: string): string {
  return `${DOCS_BASE_URL}/${id}.md`;
}

type EngineMetaInput = Omit<RuleMeta, 'docsUrl' | 'scope' | 'fixable' | 'type' | 'options'> & { fixable?: boolean };

/** Declares a diagnostic the engine itself raises; the docs URL follows from the id. */
export function defineEngineDiagnostic(meta: EngineMetaInput): RuleMeta {
  return { type: 'problem', scope: 'file', fixable: false, ...meta, docsUrl: docsUrlOf(meta.id) };
}

/** Fills `{{name}}` placeholders, as ESLint's messages do. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, key: string) => (data && key in data ? String(data[key]) : match));
}
