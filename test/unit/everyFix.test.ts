// Every fix offered on every fire fixture, applied on its own: the result parses as YAML
// (or JSON), and the rule reports fewer findings on that object and container than
// before. The rule tables check each case's first (or chosen) fix against an exact
// output; this sweep covers the alternatives too ("Raise the limit" as well as "Lower
// the request", "1G" as well as "1Gi").
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { checkText } from '../../server/src/service/engine/checkFile';
import { rules } from '../../server/src/service/rules/registry';
import type { Finding } from '../../server/src/service/core/types';
import { applyEdits } from '../support/applyEdits';
import { fixtureDir, languageOfName } from '../support/ruleTester';
import { fixtureCheckOptions } from '../support/kustomizeInputs';

const target = (f: Finding): string =>
  `${f.object?.kind ?? ''}/${f.object?.namespace ?? ''}/${f.object?.name ?? ''}/${f.container ?? ''}`;

describe('every offered fix parses and clears a finding', () => {
  for (const rule of rules.filter((r) => r.meta.fixable)) {
    const id = rule.meta.id;
    const dir = fixtureDir(id);
    const files = fs.readdirSync(dir).filter((file) => file.startsWith('fire-') && /\.(?:yaml|json|conf|conflist)$/.test(file));
    test(id, () => {
      let applied = 0;
      for (const file of files) {
        const code = fs.readFileSync(path.join(dir, file), 'utf8');
        const filePath = path.join(dir, file);
        const options = { languageId: languageOfName(file), filePath, ...fixtureCheckOptions(id, dir, code) };
        const findings = checkText(code, options).filter((f) => f.ruleId === id);
        for (const finding of findings) {
          for (const fix of finding.fixes) {
            const output = applyEdits(code, fix.edits);
            const errors = parseAllDocuments(output).flatMap((doc) => doc.errors.map((e) => e.message));
            assert.deepEqual(errors, [], `${file}: '${fix.title}' must leave valid YAML`);
            const before = findings.filter((f) => target(f) === target(finding)).length;
            // A fix that renames the file is checked under its new name.
            const renamed = fix.renameTo === undefined ? filePath : path.join(dir, fix.renameTo);
            const after = checkText(output, {
              languageId: languageOfName(renamed),
              filePath: renamed,
              ...fixtureCheckOptions(id, dir, output),
            }).filter((f) => f.ruleId === id && target(f) === target(finding)).length;
            assert.ok(after < before, `${file}: '${fix.title}' on ${target(finding)} leaves ${after} of ${before} findings`);
            applied++;
          }
        }
      }
      assert.ok(applied > 0, `${id} is fixable, but no fire fixture offers a fix`);
    });
  }
});
