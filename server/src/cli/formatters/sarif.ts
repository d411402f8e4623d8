/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. Every rule is listed
 * (not only the ones that fired) so a viewer can show the docs of a rule that was
 * fixed since the last upload. Fingerprints leave out line numbers so that an edit
 * above a finding does not make code scanning close it and open a "new" one.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Log, ReportingDescriptor, Result } from 'sarif';
import { allRuleMetas } from '../../service/rules/registry';
import type { RuleMeta } from '../../service/rules/api/ruleTypes';
import type { Finding, Severity } from '../../service/core/types';
import type { FileReport } from '../checkTargets';
import { STDIN_DISPLAY_PATH } from '../checkTargets';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/kubewise/kubewise';
const SOURCE_ROOT = '%SRCROOT%';
const FINGERPRINT_KEY = 'kubewise/v1';

/** Kubewise always has a level to give; SARIF's fourth, 'none', is never needed. */
type SarifLevel = Extract<Result.level, 'error' | 'warning' | 'note'>;

export function sarifLevel(severity: Severity): SarifLevel {
  if (severity === 'error' || severity === 'warning') return severity;
  return 'note';
}

export function formatSarif(reports: readonly FileReport[], options: { version: string; cwd: string }): string {
  const ruleIndex = new Map(allRuleMetas.map((meta, index) => [meta.id, index]));
  const results: Result[] = [];
  for (const report of reports) {
    // Identical findings in one file (say, two copies of an object) still need
    // distinct fingerprints; a running count keeps them apart yet stable.
    const occurrences = new Map<string, number>();
    report.findings.forEach((finding, index) => {
      const hash = fingerprint(report.displayPath, finding);
      const occurrence = (occurrences.get(hash) ?? 0) + 1;
      occurrences.set(hash, occurrence);
      const result = toResult(report.displayPath, finding, ruleIndex.get(finding.ruleId), `${hash}:${occurrence}`);
      const rendered = report.renderedAt?.[index];
      // The region is in the template; where `helm template` output had it is kept beside.
      if (rendered) {
        result.properties = {
          rendered: {
            uri: artifactLocation(rendered.displayPath).uri,
            startLine: rendered.line + 1,
            startColumn: rendered.character + 1,
          },
        };
      }
      results.push(result);
    });
  }

  const sarif: Log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kubewise',
            version: options.version,
            semanticVersion: options.version,
            informationUri: INFORMATION_URI,
            rules: allRuleMetas.map(toReportingDescriptor),
          },
        },
        // The service measures columns in UTF-16 code units, as LSP does.
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: directoryUri(options.cwd) } },
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function toReportingDescriptor(meta: RuleMeta): ReportingDescriptor {
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.description },
    fullDescription: { text: `${meta.description} ${meta.why}` },
    help: {
      text: `${meta.why}\n\nRemediation: ${meta.remediation}`,
      markdown: `${meta.why}\n\n**Remediation:** ${meta.remediation}\n\n[Documentation](${meta.docsUrl})`,
    },
    helpUri: meta.docsUrl,
    defaultConfiguration: { level: sarifLevel(meta.defaultSeverity) },
    properties: { tags: ['kubernetes', meta.type], equivalents: [...meta.equivalents] },
  };
}

function toResult(file: string, finding: Finding, index: number | undefined, fingerprintValue: string): Result {
  const { start, end } = finding.range;
  return {
    ruleId: finding.ruleId,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: sarifLevel(finding.severity),
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(file),
          region: {
            startLine: start.line + 1,
            startColumn: start.character + 1,
            endLine: end.line + 1,
            endColumn: end.character + 1,
          },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprintValue },
  };
}

function artifactLocation(file: string): ArtifactLocation {
  // Standard input has no place under the source root; a bare relative name is still valid SARIF.
  if (file === STDIN_DISPLAY_PATH) return { uri: 'stdin' };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

/** A stable hash of what the finding is about; the line number is left out on purpose. */
export function fingerprint(file: string, finding: Finding): string {
  const object = finding.object;
  const identity = [
    finding.ruleId,
    file,
    object?.apiVersion ?? '',
    object?.kind ?? '',
    object?.namespace ?? '',
    object?.name ?? '',
    finding.container ?? '',
    finding.message,
  ];
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 32);
}

export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** SARIF wants base URIs to end with a slash, or relative URIs resolve against the parent. */
function directoryUri(directory: string): string {
  const href = pathToFileURL(directory).href;
  return href.endsWith('/') ? href : `${href}/`;
}
