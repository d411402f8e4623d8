/**
 * The one-container Pod the probe rule tables build their inline cases on: `lines` are
 * the container's further fields (probes, ports), indented six spaces.
 */
export const appPod = (lines: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: fire\nspec:\n  containers:\n    - name: app\n      image: registry.example.com/app:1.0.0\n${lines}`;
