// canonize.mjs FILE prints FILE's canonical N-Quads (RDFC-1.0) as computed
// by jsonld.js, the reference JSON-LD processor. FILE is JSON-LD, or
// N-Quads when its name ends in .nq. It is offline: the
// schema.org context is served from film2ld's own generated copy (the same
// bytes the Go code uses) and every other URL is refused.
import {createRequire} from 'node:module';
import {readFileSync} from 'node:fs';
import {join, dirname} from 'node:path';
import {fileURLToPath} from 'node:url';

const require = createRequire(join(process.env.NODE_PATH || '.', 'x.js'));
const jsonld = require('jsonld');

const here = dirname(fileURLToPath(import.meta.url));
const gen = readFileSync(join(here, '..', '..', '..', 'ld', 'schemaorg', 'context_gen.go'), 'utf8');
const start = gen.indexOf('const contextJSON = `') + 'const contextJSON = `'.length;
const context = JSON.parse(gen.slice(start, gen.indexOf('`', start)));
const schemaOrg = /^https?:\/\/(www\.)?schema\.org(\/|\/docs\/jsonldcontext\.jsonld?)?$/;
const documentLoader = async url => {
  if (schemaOrg.test(url)) {
    return {contextUrl: null, documentUrl: url, document: structuredClone(context)};
  }
  throw new Error(`refusing to load ${url}: this check is offline`);
};

const file = process.argv[2];
const opts = {algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader, safe: true};
let input = readFileSync(file, 'utf8');
if (file.endsWith('.nq')) {
  opts.inputFormat = 'application/n-quads';
} else {
  input = JSON.parse(input);
}
const nq = await jsonld.canonize(input, opts);
process.stdout.write(nq);
