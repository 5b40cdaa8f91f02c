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
import { rdflibAsync, requireTool, sparqlWrapperAvailable } from './support/external-tools.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

  it("rdflib's SPARQLWrapper and SPARQLStore get the same rows as the embedded engine for every stored SELECT", async function () {
    requireTool(this, sparqlWrapperAvailable(), 'rdflib with SPARQLWrapper', 'apt-get install python3-rdflib python3-sparqlwrapper');
    const endpoint = new URL('/sparql', server.url).href;
    const queries: Array<{ name: string; text: string; rows: string[][] }> = [];
    for (const q of listQueries()) {
      const text = bindParams(q, {});
      const r = await run(text, store, q.path);
      if (r.type !== 'bindings') continue;
      queries.push({ name: q.name, text, rows: r.rows.map((row) => r.variables.map((v) => row[v]?.value ?? '')) });
    }
    const dir = mkdtempSync(join(tmpdir(), 'diplograph-clients-'));
    const input = join(dir, 'queries.json');
    writeFileSync(input, JSON.stringify(queries.map(({ name, text }) => ({ name, text }))));
    const script = [
      'import sys, json',
      'from SPARQLWrapper import SPARQLWrapper, JSON',
      'from rdflib import Graph',
      'from rdflib.plugins.stores.sparqlstore import SPARQLStore',
      'ep = sys.argv[1]; out = {}',
      'g = Graph(store=SPARQLStore(ep))',
      'for q in json.load(open(sys.argv[2])):',
      '    sw = SPARQLWrapper(ep); sw.setQuery(q["text"]); sw.setReturnFormat(JSON)',
      '    res = sw.query().convert()',
      '    wrapper = [[b.get(v, {}).get("value", "") for v in res["head"]["vars"]] for b in res["results"]["bindings"]]',
      '    store = [[str(x) if x is not None else "" for x in row] for row in g.query(q["text"])]',
      '    out[q["name"]] = {"wrapper": wrapper, "store": store}',
      'print(json.dumps(out))',
    ].join('\n');
    // The server runs in this process: the client must not block the event loop.
    const result = await rdflibAsync(script, [endpoint, input]);
    rmSync(dir, { recursive: true, force: true });
    assert.equal(result.code, 0, result.stderr);
    const answers = JSON.parse(result.stdout) as Record<string, { wrapper: string[][]; store: string[][] }>;
    for (const q of queries) {
      assert.deepEqual(answers[q.name].wrapper, q.rows, `${q.name} through SPARQLWrapper`);
      assert.deepEqual(answers[q.name].store, q.rows, `${q.name} through SPARQLStore`);
    }
  });
});
