// canonize-all.mjs FILE... canonicalises each JSON-LD file with jsonld.js
// (RDFC-1.0), in one process, and prints the total number of quads. It is
// the reference side of tools/compare-speed.sh; like the tests it serves
// film2ld's own copy of the schema.org context and fetches nothing.
import {createRequire} from 'node:module';
import {readFileSync} from 'node:fs';
import {join, dirname} from 'node:path';
import {fileURLToPath} from 'node:url';

const require = createRequire(join(process.env.NODE_PATH || '.', 'x.js'));
const jsonld = require('jsonld');
const here = dirname(fileURLToPath(import.meta.url));
const gen = readFileSync(join(here, '..', 'ld', 'schemaorg', 'context_gen.go'), 'utf8');
const start = gen.indexOf('const contextJSON = `') + 'const contextJSON = `'.length;
const context = JSON.parse(gen.slice(start, gen.indexOf('`', start)));
const documentLoader = async url => {
  if (/^https?:\/\/(www\.)?schema\.org(\/|\/docs\/jsonldcontext\.jsonld?)?$/.test(url)) {
    return {contextUrl: null, documentUrl: url, document: structuredClone(context)};
  }
  throw new Error(`refusing to load ${url}`);
};
let quads = 0;
for (const file of process.argv.slice(2)) {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  const nq = await jsonld.canonize(doc, {algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader});
  quads += nq.split('\n').length - 1;
}
console.log(`${process.argv.length - 2} files, ${quads} quads`);
