/**
 * The peer linters a rule's `equivalents` name, as `tool:check`. One table for the
 * hover, the generated docs and the registry test, so the names cannot drift apart.
 */

export const PEER_TOOLS: Readonly<Record<string, string>> = {
  'kube-linter': 'kube-linter (StackRox)',
  'kube-score': 'kube-score',
  polaris: 'Polaris (Fairwinds)',
  checkov: 'Checkov (Bridgecrew)',
  trivy: 'Trivy (Aqua Security)',
  pint: 'pint (Cloudflare)',
};

export interface PeerCheck {
  tool: string;
  toolName: string;
  check: string;
}

export function parseEquivalent(equivalent: string): PeerCheck {
  const at = equivalent.indexOf(':');
  const tool = at === -1 ? equivalent : equivalent.slice(0, at);
  return { tool, toolName: PEER_TOOLS[tool] ?? tool, check: at === -1 ? '' : equivalent.slice(at + 1) };
}
