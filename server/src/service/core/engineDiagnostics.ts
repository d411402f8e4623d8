/**
 * Diagnostics the engine itself raises (not tied to a Kubernetes object). They carry
 * the same metadata as rules so that hover, docs and configuration treat them alike.
 */
import { defineEngineDiagnostic } from './ruleMeta';

export const yamlSyntax = defineEngineDiagnostic({
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  description: 'The file is not valid YAML (or JSON).',
  why: 'kubectl and the API server refuse a manifest that does not parse, and a duplicate key is either rejected or silently keeps only one of the values, so what you read is not what is applied.',
  remediation: 'Fix the syntax at the marked position.',
  equivalents: ['kube-linter:parse-error'],
  messages: { syntax: '{{detail}}', duplicateKey: '{{detail}}', parserFailure: '{{detail}}', tooDeep: '{{detail}}' },
});

export const yamlLenientSyntax = defineEngineDiagnostic({
  id: 'yaml-lenient-syntax',
  defaultSeverity: 'warning',
  description: 'YAML that kubectl accepts but the YAML 1.2 spec does not: Kubewise reads it as kubectl does.',
  why: "kubectl's parser (go-yaml) is more lenient than the YAML 1.2 spec: it reads a multi-line quoted value whose continuation lines, closing quote included, are indented no deeper than its key (common for CNI JSON in a NetworkAttachmentDefinition). The object is applied as written, and Kubewise checks it as kubectl reads it, but other tools (yq, Kustomize's parser, editors, linters) may refuse the file or read it differently.",
  remediation: 'Indent the continuation lines of the value deeper than its key.',
  equivalents: [],
  fixable: true,
  messages: {
    shallowQuotedScalar:
      'Continuation lines of this quoted value are indented no deeper than its key: kubectl reads it, but the YAML spec asks for deeper indentation and other tools may refuse it.',
  },
});

export const yamlAliasBomb = defineEngineDiagnostic({
  id: 'yaml-alias-bomb',
  defaultSeverity: 'error',
  description: 'YAML anchors and aliases expand to an enormous document.',
  why: 'Nested aliases ("billion laughs") make a few lines expand to millions of nodes; tools that expand them run out of memory. Kubewise refuses to expand them and does not check the document.',
  remediation: 'Replace the nested aliases with the values they stand for, or remove them.',
  equivalents: [],
  messages: { aliasBomb: '{{detail}}' },
});

export const fileNotChecked = defineEngineDiagnostic({
  id: 'file-not-checked',
  defaultSeverity: 'information',
  description:
    "The file is deliberately not checked: a template (a Helm chart's, or another tool's placeholders) or a file over the size limit.",
  why: "A template is not Kubernetes YAML until its tool renders it (`helm template`, envsubst, sed, kustomize replacements), so checking it as YAML would show a wall of false errors. A file is taken for a template when it sits in a Helm chart's templates/ folder, or when template syntax outside its values (`name: {{ .Values.name }}`, a line of template logic) or a placeholder (`{SERVICE_IP_PREFIX}`, `__MTU__`) keeps it from parsing; `{{ … }}` inside a string value (Prometheus alert descriptions) is data, and the file is checked. A very large file is checked up to the size limit, document by document, and the rest skipped, to keep the editor responsive.",
  remediation:
    'Check the rendered output (`helm template … | kubewise check -`, or what your tool writes) or raise `kubewise.maxFileSizeKB`.',
  equivalents: [],
  messages: {
    helmTemplate:
      'Helm chart template: Kubewise checks rendered manifests, not templates. Render it with `helm template` and check the output.',
    template:
      'Template: this file holds {{what}}, which a tool fills in before it is applied, so it is not checked. Check the rendered output.',
    tooLarge: 'File not checked: {{size}} KiB is over the {{limit}} KiB limit (setting kubewise.maxFileSizeKB).',
    partlyChecked:
      'Checked up to here: the {{documents}} documents above fit the {{limit}} KiB limit, the rest of this {{size}} KiB file is not checked (setting kubewise.maxFileSizeKB).',
    goTemplate:
      'Go template: Kubewise checks the config it renders to, not the template (`{{ … }}` is not JSON). Render it and check the output.',
  },
});

export const unreadableFile = defineEngineDiagnostic({
  id: 'unreadable-file',
  defaultSeverity: 'error',
  description: 'The file could not be read as text: it is binary or could not be opened.',
  why: 'A manifest that is not text cannot be applied; a binary file among manifests is usually a mistake in the path or an encoding problem.',
  remediation: 'Remove the file from the manifests folder or save it as UTF-8 text.',
  equivalents: [],
  messages: { binary: 'Binary file (it contains NUL bytes): not checked.', io: 'Could not read the file: {{detail}}' },
});

export const unusedDisableDirective = defineEngineDiagnostic({
  id: 'unused-disable-directive',
  defaultSeverity: 'warning',
  description: 'A `kubewise-disable` comment that suppresses nothing.',
  why: 'A stale suppression hides the next real finding on that line and tells readers something is wrong where nothing is.',
  remediation: 'Remove the comment, or the rule id that no longer applies.',
  equivalents: [],
  fixable: true,
  messages: {
    unused: 'Unused kubewise-disable directive: no {{rule}} finding to suppress here.',
    unusedAll: 'Unused kubewise-disable directive: there is no finding to suppress here.',
    unknownRule: "Unknown rule '{{rule}}' in kubewise-disable directive.",
  },
});

export const invalidConfig = defineEngineDiagnostic({
  id: 'invalid-config',
  defaultSeverity: 'error',
  description: 'The `.kubewise.yaml` configuration file is invalid.',
  why: 'An invalid configuration is ignored as a whole, so the rule settings you meant to apply are not applied in the editor or in CI.',
  remediation: 'Fix the marked entry: `rules` maps rule ids to off, error, warning, information or hint.',
  equivalents: [],
  messages: { invalid: '{{detail}}' },
});

export const untrustedWorkspaceConfig = defineEngineDiagnostic({
  id: 'untrusted-workspace-config',
  defaultSeverity: 'information',
  description: 'The `.kubewise.yaml` of an untrusted workspace is not applied until the workspace is trusted.',
  why: "A configuration file comes with the repository, and a repository you have not trusted yet (just cloned, or a pull request under review) could use it to switch findings off (`rules:`, `ignore:`) or to make Kubewise read folders outside the workspace (`crdPaths:`). So in VS Code's Restricted Mode Kubewise checks the manifests with its defaults and your user settings, and neither reads this file nor `kubewise.crdPaths`; once you trust the workspace they apply at once.",
  remediation: 'Trust the workspace (Manage Workspace Trust) if you trust its files; until then the defaults apply.',
  equivalents: [],
  messages: {
    untrusted:
      'This workspace is not trusted: Kubewise does not read this file (rules, ignore, crdPaths and rule options) or kubewise.crdPaths until you trust the workspace. The defaults apply meanwhile.',
  },
});

export const diagnosticsNotShown = defineEngineDiagnostic({
  id: 'diagnostics-not-shown',
  defaultSeverity: 'information',
  description: 'The file has more findings than the editor shows: the errors and those nearest your last edit are shown.',
  why: "VS Code shows at most 1,000 problems per file and drops the rest, errors first and then in file order, so in a file of thousands of documents the findings where you are typing may be the ones dropped. An editor server publishes a file's problems whole after every keystroke, so sending what would be dropped only slows each keystroke down. Kubewise sends every error and then the findings nearest your last edit, up to `kubewise.maxDiagnosticsPerFile`, and says how many it left out.",
  remediation:
    'Run `kubewise check <file>` (or *Kubewise: Check Workspace*) for every finding, split the file, or change `kubewise.maxDiagnosticsPerFile` for an editor without a limit of its own.',
  equivalents: [],
  messages: {
    limited:
      'Showing {{shown}} of the {{all}} findings in this file: the errors, then those nearest your last edit (VS Code shows at most 1,000 per file; setting kubewise.maxDiagnosticsPerFile, now {{limit}}). `kubewise check` lists them all.',
  },
});

export const internalError = defineEngineDiagnostic({
  id: 'internal-error',
  defaultSeverity: 'warning',
  description: 'A rule failed on this object; its findings are missing.',
  why: 'Kubewise keeps checking the rest of the file, but this rule could not judge this object. Please report it with the object that caused it.',
  remediation: 'Report the problem with the manifest that triggers it.',
  equivalents: [],
  messages: {
    crashed: "Rule '{{rule}}' failed on this object: {{detail}}",
    crashedAcrossFiles: "Rule '{{rule}}' failed while comparing this file with the rest of the workspace: {{detail}}",
    checkFailed: 'Checking this file failed: {{detail}}. Its findings are missing; the other files were checked.',
    factsFailed:
      "Reading the '{{kind}}' facts of this object failed: {{detail}}. Rules that compare objects across files do not see it.",
  },
});

export const engineDiagnostics = [
  diagnosticsNotShown,
  fileNotChecked,
  internalError,
  invalidConfig,
  unreadableFile,
  untrustedWorkspaceConfig,
  unusedDisableDirective,
  yamlAliasBomb,
  yamlLenientSyntax,
  yamlSyntax,
];
