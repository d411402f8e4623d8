// The wait before checking an edit: none after a quick check, about the check's own time after a
// slow one, never more than the debounce; and a check overtaken by a newer version says so.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Activity } from '../../server/src/lsp/activity';
import { CheckScheduler, DEBOUNCE_MS, debounceAfter } from '../../server/src/lsp/checkScheduler';

test('the wait follows the last edit check', () => {
  assert.equal(debounceAfter(undefined), 0, 'nothing measured yet: check at once');
  assert.equal(debounceAfter(5), 0);
  assert.equal(debounceAfter(39.9), 0);
  assert.equal(debounceAfter(60.2, 10), 61, 'edits faster than the check: wait about as long as it takes');
  assert.equal(debounceAfter(900, 10), DEBOUNCE_MS);
  assert.equal(debounceAfter(60.2, 500), 0, 'after a pause longer than the check: check at once');
  assert.equal(debounceAfter(60.2), 0, 'the first edit: nothing to coalesce with');
});

test('only incremental checks set the wait: a first check of every document predicts nothing', () => {
  const scheduler = new CheckScheduler(new Activity(), async () => undefined);
  scheduler.checked('a', 900, false);
  assert.equal(scheduler.waitAfterEdit('a', 1000), 0);
  assert.equal(scheduler.waitAfterEdit('a', 1010), 0, 'the first check predicts nothing');
  scheduler.checked('a', 80, true);
  assert.equal(scheduler.waitAfterEdit('a', 1020), 80, 'an edit 10 ms after the last, with 80 ms checks: wait');
  assert.equal(scheduler.waitAfterEdit('a', 2000), 0, 'a pause in typing: at once');
  scheduler.forget('a');
  assert.equal(scheduler.waitAfterEdit('a', 2010), 0);
});

test('a check is overtaken when the version moves on while it settles, not otherwise', async () => {
  const scheduler = new CheckScheduler(new Activity(), async () => undefined);
  let version = 3;
  assert.equal(await scheduler.overtaken(3, () => version), false);
  setImmediate(() => (version = 4));
  assert.equal(await scheduler.overtaken(3, () => version), true);
});

test('scheduled checks count as activity until they have run, and a reschedule replaces the first', async () => {
  const activity = new Activity();
  const ran: string[] = [];
  const scheduler = new CheckScheduler(activity, async (uri) => {
    ran.push(uri);
  });
  scheduler.schedule('a', 50);
  scheduler.schedule('a', 0);
  scheduler.schedule('b', 0);
  await activity.whenIdle();
  assert.deepEqual(ran.sort(), ['a', 'b']);
});
