#!/usr/bin/env node
// Idempotent installer for the real-editor tests: Debian packages, then code-server 4.100.3 and
// playwright-core into test/e2e/node_modules (never into the extension's own dependencies).
// Recipe and pitfalls: /work/shared/EDITOR-TESTING.md. Usable as a script or imported (ensureInstalled).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CACHE = path.join(HERE, '.cache');
const STAMP = path.join(CACHE, 'install-stamp.json');
const CS = path.join(HERE, 'node_modules', 'code-server');
const VSCODE = path.join(CS, 'lib', 'vscode');

// Debian packages: chromium to drive, ripgrep to seed @vscode/ripgrep, the -dev libraries and a
// compiler for the native modules code-server builds (kerberos needs gssapi.h from libkrb5-dev).
const APT = [
  'chromium',
  'ripgrep',
  'libkrb5-dev',
  'libx11-dev',
  'libxkbfile-dev',
  'libsecret-1-dev',
  'pkg-config',
  'build-essential',
  'python3',
  'ca-certificates',
  'tar',
];

// npm 11 blocks dependency install scripts unless allow-listed. Our own package.json allowScripts covers
// code-server and argon2, but code-server's postinstall runs a nested `npm install` in lib/vscode,
// whose package.json we do not control, and npm refuses --allow-scripts / npm_config_allow_scripts in
// project installs. A project .npmrc in lib/vscode is the supported channel, so we install with
// --ignore-scripts, write that .npmrc, then `npm rebuild` to run the scripts. The Windows-only
// packages (windows-process-tree, windows-registry) are deliberately left out.
const VSCODE_ALLOW = [
  '@parcel/watcher@2.5.1',
  '@vscode/deviceid@0.1.1',
  '@vscode/ripgrep@1.15.11',
  '@vscode/spdlog@0.15.1',
  'kerberos@2.1.1',
  'native-watchdog@1.4.2',
  'node-pty@1.1.0-beta33',
];

// What must exist afterwards; npm skips blocked scripts silently, so we check instead of trusting it.
const MUST_EXIST = [
  'node_modules/playwright-core/package.json',
  'node_modules/argon2/lib/binding/napi-v3/argon2.node',
  'node_modules/code-server/lib/vscode/node_modules.asar',
  'node_modules/code-server/lib/vscode/extensions/node_modules',
  ...[
    'node-pty/build/Release/pty.node',
    'kerberos/build/Release/kerberos.node',
    '@vscode/spdlog/build/Release/spdlog.node',
    'native-watchdog/build/Release/watchdog.node',
    '@vscode/ripgrep/bin/rg',
  ].map((p) => `node_modules/code-server/lib/vscode/node_modules/${p}`),
];

const RG_VERSION = 'v13.0.0-10'; // what @vscode/ripgrep 1.15.11 downloads
const RG_PKG_VERSION = '1.15.11';

const log = (msg) => console.log(`[e2e install] ${msg}`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

function hasCommand(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function ensureApt() {
  if (!hasCommand('dpkg-query')) {
    log('not a Debian system: make sure chromium, ripgrep and native build tools are installed');
    return;
  }
  const missing = APT.filter((p) => !dpkgInstalled(p));
  if (!missing.length) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `missing Debian packages: ${missing.join(' ')}. As root run: ` +
        `apt-get update && apt-get install -y ${missing.join(' ')}`,
    );
  }
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
}

// @vscode/ripgrep's postinstall downloads rg from GitHub (unreachable here) unless its cache in
// os.tmpdir() already holds the tarball; Debian's rg is a drop-in.
function seedRipgrep(tmpdir) {
  const dir = path.join(tmpdir, `vscode-ripgrep-cache-${RG_PKG_VERSION}`);
  const tgz = path.join(dir, `ripgrep-${RG_VERSION}-x86_64-unknown-linux-musl.tar.gz`);
  if (fs.existsSync(tgz)) return;
  const rg = execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim();
  const stage = fs.mkdtempSync(path.join(tmpdir, 'rg-'));
  fs.copyFileSync(rg, path.join(stage, 'rg'));
  fs.chmodSync(path.join(stage, 'rg'), 0o755);
  fs.mkdirSync(dir, { recursive: true });
  run('tar', ['czf', tgz, '-C', stage, 'rg']);
  fs.rmSync(stage, { recursive: true, force: true });
}

function stampKey() {
  const h = createHash('sha256');
  for (const f of ['package.json', 'package-lock.json']) h.update(fs.readFileSync(path.join(HERE, f)));
  h.update(VSCODE_ALLOW.join(',')).update(process.version.split('.')[0]).update(os.arch());
  return h.digest('hex');
}

function missingFiles() {
  return MUST_EXIST.filter((p) => !fs.existsSync(path.join(HERE, p)));
}

function npmEnv(tmpdir) {
  const env = {
    ...process.env,
    TMPDIR: tmpdir,
    npm_config_unsafe_perm: 'true', // else code-server's postinstall refuses to run as root
    npm_config_yes: 'true', // else node-pty's postinstall `npx node-gyp` aborts with "npx canceled"
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  // node-gyp downloads Node headers from nodejs.org unless told where local ones are.
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  if (!env.npm_config_nodedir && fs.existsSync(path.join(prefix, 'include', 'node', 'node.h'))) {
    env.npm_config_nodedir = prefix;
  }
  return env;
}

export function ensureInstalled({ force = false } = {}) {
  const t0 = Date.now();
  ensureApt();
  const key = stampKey();
  let stamp = null;
  try {
    stamp = JSON.parse(fs.readFileSync(STAMP, 'utf8'));
  } catch {
    /* first install */
  }
  if (!force && stamp?.key === key && missingFiles().length === 0) {
    log('already installed (stamp matches)');
    return;
  }
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) throw new Error(`code-server 4.100.3 needs Node 20, this is ${process.version}`);

  fs.rmSync(STAMP, { force: true });
  const tmpdir = path.join(CACHE, 'tmp');
  fs.mkdirSync(tmpdir, { recursive: true });
  seedRipgrep(tmpdir);
  const env = npmEnv(tmpdir);
  log('npm ci --ignore-scripts (code-server, playwright-core)');
  run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: HERE, env });
  fs.writeFileSync(path.join(VSCODE, '.npmrc'), `allow-scripts=${VSCODE_ALLOW.join(',')}\n`);
  log('npm rebuild (argon2, code-server postinstall: builds node-pty, kerberos, spdlog, ...)');
  run('npm', ['rebuild', '--no-audit', '--no-fund'], { cwd: HERE, env });

  const missing = missingFiles();
  if (missing.length) throw new Error(`install finished but these are missing:\n  ${missing.join('\n  ')}`);
  // code-server must actually start; --version loads its entry point. XDG dirs keep it out of $HOME.
  const xdg = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-csver-'));
  try {
    const out = execFileSync(path.join(HERE, 'node_modules', '.bin', 'code-server'), ['--version'], {
      encoding: 'utf8',
      env: { ...process.env, XDG_CONFIG_HOME: xdg, XDG_DATA_HOME: xdg },
    });
    log(`code-server ${out.trim().split('\n').pop()}`);
  } finally {
    fs.rmSync(xdg, { recursive: true, force: true });
  }
  fs.writeFileSync(STAMP, JSON.stringify({ key, at: new Date().toISOString() }, null, 2));
  log(`installed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    ensureInstalled({ force: process.argv.includes('--force') });
  } catch (err) {
    console.error(`[e2e install] FAILED: ${err.message}`);
    process.exit(1);
  }
}
