/**
 * The server's SPARQL queries run in killable worker threads (QueryPool): a query that would run
 * forever is stopped at the timeout with 503 while other requests are still answered; the pool then
 * works again; the queue is bounded; the row cap stops collecting in the worker; a worker that runs
 * out of memory is replaced.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Store } from 'n3';
import { serveCommand } from '../src/commands/serve.js';
import { UserError } from '../src/errors.js';
import { projectRoot } from '../src/ontology-files.js';
import { HttpError } from '../src/server/http.js';
import { QueryPool } from '../src/server/query-pool.js';
import { startServer, type RunningServer } from '../src/server/server.js';
import { DEFAULT_BASE, RDFS, factory } from '../src/vocab.js';
import { seedStore } from './support/seed-graph.js';

/** The seed graph's 5 000 quads cubed: about 10^11 solutions, to be sorted. */
const CROSS = 'SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a';
/** One regular-expression match that backtracks 2^40 times: a synchronous loop that never yields. */
const REDOS = `ASK { BIND("${'a'.repeat(40)}!" AS ?x) FILTER(REGEX(?x, "^(a+)+$")) }`;
const COUNT_NAMED = 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }';
const PERSON = `${DEFAULT_BASE}person/nguyen-chi-vinh`;
const ASK_PERSON = `ASK { <${PERSON}> ?p ?o }`;
/** A cheap query with a known answer: the triples about one person (the number of distinct predicate-object pairs). */
const COUNT_PERSON = `SELECT (COUNT(*) AS ?n) WHERE { <${PERSON}> ?p ?o }`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, ok: () => boolean, ms = 10000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`gave up waiting: ${what}`);
    await sleep(10);
  }
}

interface Answer {
  status: number;
  text: string;
  headers: Headers;
  /** Milliseconds from the request to the end of the answer, and when it ended. */
  ms: number;
  at: number;
}

async function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  const t0 = performance.now();
  const r = await fetch(url, { headers });
  const text = await r.text();
  const at = performance.now();
  return { status: r.status, text, headers: r.headers, ms: at - t0, at };
}

const sparqlUrl = (server: RunningServer, query: string) => `${server.url}sparql?query=${encodeURIComponent(query)}`;

function count(a: Answer): number {
  assert.equal(a.status, 200, a.text);
  return Number((JSON.parse(a.text) as { results: { bindings: Array<{ n: { value: string } }> } }).results.bindings[0].n.value);
}

describe('diplograph serve: queries in worker threads', function () {
  this.timeout(60000);
  let store: Store;
  let namedQuads: number;
  let personTriples: number;
  before(async () => {
    store = await seedStore();
    namedQuads = store.getQuads(null, null, null, null).filter((q) => q.graph.termType !== 'DefaultGraph').length;
    personTriples = new Set(store.getQuads(factory.namedNode(PERSON), null, null, null).map((q) => `${q.predicate.value} ${q.object.value}`)).size;
    assert.ok(personTriples > 0);
  });

  it("without workers the regular expression blocks the event loop: the engine's own timeout never fires", async () => {
    // In a child process (it must not freeze this one): warm the engine up, then run REDOS with a 0.5 s timeout.
    const script = [
      "import { Store } from 'n3';",
      "import { run } from './dist/src/query/engine.js';",
      'const store = new Store();',
      "await run('ASK {}', store);",
      "setInterval(() => process.stdout.write('tick\\n'), 50);",
      "process.stdout.write('start\\n');",
      `run(${JSON.stringify(REDOS)}, store, { timeoutMs: 500 }).then(() => process.stdout.write('answer\\n'), (e) => process.stdout.write('error ' + e.message + '\\n'));`,
    ].join('\n');
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: projectRoot(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    try {
      await until('the child to start the query', () => out.includes('start'), 20000);
      await sleep(3000);
      assert.equal(child.exitCode, null, 'still running');
      const after = out.slice(out.indexOf('start'));
      assert.ok(!/tick|answer|error/.test(after), `the event loop ran: ${after}`);
    } finally {
      child.kill('SIGKILL');
    }
  });

  describe('timeout', () => {
    let server: RunningServer;
    before(async () => {
      server = await startServer({ store, port: 0, timeoutMs: 1000, workers: 2 });
    });
    after(() => server?.close());

    for (const [what, query] of [['a cross product', CROSS], ['a catastrophic regular expression', REDOS]] as const) {
      it(`${what}: 503 with a message after 1 s; meanwhile other requests are answered; then the pool works again`, async () => {
        const replaced = server.pool.stats().replaced;
        const delay = monitorEventLoopDelay({ resolution: 10 });
        delay.enable();
        const slow = get(sparqlUrl(server, query));
        await until('a worker to take the query', () => server.pool.stats().busy === 1);
        await sleep(100);
        const [other, page] = await Promise.all([get(sparqlUrl(server, ASK_PERSON)), get(`${server.url}id/person/nguyen-chi-vinh`, { Accept: 'application/n-triples' })]);
        const stopped = await slow;
        delay.disable();

        assert.equal(stopped.status, 503);
        assert.match(stopped.text, /^query: no answer within 1 s; the query was stopped; simplify the query or add LIMIT\n$/);
        assert.equal(stopped.headers.get('retry-after'), '1');
        assert.ok(stopped.ms >= 1000 && stopped.ms < 3000, `answered after ${Math.round(stopped.ms)} ms`);

        assert.equal(other.status, 200, other.text);
        assert.deepEqual(JSON.parse(other.text), { head: {}, boolean: true });
        assert.equal(page.status, 200);
        assert.match(page.text, /^<https:\/\/w3id.org\/diplograph\/id\/person\/nguyen-chi-vinh> /m);
        const latency = `SPARQL ${Math.round(other.ms)} ms, /id/ ${Math.round(page.ms)} ms, the slow query ${Math.round(stopped.ms)} ms`;
        assert.ok(other.at < stopped.at && page.at < stopped.at, `answered while the slow query ran: ${latency}`);
        assert.ok(other.ms < 700 && page.ms < 500, `latency while the slow query ran: SPARQL ${Math.round(other.ms)} ms, /id/ ${Math.round(page.ms)} ms`);
        assert.ok(delay.max / 1e6 < 300, `event loop stalled ${Math.round(delay.max / 1e6)} ms`);

        assert.equal(count(await get(sparqlUrl(server, COUNT_PERSON))), personTriples, 'right after the timeout');
        assert.equal(server.pool.stats().replaced, replaced + 1);
        await until('the replacement worker', () => server.pool.stats().workers === 2);
        assert.equal(count(await get(sparqlUrl(server, COUNT_NAMED))), namedQuads, 'with the replacement');
      });
    }
  });

  describe('queue', () => {
    let server: RunningServer;
    before(async () => {
      server = await startServer({ store, port: 0, timeoutMs: 1500, workers: 1, maxQueue: 1 });
    });
    after(() => server?.close());

    it('one query waits for the busy worker; beyond the bound, 503 "too many queries in progress" with Retry-After', async () => {
      const slow = get(sparqlUrl(server, REDOS));
      await until('the worker to take the slow query', () => server.pool.stats().busy === 1);
      const waiting = get(sparqlUrl(server, COUNT_PERSON));
      await until('the query to wait', () => server.pool.stats().queued === 1);
      const refused = await get(sparqlUrl(server, COUNT_PERSON));
      assert.equal(refused.status, 503);
      assert.equal(refused.text, 'query: too many queries in progress (1 running, 1 waiting); try again shortly\n');
      assert.equal(refused.headers.get('retry-after'), '1');
      assert.ok(refused.ms < 500, `refused at once (${Math.round(refused.ms)} ms)`);

      const stopped = await slow;
      assert.equal(stopped.status, 503);
      assert.match(stopped.text, /no answer within 1.5 s/);
      const answered = await waiting;
      assert.equal(count(answered), personTriples, 'the waiting query is answered by the replacement worker');
      assert.ok(answered.at > stopped.at);
    });
  });

  describe('row cap', () => {
    let server: RunningServer;
    before(async () => {
      server = await startServer({ store, port: 0, timeoutMs: 20000, workers: 1, maxRows: 5 });
    });
    after(() => server?.close());

    it('the worker stops collecting at maxRows + 1: 400 at once for 25 million rows, and its heap stays small', async () => {
      const before = server.pool.stats().heapBytes[0];
      const rows = await get(sparqlUrl(server, 'SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }'));
      assert.equal(rows.status, 400);
      assert.equal(rows.text, 'query: result too large: more than 5 rows; add LIMIT\n');
      const triples = await get(sparqlUrl(server, 'CONSTRUCT { ?a ?b ?f } WHERE { ?a ?b ?c . ?d ?e ?f }'));
      assert.equal(triples.status, 400);
      assert.equal(triples.text, 'query: result too large: more than 5 triples; add LIMIT\n');
      assert.ok(rows.ms < 3000 && triples.ms < 3000, `${Math.round(rows.ms)} ms, ${Math.round(triples.ms)} ms`);
      const grown = server.pool.stats().heapBytes[0] - before;
      assert.ok(grown < 64 * 1024 * 1024, `the worker's heap grew by ${Math.round(grown / 1048576)} MB`);
      assert.equal(server.pool.stats().replaced, 0, 'the worker was not stopped');
      const ok = await get(sparqlUrl(server, 'SELECT * WHERE { ?s ?p ?o } LIMIT 5'));
      assert.equal((JSON.parse(ok.text) as { results: { bindings: unknown[] } }).results.bindings.length, 5);
    });
  });

  describe('QueryPool', () => {
    it('a worker that exceeds its heap limit is stopped (503) and replaced', async function () {
      this.timeout(150_000);
      // The cross product takes its time to fill 128 MB on a busy machine (over 30 s at a load average of 8 on 2 cores): the timeout only guards.
      const pool = await QueryPool.start(store.getQuads(null, null, null, null), { size: 1, timeoutMs: 100_000, maxMemoryMb: 128 });
      try {
        await assert.rejects(pool.run(CROSS), (e: unknown) => e instanceof HttpError && e.status === 503 && /^query: needed more than 128 MB of memory and was stopped/.test(e.message));
        const r = await pool.run(COUNT_PERSON);
        assert.ok(r.type === 'bindings' && Number(r.rows[0].n.value) === personTriples);
        assert.equal(pool.stats().replaced, 1);
      } finally {
        await pool.close();
      }
    });

    it('run: answers with terms, restricts to a dataset, names the query in errors; close stops it', async () => {
      const pool = await QueryPool.start(store.getQuads(null, null, null, null), { size: 1 });
      assert.ok(pool.stats().startupMs > 0);
      const article = pool.graphs.find((g) => g.startsWith(`${DEFAULT_BASE}article/`))!;
      const r = await pool.run('SELECT ?s ?o WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?o } ORDER BY ?s ?o LIMIT 1', { defaultGraphs: [article] });
      assert.ok(r.type === 'bindings');
      assert.deepEqual(r.variables, ['s', 'o']);
      const expected = store.getQuads(null, RDFS.label, null, factory.namedNode(article)).sort((a, b) => (a.subject.value < b.subject.value ? -1 : a.subject.value > b.subject.value ? 1 : 0))[0];
      assert.equal(r.rows[0].s.value, expected.subject.value);
      assert.equal(r.rows[0].o.termType, 'Literal');
      const yes = await pool.run(`ASK { GRAPH <${article}> { ?s ?p ?o } }`, { namedGraphs: [article] });
      assert.deepEqual(yes, { type: 'boolean', value: true });
      await assert.rejects(pool.run('SELECT ?s\nWHERE { ?s ?p }', undefined, 'queries/broken.rq'), (e: unknown) => e instanceof UserError && /^queries\/broken\.rq: line 2, column \d+: SPARQL syntax error/.test(e.message));
      assert.equal(pool.stats().busy, 0);
      await pool.close();
      await assert.rejects(pool.run('ASK {}'), (e: unknown) => e instanceof HttpError && e.status === 503 && /shut down/.test(e.message));
    });

    it("readyWhen 'first': start() resolves with one worker ready, answers at once, and the others follow", async () => {
      const pool = await QueryPool.start(store.getQuads(null, null, null, null), { size: 3, readyWhen: 'first' });
      try {
        const s = pool.stats();
        assert.equal(s.workers, 1, 'one worker ready');
        assert.equal(s.starting, 1, 'the next one starting, one at a time');
        const r = await pool.run(COUNT_PERSON);
        assert.ok(r.type === 'bindings' && Number(r.rows[0].n.value) === personTriples);
        await until('every worker', () => pool.stats().workers === 3, 45000);
        assert.equal(pool.stats().starting, 0);
      } finally {
        await pool.close();
      }
    });

    it('serve --workers takes a whole number of at least 1', async () => {
      await assert.rejects(serveCommand(['--workers', '0']), (e: unknown) => e instanceof UserError && e.exitCode === 2 && e.message === '--workers: "0" is not a whole number of at least 1');
      await assert.rejects(serveCommand(['--workers', 'two']), /--workers: "two" is not a whole number/);
    });
  });
});
