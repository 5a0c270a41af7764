// Validates every element template in ../element-templates against Camunda 7's element template JSON schema
// (@camunda/element-templates-json-schema, through @bpmn-io/element-templates-validator); exits 1 on an error.
const fs = require('fs');
const path = require('path');
const { validate, getSchemaVersion } = require('@bpmn-io/element-templates-validator');

const dir = path.join(__dirname, '..', 'element-templates');
const files = fs.readdirSync(dir).filter((file) => file.endsWith('.json')).sort();
let failed = 0;
for (const file of files) {
  const { valid, errors } = validate(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
  if (!valid) {
    failed++;
    for (const error of errors) {
      console.error(`${file}: ${error.message}`);
    }
  }
}
console.log(`element templates: ${files.length} checked against schema ${getSchemaVersion()}, ${failed} invalid`);
process.exit(failed === 0 && files.length > 0 ? 0 : 1);
