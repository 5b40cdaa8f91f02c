/**
 * A real SPARQL client against the running server: Comunica, with the server as a `sparql` source,
 * gets the same answer to every stored query as the embedded engine.
 */
import { strict as assert } from 'node:assert';
import type * as RDF from '@rdfjs/types';
import { Store } from 'n3';
import { run, type QueryResult } from '../src/query/engine.js';
import { bindParams, listQueries } from '../src/query/stored-queries.js';
import { startServer, type RunningServer } from '../src/server/server.js';
import { termKey } from '../src/graph/iris.js';
import { seedGraph } from './support/seed-graph.js';

/** An answer as comparable text: rows in order for SELECT, the set of triples for CONSTRUCT. */
function comparable(r: QueryResult): string {
  if (r.type === 'boolean') return String(r.value);
  if (r.type === 'quads') return [...new Set(r.quads.map((q: RDF.Quad) => `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`))].sort().join('\n');
  return r.rows.map((row) => r.variables.map((v) => (row[v] ? termKey(row[v]!) : '')).join('\t')).join('\n');
}

describe('a SPARQL client against the server', function () {
  this.timeout(300000);
  let server: RunningServer;
  let store: Store;
  before(async () => {
    store = new Store((await seedGraph()).quads);
    server = await startServer({ store, port: 0 });
  });
  after(() => server.close());

  it('Comunica with the server as a sparql source answers every stored query as the embedded engine does', async () => {
    const endpoint = new URL('/sparql', server.url).href;
    for (const q of listQueries()) {
      const text = bindParams(q, {});
      const local = comparable(await run(text, store, q.path));
      const remote = comparable(await run(text, { endpoint }, q.path));
      assert.ok(local.length > 0, `${q.name} answers locally`);
      assert.equal(remote, local, q.name);
    }
  });
});
