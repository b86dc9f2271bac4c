// rdfc10.mjs FILE... prints a JSON array holding each N-Quads FILE's
// canonical form (RDFC-1.0) as rdf-canonize, the reference implementation
// jsonld.js uses, computes it with a work factor of 6, or "ERR message"
// where it refuses the file; in the order given, from one Node process.
import {createRequire} from 'node:module';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';

const require = createRequire(join(process.env.NODE_PATH || '.', 'x.js'));
const canonize = require('rdf-canonize');

const out = [];
for (const file of process.argv.slice(2)) {
  try {
    out.push(await canonize.canonize(readFileSync(file, 'utf8'),
      {algorithm: 'RDFC-1.0', inputFormat: 'application/n-quads', maxWorkFactor: 6}));
  } catch (e) {
    out.push('ERR ' + e.message);
  }
}
process.stdout.write(JSON.stringify(out));
