#!/usr/bin/env node
/**
 * Entry of the bundled server, and the `kubewise-language-server` bin of the npm
 * package: the transport (`--stdio`, `--node-ipc`, `--socket=<port>`, `--pipe=<name>`)
 * comes from the command line. VS Code starts it over IPC; other editors over stdio.
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { kubewiseVersion } from '../host/version';
import { collectAfterPublishing } from './memory';
import { startServer } from './server';
import { warmAfterFirstPublish } from './warmUp';

const USAGE = `Usage: kubewise-language-server --stdio

The Kubewise language server. Editors start it with one transport:
  --stdio            JSON-RPC over standard input and output (Neovim, Helix, Emacs, Zed)
  --node-ipc         Node IPC (VS Code)
  --socket=<port>    a TCP socket
  --pipe=<name>      a named pipe
  --version          Show the Kubewise version
`;

const args = process.argv.slice(2);
const TRANSPORT = /^--(stdio|node-ipc|socket|pipe)(=.+)?$/;
if (args.includes('--version')) {
  process.stdout.write(`${kubewiseVersion()}\n`);
} else if (args.includes('--help') || args.includes('-h') || !args.some((arg) => TRANSPORT.test(arg))) {
  // Without a transport the LSP library throws a stack trace; a person at a terminal gets the usage.
  const asked = args.includes('--help') || args.includes('-h');
  (asked ? process.stdout : process.stderr).write(USAGE);
  process.exitCode = asked ? 0 : 2;
} else {
  const connection = createConnection(ProposedFeatures.all);
  process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${String(reason)}`));
  collectAfterPublishing(connection);
  warmAfterFirstPublish(connection);
  startServer(connection);
}
