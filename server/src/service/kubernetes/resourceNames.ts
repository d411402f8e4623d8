/**
 * Facts about resource names, after Kubernetes' core helpers.
 */

/**
 * IsOvercommitAllowed: native resources (no domain, or a kubernetes.io one) other than
 * hugepages. Extended resources such as `nvidia.com/gpu`, and hugepages, cannot be
 * overcommitted: their request must equal their limit.
 */
export function isOvercommitAllowed(name: string): boolean {
  const native = !name.includes('/') || name.includes('kubernetes.io/');
  return native && !name.startsWith('hugepages-');
}
