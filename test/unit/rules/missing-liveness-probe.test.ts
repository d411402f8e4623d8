// missing-liveness-probe: the table lives in test/support/probeRuleCases.ts, shared with its
// sibling rule because both run the same check (server/src/service/rules/missingProbe.ts).
// This file stays per rule: the registry test expects test/unit/rules/<rule-id>.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { probeDirectiveCases, probeRuleCases } from '../../support/probeRuleCases';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'missing-liveness-probe';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, probeRuleCases(RULE, fixtures));
ruleTester.run('unused-disable-directive', probeDirectiveCases(RULE));

test('every fire fixture has a case', () => {
  assert.deepEqual(fixtures.unused(), []);
});
