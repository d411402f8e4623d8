#!/usr/bin/env node
// `npm start`: run the product. Installs code-server (test/e2e/install.mjs), builds and packages
// kubewise.vsix when it is missing or older than dist/, installs it into a throwaway code-server
// profile and serves VS Code with the repo's examples/ folder until Ctrl+C. PORT overrides 8080.
// Linux only (it relies on process groups and Debian's packages, as the editor tests do).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInstalled } from '../test/e2e/install.mjs';
import * as cs from '../test/e2e/codeServer.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// KUBEWISE_VSIX=<path> serves a given VSIX as is (no build), like test/e2e/run.mjs.
const VSIX = path.resolve(process.env.KUBEWISE_VSIX || path.join(ROOT, 'kubewise.vsix'));
const DIST = path.join(ROOT, 'dist');
const EXAMPLES = path.join(ROOT, 'examples');
const PORT = Number(process.env.PORT || 8080);

function newestMtime(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) newest = Math.max(newest, fs.statSync(path.join(e.parentPath ?? e.path, e.name)).mtimeMs);
  }
  return newest;
}

function npmRun(script) {
  console.log(`> npm run ${script}`);
  const r = spawnSync('npm', ['run', script], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`npm run ${script} failed (exit ${r.status ?? r.signal})`);
}

function ensureVsix() {
  const vsixTime = fs.existsSync(VSIX) ? fs.statSync(VSIX).mtimeMs : 0;
  const distTime = fs.existsSync(DIST) ? newestMtime(DIST) : Infinity;
  if (vsixTime && vsixTime >= distTime) return;
  console.log(vsixTime ? 'kubewise.vsix is older than dist/: rebuilding' : 'no kubewise.vsix yet: building');
  npmRun('build');
  npmRun('package');
  if (!fs.existsSync(VSIX)) throw new Error(`npm run package did not produce ${VSIX}`);
}

async function main() {
  if (!Number.isInteger(PORT) || PORT < 1 || PORT > 65535) throw new Error(`PORT=${process.env.PORT} is not a port`);
  if (!fs.existsSync(EXAMPLES)) throw new Error(`${EXAMPLES} does not exist`);
  ensureInstalled();
  if (process.env.KUBEWISE_VSIX) {
    if (!fs.existsSync(VSIX)) throw new Error(`KUBEWISE_VSIX=${VSIX} does not exist`);
  } else {
    ensureVsix();
  }
  if (!(await cs.portIsFree(PORT))) {
    throw new Error(`127.0.0.1:${PORT} is already in use; pick another with PORT=<port> npm start`);
  }

  const profile = cs.makeProfile('kubewise-editor-');
  let server = null;
  let stopping = false;
  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    if (server) cs.killGroup(server.pid);
    cs.removeProfile(profile);
    process.exit(code);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.on(sig, () => {
      console.log('\nstopping');
      stop(0);
    });
  // Last resort if we die some other way: never leave code-server and its extension host behind.
  process.on('exit', () => {
    if (server && !stopping) cs.killGroup(server.pid);
  });

  try {
    cs.seedSettings(profile);
    cs.installVsix(profile, VSIX);
    server = await cs.startCodeServer(profile, { port: PORT, folder: EXAMPLES });
  } catch (err) {
    cs.removeProfile(profile);
    throw err;
  }
  server.child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`code-server exited (${signal ?? code}); log: ${profile.log}`);
    server = null;
    stop(1);
  });
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/e2e/package.json'), 'utf8')).dependencies['code-server'];
  console.log(`\nKubewise is running in VS Code (code-server ${version}) with examples/ open:\n`);
  console.log(`  ${server.folderUrl}\n`);
  console.log(`code-server log: ${profile.log}`);
  console.log('Press Ctrl+C to stop.');
}

main().catch((err) => {
  console.error(`start-editor: ${err.message}`);
  process.exit(1);
});
