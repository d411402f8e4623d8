/**
 * Images a build tool of the workspace builds and writes into the manifests it deploys:
 * skaffold's `build.artifacts[].image` (and those of its profiles). skaffold replaces
 * every image of that name in the manifests with the tag or digest it just built,
 * whatever tag the file holds, so the tag written there is not what runs.
 */
import { getMap, getSeq, getString, mapItems, rangeOf } from '../document/yamlNodes';
import type { KubeObject } from '../kubernetes/objects';
import { isSkaffoldConfig } from '../kubernetes/buildTools';
import { defineFactKind, factBase } from './factKind';
import type { Fact } from './factKind';

export interface BuildArtifactsFact extends Fact {
  tool: 'skaffold';
  /** Image names as the tool writes them (without tag). */
  images: string[];
}

export const buildArtifactFacts = defineFactKind<BuildArtifactsFact>('build-artifacts', (object) => {
  if (!isSkaffoldConfig(object.ref.apiVersion, object.ref.kind)) return [];
  const { doc } = object;
  const builds = [getMap(doc, object.root, 'build')];
  for (const profile of mapItems(doc, getSeq(doc, object.root, 'profiles'))) builds.push(getMap(doc, profile, 'build'));
  const images = builds.flatMap((build) => artifactImages(object, build));
  return images.length > 0 ? [{ ...factBase(object, rangeOf(object.root) ?? [0, 0]), tool: 'skaffold', images }] : [];
});

function artifactImages(object: KubeObject, build: ReturnType<typeof getMap>): string[] {
  return mapItems(object.doc, getSeq(object.doc, build, 'artifacts')).flatMap(
    (artifact) => getString(object.doc, artifact, 'image') ?? [],
  );
}
