/**
 * `helm template my-chart | kubewise check -`: Helm writes `# Source: <chart>/templates/<file>`
 * at the top of every document it renders. This module splits the report of standard
 * input by those comments, so each finding names the chart's own template file (with
 * its line counted from the document's first line, which is the template's for the
 * common template without conditionals above it) and remembers where it was in the
 * rendered output. A document without a `# Source:` comment, or with one that does not
 * name a plain relative path, stays on `<stdin>`.
 */
import * as path from 'node:path';
import type { Finding } from '../service/core/types';
import type { FileReport, RenderedLocation } from './checkTargets';

export interface HelmSource {
  /** The path as Helm wrote it, e.g. `web-chart/templates/deployment.yaml`. */
  path: string;
  /** 0-based line of the `# Source:` comment in the rendered output. */
  commentLine: number;
  /** 0-based line after the document's last line (the next `---`, or the end). */
  endLine: number;
}

const DOCUMENT_MARKER = /^---(?:[ \t]|$)/;
const SOURCE_COMMENT = /^#\s*Source:\s*(.*?)\s*$/;
const MAX_SOURCE_PATH = 1024;

/** The documents of `text` that start with a well-formed `# Source:` comment, in order. */
export function helmSources(text: string): HelmSource[] {
  const lines = text.split(/\r?\n/);
  const sources: HelmSource[] = [];
  let open: HelmSource | undefined;
  let atDocumentStart = true;
  for (let line = 0; line < lines.length; line++) {
    const content = lines[line] ?? '';
    if (DOCUMENT_MARKER.test(content)) {
      if (open) open.endLine = line;
      open = undefined;
      atDocumentStart = true;
      continue;
    }
    if (!atDocumentStart || content.trim() === '') continue;
    atDocumentStart = false; // only the first non-blank line of a document can name its source
    const match = SOURCE_COMMENT.exec(content);
    const sourcePath = match ? wellFormedSourcePath(match[1] ?? '') : undefined;
    if (sourcePath !== undefined) {
      open = { path: sourcePath, commentLine: line, endLine: lines.length };
      sources.push(open);
    }
  }
  return sources;
}

/**
 * A plain relative path below the chart, or undefined: an empty, absolute, `..`-escaping,
 * over-long or control-character path is not trusted to name a file of the repository.
 */
export function wellFormedSourcePath(raw: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (raw === '' || raw.length > MAX_SOURCE_PATH || /[\u0000-\u001f\u007f]/.test(raw)) return undefined;
  const normalized = raw.replace(/\\/g, '/');
  if (normalized.startsWith('/') || /^[A-Za-z]:/.test(normalized)) return undefined;
  const segments = normalized.split('/');
  if (segments.some((segment) => segment === '..' || segment === '')) return undefined;
  return segments.filter((segment) => segment !== '.').join('/') || undefined;
}

/**
 * The report of standard input, split into one report per template file named by a
 * `# Source:` comment (in the order Helm rendered them, including files without
 * findings), plus the findings no comment covers, still on `<stdin>`. `sourceRoot`
 * (relative to the working directory, forward slashes) is put before each path, for a
 * chart that lives in a subfolder (`charts/`) of the repository.
 */
export function splitByHelmSource(report: FileReport, text: string, sourceRoot = ''): FileReport[] {
  const sources = helmSources(text);
  if (sources.length === 0) return [report];
  const byPath = new Map<string, { findings: Finding[]; renderedAt: RenderedLocation[] }>();
  for (const source of sources) {
    const displayPath = withRoot(sourceRoot, source.path);
    if (!byPath.has(displayPath)) byPath.set(displayPath, { findings: [], renderedAt: [] });
  }
  const unmapped: Finding[] = [];
  for (const finding of report.findings) {
    const line = finding.range.start.line;
    const source = sources.find((candidate) => line > candidate.commentLine && line < candidate.endLine);
    if (!source) {
      unmapped.push(finding);
      continue;
    }
    const target = byPath.get(withRoot(sourceRoot, source.path))!;
    const shift = source.commentLine + 1;
    target.findings.push({
      ...finding,
      range: {
        start: { line: finding.range.start.line - shift, character: finding.range.start.character },
        end: { line: Math.max(0, finding.range.end.line - shift), character: finding.range.end.character },
      },
    });
    target.renderedAt.push({ displayPath: report.displayPath, line, character: finding.range.start.character });
  }
  const reports: FileReport[] = [...byPath].map(([displayPath, mapped]) => ({ displayPath, ...mapped }));
  if (unmapped.length > 0) reports.push({ displayPath: report.displayPath, findings: unmapped });
  return reports;
}

function withRoot(sourceRoot: string, sourcePath: string): string {
  return sourceRoot === '' || sourceRoot === '.' ? sourcePath : path.posix.join(sourceRoot, sourcePath);
}
