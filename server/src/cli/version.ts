/**
 * The Kubewise version, read from package.json at run time. A JSON import would need
 * package.json inside the server project's `include`; walking up from this file
 * instead finds it both from out/server/src/cli/ (tsc) and from dist/ (the bundle).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const PACKAGE_NAME = 'kubewise';

let cachedVersion: string | undefined;

export function kubewiseVersion(): string {
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
