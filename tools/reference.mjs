// reference.mjs gives film2ld's Node.js scripts the reference JSON-LD
// processor, jsonld.js (found through NODE_PATH, never installed in the
// module), and an offline document loader that serves film2ld's own copy
// of the schema.org context (the same bytes the Go code embeds, read from
// ld/schemaorg/context_gen.go) and refuses every other URL.
import {createRequire} from 'node:module';
import {readFileSync} from 'node:fs';
import {join, dirname} from 'node:path';
import {fileURLToPath} from 'node:url';

const require = createRequire(join(process.env.NODE_PATH || '.', 'x.js'));
export const jsonld = require('jsonld');

const here = dirname(fileURLToPath(import.meta.url));
const gen = readFileSync(join(here, '..', 'ld', 'schemaorg', 'context_gen.go'), 'utf8');
const start = gen.indexOf('const contextJSON = `') + 'const contextJSON = `'.length;
const context = JSON.parse(gen.slice(start, gen.indexOf('`', start)));
const schemaOrg = /^https?:\/\/(www\.)?schema\.org(\/|\/docs\/jsonldcontext\.jsonld?)?$/;

export const documentLoader = async url => {
  if (schemaOrg.test(url)) {
    return {contextUrl: null, documentUrl: url, document: structuredClone(context)};
  }
  throw new Error(`refusing to load ${url}: film2ld's reference checks are offline`);
};
