/**
 * Preloaded into the language server (`node --require <this file> dist/server.js`) by
 * test/protocol/noNetworkNoExec.test.ts: every way Node has to run a program or open a
 * network connection is replaced by one that writes `TRAPPED <what>` to stderr and
 * throws, and, when KUBEWISE_TRAP_PATH is set, every fs call whose path argument lies
 * under it is reported the same way (and allowed: a read the test did not expect must
 * show in the report, not crash the server and hide among its failures).
 *
 * The server uses its stdio transport, whose streams Node builds before this runs, so
 * nothing legitimate is caught.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- the modules themselves must be patched, not the copies `import * as` makes */
const childProcess = require('node:child_process') as typeof import('node:child_process');
const dgram = require('node:dgram') as typeof import('node:dgram');
const dns = require('node:dns') as typeof import('node:dns');
const fs = require('node:fs') as typeof import('node:fs');
const http = require('node:http') as typeof import('node:http');
const http2 = require('node:http2') as typeof import('node:http2');
const https = require('node:https') as typeof import('node:https');
const net = require('node:net') as typeof import('node:net');
const path = require('node:path') as typeof import('node:path');
const tls = require('node:tls') as typeof import('node:tls');
/* eslint-enable @typescript-eslint/no-require-imports */

export const TRAPPED = 'TRAPPED';

function report(what: string): void {
  process.stderr.write(`${TRAPPED} ${what}\n`);
}

/** Replaces `module[name]` (a function) by one that reports and throws. */
function forbid(module: object, moduleName: string, names: readonly string[]): void {
  for (const name of names) {
    if (typeof (module as Record<string, unknown>)[name] !== 'function') continue;
    Object.defineProperty(module, name, {
      configurable: true,
      writable: true,
      value: () => {
        report(`${moduleName}.${name}`);
        throw new Error(`${moduleName}.${name} is forbidden in the Kubewise server`);
      },
    });
  }
}

forbid(childProcess, 'child_process', ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']);
forbid(net, 'net', ['connect', 'createConnection', 'createServer']);
forbid(net.Socket.prototype, 'net.Socket', ['connect']);
forbid(tls, 'tls', ['connect', 'createServer']);
forbid(http, 'http', ['request', 'get', 'createServer']);
forbid(https, 'https', ['request', 'get', 'createServer']);
forbid(http2, 'http2', ['connect', 'createServer', 'createSecureServer']);
forbid(dgram, 'dgram', ['createSocket']);
forbid(dns, 'dns', ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']);
forbid(dns.promises, 'dns.promises', ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']);
if (typeof globalThis.fetch === 'function') forbid(globalThis, 'globalThis', ['fetch']);

const trapPath = process.env.KUBEWISE_TRAP_PATH;
if (trapPath) {
  const under = (value: unknown): boolean => {
    const text = value instanceof URL ? value.pathname : typeof value === 'string' ? value : undefined;
    if (text === undefined) return false;
    const relative = path.relative(trapPath, path.resolve(text));
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  };
  const watch = (module: object, moduleName: string, names: readonly string[]): void => {
    for (const name of names) {
      const original = (module as Record<string, unknown>)[name];
      if (typeof original !== 'function') continue;
      Object.defineProperty(module, name, {
        configurable: true,
        writable: true,
        // Its own properties too: `fs.realpathSync.native`.
        value: Object.assign(function (this: unknown, ...args: unknown[]) {
          if (under(args[0])) report(`${moduleName}.${name} ${String(args[0])}`);
          return (original as (...a: unknown[]) => unknown).apply(this, args);
        }, original),
      });
    }
  };
  const fsNames = ['readFile', 'stat', 'lstat', 'open', 'readdir', 'realpath', 'access', 'opendir'];
  watch(fs, 'fs', [...fsNames, ...fsNames.map((name) => `${name}Sync`), 'existsSync', 'createReadStream']);
  watch(fs.promises, 'fs.promises', fsNames);
}
