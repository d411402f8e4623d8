/**
 * Configuration files of build and deploy tools that share the Kubernetes shape
 * (apiVersion, kind) but are read by the tool, never applied to a cluster.
 */

/** skaffold.yaml: `apiVersion: skaffold/v4beta11`, `kind: Config`. */
export function isSkaffoldConfig(apiVersion: string, kind: string): boolean {
  return apiVersion.startsWith('skaffold/') && kind === 'Config';
}
