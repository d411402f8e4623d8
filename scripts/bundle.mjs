// Bundles the client, the language server and the CLI into dist/ with esbuild, so
// the VSIX ships self-contained files and no node_modules.
import * as fs from 'node:fs';
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';

const watch = process.argv.includes('--watch');
const { version } = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  legalComments: 'none',
  // Maps beside the bundles, for the debugger and for stacks from the CLI and a
  // development server. They point at the TypeScript files of the checkout, so they
  // need not carry the sources; .vscodeignore keeps them out of the VSIX.
  sourcemap: true,
  sourcesContent: false,
  // dist/cli.js runs without a package.json beside it (server/src/host/version.ts).
  define: { KUBEWISE_VERSION: JSON.stringify(version) },
};
/**
 * Node keeps a script's whole text in memory for as long as it runs, in one byte per character
 * when every character fits in Latin-1 and in two otherwise: five em dashes and arrows in
 * comments (esbuild escapes every other non-ASCII character) made the server's 3.2 MB of text
 * take 6.4 MB of its heap. They become '?' in the bundles Node runs; the maps stay valid, as
 * each is one UTF-16 unit replaced by one.
 */
const latin1Text = {
  name: 'latin1-text',
  setup(build) {
    build.onEnd(async (result) => {
      for (const file of result.outputFiles ?? []) {
        const text = file.path.endsWith('.js') ? file.text.replace(/[\u0100-\uffff]/g, '?') : file.contents;
        await fs.promises.mkdir(new URL('.', `file://${file.path}`), { recursive: true });
        // A bundle with a shebang is a command (dist/cli.js), as esbuild itself would write it.
        await fs.promises.writeFile(file.path, text, { mode: file.text.startsWith('#!') ? 0o755 : 0o644 });
      }
    });
  },
};
/**
 * `yaml` as its ES module build (the one its package.json gives browsers; the same code, with
 * no Node dependency), not its CommonJS one: esbuild reaches a CommonJS module's exports
 * through a getter per access, and `isMap`, `isScalar` and the like are called millions of
 * times in a large file's check (30 ms of a 1,000-document file's first check went to those
 * getters); an ES module's functions it calls directly.
 */
const yamlAsModule = { alias: { yaml: fileURLToPath(new URL('../node_modules/yaml/browser/index.js', import.meta.url)) } };
const nodeBundle = { write: false, plugins: [latin1Text], ...yamlAsModule };
const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, ...nodeBundle, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  { ...common, ...nodeBundle, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
  // `check --jobs N` starts its workers from this file beside dist/cli.js (server/src/cli/checkPool.ts).
  { ...common, ...nodeBundle, entryPoints: ['server/src/cli/cliWorker.ts'], outfile: 'dist/cliWorker.js' },
  // The estimate panel's page: runs in the webview, so a browser bundle with Chart.js and the elements inside.
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: ['client/webview/sizingPanel.ts'],
    outfile: 'dist/sizingPanel.js',
  },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching client, server and CLI');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
