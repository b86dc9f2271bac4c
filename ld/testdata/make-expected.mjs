// make-expected.mjs writes the expected canonical N-Quads (NAME.nq) for every
// conformance fixture (NAME.jsonld) with the reference processor jsonld.js.
//
// Run it outside the repository's own dependencies, from a folder where
// jsonld is installed:
//
//   mkdir -p /tmp/ref && cd /tmp/ref && npm install jsonld@9.0.0
//   NODE_PATH=/tmp/ref/node_modules node ld/testdata/make-expected.mjs
//
// It is offline: the document loader serves film2ld's built-in schema.org
// context (read from ld/schemaorg/context_gen.go, the same bytes the Go code
// uses) for schema.org context URLs and refuses every other URL.
import {readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {jsonld, documentLoader} from '../../tools/reference.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, 'conformance');

const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
for (const file of readdirSync(dir).filter(f => f.endsWith('.jsonld')).sort()) {
  const name = file.slice(0, -'.jsonld'.length);
  const doc = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const opts = {algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader, safe: true};
  if (manifest[name]?.base) {
    opts.base = manifest[name].base;
  }
  const nq = await jsonld.canonize(doc, opts);
  writeFileSync(join(dir, name + '.nq'), nq);
  console.log(`${name}.nq: ${nq.split('\n').length - 1} quads`);
}
