// The schema walk of schema/validate.ts agrees with ajv, the reference JSON Schema
// validator, on every object of every rule fixture: valid for one means valid for the other,
// and both find the same number of problems. The walk runs in the product because it needs
// no compile step (ajv took about a second for a Deployment's schema on first use).
import Ajv from 'ajv';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { boundedData } from '../../server/src/service/document/boundedData';
import { parseChunk } from '../../server/src/service/document/parseChunk';
import { splitYamlDocuments } from '../../server/src/service/document/splitDocuments';
import { kubeObjectsIn } from '../../server/src/service/kubernetes/objects';
import { builtinDefinitions, builtinSchema } from '../../server/src/service/schema/builtinSchemas';
import { validateData } from '../../server/src/service/schema/validate';
import { REPO_ROOT } from '../support/ruleTester';

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? yamlFiles(full) : entry.name.endsWith('.yaml') ? [full] : [];
  });
}

test('the schema walk and ajv agree on every fixture object', () => {
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
  ajv.addSchema({ definitions: builtinDefinitions() }, 'kubernetes');
  let compared = 0;
  for (const file of [
    ...yamlFiles(path.join(REPO_ROOT, 'test/fixtures/rules')),
    ...yamlFiles(path.join(REPO_ROOT, 'examples')),
  ]) {
    for (const chunk of splitYamlDocuments(fs.readFileSync(file, 'utf8'))) {
      const parsed = parseChunk(chunk.text);
      if (!parsed.doc || parsed.unusable) continue;
      for (const object of kubeObjectsIn(parsed.doc)) {
        const set = builtinSchema(object.ref.apiVersion, object.ref.kind);
        const data = boundedData(object.doc, object.root);
        if (!set || data === undefined || JSON.stringify(data).includes('"$') || JSON.stringify(data).includes('"sops"'))
          continue;
        const validate = ajv.getSchema(`kubernetes${set.root.$ref}`) ?? ajv.compile({ $ref: `kubernetes${set.root.$ref}` });
        const ajvValid = validate(data) === true;
        const ours = validateData(set, data);
        assert.equal(
          ours.length === 0,
          ajvValid,
          `${path.relative(REPO_ROOT, file)} ${object.ref.kind}/${object.ref.name}: ${JSON.stringify(validate.errors)}`,
        );
        if (!ajvValid) {
          const missingExplained = ours.filter((v) => v.problem.kind === 'unknownField' && v.problem.suggestion).length;
          assert.ok(
            Math.abs((validate.errors?.length ?? 0) - ours.length) <= missingExplained,
            `${file}: ${ours.length} vs ajv ${validate.errors?.length}`,
          );
        }
        compared++;
      }
    }
  }
  assert.ok(compared > 100, `compared ${compared} objects`);
});
