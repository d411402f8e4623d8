/**
 * Hover over a finding teaches: what the rule wants, why it matters in production,
 * and how to fix it, with a link to the full page. Plain markdown; the LSP glue wraps it.
 */
import { parseEquivalent } from '../core/peerTools';
import type { HoverLimits } from './documentAt';
import { hoverForField } from './explainHover';
import { hoverForImage } from './imageHover';
import { hoverForQuantity } from './quantityHover';
import { hoverForCni } from './cniHover';
import { hoverForAwsCni } from './awsCniHover';
import { hoverForLabel } from './labelHover';
import { hoverForMonitor } from './monitorHover';
import { hoverForKustomizePath } from './kustomizeHover';
import type { HoverContext } from './workspaceFacts';
import { workspaceSchemas } from './workspaceSchemas';
import { ruleMeta } from '../rules/registry';
import type { Finding, Position, Range } from '../core/types';
import type { HoverResult } from './hoverResult';

export type { HoverResult } from './hoverResult';
export type { HoverContext } from './workspaceFacts';

/**
 * Everything a hover at `position` can say, in the order a reader needs it: one line per
 * finding there (what is wrong), then what the value under the cursor means (a quantity
 * in words, how an image is pinned, the series a label multiplies), then for each finding
 * why it matters and how to fix it, short, with the peers' equivalent checks on one line.
 * `context` brings the workspace's facts and the rule options, for estimates across files.
 */
export function hoverAt(
  text: string,
  languageId: 'yaml' | 'json',
  findings: readonly Finding[],
  position: Position,
  limits: HoverLimits = {},
  context?: HoverContext,
): HoverResult | undefined {
  // CNI before the field explanation: inside a NetworkAttachmentDefinition's spec.config the
  // CNI key under the cursor says more than what `config` is.
  const forValue =
    hoverForKustomizePath(text, languageId, position, limits, context?.kustomize) ??
    hoverForQuantity(text, languageId, position, limits) ??
    hoverForImage(text, languageId, position, limits) ??
    hoverForLabel(text, languageId, position, context) ??
    hoverForMonitor(text, languageId, position, context) ??
    hoverForAwsCni(text, languageId, position, limits) ??
    hoverForCni(text, languageId, position, limits, context) ??
    hoverForField(text, languageId, position, workspaceSchemas(text, languageId, context));
  const here = findingsAt(findings, position);
  if (here.length === 0) return forValue;
  const parts = [summaryLines(here)];
  if (forValue) parts.push(forValue.markdown);
  parts.push(lessonLines(here));
  return { markdown: parts.join('\n\n---\n\n'), range: (here[0] as Finding).range };
}

/** The findings whose range holds the position, one per rule, with known meta. */
function findingsAt(findings: readonly Finding[], position: Position): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    if (!contains(finding.range, position) || seen.has(finding.ruleId) || !ruleMeta(finding.ruleId)) return false;
    seen.add(finding.ruleId);
    return true;
  });
}

function summaryLines(here: readonly Finding[]): string {
  return here.map((finding) => `**${finding.ruleId}** (${finding.severity}): ${finding.message}`).join('  \n');
}

/** Why and how for each finding: the lesson kept to a paragraph, the links and peers on one line. */
function lessonLines(here: readonly Finding[]): string {
  return here
    .map((finding) => {
      const meta = ruleMeta(finding.ruleId)!;
      const docsCommand = `command:kubewise.showRuleDocs?${encodeURIComponent(JSON.stringify([meta.id]))}`;
      const links = [`[Rule documentation](${docsCommand})`, `[online](${meta.docsUrl})`];
      if (meta.equivalents.length > 0) links.push(`same as ${meta.equivalents.map(describeEquivalent).join(', ')}`);
      return [
        `**${meta.id}** · **Why it matters.** ${meta.why}`,
        '',
        `**How to fix.** ${meta.remediation}`,
        '',
        links.join(' · '),
      ].join('\n');
    })
    .join('\n\n');
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
