// canonize.mjs [--lenient] FILE... prints a JSON array holding each FILE's canonical
// N-Quads (RDFC-1.0) as computed by jsonld.js, the reference JSON-LD
// processor, in the order given. A FILE is JSON-LD, or N-Quads when its name
// ends in .nq. One process canonicalises them all: starting Node and
// jsonld.js once per file was most of what the reference test cost. See
// tools/reference.mjs. It is offline: the schema.org context is served from
// film2ld's own generated copy (the same bytes the Go code uses) and every
// other URL is refused.
import {readFileSync} from 'node:fs';
import {jsonld, documentLoader} from '../../../tools/reference.mjs';

// --lenient first: jsonld.js drops what JSON-LD drops (a relative IRI with
// no base) rather than refusing it, as film2ld convert --lenient does.
const args = process.argv.slice(2);
const safe = args[0] !== '--lenient';
const out = [];
for (const file of safe ? args : args.slice(1)) {
  const opts = {algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader, safe};
  let input = readFileSync(file, 'utf8');
  if (file.endsWith('.nq')) {
    opts.inputFormat = 'application/n-quads';
  } else {
    input = JSON.parse(input);
  }
  out.push(await jsonld.canonize(input, opts));
}
process.stdout.write(JSON.stringify(out));
