/**
 * Documents that are not Kubernetes objects (see document/documentKind.ts): recognising
 * them in one parsed document of a file, running the rules that read their kind, and
 * extracting their facts. Embedded documents (a CNI config in a ConfigMap's string) are
 * checked in their own offsets; here findings and fixes move back to the chunk's.
 */
import type { DocumentKind, DocumentSource, RecognisedDocument } from '../document/documentKind';
import type { EmbeddedText } from '../document/embeddedText';
import { documentKindsRead, factKindsRead, rules } from '../rules/registry';
import { reportedOffsets } from '../rules/api/ruleTypes';
import type { OffsetFix, Report } from '../rules/api/ruleTypes';
import type { RuleOptions } from '../config/ruleOptions';
import { createFinding } from '../core/findings';
import type { Locate } from '../core/ranges';
import type { Finding } from '../core/types';
import { internalError } from '../core/engineDiagnostics';
import type { BaseFact } from '../facts/factKind';

export interface Recognised {
  kind: DocumentKind;
  document: RecognisedDocument;
}

/** Every document of every kind some rule reads; a recogniser that throws costs its kind, reported. */
export function recogniseDocuments(source: DocumentSource, locate: Locate, findings: Finding[]): Recognised[] {
  const found: Recognised[] = [];
  for (const kind of documentKindsRead) {
    try {
      for (const document of kind.recognise(source)) found.push({ kind, document });
    } catch (error) {
      findings.push(crashAt(`recognising ${kind.id} documents`, error, 0, locate));
    }
  }
  return found;
}

/** Whether the chunk's YAML syntax problems give way to a kind's stricter grammar (JSON for a `.conflist`). */
export function syntaxOwnedByDocument(documents: readonly Recognised[]): boolean {
  return documents.some(({ document }) => document.ownsSyntax === true && document.embedding === undefined);
}

export function runDocumentRules(
  { kind, document }: Recognised,
  filePath: string | undefined,
  locate: Locate,
  options: RuleOptions,
): Finding[] {
  const findings: Finding[] = [];
  const embedding = document.embedding;
  for (const rule of rules) {
    if (!rule.checkDocument || rule.documents?.id !== kind.id) continue;
    const report = (r: Report): void => {
      const [start, end] = reportedOffsets(r);
      const [from, to] = embedding ? embedding.toDocument(start, end) : [start, end];
      findings.push(
        createFinding(rule.meta, {
          messageId: r.messageId,
          data: r.data,
          range: locate(from, to),
          object: document.host,
          container: r.container,
          fixes: embedding ? (r.fixes ?? []).flatMap((fix) => embeddedFix(fix, embedding)) : r.fixes,
          locate,
        }),
      );
    };
    try {
      rule.checkDocument({ document, text: document.text, filePath, options: options.byRule.get(rule.meta.id), report });
    } catch (error) {
      findings.push(crashAt(rule.meta.id, error, embedding?.nodeRange[0] ?? 0, locate, document));
    }
  }
  return findings;
}

/** A fix of embedded text as edits of the file, written in the string's style; none when the style cannot carry it. */
function embeddedFix(fix: OffsetFix, embedding: EmbeddedText): OffsetFix[] {
  const edits = [];
  for (const edit of fix.edits) {
    const mapped = embedding.edit(edit.start, edit.end, edit.text);
    if (!mapped) return [];
    edits.push(mapped);
  }
  // A rename belongs to a file, never to a string inside one.
  const { renameTo: _renameTo, ...rest } = fix;
  return [{ ...rest, edits }];
}

/** Facts of recognised documents, for the fact kinds that read their kind. */
export function documentFacts(
  documents: readonly Recognised[],
  filePath: string | undefined,
  locate: Locate,
  findings: Finding[],
): Map<string, BaseFact[]> {
  const facts = new Map<string, BaseFact[]>();
  for (const factKind of factKindsRead) {
    if (!factKind.documents || !factKind.extractFromDocument) continue;
    const found: BaseFact[] = [];
    for (const { kind, document } of documents) {
      if (kind.id !== factKind.documents.id) continue;
      try {
        for (const fact of factKind.extractFromDocument(document, filePath)) {
          const embedding = document.embedding;
          found.push(embedding ? { ...fact, at: embedding.toDocument(fact.at[0], fact.at[1]) } : fact);
        }
      } catch (error) {
        const start = document.embedding?.nodeRange[0] ?? 0;
        findings.push(
          createFinding(internalError, {
            messageId: 'factsFailed',
            data: { kind: factKind.id, detail: String(error) },
            range: locate(start, start),
            object: document.host,
          }),
        );
      }
    }
    if (found.length > 0) facts.set(factKind.id, found);
  }
  return facts;
}

function crashAt(what: string, error: unknown, offset: number, locate: Locate, document?: RecognisedDocument): Finding {
  return createFinding(internalError, {
    messageId: 'crashed',
    data: { rule: what, detail: String(error) },
    range: locate(offset, offset),
    object: document?.host,
  });
}
