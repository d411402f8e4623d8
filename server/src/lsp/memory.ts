/**
 * Gives memory back once a check is published. A first check of a 5,000-document file makes
 * about 100 MB of short-lived objects (parse trees, rule scratch); V8 collects them only when it
 * next needs room, by which time the next file's check is adding its own: the server's peak
 * grew with every file opened after the first (180, 210, then 290 MB for three opens of the same
 * file), though the checks kept no more than the first did. A full collection right after the
 * diagnostics go out, when the heap has grown well past what the last one left, starts the next
 * check from what is really in use. Closing a file publishes its empty diagnostics, so what the
 * closed file held goes too.
 *
 * It runs after the publish, in its own task: the diagnostics are on their way first, and a
 * request that arrives meanwhile waits at most one collection (about 10 ms per 1,000 documents
 * held). Edits that allocate little, and small files, never reach the threshold.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import type { Connection } from 'vscode-languageserver/node';

/** Growth past what the last collection left that is worth a collection: this much, and half as much again. */
const MIN_GROWTH_BYTES = 24 * 1024 * 1024;
const GROWTH_FACTOR = 1.5;
const COLLECT_AFTER_MS = 50;
/**
 * Growth worth a collection after a re-check of a file already published (typing): V8's own
 * collections keep up with an edit's garbage, and a full one in between keystrokes cost each
 * of them about 10 ms at 5,000 documents (the collection, then the next check starting from a
 * small young generation), so only much more than a first check's growth counts.
 */
const MIN_GROWTH_WHILE_EDITING_BYTES = 96 * 1024 * 1024;
/** Held at the last collection, above which a close may have freed enough to be worth one (a 3,000-document file). */
const MIN_KEPT_FOR_CLOSE_BYTES = 40 * 1024 * 1024;

export function collectAfterPublishing(connection: Connection): void {
  const collect = fullCollection();
  if (!collect) return;
  const used = (): number => v8.getHeapStatistics().used_heap_size;
  let kept = used();
  let waiting = false;
  /** URIs whose last publish had diagnostics: an empty one after it is a close (or a file fixed). */
  const withDiagnostics = new Set<string>();
  const consider = (closed: boolean, editing: boolean): void => {
    const now = used();
    // V8 collects on its own too: what it left is the new base.
    kept = Math.min(kept, now);
    // A collection costs the next check some speed (V8 starts it from a small heap again, 80 ms
    // on a 100-document file): only when much more may be held than is in use. Garbage counts as
    // used until collected: after a close, what the last collection kept says whether a large
    // file may have gone.
    const released = closed && kept > MIN_KEPT_FOR_CLOSE_BYTES;
    const growth = editing ? MIN_GROWTH_WHILE_EDITING_BYTES : MIN_GROWTH_BYTES;
    if (!released && !(now > kept + growth && now > kept * GROWTH_FACTOR)) return;
    collect();
    kept = used();
  };
  const send = connection.sendDiagnostics.bind(connection);
  connection.sendDiagnostics = (params) => {
    const sent = send(params);
    const editing = withDiagnostics.has(params.uri);
    const closed = params.diagnostics.length === 0 && withDiagnostics.delete(params.uri);
    if (params.diagnostics.length > 0) withDiagnostics.add(params.uri);
    if (closed) {
      // At once: the next file's check (opened right after, as often) must not start on top of it.
      setTimeout(() => consider(true, false), 0);
    } else if (!waiting) {
      // A little later: a request sent on seeing the diagnostics goes first.
      waiting = true;
      setTimeout(() => {
        waiting = false;
        consider(false, editing);
      }, COLLECT_AFTER_MS);
    }
    return sent;
  };
}

/** V8's full collection, reachable from a running process without `--expose-gc` on its command line. */
function fullCollection(): (() => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined; // a runtime without the flag: V8 collects when it needs to, as before
  }
}
