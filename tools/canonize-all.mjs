// canonize-all.mjs FILE... canonicalises each JSON-LD file with jsonld.js
// (RDFC-1.0), in one process, and prints the total number of quads. It is
// the reference side of tools/compare-speed.sh; like the tests it serves
// film2ld's own copy of the schema.org context and fetches nothing.
import {readFileSync} from 'node:fs';
import {jsonld, documentLoader} from './reference.mjs';

let quads = 0;
for (const file of process.argv.slice(2)) {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  const nq = await jsonld.canonize(doc, {algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader});
  quads += nq.split('\n').length - 1;
}
console.log(`${process.argv.length - 2} files, ${quads} quads`);
