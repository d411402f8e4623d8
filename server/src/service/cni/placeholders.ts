/**
 * Install-time placeholders: installers ship CNI configs with `__CNI_MTU__`,
 * `__KUBECONFIG_FILEPATH__` or `__VETHPREFIX__` in them and substitute the node's values
 * before writing /etc/cni/net.d. A value holding one is not judged: its type and its
 * content are only known once installed.
 */
import { PLACEHOLDER } from '../document/jsonSyntax';

export function holdsPlaceholder(value: unknown): boolean {
  if (typeof value !== 'string' || !value.includes('__')) return false;
  PLACEHOLDER.lastIndex = 0;
  return PLACEHOLDER.test(value);
}
