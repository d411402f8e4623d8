/**
 * The first hover, completion and code action of a session paid for loading the field
 * descriptions (800 KB of JSON) and for compiling the code of every explainer they ask: 20 to
 * 30 ms on the first hover after a file opened, against 1 or 2 ms for the next. Once the first
 * diagnostics are out, the server asks each of them once about a small Deployment of its own,
 * in a task of its own: the user's first request finds them ready. The answers are dropped;
 * what the features remember of the sample (a parse, a line index) is replaced by the next
 * real request. The same for the first keystroke: an incremental check runs code a first
 * check never does (the re-split, the reuse of judgements), and ran it in V8's interpreter,
 * 40 ms more at 5,000 documents; a few edits of the sample, checked as the server checks an
 * edit, compile it first.
 */
import type { Connection } from 'vscode-languageserver/node';
import { checkTextWithFacts } from '../service/engine/checkFile';
import { ChunkCache } from '../service/engine/chunkCache';
import { quickFixes } from '../service/features/codeActions';
import { completeAt } from '../service/features/completion';
import { hoverAt } from '../service/features/hover';
import { serviceHoverAt } from '../service/features/serviceHover';
import { WorkspaceIndex } from '../service/features/workspaceIndex';
import type { Position } from '../service/core/types';

const SAMPLE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: warm-up
  labels:
    app: warm-up
spec:
  replicas: 2
  selector:
    matchLabels:
      app: warm-up
  template:
    metadata:
      labels:
        app: warm-up
    spec:
      containers:
        - name: web
          image: nginx
          resources:
            requests:
              cpu: 250m
              memory: 64Mi
---
apiVersion: v1
kind: Service
metadata:
  name: warm-up
spec:
  selector:
    app: warm-up
  ports:
    - port: 80
`;

/** Where the sample is asked: a field key, an image, a label key, a quantity, and a key being typed. */
function positionOf(needle: string, after = 0): Position {
  const offset = SAMPLE.indexOf(needle, after);
  const before = SAMPLE.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') };
}

/** Edits of the sample checked one after another with one cache, as the server checks typing. */
const WARM_EDITS = 12;

function editSteps(): (() => unknown)[] {
  const cache = new ChunkCache();
  const documents = Array.from({ length: 8 }, (_, index) => SAMPLE.replaceAll('warm-up', `warm-up-${index}`)).join('---\n');
  const options = { languageId: 'yaml', filePath: '/kubewise-warm-up-edits.yaml', cache } as const;
  let text = documents;
  return Array.from({ length: WARM_EDITS + 1 }, (_, edit) => () => {
    // A character typed into a name in the middle: a fact other documents read changes.
    if (edit > 0) text = text.replace('name: warm-up-4', 'name: warm-up-4x');
    return checkTextWithFacts(text, options).findings[0];
  });
}

/** The asks, each a step of its own: a request that arrives during the warm-up waits for one step at most. */
function warmSteps(): (() => unknown)[] {
  const path = '/kubewise-warm-up.yaml';
  let checked: ReturnType<typeof checkTextWithFacts> = { findings: [], facts: [] };
  const template = SAMPLE.indexOf('template:');
  const hover = (position: Position) => () => hoverAt(SAMPLE, 'yaml', checked.findings, position);
  return [
    () => (checked = checkTextWithFacts(SAMPLE, { languageId: 'yaml', filePath: path })).findings[0],
    hover(positionOf('replicas')),
    hover(positionOf('nginx')),
    hover(positionOf('app:', template)),
    hover(positionOf('250m')),
    () => completeAt(SAMPLE, 'yaml', { line: positionOf('replicas').line, character: 2 })[0],
    () => quickFixes(SAMPLE, checked.findings, { languageId: 'yaml' })[0],
    // The Service hover the host adds, over an index of the sample alone.
    () =>
      serviceHoverAt(
        new WorkspaceIndex([{ path, documents: checked.facts }]),
        path,
        positionOf('warm-up', SAMPLE.indexOf('kind: Service')),
        () => '',
      ),
    ...editSteps(),
  ];
}

/** Asks each request once about the sample; returns how many of the asks had an answer (all of them: the tests check). */
export function warmRequests(): { asked: number; answered: number } {
  const answers = warmSteps().map((step) => step());
  return { asked: answers.length, answered: answers.filter((answer) => answer !== undefined).length };
}

/** How long after the first publish the warm-up starts: a request sent on seeing the diagnostics goes first. */
const WARM_AFTER_MS = 100;

/** Warms the requests once, after the session's first publish of diagnostics, one step per task. */
export function warmAfterFirstPublish(connection: Connection): void {
  const send = connection.sendDiagnostics.bind(connection);
  connection.sendDiagnostics = (params) => {
    connection.sendDiagnostics = send;
    const steps = warmSteps();
    const next = (): void => {
      const step = steps.shift();
      if (!step) return;
      try {
        step();
      } catch {
        // A warm-up that fails costs the first request its speed, nothing else.
      }
      setImmediate(next);
    };
    setTimeout(next, WARM_AFTER_MS);
    return send(params);
  };
}
