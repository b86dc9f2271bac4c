// dropped.mjs reads a JSON array of JSON-LD documents on standard input
// and prints, for each, what jsonld.js, the reference JSON-LD processor,
// drops while expanding it, from its expansion events: [empty object,
// object with only @id, object with only @value, object with only @list,
// free-floating scalar] counts, or null where it refuses the document.
// Offline, as cmd/film2ld's reference scripts are.
import {readFileSync} from 'node:fs';
import {jsonld, documentLoader} from '../../tools/reference.mjs';

const codes = ['empty object', 'object with only @id', 'object with only @value',
  'object with only @list', 'free-floating scalar'];
const out = [];
for (const doc of JSON.parse(readFileSync(0, 'utf8'))) {
  const counts = [0, 0, 0, 0, 0];
  const eventHandler = ({event, next}) => {
    const i = codes.indexOf(event.code);
    if (i >= 0) {
      counts[i]++;
    }
  };
  try {
    await jsonld.expand(doc, {documentLoader, eventHandler});
    out.push(counts);
  } catch (e) {
    out.push(null);
  }
}
process.stdout.write(JSON.stringify(out));
