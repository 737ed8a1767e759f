// Validates an OpenAPI document with @readme/openapi-parser (pinned in package-lock.json): the
// OpenAPI 3.1 JSON Schema plus the rules the schema cannot express (duplicate operationIds,
// undeclared path parameters, component names). Exit 0 when valid, 1 with the errors otherwise.
//   node validate_openapi.mjs FILE
import { readFile } from 'node:fs/promises';
import { validate, compileErrors } from '@readme/openapi-parser';

const file = process.argv[2];
if (!file) {
  console.error('usage: node validate_openapi.mjs FILE');
  process.exit(2);
}
const doc = JSON.parse(await readFile(file, 'utf8'));
const result = await validate(doc);
if (!result.valid) {
  console.error(compileErrors(result));
  process.exit(1);
}
if (result.warnings.length) console.warn(compileErrors(result));
console.log(`valid OpenAPI ${doc.openapi}: ${Object.keys(doc.paths).length} paths`);
