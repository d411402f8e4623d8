import * as path from 'node:path';
// KustomizeInputs for rule tables: what a host would find on disk for each entry, written as data.
import type { InputObject, KustomizeRole, ResolvedPath } from '../../server/src/service/kustomize/inputs';

type Written = 'missing' | 'unknown' | readonly (Partial<InputObject> & { kind: string; name: string })[];

/** `{ 'deployment.yaml': [{ kind: 'Deployment', name: 'web', images: ['nginx'] }], 'gone.yaml': 'missing' }`. */
export function kustomizationRole(entries: Readonly<Record<string, Written>>): KustomizeRole {
  const paths = new Map<string, ResolvedPath>();
  for (const [written, value] of Object.entries(entries)) {
    if (value === 'missing' || value === 'unknown') {
      paths.set(written, { status: value });
      continue;
    }
    const objects = value.map((object) => ({ apiVersion: 'apps/v1', images: [], ...object }));
    const folder = !/\.(ya?ml|json)$/.test(written);
    paths.set(written, { status: folder ? 'directory' : 'file', objects, key: path.posix.resolve('/work/overlay', written) });
  }
  return { named: true, inputs: { paths } };
}
