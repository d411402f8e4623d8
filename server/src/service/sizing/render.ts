/**
 * A report as plain text (the CLI), Markdown ("Copy as Markdown", `--format markdown`) and
 * a YAML comment ("Insert as YAML comment": the estimate stays next to the manifest it
 * sized, with its assumptions).
 */
import type { EstimateReport } from './report';

export function reportAsText(report: EstimateReport): string {
  const lines = [report.title, '', report.summary, ''];
  for (const section of report.sections) {
    lines.push(`${section.title}:`);
    const width = Math.max(...section.rows.map((r) => r.label.length));
    for (const r of section.rows) lines.push(`  ${r.label.padEnd(width)}  ${r.display}${r.detail ? `  (${r.detail})` : ''}`);
    lines.push('');
  }
  if (report.warnings.length > 0) {
    lines.push('Warnings:', ...report.warnings.map((w) => `  - ${w}`), '');
  }
  lines.push('Assumptions:');
  const width = Math.max(0, ...report.assumptions.map((a) => a.label.length));
  for (const a of report.assumptions) lines.push(`  ${a.label.padEnd(width)}  ${a.value}  [${a.source}]`);
  return `${lines.join('\n')}\n`;
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function reportAsMarkdown(report: EstimateReport): string {
  const lines = [`### ${report.title}`, '', report.summary, ''];
  for (const section of report.sections) {
    lines.push(`**${section.title}**`, '', '| | Value | How |', '|---|---|---|');
    for (const r of section.rows) lines.push(`| ${cell(r.label)} | ${cell(r.display)} | ${cell(r.detail ?? '')} |`);
    lines.push('');
  }
  if (report.warnings.length > 0) lines.push(...report.warnings.map((w) => `> **Warning:** ${w}`), '');
  lines.push('**Assumptions**', '', '| Input | Value | Source |', '|---|---|---|');
  for (const a of report.assumptions) lines.push(`| ${cell(a.label)} | \`${cell(a.value)}\` | ${cell(a.source)} |`);
  return `${lines.join('\n')}\n`;
}

/** `# ` lines, each under `width` where words allow. */
export function reportAsYamlComment(report: EstimateReport, width = 100): string {
  const lines = [`Kubewise estimate: ${report.title}`, ...wrap(report.summary, width - 2)];
  for (const section of report.sections) {
    lines.push(`${section.title}:`);
    for (const r of section.rows) lines.push(...wrap(`  ${r.label}: ${r.display}`, width - 2));
  }
  for (const w of report.warnings) lines.push(...wrap(`Warning: ${w}`, width - 2));
  lines.push(`Assumptions: ${report.assumptions.map((a) => `${a.input}=${a.value}`).join(', ')}`);
  return `${lines.map((line) => `# ${line}`.trimEnd()).join('\n')}\n`;
}

function wrap(text: string, width: number): string[] {
  const indent = /^\s*/.exec(text)?.[0] ?? '';
  const out: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/)) {
    if (line && indent.length + line.length + word.length + 1 > width) {
      out.push(indent + line);
      line = `  ${word}`;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) out.push(indent + line);
  return out;
}
