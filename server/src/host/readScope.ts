/**
 * The folders a host reads below, for both hosts: the editor's workspace folders (and
 * the `crdPaths` folders the user configured), the CLI's working directory and the
 * paths it checks. A manifest never makes Kubewise read elsewhere: a kustomization's
 * `resources: [../../../../etc/passwd]`, or a symlink in the workspace that points out
 * of it, names a file that is not read, and the host says so rather than guessing.
 *
 * A path is in scope when it is under a root as written and, symlinks resolved, under
 * the root's real path: checking only the text lets a link out, checking only the real
 * path lets `..` walk out of a workspace opened through a symlink.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export class ReadScope {
  private readonly realRoots = new Map<string, string>();

  /** `roots` is asked on every check: the editor's folders change while it runs. */
  constructor(private readonly roots: () => readonly string[]) {}

  static of(roots: readonly string[]): ReadScope {
    const fixed = roots.map((root) => path.resolve(root));
    return new ReadScope(() => fixed);
  }

  /** Whether the host may read the file or folder at `target` (absolute, or relative to the process's folder). */
  allows(target: string): boolean {
    const resolved = path.resolve(target);
    const roots = this.roots().map((root) => path.resolve(root));
    if (!roots.some((root) => isAtOrUnder(resolved, root))) return false;
    const real = realPathOfNearest(resolved);
    return roots.some((root) => isAtOrUnder(real, this.realRootOf(root)));
  }

  private realRootOf(root: string): string {
    let real = this.realRoots.get(root);
    if (real === undefined) this.realRoots.set(root, (real = realPathOfNearest(root)));
    return real;
  }
}

/** `child` is `parent` or below it (a name such as `..data` is below, not above). */
export function isAtOrUnder(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/**
 * The real path of `target`, or, when it does not exist, the real path of its nearest
 * existing ancestor with the rest appended: a missing file below a symlinked folder
 * is judged by where the folder really is.
 */
function realPathOfNearest(target: string): string {
  const rest: string[] = [];
  let current = target;
  for (;;) {
    try {
      return path.join(fs.realpathSync(current), ...rest.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return target;
      rest.push(path.basename(current));
      current = parent;
    }
  }
}
