/**
 * Go to definition, find references and CodeLens along the links of the workspace index:
 * from a reference (a selector, a backend, a `configMapRef`) to the objects it names, and
 * from an object's name back to everything that names it.
 */
import type { Position, Range } from '../core/types';
import { objectFacts } from '../facts/objects';
import type { ObjectFact } from '../facts/objects';
import { serviceFacts } from '../facts/services';
import { workloadFacts } from '../facts/workloads';
import { contains, placeOf } from './workspaceIndex';
import type { Located, Place, WorkspaceIndex } from './workspaceIndex';

/** The objects the reference under the cursor names (their `name:`). */
export function definitionAt(index: WorkspaceIndex, path: string, position: Position): Place[] {
  return index
    .links()
    .filter((link) => link.from.path === path && contains(link.from.range, position))
    .map((link) => placeOf(link.to));
}

/** The object whose name is under the cursor. */
export function objectAt(index: WorkspaceIndex, path: string, position: Position): Located<ObjectFact> | undefined {
  return index.of(objectFacts).find((o) => o.path === path && contains(placeOf(o).range, position));
}

/** Everything that names the object under the cursor, its own name first when asked. */
export function referencesAt(index: WorkspaceIndex, path: string, position: Position, includeDeclaration: boolean): Place[] {
  const object = objectAt(index, path, position);
  if (!object) return [];
  const places = index
    .links()
    .filter((link) => sameObject(link.to, object))
    .map((link) => link.from);
  return includeDeclaration ? [placeOf(object), ...places] : places;
}

export interface Lens {
  range: Range;
  title: string;
  /** Where clicking goes (the LSP layer shows them as references). */
  places: Place[];
}

/** "selects 2 Deployments" above each Service; "selected by 1 Service" above each workload. */
export function codeLenses(index: WorkspaceIndex, path: string): Lens[] {
  const lenses: Lens[] = [];
  const byServices = index.links().filter((link) => link.relation === 'selects' && link.source.object.kind === 'Service');
  for (const service of index.of(serviceFacts)) {
    if (service.path !== path || !service.fact.selector || !service.fact.selectorAt) continue;
    const targets = byServices.filter((link) => link.source === service.fact).map((link) => link.to);
    lenses.push({
      range: placeOf(service).range,
      title: `selects ${countByKind(targets.map((t) => t.fact.kind))}`,
      places: targets.map((t) => placeOf(t)),
    });
  }
  const seen = new Set<ObjectFact>();
  for (const workload of index.of(workloadFacts)) {
    const object = workload.path === path ? index.objectOf(workload) : undefined;
    if (!object || seen.has(object.fact)) continue;
    seen.add(object.fact);
    const by = byServices.filter((link) => sameObject(link.to, object));
    lenses.push({
      range: placeOf(object).range,
      title: `selected by ${by.length} Service${by.length === 1 ? '' : 's'}`,
      places: by.map((l) => l.from),
    });
  }
  return lenses;
}

function countByKind(kinds: readonly string[]): string {
  if (kinds.length === 0) return 'no pods in the workspace';
  const counts = new Map<string, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : 's'}`).join(', ');
}

function sameObject(a: Located<ObjectFact>, b: Located<ObjectFact>): boolean {
  return (
    a.fact === b.fact ||
    (a.path === b.path && a.locate === b.locate && a.fact.kind === b.fact.kind && a.fact.name === b.fact.name)
  );
}
