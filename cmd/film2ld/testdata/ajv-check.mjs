// Validates nodes against film2ld's printed JSON Schemas with ajv, an
// independent draft-07 validator. Input (argv[2]): {"schemas": {TYPE:
// schema}, "nodes": [{"type": TYPE, "node": {...}}]}. Output: one line per
// node, "ok" or the errors. Formats are not asserted (ajv needs a plugin
// for them; film2ld's own validator checks "uri-reference").
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(process.env.NODE_PATH + "/");
const Ajv = require("ajv");
const input = JSON.parse(readFileSync(process.argv[2], "utf8"));
// Each printed schema is a document of its own, bundling the files it
// refers to, so each gets its own ajv instance, as a user's would.
const validators = {};
for (const [type, schema] of Object.entries(input.schemas)) {
  const ajv = new (Ajv.default || Ajv)({ strict: false, validateFormats: false, allErrors: true });
  validators[type] = ajv.compile(schema);
}
for (const { type, node } of input.nodes) {
  const v = validators[type];
  console.log(v(node) ? "ok" : JSON.stringify(v.errors));
}
