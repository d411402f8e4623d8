/**
 * The workspace as the estimates see it: the facts of each file (workloads, quotas,
 * Services, Prometheus objects, monitors, the aws-node DaemonSet), with the file's path
 * so every assumption can name its source, and which file is open ("the open file
 * first, then the whole workspace"). Hosts read the files; this only parses text.
 *
 * These are extracted here rather than through the engine's fact index, which holds only
 * the kinds some rule reads: sizing reads more kinds, on demand, and needs no findings.
 */
import { parseChunk } from '../document/parseChunk';
import { splitYamlDocuments } from '../document/splitDocuments';
import { looksBinary } from '../document/textGuards';
import { kubeObjectsIn } from '../kubernetes/objects';
import type { Fact } from '../facts/factKind';
import { quotaFacts } from '../facts/quotas';
import type { QuotaFact } from '../facts/quotas';
import { workloadFacts } from '../facts/workloads';
import type { WorkloadFact } from '../facts/workloads';
import { monitorFacts, prometheusFacts, serviceLabelFacts } from '../facts/sizingPrometheus';
import type { MonitorFact, PrometheusFact, ServiceLabelsFact } from '../facts/sizingPrometheus';
import { awsNodeFacts } from '../facts/sizingAwsNode';
import type { AwsNodeFact } from '../facts/sizingAwsNode';

export interface SizingFile {
  /** As shown to the user: relative to the workspace or the working directory. */
  path: string;
  text: string;
  languageId: 'yaml' | 'json';
}

/** A fact and where it is: the file, and the offset of the fact's `at` in the whole file. */
export type Located<T extends Fact> = T & { file: string; offset: number };

export interface SizingWorkspace {
  /** The open file's path, whose objects come first. */
  focus?: string;
  workloads: Located<WorkloadFact>[];
  quotas: Located<QuotaFact>[];
  services: Located<ServiceLabelsFact>[];
  prometheuses: Located<PrometheusFact>[];
  monitors: Located<MonitorFact>[];
  awsNodes: Located<AwsNodeFact>[];
}

export const EMPTY_WORKSPACE: SizingWorkspace = {
  workloads: [],
  quotas: [],
  services: [],
  prometheuses: [],
  monitors: [],
  awsNodes: [],
};

/** Past this size a file is not a manifest anyone sizes from (the checker's limit is 2 MiB). */
const MAX_TEXT_LENGTH = 2 * 1024 * 1024;

export function sizingWorkspace(files: readonly SizingFile[], focus?: string): SizingWorkspace {
  const workspace: SizingWorkspace = {
    workloads: [],
    quotas: [],
    services: [],
    prometheuses: [],
    monitors: [],
    awsNodes: [],
  };
  if (focus !== undefined) workspace.focus = focus;
  // The open file first: its objects are the defaults when there are several.
  const ordered = [...files].sort((a, b) => Number(b.path === focus) - Number(a.path === focus));
  for (const file of ordered) {
    // Binary, huge or templated text (Helm) holds no object the estimates can trust.
    if (file.text.length > MAX_TEXT_LENGTH || looksBinary(file.text) || file.text.includes('{{')) continue;
    const chunks = file.languageId === 'json' ? [{ text: file.text, startOffset: 0 }] : splitYamlDocuments(file.text);
    for (const chunk of chunks) {
      const parsed = parseChunk(chunk.text);
      if (!parsed.doc || parsed.unusable) continue;
      for (const object of kubeObjectsIn(parsed.doc)) {
        const locate = <T extends Fact>(facts: T[]): Located<T>[] =>
          facts.map((fact) => ({ ...fact, file: file.path, offset: chunk.startOffset + fact.at[0] }));
        workspace.workloads.push(...locate(workloadFacts.extract(object, parsed.source)));
        workspace.quotas.push(...locate(quotaFacts.extract(object, parsed.source)));
        workspace.services.push(...locate(serviceLabelFacts.extract(object, parsed.source)));
        workspace.prometheuses.push(...locate(prometheusFacts.extract(object, parsed.source)));
        workspace.monitors.push(...locate(monitorFacts.extract(object, parsed.source)));
        workspace.awsNodes.push(...locate(awsNodeFacts.extract(object, parsed.source)));
      }
    }
  }
  return workspace;
}

/** "Prometheus monitoring/k8s (monitoring/prometheus.yaml)". */
export function describeSource(fact: Located<Fact>): string {
  const name = fact.namespace ? `${fact.namespace}/${fact.name}` : fact.name;
  return `${fact.object.kind} ${name || '(unnamed)'} (${fact.file})`;
}
