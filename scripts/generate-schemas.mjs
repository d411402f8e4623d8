#!/usr/bin/env node
// Generates schemas/kubernetes-kinds.json from the official Kubernetes OpenAPI v3
// files (kubernetes/kubernetes api/openapi-spec/v3, one file per group-version).
//
// The output is committed so that a fresh clone builds and lints without the
// upstream folder; this script only needs to run again when the upstream
// Kubernetes version changes. It is plain Node with no dependencies so it can
// run before `npm install` and without a TypeScript build.
//
// Usage: node scripts/generate-schemas.mjs [--upstream DIR]
//   DIR is the folder holding the *_openapi.json files (or its parent, if that
//   has a v3/ folder). Default: ../shared/upstream/kubernetes-openapi/v3,
//   relative to the repository root.

import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removedApis } from './schemas/removedApis.mjs';
import { validationSchemas } from './schemas/validationSchemas.mjs';

// Resolve from the script's own location, not the cwd, so it works from any
// directory (npm scripts, editors, CI).
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outFile = join(repoRoot, 'schemas', 'kubernetes-kinds.json');
const schemasFile = join(repoRoot, 'schemas', 'kubernetes-schemas.json');
const descriptionsFile = join(repoRoot, 'schemas', 'kubernetes-descriptions.json');
const removedFile = join(repoRoot, 'schemas', 'kubernetes-removed-apis.json');
const removedSource = resolve(repoRoot, '..', 'shared', 'upstream', 'kubernetes-removed-apis', 'removed-apis.tsv');
const check = process.argv.includes('--check');
const POD_SPEC = 'io.k8s.api.core.v1.PodSpec';
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

function parseArgs(argv) {
  let upstream = resolve(repoRoot, '..', 'shared', 'upstream', 'kubernetes-openapi', 'v3');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--check') continue;
    if (argv[i] === '--upstream' && argv[i + 1]) upstream = resolve(argv[++i]);
    else if (argv[i].startsWith('--upstream=')) upstream = resolve(argv[i].slice('--upstream='.length));
    else {
      console.error(`Unknown argument: ${argv[i]}\nUsage: node scripts/generate-schemas.mjs [--check] [--upstream DIR]`);
      process.exit(2);
    }
  }
  if (existsSync(join(upstream, 'v3'))) upstream = join(upstream, 'v3');
  return upstream;
}

const upstreamDir = parseArgs(process.argv.slice(2));
const specFiles = existsSync(upstreamDir)
  ? readdirSync(upstreamDir)
      .filter((f) => f.endsWith('_openapi.json'))
      .sort()
  : [];
if (specFiles.length === 0) {
  // Fail before anything is written: the committed file stays as it is.
  console.error(
    `Kubernetes OpenAPI v3 files not found in ${upstreamDir}\n` +
      `Expected the *_openapi.json files from kubernetes/kubernetes api/openapi-spec/v3.\n` +
      `Pass --upstream DIR to point at them. ${outFile} was left unchanged.`,
  );
  process.exit(1);
}

// The spec files say only "version: unversioned"; the real version is recorded
// in SOURCE.json next to the v3 folder, when it is there.
function kubernetesVersion() {
  const sourceFile = join(upstreamDir, '..', 'SOURCE.json');
  if (!existsSync(sourceFile)) return 'unknown version';
  const sets = JSON.parse(readFileSync(sourceFile, 'utf8')).sets ?? [];
  return sets.find((s) => s.local_path === 'v3/')?.kubernetes_version ?? 'unknown version';
}

// Classifies an API path. Only "/<plural>" and "/<plural>/{name}" (optionally
// under /namespaces/{namespace}) address a resource itself; anything deeper
// (/scale, /status, /eviction, /binding, /token, /proxy …) is a subresource,
// whose operations carry the subresource's kind (Scale, Eviction, …).
function classifyPath(path) {
  const m = /^\/(?:api\/v1|apis\/[^/]+\/[^/]+)((?:\/[^/]+)*)\/?$/.exec(path);
  if (!m) return null;
  let rest = m[1].split('/').filter(Boolean);
  let namespaced = false;
  if (rest[0] === 'namespaces' && rest[1] === '{namespace}') {
    namespaced = true;
    rest = rest.slice(2);
  }
  const isResource = rest.length === 1 || (rest.length === 2 && rest[1] === '{name}');
  return isResource && !rest[0].startsWith('{') ? { namespaced } : null;
}

// Finds the schema for a group/version/kind; schemas list the GVKs they serve
// (DeleteOptions lists dozens), so match on the whole triple.
function schemaNameFor(schemas, gvk) {
  const names = Object.keys(schemas).filter((name) =>
    (schemas[name]['x-kubernetes-group-version-kind'] ?? []).some(
      (g) => g.group === gvk.group && g.version === gvk.version && g.kind === gvk.kind,
    ),
  );
  if (names.length !== 1) throw new Error(`expected one schema for ${JSON.stringify(gvk)}, found ${names.length}`);
  return names[0];
}

// Returns the $ref targets a property points at. The v3 generator wraps refs in
// `allOf: [{$ref}]` whenever it also sets a default or description.
function refsOf(node) {
  if (node.$ref) return [node.$ref];
  return (node.allOf ?? []).flatMap(refsOf);
}

// Every property path from `node` to a PodSpec. Arrays (items) and maps
// (additionalProperties) are not followed: a rule cannot address "the" pod spec
// behind an index or key, and no built-in workload nests one that way.
// `stack` holds the schema names on the current path so recursive schemas
// (JSONSchemaProps, …) terminate.
function podSpecPaths(schemas, node, path, stack) {
  const found = [];
  for (const ref of refsOf(node)) {
    const name = ref.replace('#/components/schemas/', '');
    if (name === POD_SPEC) return [path];
    if (stack.includes(name) || !schemas[name]) continue;
    found.push(...podSpecPaths(schemas, schemas[name], path, [...stack, name]));
  }
  for (const [prop, child] of Object.entries(node.properties ?? {})) {
    found.push(...podSpecPaths(schemas, child, [...path, prop], stack));
  }
  return found;
}

// Every path from `node` to a resource.Quantity, with '[]' for "each array item" and
// '*' for "each map value" (requests/limits/hard are maps of quantities). Paths stop at
// a PodSpec (the pod spec's own quantities are listed once, relative to PodSpec, so
// that custom resources shaped like workloads get them too) and skip `status` objects,
// which nobody writes by hand.
function quantityPaths(schemas, node, path, stack) {
  const found = [];
  for (const ref of refsOf(node)) {
    const name = ref.replace('#/components/schemas/', '');
    if (name === QUANTITY) return [path];
    if (name === POD_SPEC || stack.includes(name) || !schemas[name]) continue;
    found.push(...quantityPaths(schemas, schemas[name], path, [...stack, name]));
  }
  for (const [prop, child] of Object.entries(node.properties ?? {})) {
    if (prop === 'status') continue;
    found.push(...quantityPaths(schemas, child, [...path, prop], stack));
  }
  if (node.items) found.push(...quantityPaths(schemas, node.items, [...path, '[]'], stack));
  if (typeof node.additionalProperties === 'object') {
    found.push(...quantityPaths(schemas, node.additionalProperties, [...path, '*'], stack));
  }
  return found;
}

function uniqueSorted(paths) {
  const unique = [...new Map(paths.map((p) => [JSON.stringify(p), p])).values()];
  return unique.sort((a, b) => byCodeUnits(a.join('.'), b.join('.')));
}

const byCodeUnits = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

// apiVersion/kind -> { apiVersion, kind, namespaced, podSpecPaths, file }
const kinds = new Map();
// Every component schema of every file (the files repeat the shared ones), and each kind's root.
const allSchemas = {};
const kindRoots = new Map();
let podSpecQuantityPaths;
for (const file of specFiles) {
  const spec = JSON.parse(readFileSync(join(upstreamDir, file), 'utf8'));
  const schemas = spec.components?.schemas ?? {};
  for (const [name, schema] of Object.entries(schemas)) allSchemas[name] ??= schema;
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    const shape = classifyPath(path);
    if (!shape) continue;
    for (const op of Object.values(item)) {
      // A kind is a real resource if it can be read back (get/list). This drops
      // create-only kinds (TokenReview, SubjectAccessReview, Binding …) that
      // nobody keeps in manifests, and the deprecated /watch/ paths.
      const action = op?.['x-kubernetes-action'];
      const gvk = op?.['x-kubernetes-group-version-kind'];
      if (!gvk || (action !== 'get' && action !== 'list')) continue;
      const apiVersion = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
      const key = `${apiVersion}/${gvk.kind}`;
      let entry = kinds.get(key);
      if (!entry) {
        const schemaName = schemaNameFor(schemas, gvk);
        const root = schemas[schemaName];
        kindRoots.set(key, schemaName);
        entry = {
          apiVersion,
          kind: gvk.kind,
          namespaced: false,
          podSpecPaths: uniqueSorted(podSpecPaths(schemas, root, [], [schemaName])),
          quantityPaths: uniqueSorted(quantityPaths(schemas, root, [], [schemaName])),
          file,
        };
        if (!podSpecQuantityPaths && schemas[POD_SPEC]) {
          podSpecQuantityPaths = uniqueSorted(quantityPaths(schemas, schemas[POD_SPEC], [], [POD_SPEC]));
        }
        kinds.set(key, entry);
      } else if (entry.file !== file) {
        throw new Error(`${key} is served from both ${entry.file} and ${file}`);
      }
      // The all-namespaces list (/api/v1/pods) has no namespace segment, so a
      // kind is namespaced if any of its resource paths has one.
      entry.namespaced ||= shape.namespaced;
    }
  }
}

const result = [...kinds.values()]
  .map(({ file: _file, ...rest }) => rest)
  .sort((a, b) => byCodeUnits(a.apiVersion, b.apiVersion) || byCodeUnits(a.kind, b.kind));

// Guard the assumptions above: list/get operations name the item kind, never
// the *List wrapper. If upstream changes that, fail rather than emit junk.
const suspicious = result.filter((k) => /List$|^(WatchEvent|Status|DeleteOptions|APIGroup)$/.test(k.kind));
if (suspicious.length) throw new Error(`unexpected kinds: ${suspicious.map((k) => k.kind).join(', ')}`);

const output = {
  source:
    `Kubernetes ${kubernetesVersion()} OpenAPI v3, from kubernetes/kubernetes api/openapi-spec/v3 ` +
    `(see scripts/generate-schemas.mjs)`,
  podSpecQuantityPaths: podSpecQuantityPaths ?? [],
  kinds: result,
};
const source = output.source;
const { definitions, descriptions } = validationSchemas(allSchemas, kindRoots);
const { shortName } = await import('./schemas/validationSchemas.mjs');
const outputs = [
  [outFile, output],
  [
    schemasFile,
    {
      source: `${source}; JSON Schemas for ajv (see scripts/schemas/validationSchemas.mjs)`,
      kinds: Object.fromEntries(
        [...kindRoots].sort(([a], [b]) => byCodeUnits(a, b)).map(([key, name]) => [key, shortName(name)]),
      ),
      definitions,
    },
  ],
  [descriptionsFile, { source: `${source}; field descriptions`, descriptions }],
  [
    removedFile,
    {
      source:
        'The Kubernetes Deprecated API Migration Guide (kubernetes.io/docs/reference/using-api/deprecation-guide), ' +
        'releases 1.16 to 1.32, as data in ../shared/upstream/kubernetes-removed-apis/removed-apis.tsv; every row checked ' +
        `against the ${kubernetesVersion()} OpenAPI (see scripts/schemas/removedApis.mjs)`,
      removed: removedApis(removedSource, new Set(kindRoots.keys())),
    },
  ],
];
// The kinds file is pretty-printed (people read it in reviews); the large ones are one line
// per definition, which keeps diffs readable and the VSIX small.
const serialize = (file, value) =>
  file === outFile || file === removedFile ? JSON.stringify(value, null, 2) + '\n' : compactJson(value);
function compactJson(value) {
  const lines = ['{'];
  const entries = Object.entries(value);
  entries.forEach(([key, inner], index) => {
    const comma = index < entries.length - 1 ? ',' : '';
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      const innerEntries = Object.entries(inner);
      lines.push(`${JSON.stringify(key)}: {`);
      innerEntries.forEach(([k, v], i) =>
        lines.push(`${JSON.stringify(k)}: ${JSON.stringify(v)}${i < innerEntries.length - 1 ? ',' : ''}`),
      );
      lines.push(`}${comma}`);
    } else lines.push(`${JSON.stringify(key)}: ${JSON.stringify(inner)}${comma}`);
  });
  lines.push('}');
  return lines.join('\n') + '\n';
}
if (check) {
  const stale = outputs.filter(([file, value]) => !existsSync(file) || readFileSync(file, 'utf8') !== serialize(file, value));
  for (const [file] of stale) console.error(`stale: ${file}`);
  if (stale.length > 0) {
    console.error('Run `node scripts/generate-schemas.mjs` and commit the result.');
    process.exit(1);
  }
  process.exit(0);
}
// Write-then-rename so an interrupted run never leaves a truncated file.
for (const [file, value] of outputs) {
  writeFileSync(`${file}.tmp`, serialize(file, value));
  renameSync(`${file}.tmp`, file);
}
console.log(`Wrote ${result.length} kinds from ${specFiles.length} files to ${outFile}, and their schemas`);
