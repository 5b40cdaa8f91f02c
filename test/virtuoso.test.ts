/**
 * diplograph against a real OpenLink Virtuoso 7: `push` uploads the seed graph, every stored query
 * answers the same remotely as on the embedded store, pushing again changes nothing, a failed push
 * (refused credentials, a rejected request, a connection dropped mid-way, a failure while swapping)
 * says what failed and leaves the data as it was, and the graph split in two parts over two Virtuoso
 * instances answers every stored query the same through Comunica's federation.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as RDF from '@rdfjs/types';
import { Store } from 'n3';
import { serializeQuads } from '../src/export/rdf-writer.js';
import { termKey } from '../src/graph/iris.js';
import { projectRoot } from '../src/ontology-files.js';
import { run, type Endpoint, type QueryResult } from '../src/query/engine.js';
import { bindParams, getQuery, listQueries } from '../src/query/stored-queries.js';
import { answer } from '../src/commands/query.js';
import { UserError } from '../src/errors.js';
import { planPush, type PushPlan } from '../src/remote/plan.js';
import { TEMP_PREFIX } from '../src/remote/push.js';
import { factory } from '../src/vocab.js';
import { requireTool, virtuosoAvailable } from './support/external-tools.js';
import { seedGraph } from './support/seed-graph.js';
import { faultyProxy, freePort, graphCounts, sparqlJson, startVirtuoso, type Virtuoso } from './support/virtuoso.js';

const BIN = join(projectRoot(), 'bin', 'diplograph.js');

/** Runs the CLI as a child process without blocking this process's event loop (the proxy runs here). */
function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: projectRoot() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/**
 * An answer as comparable text: rows in order for SELECT, the set of triples for CONSTRUCT. SPARQL
 * leaves the order of GROUP_CONCAT's items undefined (Virtuoso sorts them, Comunica keeps the order it
 * met them in), so those values are compared as sorted lists of items.
 */
function comparable(r: QueryResult, query: string): string {
  if (r.type === 'boolean') return String(r.value);
  if (r.type === 'quads') return [...new Set(r.quads.map((q: RDF.Quad) => `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`))].sort().join('\n');
  const separators = new Map<string, string>();
  for (const m of query.matchAll(/GROUP_CONCAT\s*\(\s*(?:DISTINCT\s+)?\?\w+\s*;\s*SEPARATOR\s*=\s*"([^"]*)"\s*\)\s*AS\s+\?(\w+)/gi)) separators.set(m[2], m[1]);
  const cell = (v: string, t: RDF.Term | undefined): string => {
    if (!t) return '';
    const sep = separators.get(v);
    return sep === undefined || t.termType !== 'Literal' ? termKey(t) : termKey(factory.literal(t.value.split(sep).sort().join(sep)));
  };
  return r.rows.map((row) => r.variables.map((v) => cell(v, row[v])).join('\t')).join('\n');
}

const planCounts = (plan: PushPlan): Record<string, number> => Object.fromEntries(plan.graphs.map((g) => [g.name, g.triples.length] as [string, number]).sort());

/** The endpoint with the dataset push made: the union graph as default graph, the article graphs as named graphs. */
const endpointOf = (v: Virtuoso, plans: PushPlan[]): Endpoint => ({ endpoint: v.sparql, defaultGraphs: [plans[0].unionGraph], namedGraphs: plans.flatMap((p) => p.namedGraphs) });

describe('Virtuoso 7 as a remote store (push, query, federation)', function () {
  this.timeout(120000);
  let virtuoso: Virtuoso | undefined;
  let dir: string;
  let store: Store;
  let trig: string;
  let changedTrig: string;
  let plan: PushPlan;
  let changedPlan: PushPlan;
  const extra = factory.quad(factory.namedNode('https://w3id.org/diplograph/id/person/test-person'), factory.namedNode('http://www.w3.org/2000/01/rdf-schema#label'), factory.literal('Test Person', 'en'));

  before(async function () {
    requireTool(this, virtuosoAvailable(), 'OpenLink Virtuoso 7 (virtuoso-t)', 'apt-get install virtuoso-opensource');
    const seed = await seedGraph();
    store = new Store(seed.quads);
    plan = planPush(seed.quads);
    dir = mkdtempSync(join(tmpdir(), 'diplograph-push-'));
    trig = join(dir, 'graph.trig');
    writeFileSync(trig, seed.trig);
    // The same graph with one more triple in the first article: a push of it that failed must leave no trace.
    const article = plan.namedGraphs[0];
    const changed = [...seed.quads, factory.quad(extra.subject, extra.predicate, extra.object, factory.namedNode(article))];
    changedPlan = planPush(changed);
    changedTrig = join(dir, 'changed.trig');
    writeFileSync(changedTrig, await serializeQuads(changed, 'trig'));
    virtuoso = await startVirtuoso();
  });

  after(async () => {
    await virtuoso?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const pushArgs = (v: { sparql: string }, file = trig, ...more: string[]) => ['push', '--endpoint', v.sparql, '--user', 'dba', '--password', 'dba', '--graph', file, ...more];

  it('push uploads one graph per article and the union graph, with exactly the planned triples', async () => {
    const v = virtuoso!;
    const r = await cli(pushArgs(v));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^pushed 8 graphs \\(${plan.graphs.reduce((n, g) => n + g.triples.length, 0)} triples\\) to ${v.gsp}\n`));
    assert.ok(r.stdout.endsWith(`query it with:\n  diplograph query <name> --endpoint ${v.sparql} --dataset https://w3id.org/diplograph/id/graph/dataset\n`), r.stdout);
    assert.deepEqual(await graphCounts(v), planCounts(plan));
    // The union graph is the merge: each triple once, though 60 triples are in two or more articles.
    assert.equal(plan.graphs.find((g) => g.role === 'union')!.triples.length, new Set(store.getQuads(null, null, null, null).map((q) => `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`)).size);
  });

  it('every stored query answers over Virtuoso as over the embedded store', async () => {
    const source = endpointOf(virtuoso!, [plan]);
    for (const q of listQueries()) {
      const text = bindParams(q, {});
      const local = comparable(await run(text, store, q.path), text);
      assert.ok(local.length > 0, `${q.name} answers locally`);
      assert.equal(comparable(await run(text, source, q.path), text), local, q.name);
    }
  });

  it('diplograph query --endpoint with the dataset that push printed (--dataset, or the graphs by hand) gives the embedded answer', async () => {
    const v = virtuoso!;
    const byHand = ['--default-graph', plan.unionGraph, ...plan.namedGraphs.flatMap((g) => ['--named-graph', g])];
    for (const [name, dataset] of [['articles', ['--dataset', plan.catalogGraph]], ['co-chairs', byHand]] as const) {
      const remote = await cli(['query', name, '--format', 'json', '--endpoint', v.sparql, ...dataset]);
      assert.equal(remote.code, 0, remote.stderr);
      assert.deepEqual(JSON.parse(remote.stdout).results, JSON.parse(await answer(getQuery(name), {}, store, 'json')).results, name);
    }
  });

  it('pushing again leaves the same triples in every graph, nothing duplicated, no temporary graph', async () => {
    const r = await cli(pushArgs(virtuoso!));
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(await graphCounts(virtuoso!), planCounts(plan));
  });

  it('--gsp none uploads with SPARQL Update (INSERT DATA) and leaves the same triples', async () => {
    const r = await cli(pushArgs(virtuoso!, trig, '--gsp', 'none'));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^pushed 8 graphs \\(\\d+ triples\\) to ${virtuoso!.update}\n`));
    assert.deepEqual(await graphCounts(virtuoso!), planCounts(plan));
  });

  it('refused credentials: a one-line 401 naming the URL, exit 1, nothing changed', async () => {
    const v = virtuoso!;
    const r = await cli(['push', '--endpoint', v.sparql, '--user', 'dba', '--password', 'wrong', '--graph', changedTrig]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^diplograph: push failed, nothing was changed: graph <https:\/\/w3id\.org\/diplograph\/id\/article\/000_\S+>: PUT http:\/\/127\.0\.0\.1:\d+\/sparql-graph-crud-auth\?graph=urn%3Adiplograph%3Apush%3A\S+: 401 Unauthorized: user "dba" was refused \(wrong user or password\?\)\n$/);
    assert.deepEqual(await graphCounts(v), planCounts(plan));
  });

  it('a request the server rejects: the graph, URL, status and message; the earlier data intact, no temporaries', async () => {
    const v = virtuoso!;
    // The third graph's upload (its temporary graph is urn:diplograph:push:<token>:2) is refused.
    const proxy = await faultyProxy(v.base, (req) => (req.method === 'PUT' && /%3A2$/.test(req.url) ? { status: 500, message: 'SR325: Transaction aborted' } : 'pass'));
    try {
      const r = await cli(pushArgs({ sparql: `${proxy.base}/sparql` }, changedTrig));
      assert.equal(r.code, 1);
      assert.match(r.stderr, new RegExp(`^diplograph: push failed, nothing was changed: graph <${changedPlan.graphs[2].name}>: PUT ${proxy.base}/sparql-graph-crud-auth\\?graph=\\S+: 500 Internal Server Error: SR325: Transaction aborted\n$`));
      assert.ok(proxy.requests.some((q) => q.method === 'POST' && /DROP\+SILENT\+GRAPH/.test(q.body)), 'the temporaries are dropped');
    } finally {
      await proxy.close();
    }
    assert.deepEqual(await graphCounts(v), planCounts(plan));
  });

  it('the server gone mid-way (connection closed during an upload): reported, the earlier data intact, no temporaries', async () => {
    const v = virtuoso!;
    const proxy = await faultyProxy(v.base, (req) => (req.method === 'PUT' && /%3A4$/.test(req.url) ? 'close' : 'pass'));
    try {
      const r = await cli(pushArgs({ sparql: `${proxy.base}/sparql` }, changedTrig));
      assert.equal(r.code, 1);
      assert.match(r.stderr, new RegExp(`^diplograph: push failed, nothing was changed: graph <${changedPlan.graphs[4].name}>: PUT ${proxy.base}/sparql-graph-crud-auth\\?graph=\\S+: the server closed the connection\n$`));
    } finally {
      await proxy.close();
    }
    assert.deepEqual(await graphCounts(v), planCounts(plan));
  });

  it('the server gone for good during the swap: each graph old or new and complete; the next push finishes and drops the leftovers', async () => {
    const v = virtuoso!;
    let moves = 0;
    let gone = false;
    const proxy = await faultyProxy(v.base, (req) => {
      if (req.method === 'POST' && /MOVE/.test(decodeURIComponent(req.body)) && ++moves === 2) gone = true;
      return gone ? 'close' : 'pass';
    });
    try {
      const r = await cli(pushArgs({ sparql: `${proxy.base}/sparql` }, changedTrig));
      assert.equal(r.code, 1);
      assert.match(r.stderr, new RegExp(`^diplograph: push failed while replacing graphs: replacing graph <${changedPlan.graphs[1].name}>: POST ${proxy.base}/sparql-auth: the server closed the connection; 1 of 8 graphs were replaced, the others keep their previous content; push again to finish; the next push drops the temporary graphs\n$`));
    } finally {
      await proxy.close();
    }
    const counts = await graphCounts(v);
    const temps = Object.keys(counts).filter((g) => g.startsWith(TEMP_PREFIX));
    assert.equal(temps.length, 7, 'the temporaries of the graphs not yet swapped are left behind (the server was gone): 8 graphs, 1 swapped');
    for (const g of changedPlan.graphs) assert.ok([planCounts(plan)[g.name], g.triples.length].includes(counts[g.name]), `${g.name} is complete`);
    assert.equal(counts[changedPlan.graphs[0].name], changedPlan.graphs[0].triples.length, 'the first graph was replaced');
    // Temporary graphs are never in the dataset that queries use.
    const dataset = `default-graph-uri=${encodeURIComponent(plan.unionGraph)}&${plan.namedGraphs.map((g) => `named-graph-uri=${encodeURIComponent(g)}`).join('&')}`;
    assert.deepEqual(await sparqlJson(`${v.sparql}?${dataset}`, `SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "${TEMP_PREFIX}")) } LIMIT 1`), []);
    const again = await cli(pushArgs(v));
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /dropping 7 temporary graph\(s\) of an earlier push that did not finish/);
    assert.deepEqual(await graphCounts(v), planCounts(plan));
  });

  it('a push without an article drops its graph; --graph-base names the graphs under another base', async () => {
    const v = virtuoso!;
    const gone = plan.namedGraphs[4];
    const fewer = (await seedGraph()).quads.filter((q) => q.graph.value !== gone);
    const file = join(dir, 'fewer.trig');
    writeFileSync(file, await serializeQuads(fewer, 'trig'));
    const r = await cli(pushArgs(v, file));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`\n  dropped <${gone}> \\(not in this push\\)\n`));
    assert.deepEqual(await graphCounts(v), planCounts(planPush(fewer)));
    const based = await cli(pushArgs(v, trig, '--graph-base', 'http://example.org/g/'));
    assert.equal(based.code, 0, based.stderr);
    assert.match(based.stdout, /<http:\/\/example\.org\/g\/article\/000_e8b7f0acafe71e35>\n/);
    const rows = await sparqlJson(v.sparql, 'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "http://example.org/g/")) } GROUP BY ?g ORDER BY ?g');
    assert.deepEqual(rows.map((b) => [b.g.value, Number(b.n.value)]), planPush(store.getQuads(null, null, null, null), { graphBase: 'http://example.org/g/' }).graphs.map((g) => [g.name, g.triples.length]).sort());
    const back = await cli(pushArgs(v));
    assert.equal(back.code, 0, back.stderr);
    assert.deepEqual(await graphCounts(v), planCounts(plan));
  });

  it('bad input is a one-line error: an unreachable store, a bad URL, a lone --user', async () => {
    const port = await freePort();
    const unreachable = await cli(['push', '--endpoint', `http://127.0.0.1:${port}/sparql`, '--graph', trig]);
    assert.equal(unreachable.code, 1);
    assert.equal(unreachable.stderr, `diplograph: looking for temporary graphs of an earlier push: POST http://127.0.0.1:${port}/sparql: connection refused (is the server running?)\n`);
    const bad = await cli(['push', '--endpoint', 'localhost:8890/sparql']);
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, 'diplograph: --endpoint: "localhost:8890/sparql" is not an http(s) URL\n');
    const lone = await cli(['push', '--endpoint', virtuoso!.sparql, '--user', 'dba']);
    assert.equal(lone.code, 2);
    assert.match(lone.stderr, /^diplograph: push: give both --user and --password/);
  });

  it("an answer cut at Virtuoso's row limit (ResultSetMaxRows, 10000 on Debian) is an error, never a short answer", async () => {
    const capped = await startVirtuoso({ maxRows: 50 });
    try {
      const pushed = await cli(pushArgs(capped));
      assert.equal(pushed.code, 0, pushed.stderr);
      const q = getQuery('areas-per-partner');
      await assert.rejects(run(bindParams(q, {}), endpointOf(capped, [plan]), q.path), (e: unknown) => e instanceof UserError
        && new RegExp(`^\\S+areas-per-partner\\.rq: SPARQL endpoint ${capped.sparql}: .*the endpoint cut the answer at its limit of 50 rows \\(X-SPARQL-MaxRows; raise Virtuoso's ResultSetMaxRows\\)`).test(e.message));
    } finally {
      await capped.stop();
    }
  });

  describe('federation: the graph in two parts on two Virtuoso instances', () => {
    let halves: Virtuoso[] = [];
    let parts: PushPlan[];
    before(async function () {
      if (!virtuoso) this.skip();
      halves = await Promise.all([startVirtuoso(), startVirtuoso()]);
      parts = [1, 2].map((index) => planPush(store.getQuads(null, null, null, null), { part: { index, count: 2 } }));
      for (const [i, v] of halves.entries()) {
        const r = await cli(pushArgs(v, trig, '--part', `${i + 1}/2`));
        assert.equal(r.code, 0, r.stderr);
      }
    });
    after(async () => {
      for (const v of halves) await v.stop();
    });

    it('each part holds its articles and its share of the union graph: disjoint, together the whole graph', async () => {
      const counts = await Promise.all(halves.map(graphCounts));
      assert.deepEqual(counts, parts.map(planCounts));
      const union = (p: PushPlan) => new Set(p.graphs.find((g) => g.role === 'union')!.triples.map((q) => `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`));
      const [a, b] = parts.map(union);
      assert.equal([...a].filter((t) => b.has(t)).length, 0);
      assert.equal(a.size + b.size, plan.graphs.find((g) => g.role === 'union')!.triples.length);
    });

    it('every stored query answers through Comunica federated over both as over the embedded store', async () => {
      const source = { endpoints: halves.map((v) => endpointOf(v, parts)) };
      for (const q of listQueries()) {
        // As diplograph query sends them to stores: the parameters in VALUES (src/commands/query.ts says why).
        const text = bindParams(q, {}, { inline: false });
        const local = comparable(await run(text, store, q.path), text);
        assert.equal(comparable(await run(text, source, q.path), text), local, q.name);
      }
    });

    it('diplograph query with two --endpoint options and --dataset answers as the embedded store', async () => {
      const remote = await cli(['query', 'areas-ranked', '--format', 'json', ...halves.flatMap((v) => ['--endpoint', v.sparql]), '--dataset', plan.catalogGraph]);
      assert.equal(remote.code, 0, remote.stderr);
      assert.deepEqual(JSON.parse(remote.stdout).results, JSON.parse(await answer(getQuery('areas-ranked'), {}, store, 'json')).results);
    });

    it('why the parts must be disjoint: the whole graph on both endpoints counts every triple twice', async () => {
      const query = 'PREFIX dg: <https://w3id.org/diplograph/ontology#> SELECT (COUNT(*) AS ?n) WHERE { ?p a dg:Person }';
      const whole = endpointOf(virtuoso!, [plan]);
      const one = await run(query, whole);
      const twice = await run(query, { endpoints: [whole, { ...whole, endpoint: `${virtuoso!.base}/sparql/` }] });
      assert.ok(one.type === 'bindings' && twice.type === 'bindings');
      assert.equal(Number(twice.rows[0].n.value), 2 * Number(one.rows[0].n.value));
    });
  });
});
