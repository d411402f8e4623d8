/**
 * The Kubewise version, for the CLI and the language server alike. The bundles have it
 * from package.json at build time (esbuild's `define` in scripts/bundle.mjs), so
 * dist/cli.js and dist/server.js need no package.json beside them (the npm package
 * ships them without the extension's manifest). The tsc build under out/, which the
 * unit tests run, has no define; it reads package.json at run time instead. A JSON
 * import would need package.json inside the server project's `include`; walking up
 * from this file finds it from out/server/src/host/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Replaced by a string literal in the bundles; not defined at all in the tsc build. */
declare const KUBEWISE_VERSION: string | undefined;

const PACKAGE_NAME = 'kubewise';

let cachedVersion: string | undefined;

export function kubewiseVersion(): string {
  // typeof, not a plain read: an undeclared global throws in the tsc build.
  if (typeof KUBEWISE_VERSION === 'string') return KUBEWISE_VERSION;
  cachedVersion ??= findVersion(__dirname);
  return cachedVersion;
}

function findVersion(startDirectory: string): string {
  let directory = startDirectory;
  for (;;) {
    const version = readPackageVersion(path.join(directory, 'package.json'));
    if (version !== undefined) return version;
    const parent = path.dirname(directory);
    if (parent === directory) return '0.0.0-unknown';
    directory = parent;
  }
}

function readPackageVersion(file: string): string | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
    // Another package.json on the way up (a test fixture, a parent monorepo) is not ours.
    return parsed.name === PACKAGE_NAME && typeof parsed.version === 'string' ? parsed.version : undefined;
  } catch {
    return undefined;
  }
}
