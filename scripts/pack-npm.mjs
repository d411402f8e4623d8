#!/usr/bin/env node
// Writes the `kubewise` npm package to out/npm/: a package.json of its own with two
// bins, the bundled CLI (with the worker its `check --jobs` starts) and language server
// from dist/, README, LICENSE and CHANGELOG.
// Run `node scripts/bundle.mjs` first.
//
//   node scripts/pack-npm.mjs                  write out/npm/
//   node scripts/pack-npm.mjs --pack <dir>     and `npm pack` it into <dir>; prints the tarball's path
//
// Why a generated folder and not `files` in the root package.json: the root manifest is
// the VS Code extension's. It lists the extension's runtime libraries as dependencies
// (npm would install them for every CLI user, though the bundles already contain
// them), it is `private` so that nobody publishes the development tree by mistake,
// and vsce refuses a package.json with `files` beside a .vscodeignore. Here the npm
// package has no dependencies at all, and the VSIX stays exactly what it was.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'out', 'npm');
const BUNDLES = ['cli.js', 'cliWorker.js', 'server.js'];
const TEXTS = ['README.md', 'LICENSE', 'CHANGELOG.md'];

export function writePackage(outDir = OUT) {
  const root = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  for (const bundle of BUNDLES) {
    if (!fs.existsSync(path.join(ROOT, 'dist', bundle)))
      throw new Error(`dist/${bundle} is missing: run node scripts/bundle.mjs`);
  }
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(outDir, 'dist'), { recursive: true });
  for (const bundle of BUNDLES) {
    // Without the .map files: they point at the TypeScript of a checkout the user does not have.
    fs.copyFileSync(path.join(ROOT, 'dist', bundle), path.join(outDir, 'dist', bundle));
    fs.chmodSync(path.join(outDir, 'dist', bundle), 0o755);
  }
  for (const text of TEXTS) fs.copyFileSync(path.join(ROOT, text), path.join(outDir, text));
  const manifest = {
    name: 'kubewise',
    version: root.version,
    description:
      'Kubernetes manifests checked as an experienced cluster operator would: the kubewise CLI (text, JSON, SARIF and GitHub output) and a language server for any LSP editor.',
    license: root.license,
    keywords: ['kubernetes', 'k8s', 'lint', 'linter', 'yaml', 'helm', 'sarif', 'language-server', 'lsp'],
    homepage: root.homepage,
    repository: root.repository,
    bugs: root.bugs,
    bin: { kubewise: 'dist/cli.js', 'kubewise-language-server': 'dist/server.js' },
    // README.md and LICENSE are always packed; the changelog only when named.
    files: [...BUNDLES.map((bundle) => `dist/${bundle}`), 'CHANGELOG.md'],
    engines: { node: root.engines.node },
  };
  fs.writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return outDir;
}

/** `npm pack` of the written folder into `destination`; returns the tarball's absolute path. */
export function packPackage(outDir, destination) {
  fs.mkdirSync(destination, { recursive: true });
  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
    cwd: outDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [packed] = JSON.parse(output);
  return path.join(destination, packed.filename);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = writePackage();
  const packIndex = process.argv.indexOf('--pack');
  if (packIndex === -1) console.log(`npm package written to ${path.relative(process.cwd(), outDir)}/`);
  else console.log(packPackage(outDir, path.resolve(process.argv[packIndex + 1] ?? '.')));
}
