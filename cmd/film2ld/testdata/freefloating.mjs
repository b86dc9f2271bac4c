// freefloating.mjs FILE... prints a JSON array holding, for each JSON-LD
// FILE, the objects jsonld.js, the reference JSON-LD processor, drops as
// free-floating while expanding it: [only @id, only @value, only @list]
// counts, from its expansion events. Offline, as canonize.mjs is.
import {readFileSync} from 'node:fs';
import {jsonld, documentLoader} from '../../../tools/reference.mjs';

const codes = ['object with only @id', 'object with only @value', 'object with only @list'];
const out = [];
for (const file of process.argv.slice(2)) {
  const counts = [0, 0, 0];
  const eventHandler = ({event, next}) => {
    const i = codes.indexOf(event.code);
    if (i >= 0) {
      counts[i]++;
    }
  };
  await jsonld.expand(JSON.parse(readFileSync(file, 'utf8')), {documentLoader, eventHandler});
  out.push(counts);
}
process.stdout.write(JSON.stringify(out));
