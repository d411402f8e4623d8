/**
 * API versions Kubernetes no longer serves (schemas/kubernetes-removed-apis.json, from the
 * official Deprecated API Migration Guide): the release that removed each, what to use
 * instead, and what else must change in the manifest. An object on a removed API is
 * rejected by every current cluster, so nothing else may count it either: rules across
 * files skip it (engine/lintChunk.ts extracts no facts from it).
 */
import generated from '../../../../schemas/kubernetes-removed-apis.json';
import type { ObjectRef } from '../core/types';

export interface RemovedApi {
  apiVersion: string;
  kind: string;
  /** The Kubernetes minor release that stopped serving it (`1.16`). */
  removedIn: string;
  /** What the guide says to use: an apiVersion, or a sentence when nothing replaces it. */
  useInstead: string;
  /** The apiVersion serving the same kind today, when there is one. */
  replacement?: string;
  /** What else changes when moving to the replacement; '' when only the apiVersion does. */
  whatElseChanges: string;
}

const byKey = new Map<string, RemovedApi>();
for (const entry of (generated as { removed: RemovedApi[] }).removed) byKey.set(`${entry.apiVersion}/${entry.kind}`, entry);

export function removedApi(ref: Pick<ObjectRef, 'apiVersion' | 'kind'>): RemovedApi | undefined {
  return byKey.get(`${ref.apiVersion}/${ref.kind}`);
}

/** Whether the object's apiVersion and kind are no longer served by any current cluster. */
export function isOnRemovedApi(ref: Pick<ObjectRef, 'apiVersion' | 'kind'>): boolean {
  return byKey.has(`${ref.apiVersion}/${ref.kind}`);
}
