/**
 * How many of a file's findings are published, and which. VS Code shows at most 1,000
 * diagnostics per file (its extension host drops the rest, errors first, then by order) and
 * adds a note that it did. A file of thousands of documents has thousands of findings, and
 * LSP publishes a file's diagnostics whole after every keystroke: those VS Code would drop
 * cost serialising and parsing for nothing. So the server sends no more than the limit
 * (`kubewise.maxDiagnosticsPerFile`): every error first, then the findings nearest the
 * user's last edit, where they are typing, rather than the file's first ones; and a note at
 * the top of the file that says how many are not shown and where to see them all. The CLI
 * reports every finding, and Fix all fixes those not shown too.
 */
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createFinding } from '../service/core/findings';
import { diagnosticsNotShown } from '../service/core/engineDiagnostics';
import type { Finding } from '../service/core/types';
import type { RuleSeverities } from '../service/config/config';

/** VS Code's own limit per file (extHostDiagnostics.ts), the setting's default. */
export const EDITOR_DIAGNOSTICS_PER_FILE = 1000;

/**
 * At most `limit` findings to publish, the note that says how many are left out among them:
 * the errors, then the other findings nearest `focusLine`, in the order the check gave them.
 */
export function findingsToPublish(
  findings: readonly Finding[],
  limit: number,
  focusLine: number,
  severities: RuleSeverities = {},
): readonly Finding[] {
  if (findings.length <= limit) return findings;
  const noteSeverity = severities[diagnosticsNotShown.id];
  const room = noteSeverity === 'off' ? limit : limit - 1; // the note takes one place
  const chosen = new Set<number>();
  for (let index = 0; index < findings.length && chosen.size < room; index++) {
    if ((findings[index] as Finding).severity === 'error') chosen.add(index);
  }
  if (chosen.size < room) {
    const others: number[] = [];
    for (let index = 0; index < findings.length; index++) if (!chosen.has(index)) others.push(index);
    const distance = (index: number): number => Math.abs((findings[index] as Finding).range.start.line - focusLine);
    // Stable: at the same distance, the earlier finding first.
    others.sort((a, b) => distance(a) - distance(b) || a - b);
    for (const index of others.slice(0, room - chosen.size)) chosen.add(index);
  }
  const shown = [...chosen].sort((a, b) => a - b).map((index) => findings[index] as Finding);
  const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const note = createFinding(diagnosticsNotShown, {
    messageId: 'limited',
    data: { shown: shown.length.toLocaleString('en-US'), all: findings.length.toLocaleString('en-US'), limit: String(limit) },
    range: top,
  });
  if (noteSeverity === 'off') return shown;
  return [noteSeverity ? { ...note, severity: noteSeverity } : note, ...shown];
}

/**
 * The line of each open document's last edit, recorded where `TextDocuments` applies the
 * changes (the protocol's ranges are not passed on to its events).
 */
export class EditFocus {
  private readonly lines = new Map<string, number>();

  /** `TextDocuments`' configuration, recording the line of each update's last change. */
  documentsConfiguration(base: TextDocumentsConfiguration<TextDocument>): TextDocumentsConfiguration<TextDocument> {
    return {
      create: (uri, languageId, version, content) => base.create(uri, languageId, version, content),
      update: (document, changes, version) => {
        const line = lastChangedLine(changes);
        if (line !== undefined) this.lines.set(document.uri, line);
        return base.update(document, changes, version);
      },
    };
  }

  /** Where the user last edited the document: the top of the file before any edit. */
  lineOf(uri: string): number {
    return this.lines.get(uri) ?? 0;
  }

  forget(uri: string): void {
    this.lines.delete(uri);
  }
}

function lastChangedLine(changes: readonly TextDocumentContentChangeEvent[]): number | undefined {
  // The last change is the latest; one without a range replaces the whole text: no place of its own.
  for (let index = changes.length - 1; index >= 0; index--) {
    const change = changes[index] as TextDocumentContentChangeEvent;
    if ('range' in change && change.range) return change.range.start.line;
  }
  return undefined;
}
