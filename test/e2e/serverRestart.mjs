// The client's promise: if the language server dies it is restarted, and the user hears about it
// once per session, not once per crash. Checked by killing the real server process twice.
import fs from 'node:fs';
import * as ui from './ui.mjs';

export const RESTART_NOTICE = 'stopped unexpectedly and was restarted';

/** PIDs of Kubewise servers started from this profile's extensions folder (read from /proc: no procps needed). */
export function serverPids(profile) {
  const pids = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline;
    try {
      cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue; // the process ended while we looked
    }
    if (cmdline.includes(profile.extensions) && cmdline.includes('dist/server.js')) pids.push(Number(entry));
  }
  return pids;
}

/**
 * How many times a Kubewise server of this profile has finished starting: each start logs, in
 * the Kubewise output (kept in the profile's logs folder), the manifests it indexed.
 */
export function serverStarts(profile) {
  let starts = 0;
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(file);
      else if (entry.name === 'Kubewise.log') {
        // One "indexed" line per walk: the first after each start counts (a walk again later repeats it).
        const text = fs.readFileSync(file, 'utf8');
        starts += text
          .split(/ starting in VS Code | stopped; restarting it\./)
          .slice(1)
          .filter((part) => / manifests? indexed /.test(part)).length;
      }
    }
  };
  const logs = `${profile.userData}/logs`;
  if (fs.existsSync(logs)) walk(logs);
  return starts;
}

export async function crashTwiceAndRecover(page, profile, livenessRow) {
  for (let crash = 1; crash <= 2; crash++) {
    // A server killed while it starts is a failed start, not a crash: wait until this one has started.
    await ui.poll(() => serverStarts(profile) >= crash, {
      what: `the Kubewise server started ${crash} time(s) (its output lists the manifests indexed)`,
      describe: () => serverStarts(profile),
    });
    const [pid] = await ui.poll(
      () => {
        const pids = serverPids(profile);
        return pids.length === 1 ? pids : false;
      },
      { what: 'exactly one running Kubewise server', describe: () => serverPids(profile) },
    );
    process.kill(pid, 'SIGKILL');
    await ui.poll(
      () => {
        const pids = serverPids(profile);
        return pids.length === 1 && pids[0] !== pid;
      },
      { what: `a new server process after crash ${crash}`, describe: () => serverPids(profile) },
    );
    // The client drops a dead server's diagnostics, so the row coming back means the new server serves.
    await ui.showProblems(page);
    await ui.poll(async () => (await ui.problemRows(page)).some(livenessRow), {
      what: `the livenessProbe row, published by the server restarted after crash ${crash}`,
      describe: () => ui.problemRows(page),
    });
  }
  const { notifications } = await ui.screenState(page);
  const notices = notifications.filter((text) => text.includes(RESTART_NOTICE));
  if (notices.length !== 1)
    throw new Error(`expected the user to be told once, saw ${notices.length}: ${notifications.join(' | ')}`);
  const noise = notifications.filter((text) => !text.includes(RESTART_NOTICE));
  if (noise.length > 0) throw new Error(`unexpected notifications besides the restart notice: ${noise.join(' | ')}`);
}
