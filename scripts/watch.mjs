// `npm run watch`: tsc type-checks (and builds out/ for the tests) while esbuild
// rebundles dist/, both on every save and in one terminal. esbuild alone would bundle
// code that does not type-check without a word. Either one ending ends the other, and
// a signal to this script reaches both, so no watcher is left behind.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

// --pretty false: the plain "file(line,col): error" form the $tsc-watch problem matcher
// of .vscode/tasks.json reads, whatever the terminal.
const commands = [
  [tsc, '-b', '--watch', '--preserveWatchOutput', '--pretty', 'false'],
  ['scripts/bundle.mjs', '--watch'],
];
const children = commands.map((args) => spawn(process.execPath, args, { cwd: root, stdio: 'inherit' }));

let stopping = false;
function stopAll(signal) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}

for (const child of children) {
  child.on('exit', (code) => {
    // The first to end sets the exit code; the others end because they were told to.
    if (!stopping) process.exitCode = code ?? 1;
    stopAll('SIGTERM');
  });
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    process.exitCode = 128 + os.constants.signals[signal];
    stopAll(signal);
  });
}
