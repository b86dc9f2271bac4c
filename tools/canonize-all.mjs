// canonize-all.mjs OUT FILE... canonicalises each JSON-LD file with
// jsonld.js (RDFC-1.0), in one process on one core (Node runs JavaScript on
// one thread), writes every file's canonical N-Quads to OUT, one after the
// other, and prints the total number of quads. It is the reference side of
// tools/compare-speed.sh; like the tests it serves film2ld's own copy of the
// schema.org context and fetches nothing.
import {readFileSync, writeFileSync} from 'node:fs';
import {jsonld, documentLoader} from './reference.mjs';

const [out, ...files] = process.argv.slice(2);
let quads = 0;
const parts = [];
for (const file of files) {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  const nq = await jsonld.canonize(doc, {algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader});
  quads += nq.split('\n').length - 1;
  parts.push(nq);
}
writeFileSync(out, parts.join(''));
console.log(`${files.length} files, ${quads} quads`);
