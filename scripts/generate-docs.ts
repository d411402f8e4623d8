/**
 * Generates what must follow the rule registry: one page per rule and engine
 * diagnostic in docs/rules/, the index docs/rules/README.md, the rules table in the
 * root README.md (between `<!-- rules:start -->` and `<!-- rules:end -->`), and the
 * JSON Schema of `.kubewise.yaml`, and docs/rules/rules.json (id, family and description
 * of every rule, for the extension's documentation picker). Examples come from each
 * rule's test fixtures, so what the docs show is what the tests run.
 *
 *   node out/scripts/generate-docs.js            write the files
 *   node out/scripts/generate-docs.js --check    exit 1 and name the stale files
 *   --root <dir>                                 another checkout (tests use a copy)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildConfigSchema } from '../server/src/service/config/configSchema';
import { DEFAULT_MAX_FILE_SIZE_BYTES } from '../server/src/service/engine/checkFile';
import { EDITOR_DIAGNOSTICS_PER_FILE } from '../server/src/lsp/diagnosticLimit';
import { allRuleMetas, documentKind, families, ruleFamily, rules } from '../server/src/service/rules/registry';
import { configurableRules } from '../server/src/service/config/ruleOptions';
import type { RuleMeta } from '../server/src/service/rules/api/ruleTypes';
import { parseEquivalent } from '../server/src/service/core/peerTools';

const DOCS_DIR = 'docs/rules';
const SCHEMA_FILE = 'schemas/kubewise-config.schema.json';
const PACKAGE_FILE = 'package.json';
const README_START = '<!-- rules:start -->';
const README_END = '<!-- rules:end -->';

interface Example {
  file: string;
  text: string;
}

/** Every generated file, by path relative to the root; null means "must not exist". */
export function generate(root: string): Map<string, string | null> {
  const files = new Map<string, string | null>();
  const ruleIds = new Set(rules.map((rule) => rule.meta.id));
  for (const meta of allRuleMetas) {
    const examples = ruleIds.has(meta.id) ? fixtureExamples(root, meta.id) : undefined;
    files.set(`${DOCS_DIR}/${meta.id}.md`, rulePage(meta, examples));
  }
  files.set(`${DOCS_DIR}/README.md`, indexPage());
  files.set(`${DOCS_DIR}/rules.json`, rulesList());
  // A page whose rule is gone would keep being served as documentation.
  for (const file of listFiles(path.join(root, DOCS_DIR))) {
    if (file.endsWith('.md') && !files.has(`${DOCS_DIR}/${file}`)) files.set(`${DOCS_DIR}/${file}`, null);
  }
  files.set(SCHEMA_FILE, `${JSON.stringify(buildConfigSchema(), null, 2)}\n`);
  const manifest = readIfExists(path.join(root, PACKAGE_FILE));
  if (manifest !== undefined) files.set(PACKAGE_FILE, withConfiguration(manifest));
  const readme = readIfExists(path.join(root, 'README.md'));
  const updated = readme === undefined ? undefined : replaceRegion(readme, `\n${rulesTable(`${DOCS_DIR}/`)}\n`);
  if (updated !== undefined) files.set('README.md', updated);
  return files;
}

function rulePage(meta: RuleMeta, examples: { fire?: Example; dontFire?: Example } | undefined): string {
  const lines = [
    `# ${meta.id}`,
    '',
    meta.description,
    '',
    `**Family:** ${ruleFamily(meta.id) ?? 'engine'} · **Type:** ${meta.type} · **Default severity:** ${meta.defaultSeverity} · **Fixable:** ${meta.fixable ? 'yes' : 'no'} · **Applies to:** ${scopeText(meta)}`,
    '',
    '## Why',
    '',
    meta.why,
    '',
    ...yieldLines(meta),
    '## How to fix',
    '',
    meta.remediation,
    ...(meta.fixable ? ['', 'Kubewise offers a quick fix wherever the right edit is knowable from the file itself.'] : []),
    '',
    '## Examples',
    '',
    ...(examples ? exampleLines(meta.id, examples) : messageLines(meta)),
    '## Configuration',
    '',
    ...configurationLines(meta),
    '## Equivalent checks',
    '',
    ...equivalentLines(meta),
  ];
  return `${lines.join('\n')}\n`;
}

/** "One mistake, one finding": which rules' findings this one gives way to. */
function yieldLines(meta: RuleMeta): string[] {
  if (!meta.yieldsTo) return [];
  const entries = Object.entries(meta.yieldsTo);
  if (entries.length === 0)
    return ['**One mistake, one finding.** This rule yields to no other: what it reports, no other rule reports.', ''];
  return [
    '**One mistake, one finding.** This rule stays silent where another rule already reports the mistake:',
    '',
    ...entries.map(([rule, when]) => `- [${rule}](${rule}.md): ${when}`),
    '',
  ];
}

function scopeText(meta: RuleMeta): string {
  const scope = meta.scope;
  if (scope === 'file') return 'the file as a whole';
  if (scope === 'kustomization')
    return 'kustomization files (`kustomization.yaml`, `kustomization.yml`, `Kustomization`), with the files and folders their entries name';
  if (scope === 'workspace')
    return 'the workspace: objects compared across documents and files (a file alone is a workspace of one)';
  if ('all' in scope) return 'every Kubernetes object (built-in kinds and custom resources)';
  if ('kinds' in scope) return scope.kinds.join(', ');
  if ('documents' in scope) return documentKind(scope.documents)?.description ?? scope.documents;
  const except = scope.exceptKinds?.length ? `, except ${scope.exceptKinds.join(' and ')}` : '';
  return `every object with a pod template (built-in workloads and custom resources shaped like them)${except}`;
}

function exampleLines(_id: string, examples: { fire?: Example; dontFire?: Example }): string[] {
  const block = (heading: string, intro: string, example: Example | undefined): string[] =>
    example
      ? [
          `### ${heading}`,
          '',
          // The example alone: a fixture's path in this repository means nothing to a reader.
          `${intro}:`,
          '',
          /\.(?:json|conf|conflist)$/.test(example.file) ? '```json' : '```yaml',
          example.text.trimEnd(),
          '```',
          '',
        ]
      : [`### ${heading}`, '', 'No example yet.', ''];
  return [...block('Fails', 'Reported', examples.fire), ...block('Passes', 'Not reported', examples.dontFire)];
}

/** Engine diagnostics have no manifest to show; the messages they print are the example. */
function messageLines(meta: RuleMeta): string[] {
  return [
    'This diagnostic comes from the engine, not from a check on one Kubernetes object. Its messages:',
    '',
    ...Object.values(meta.messages).map((message) => `- ${message.replace(/\{\{\s*(\w+)\s*\}\}/g, '<$1>')}`),
    '',
  ];
}

function configurationLines(meta: RuleMeta): string[] {
  const lines = [
    `Default severity: **${meta.defaultSeverity}**. Change it, or turn the rule \`off\`, in the editor setting \`kubewise.rules\` (which wins) or in \`.kubewise.yaml\` (read by the editor and the CLI):`,
    '',
    '```json',
    `"kubewise.rules": { "${meta.id}": "error" }`,
    '```',
    '',
    '```yaml',
    '# .kubewise.yaml',
    'rules:',
    `  ${meta.id}: "off"  # or error, warning, information, hint`,
    '```',
    '',
  ];
  if (meta.options) lines.push(...optionLines(meta));
  if (meta.scope === 'file') return lines;
  if (typeof meta.scope === 'object' && 'documents' in meta.scope) {
    // A CNI config is JSON, and one inside a ConfigMap is a string: no comment can go next to the line.
    lines.push(
      'JSON has no comments, and a comment line inside a YAML string would become part of it: a config file cannot carry a directive. In a manifest that holds the config (a ConfigMap, a NetworkAttachmentDefinition), suppress the rule for the whole file, with the reason:',
      '',
      '```yaml',
      `# kubewise-disable-file ${meta.id} -- reason`,
      '```',
      '',
    );
    return lines;
  }
  lines.push(
    'Suppress one finding with a comment on the line above it, with the reason for your reviewers:',
    '',
    '```yaml',
    `# kubewise-disable-next-line ${meta.id} -- reason`,
    '```',
    '',
  );
  const kubeLinter = meta.equivalents.filter((e) => e.startsWith('kube-linter:')).map((e) => e.slice('kube-linter:'.length));
  for (const check of kubeLinter) {
    lines.push(
      `kube-linter's annotation \`ignore-check.kube-linter.io/${check}\` on the object also turns this rule off for it.`,
      '',
    );
  }
  return lines;
}

/** The rule's options, from `meta.options`: where they live, each value, its default. */
function optionLines(meta: RuleMeta): string[] {
  const options = meta.options!;
  const example = Object.entries(options.properties).map(([name, property]) => `  ${name}: ${JSON.stringify(property.default)}`);
  return [
    `Options (section \`${options.section}\` of \`.kubewise.yaml\`, or the editor settings \`kubewise.${options.section}.*\`, which win): ${options.description}.`,
    '',
    '| Option | Default | Meaning |',
    '|---|---|---|',
    ...Object.entries(options.properties).map(
      ([name, property]) =>
        `| \`${options.section}.${name}\` | \`${JSON.stringify(property.default)}\` | ${cell(property.description)} |`,
    ),
    '',
    '```yaml',
    '# .kubewise.yaml',
    `${options.section}:`,
    ...example,
    '```',
    '',
  ];
}

/**
 * package.json's `contributes.configuration`: the host settings below, `kubewise.rules`
 * with every rule id, and one `kubewise.<section>.<option>` per rule option.
 */
function withConfiguration(manifest: string): string {
  const pkg = JSON.parse(manifest) as { contributes?: { configuration?: unknown } };
  const severity = { type: 'string', enum: ['off', 'error', 'warning', 'information', 'hint'] };
  const properties: Record<string, unknown> = {
    'kubewise.enable': {
      type: 'boolean',
      default: true,
      scope: 'resource',
      description: 'Check Kubernetes manifests in this folder.',
    },
    'kubewise.rules': {
      type: 'object',
      default: {},
      scope: 'resource',
      markdownDescription:
        'Severity per rule id: `"off"`, `"error"`, `"warning"`, `"information"` or `"hint"`. Overrides `.kubewise.yaml`. Example: `{"missing-liveness-probe": "off"}`.',
      properties: Object.fromEntries(allRuleMetas.map((meta) => [meta.id, { ...severity, description: meta.description }])),
      additionalProperties: false,
    },
    'kubewise.maxFileSizeKB': {
      type: 'number',
      default: DEFAULT_MAX_FILE_SIZE_BYTES / 1024,
      minimum: 1,
      scope: 'resource',
      description:
        'Size limit in KiB: a larger YAML stream is checked up to the limit, document by document, and a note marks where checking stopped; a larger single document or JSON file is not checked.',
    },
    'kubewise.maxDiagnosticsPerFile': {
      type: 'number',
      default: EDITOR_DIAGNOSTICS_PER_FILE,
      minimum: 1,
      scope: 'resource',
      markdownDescription:
        'The most problems published for one file: every error, then the findings nearest your last edit, and a note that says how many are left out. VS Code shows at most 1,000 per file and drops the rest, so more only slows each keystroke; raise it for an editor without that limit. `kubewise check` lists every finding.',
    },
    'kubewise.crdPaths': {
      type: 'array',
      items: { type: 'string' },
      default: [],
      scope: 'resource',
      markdownDescription:
        'Folders of CustomResourceDefinitions, relative to the workspace folder (e.g. `../platform/crds`): custom resources are validated against them and get hovers and completion from them, as with CRDs in the workspace. Their files are read for CRDs only, never checked. Adds to `crdPaths:` of `.kubewise.yaml`.',
    },
  };
  for (const rule of configurableRules) {
    const options = rule.meta.options!;
    for (const [name, property] of Object.entries(options.properties)) {
      properties[`kubewise.${options.section}.${name}`] = inlineSetting(
        property.setting as { type: string; pattern?: string },
        property.markdownDescription,
        rule.meta.id,
      );
    }
  }
  properties['kubewise.trace.server'] = {
    type: 'string',
    enum: ['off', 'messages', 'verbose'],
    default: 'off',
    scope: 'window',
    description: 'Trace the communication between VS Code and the Kubewise language server.',
  };
  pkg.contributes = { ...pkg.contributes, configuration: { title: 'Kubewise', properties } };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/**
 * A rule option as a setting the Settings editor edits inline: one type (a union with
 * null sends it to settings.json), and an empty default that means "unset", so the
 * value of `.kubewise.yaml` or the rule's default applies. The server reads an empty
 * string or list as unset too (server/src/lsp/settings.ts).
 */
function inlineSetting(
  setting: { type: string; pattern?: string },
  markdownDescription: string | undefined,
  ruleId: string,
): unknown {
  const isList = setting.type === 'array';
  const empty = isList ? ` An empty list means unset (to require nothing, turn \`${ruleId}\` off).` : ' Empty means unset.';
  return {
    ...setting,
    ...(setting.pattern === undefined ? {} : { pattern: `^$|${setting.pattern}` }),
    default: isList ? [] : '',
    scope: 'resource',
    markdownDescription: `${markdownDescription ?? ''}${empty}`,
  };
}

/** What the extension's rule picker lists: every rule and engine diagnostic, by family, then id. */
function rulesList(): string {
  const entries = allRuleMetas
    .map((meta) => ({ id: meta.id, family: ruleFamily(meta.id) ?? 'engine', description: meta.description }))
    .sort((a, b) => (a.family === b.family ? a.id.localeCompare(b.id) : familyOrder(a.family) - familyOrder(b.family)));
  return `${JSON.stringify({ rules: entries }, null, 2)}\n`;
}

/** Families in name order, the engine's diagnostics last. */
function familyOrder(family: string): number {
  const names = [...families.keys()];
  return family === 'engine' ? names.length : names.indexOf(family);
}

function equivalentLines(meta: RuleMeta): string[] {
  if (meta.equivalents.length === 0) return ['None: this check is specific to Kubewise.'];
  return [
    '| Tool | Check |',
    '|---|---|',
    ...meta.equivalents.map((equivalent) => {
      const peer = parseEquivalent(equivalent);
      return `| ${peer.toolName} | \`${peer.check}\` |`;
    }),
  ];
}

/** The rules tables, one per family and one for the engine; `linkPrefix` is where the pages are. */
function rulesTable(linkPrefix: string): string {
  const table = (title: string, metas: readonly RuleMeta[]): string[] => [
    `**${title}**`,
    '',
    '| Rule | Default severity | Fixable | Description |',
    '|---|---|---|---|',
    ...metas.map(
      (meta) =>
        `| [${meta.id}](${linkPrefix}${meta.id}.md) | ${meta.defaultSeverity} | ${meta.fixable ? 'yes' : 'no'} | ${cell(meta.description)} |`,
    ),
    '',
  ];
  const metaOf = (id: string): RuleMeta => allRuleMetas.find((meta) => meta.id === id)!;
  return [
    ...[...families].flatMap(([family, ids]) => table(`${family}`, ids.map(metaOf))),
    ...table(
      'engine (diagnostics about the file itself)',
      allRuleMetas.filter((meta) => ruleFamily(meta.id) === undefined),
    ),
  ]
    .join('\n')
    .trimEnd();
}

function indexPage(): string {
  return [
    '# Rules',
    '',
    'Every rule and engine diagnostic Kubewise reports, by family (the folder under `server/src/service/rules/`), then by id.',
    'Each page says why it matters, how to fix it,',
    'and how to configure or suppress it. Generated by `npm run generate` from the rule registry.',
    '',
    rulesTable(''),
    '',
  ].join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function replaceRegion(text: string, content: string): string | undefined {
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END, start);
  if (start === -1 || end === -1) return undefined;
  return text.slice(0, start + README_START.length) + content + text.slice(end);
}

/** The first `fire-*` and `dont-fire-*` fixture (YAML, or a CNI file), in name order, so the choice is stable. */
function fixtureExamples(root: string, id: string): { fire?: Example; dontFire?: Example } {
  const dir = path.join(root, 'test', 'fixtures', 'rules', id);
  const files = listFiles(dir).filter((file) => /\.(?:yaml|json|conf|conflist)$/.test(file));
  const pick = (prefix: string): Example | undefined => {
    const file = files.find((name) => name.startsWith(prefix));
    return file === undefined ? undefined : { file, text: fs.readFileSync(path.join(dir, file), 'utf8') };
  };
  const examples: { fire?: Example; dontFire?: Example } = {};
  const fire = pick('fire-');
  const dontFire = pick('dont-fire-');
  if (fire) examples.fire = fire;
  if (dontFire) examples.dontFire = dontFire;
  return examples;
}

function listFiles(dir: string): string[] {
  try {
    return fs.readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  const rootIndex = argv.indexOf('--root');
  const root = rootIndex === -1 ? path.resolve(__dirname, '../..') : path.resolve(argv[rootIndex + 1] ?? '.');
  const stale: string[] = [];
  for (const [file, content] of generate(root)) {
    const target = path.join(root, file);
    if (readIfExists(target) === (content ?? undefined)) continue;
    stale.push(file);
    if (check) continue;
    if (content === null) fs.rmSync(target);
    else {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, content);
    }
  }
  if (check && stale.length > 0) {
    console.error(`Generated files are stale; run \`npm run generate\`:\n${stale.map((file) => `  ${file}`).join('\n')}`);
    return 1;
  }
  console.log(
    check ? 'Generated files are up to date.' : `Wrote ${stale.length} file(s)${stale.length ? `: ${stale.join(', ')}` : ''}.`,
  );
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
