// Runs the CLI in-process with captured streams, so tests see exactly what a user
// would see on stdout and stderr, plus the exit code.
import * as path from 'node:path';
import { run } from '../../server/src/cli/main';

/** The fixtures live in the source tree; compiled tests run from out/test/unit/. */
export const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/cli');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  stdin?: string;
  isTTY?: boolean;
  /** Whether stderr is a terminal, for the progress bar; false (a pipe) unless given. */
  stderrIsTTY?: boolean;
  env?: Record<string, string | undefined>;
}

export async function runCli(argv: string[], options: CliOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: {
      write: (text: string) => (stdout += text),
      isTTY: options.isTTY ?? false,
    },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.stderrIsTTY ?? false },
    cwd: options.cwd ?? FIXTURES,
    readStdin: async () => {
      if (options.stdin === undefined) throw new Error('the test did not expect stdin to be read');
      return options.stdin;
    },
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

/** `kubewise check --format json` output, parsed. */
export async function runJson(argv: string[], options: CliOptions = {}): Promise<{ code: number; json: JsonOutput }> {
  const result = await runCli(['check', '--format', 'json', ...argv], options);
  return { code: result.code, json: JSON.parse(result.stdout) as JsonOutput };
}

export interface JsonOutput {
  version: string;
  findings: {
    ruleId: string;
    equivalents: string[];
    severity: string;
    message: string;
    file: string;
    range: { start: { line: number; column: number }; end: { line: number; column: number } };
    object: { apiVersion: string; kind: string; namespace: string | null; name: string | null } | null;
    container: string | null;
    fixable: boolean;
    rendered: { file: string; line: number; column: number } | null;
  }[];
  summary: { errors: number; warnings: number; information: number; hints: number; files: number };
}

/**
 * A Deployment complete but for its probes, for stdin tests: exactly two findings
 * (no livenessProbe, no readinessProbe), both at its container, `- name: app`.
 */
export const DEPLOYMENT_WITHOUT_PROBES = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: from-stdin
spec:
  selector:
    matchLabels:
      app: from-stdin
  template:
    metadata:
      labels:
        app: from-stdin
    spec:
      containers:
        - name: app
          image: nginx:1.27
          ports:
            - containerPort: 8080
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              memory: 128Mi
`;

/** The 1-based line of the container in DEPLOYMENT_WITHOUT_PROBES, where its findings are. */
export const CONTAINER_LINE = 15;
