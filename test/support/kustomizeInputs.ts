// KustomizeInputs for rule tables: written as data (what a host would find on disk for each
// entry), or resolved by the host's own code against a rule's fixture folder, which holds
// the files its fixtures name (its fixtures are read as that folder's kustomization.yaml).
import * as path from 'node:path';
import type { InputObject, KustomizeRole, ResolvedPath } from '../../server/src/service/kustomize/inputs';
import { inputsOf } from '../../server/src/host/kustomizeIndex';
import { ReadScope } from '../../server/src/host/readScope';
import { ruleMeta } from '../../server/src/service/rules/registry';
import type { CheckOptions } from '../../server/src/service/engine/checkFile';

/** Fixtures name files of the repository only: the scope a host would give a checkout. */
const REPOSITORY = path.resolve(__dirname, '../../..');

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

/** For a rule on kustomization files: a fixture's code as the kustomization.yaml of its rule's fixture folder. */
export function fixtureCheckOptions(ruleId: string, dir: string, code: string): Pick<CheckOptions, 'kustomize'> {
  if (ruleMeta(ruleId)?.scope !== 'kustomization') return {};
  return { kustomize: { named: true, inputs: inputsOf(path.join(dir, 'kustomization.yaml'), ReadScope.of([REPOSITORY]), code) } };
}
