/**
 * Hover over a finding teaches: what the rule wants, why it matters in production,
 * and how to fix it, with a link to the full page. Plain markdown; the LSP glue wraps it.
 */
import { parseEquivalent } from '../core/peerTools';
import { hoverForImage } from './imageHover';
import { hoverForQuantity } from './quantityHover';
import { hoverForCni } from './cniHover';
import type { CniHoverContext } from './cniHover';
import { hoverForAwsCni } from './awsCniHover';
import { ruleMeta } from '../rules/registry';
import type { Finding, Position, Range } from '../core/types';
import type { HoverResult } from './hoverResult';

export type { HoverResult } from './hoverResult';

/** What some hovers need beyond the text: the file's path (a CNI config's name) and the other files' facts. */
export type HoverContext = CniHoverContext;

/**
 * Everything a hover at `position` can say: the findings there first (they are what
 * needs attention), then what the value under the cursor means.
 */
export function hoverAt(
  text: string,
  languageId: 'yaml' | 'json',
  findings: readonly Finding[],
  position: Position,
  context: HoverContext = {},
): HoverResult | undefined {
  const forFindings = hoverForFindings(findings, position);
  const forValue =
    hoverForQuantity(text, languageId, position) ??
    hoverForImage(text, languageId, position) ??
    hoverForAwsCni(text, languageId, position) ??
    hoverForCni(text, languageId, position, context);
  if (!forFindings || !forValue) return forFindings ?? forValue;
  return { markdown: `${forFindings.markdown}\n\n---\n\n${forValue.markdown}`, range: forFindings.range };
}

export function hoverForFindings(findings: readonly Finding[], position: Position): HoverResult | undefined {
  const here = findings.filter((finding) => contains(finding.range, position));
  if (here.length === 0) return undefined;
  const seen = new Set<string>();
  const sections: string[] = [];
  for (const finding of here) {
    if (seen.has(finding.ruleId)) continue;
    seen.add(finding.ruleId);
    const meta = ruleMeta(finding.ruleId);
    if (!meta) continue;
    const docsCommand = `command:kubewise.showRuleDocs?${encodeURIComponent(JSON.stringify([meta.id]))}`;
    const lines = [
      `**${meta.id}** · ${meta.description}`,
      '',
      `**Why it matters.** ${meta.why}`,
      '',
      `**How to fix.** ${meta.remediation}`,
      '',
      `[Rule documentation](${docsCommand}) · [online](${meta.docsUrl})`,
    ];
    if (meta.equivalents.length > 0) lines.push('', `Same as: ${meta.equivalents.map(describeEquivalent).join(', ')}`);
    sections.push(lines.join('\n'));
  }
  if (sections.length === 0) return undefined;
  const first = here[0] as Finding;
  return { markdown: sections.join('\n\n---\n\n'), range: first.range };
}

function describeEquivalent(equivalent: string): string {
  const peer = parseEquivalent(equivalent);
  return `${peer.toolName} \`${peer.check}\``;
}

export function contains(range: Range, position: Position): boolean {
  const { start, end } = range;
  if (position.line < start.line || position.line > end.line) return false;
  if (position.line === start.line && position.character < start.character) return false;
  if (position.line === end.line && position.character > end.character) return false;
  return true;
}
