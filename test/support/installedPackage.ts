/**
 * The `kubewise` npm package as a user gets it: `scripts/pack-npm.mjs --pack` (after
 * the bundle), then `npm install <tarball>` into an empty folder, offline (the tarball
 * has no dependencies) and with a throwaway npm cache, so tests touch neither the
 * network nor the user's cache.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

export interface InstalledPackage {
  /** The folder the package was installed into (it has node_modules/.bin). */
  folder: string;
  tarball: string;
  /** The path of an installed bin, e.g. `kubewise`. */
  bin(name: string): string;
  /** PATH with the installed bins first. */
  path: string;
  remove(): void;
}

export function installPackedKubewise(): InstalledPackage {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-npm-'));
  const packOutput = execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'pack-npm.mjs'), '--pack', scratch], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  const tarball = packOutput.trim().split('\n').at(-1) ?? '';
  const folder = path.join(scratch, 'project');
  fs.mkdirSync(folder);
  execFileSync(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', '--cache', path.join(scratch, 'npm-cache'), tarball],
    { cwd: folder, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const binDir = path.join(folder, 'node_modules', '.bin');
  return {
    folder,
    tarball,
    bin: (name) => path.join(binDir, name),
    path: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`,
    remove: () => fs.rmSync(scratch, { recursive: true, force: true }),
  };
}
