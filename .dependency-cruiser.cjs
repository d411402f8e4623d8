// The layers of ARCHITECTURE.md, enforced (`npm run lint` runs this; test/unit/layers.test.ts
// proves each rule fails on a fixture that breaks it). Chosen over ESLint boundary plugins
// because it is built for exactly this: it resolves every import (type-only ones too) to a
// file, tells Node built-ins from packages, matches folders with regex groups (a rule's own
// family) and finds cycles across files.
//
// Order, bottom up: core < document < kubernetes < cni < schema, facts, kustomize < rules/api < rules/<family>
// < rules (registry) < config < engine < features. kubernetes/ and cni/ are domain layers: what
// a domain means, encoded on documents (kustomize/ sits beside cni/: it reads kustomization files, never runs kustomize).
// Each layer may import only layers below
// it, so folders cannot form a cycle; `no-circular` catches cycles inside a folder too.
// sizing/ (the estimates) sits beside rules/: on facts and below, and features/ may use it.
const S = '^server/src/service/';
const only = (name, comment, from, allowed) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: { path: S, pathNot: allowed },
});

module.exports = {
  forbidden: [
    {
      name: 'service-no-hosts',
      comment: 'The language service is shared by the LSP glue and the CLI: it never imports them (or host/).',
      severity: 'error',
      from: { path: S },
      to: { path: '^server/src/(lsp|cli|host)/' },
    },
    {
      name: 'lsp-library-only-in-lsp',
      comment: 'The language service, host/ and the CLI are LSP-free: only server/src/lsp/ and the client speak the protocol.',
      severity: 'error',
      from: { path: '^server/src/(service|host|cli)/' },
      to: { path: '(^|/)node_modules/(vscode-languageserver[^/]*|vscode-languageclient|vscode-jsonrpc|@types/vscode)/|^vscode$' },
    },
    {
      name: 'service-no-io',
      comment: 'The language service does no I/O: the host reads files and passes text and facts in.',
      severity: 'error',
      from: { path: S },
      to: {
        dependencyTypes: ['core'],
        path: '^(node:)?(fs|fs/promises|child_process|net|http|https|http2|dgram|dns|tls|worker_threads|cluster|readline|inspector)$',
      },
    },
    {
      name: 'hosts-no-network-or-exec',
      comment:
        'Kubewise makes no network call and runs no program: the hosts (host/, lsp/, cli/) read files and talk to their editor or terminal only. The LSP library itself opens a socket or pipe for --socket/--pipe transports, which the editor asks for; worker_threads stays allowed for the hosts.',
      severity: 'error',
      from: { path: '^server/src/(host|lsp|cli)/' },
      to: {
        dependencyTypes: ['core'],
        path: '^(node:)?(child_process|net|http|https|http2|dgram|dns|dns/promises|tls|cluster|inspector)$',
      },
    },
    only('core-is-the-bottom', 'core/ imports nothing of the service but itself.', `${S}core/`, [`${S}core/`]),
    only('document-layer', 'document/ sits on core/ only.', `${S}document/`, [`${S}(core|document)/`]),
    only('kubernetes-layer', 'kubernetes/ encodes Kubernetes behaviour on documents.', `${S}kubernetes/`, [
      `${S}(core|document|kubernetes)/`,
    ]),
    only('cni-layer', 'cni/ encodes CNI network configurations on documents, beside kubernetes/.', `${S}cni/`, [
      `${S}(core|document|kubernetes|cni)/`,
    ]),
    only('schema-layer', 'schema/ validates objects against kind schemas; it knows no rule and no fact.', `${S}schema/`, [
      `${S}(core|document|kubernetes|schema)/`,
    ]),
    only(
      'kustomize-layer',
      'kustomize/ reads kustomization files (never runs kustomize); it knows no fact and no rule.',
      `${S}kustomize/`,
      [`${S}(core|document|kubernetes|kustomize)/`],
    ),
    only('facts-layer', 'facts/ extracts records from objects and documents; it knows no rule.', `${S}facts/`, [
      `${S}(core|document|kubernetes|cni|facts)/`,
    ]),
    only('rule-api-layer', 'The rule API is what rules build on; it knows no rule.', `${S}rules/api/`, [
      `${S}(core|document|kubernetes|schema|facts|kustomize)/`,
      `${S}rules/api/`,
    ]),
    {
      name: 'rules-import-only-the-rule-api',
      comment:
        'A rule imports the rule API, the domain layers (kubernetes/, cni/, kustomize/), schema/, document/, facts/ and its own family: never the engine, config, features or another family.',
      severity: 'error',
      from: { path: `${S}rules/([^/]+)/`, pathNot: `${S}rules/api/` },
      to: { path: S, pathNot: [`${S}rules/api/`, `${S}(document|kubernetes|cni|schema|facts|kustomize)/`, `${S}rules/$1/`] },
    },
    only('registry-layer', 'The registry lists families; nothing above it.', `${S}rules/[^/]+\\.ts$`, [
      `${S}(core|document|kubernetes|cni|schema|facts|kustomize)/`,
      `${S}rules/`,
    ]),
    only('config-layer', 'config/ reads rule metas, never the engine.', `${S}config/`, [
      `${S}(core|document|kubernetes|cni|schema|facts|kustomize|rules|config)/`,
    ]),
    only('sizing-layer', 'sizing/ estimates from facts and quantities; no rule, engine or config.', `${S}sizing/`, [
      `${S}(core|document|kubernetes|facts|sizing)/`,
    ]),
    only('engine-layer', 'The engine runs rules; features build on it, not the reverse.', `${S}engine/`, [
      `${S}(core|document|kubernetes|cni|schema|facts|kustomize|rules|config|engine)/`,
    ]),
    {
      name: 'hosts-apart',
      comment: 'lsp/ and cli/ are two hosts of one service; what they share lives in host/.',
      severity: 'error',
      from: { path: '^server/src/(lsp|cli)/' },
      to: { path: '^server/src/(lsp|cli)/', pathNot: '^server/src/$1/' },
    },
    {
      name: 'host-below-hosts',
      comment: 'host/ is shared by lsp/ and cli/ and imports neither.',
      severity: 'error',
      from: { path: '^server/src/host/' },
      to: { path: '^server/src/(lsp|cli)/' },
    },
    {
      name: 'client-apart',
      comment: 'The client starts the bundled server; it never imports server code.',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^server/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles, inside a folder or across folders.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a typo or a missing dependency.',
      severity: 'error',
      from: { pathNot: '^client/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    exclude: { path: '(^|/)(out|dist)/' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['require', 'node', 'import', 'types', 'default'],
      mainFields: ['main', 'types'],
    },
  },
};
