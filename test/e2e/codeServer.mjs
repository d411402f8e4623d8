// Helpers shared by test/e2e/run.mjs and scripts/start-editor.mjs: a throwaway code-server profile,
// VSIX install, start detached on 127.0.0.1, wait for /healthz, stop by killing the process group.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const CODE_SERVER = path.join(HERE, 'node_modules', '.bin', 'code-server');

// Keep the first-run UI (welcome page, trust prompt, walkthroughs) out of the way so it cannot steal
// focus from the editor under test; a short hover delay keeps hover polling quick. The Restricted Mode
// scenario turns trust back on (restrictedMode.mjs): seedSettings' extra wins.
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'editor.hover.delay': 100,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
};

/** A fresh profile under os.tmpdir(): user data, extensions and XDG dirs, so nothing lands in $HOME. */
export function makeProfile(prefix = 'kubewise-e2e-') {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const p = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    xdgConfig: path.join(root, 'xdg-config'),
    xdgData: path.join(root, 'xdg-data'),
    log: path.join(root, 'code-server.log'),
  };
  for (const d of [p.userData, p.extensions, p.xdgConfig, p.xdgData]) fs.mkdirSync(d, { recursive: true });
  return p;
}

export function seedSettings(profile, extra = {}) {
  const dir = path.join(profile.userData, 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ ...SETTINGS, ...extra }, null, 2));
}

function env(profile) {
  // XDG_* keep code-server from writing ~/.config/code-server and ~/.local/share/code-server.
  return { ...process.env, XDG_CONFIG_HOME: profile.xdgConfig, XDG_DATA_HOME: profile.xdgData };
}

function baseArgs(profile) {
  return ['--user-data-dir', profile.userData, '--extensions-dir', profile.extensions];
}

export function installVsix(profile, vsix) {
  const r = spawnSync(CODE_SERVER, [...baseArgs(profile), '--install-extension', vsix, '--force'], {
    env: env(profile),
    encoding: 'utf8',
    timeout: 120_000,
  });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0 || !/successfully installed/i.test(out)) {
    throw new Error(`installing ${vsix} into code-server failed (exit ${r.status}):\n${out}`);
  }
  return out.trim();
}

/** Ask the OS for a free port; a race with another process is possible but harmless in practice. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

async function healthy(url) {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
    return res.status === 200;
  } catch {
    return false;
  }
}

/**
 * Start code-server detached (its own process group, so stop() can take the extension host and the
 * language server down with it) and resolve once /healthz answers 200. workspaceTrust: true leaves
 * VS Code's workspace trust on (the profile's settings must enable it too).
 * Returns { url, port, pid, folderUrl, stop }.
 */
export async function startCodeServer(
  profile,
  { port, folder, timeoutMs = 60_000, inheritStdio = false, workspaceTrust = false },
) {
  const args = [
    ...baseArgs(profile),
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  if (folder) args.push(folder);
  const logFd = fs.openSync(profile.log, 'a');
  const child = spawn(CODE_SERVER, args, {
    env: env(profile),
    detached: true,
    stdio: inheritStdio ? ['ignore', 'inherit', 'inherit'] : ['ignore', logFd, logFd],
  });
  fs.closeSync(logFd);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => killGroup(child.pid);
  const deadline = Date.now() + timeoutMs;
  while (!(await healthy(url))) {
    if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}); log: ${profile.log}`);
    if (Date.now() > deadline) {
      stop();
      throw new Error(`code-server not healthy after ${timeoutMs} ms; log: ${profile.log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const folderUrl = folder ? `${url}/?folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}` : url;
  return { url, port, pid: child.pid, child, folderUrl, stop };
}

/**
 * SIGTERM the whole process group, then SIGKILL whatever is left (the extension host outlives a plain
 * SIGTERM). Synchronous so it also works from 'exit' handlers.
 */
export function killGroup(pid) {
  if (!pid) return;
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  const until = Date.now() + 3000;
  const nap = new Int32Array(new SharedArrayBuffer(4));
  while (alive() && Date.now() < until) Atomics.wait(nap, 0, 0, 100);
  if (alive()) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

export function removeProfile(profile) {
  fs.rmSync(profile.root, { recursive: true, force: true });
}
