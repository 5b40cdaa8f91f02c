/**
 * Hostile queries against a running server on 127.0.0.1 (issue 15): deeply nested groups, chains of
 * thousands of UNIONs or OPTIONALs, deeply parenthesised expressions and SERVICE buried deep are
 * refused at once by the lexical screen, while another client is answered; memory bombs, one after
 * another and all at once, cost a worker process (503) or are refused (400), never the server, whose
 * own memory stays flat; a worker killed from outside is replaced and its client gets 503; a client
 * that goes away leaves nothing in the log.
 */
import { strict as assert } from 'node:assert';
import { connect } from 'node:net';
import { Store } from 'n3';
import { HttpError } from '../src/server/http.js';
import { screenQuery, SCREEN_DEFAULTS } from '../src/server/query-screen.js';
import { serviceIris } from '../src/query/policy.js';
import { startServer, type RunningServer } from '../src/server/server.js';
import { seedStore } from './support/seed-graph.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Answer {
  status: number;
  text: string;
  ms: number;
}

async function post(server: RunningServer, query: string): Promise<Answer> {
  const t0 = performance.now();
  const r = await fetch(`${server.url}sparql`, { method: 'POST', headers: { 'Content-Type': 'application/sparql-query' }, body: query, signal: AbortSignal.timeout(60000) });
  const text = await r.text();
  return { status: r.status, text, ms: performance.now() - t0 };
}

const ASK = 'ASK { ?s ?p ?o }';

/** The hostile queries of the issue, as probed from outside. */
const HOSTILE: Array<[string, string, RegExp]> = [
  ['5,000 nested groups', `ASK ${'{'.repeat(5000)}${'}'.repeat(5000)}`, /nested more than 32 levels deep/],
  ['2,000 nested groups', `ASK ${'{'.repeat(2000)}${'}'.repeat(2000)}`, /nested more than 32 levels deep/],
  ['3,000 chained UNIONs', `SELECT * { ${Array.from({ length: 3000 }, (_, i) => `{ ?s ?p ?o${i} }`).join(' UNION ')} }`, /more than 256 operations/],
  ['3,000 OPTIONALs', `SELECT * { ?s ?p ?o ${Array.from({ length: 3000 }, (_, i) => `OPTIONAL { ?s ?p ?x${i} }`).join(' ')} }`, /more than 256 operations/],
  ['a 6,000-deep parenthesised expression', `ASK { FILTER(${'('.repeat(6000)}1${')'.repeat(6000)}) }`, /nested more than 32 levels deep/],
  ['a chain of 5,000 additions', `ASK { FILTER(${Array(5000).fill('1').join(' + ')} > 0) }`, /more than 1024 operators/],
  ['a chain of 5,000 subtractions without spaces', `ASK { FILTER(${Array(5000).fill('1').join('-')} > 0) }`, /more than 1024 operators/],
  ['a property path of 3,000 steps', `ASK { ?s ${Array(3000).fill('<http://x/p>').join('/')} ?o }`, /more than 1024 operators/],
  ['SERVICE under 30 groups', `ASK ${'{'.repeat(30)} SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } ${'}'.repeat(30)}`, /^query: SERVICE <http:\/\/127\.0\.0\.1:9\/sparql> is not allowed here/],
];

/** Queries that make a worker need a lot of memory, or make a huge answer (the seed graph's literals, 55 KB, joined 1,187 times). */
const ALL_LITERALS = `{ SELECT (GROUP_CONCAT(STR(?o); separator="") AS ?all) WHERE { ?s ?p ?o FILTER(isLiteral(?o)) } }`;
const BOMBS = {
  /** A 65 MB literal as the answer: refused in the worker (over 16 MB), never sent to the server. */
  answer: `SELECT (GROUP_CONCAT(CONCAT(?all, STR(?o2)); separator="") AS ?x) WHERE { ${ALL_LITERALS} ?s2 ?p2 ?o2 FILTER(isLiteral(?o2)) }`,
  /** The same literal in six rows: 390 MB as JSON, which the server used to build on its main thread. */
  rows: `SELECT ?x ?k WHERE { { SELECT (GROUP_CONCAT(CONCAT(?all, STR(?o2)); separator="") AS ?x) WHERE { ${ALL_LITERALS} ?s2 ?p2 ?o2 FILTER(isLiteral(?o2)) } } VALUES ?k { 1 2 3 4 5 6 } }`,
  /** One huge string upper-cased in the worker: more than its heap. */
  heap: `SELECT (STRLEN(UCASE(GROUP_CONCAT(CONCAT(?all, STR(?o2)); separator=""))) AS ?n) WHERE { ${ALL_LITERALS} ?s2 ?p2 ?o2 }`,
};

describe('the lexical screen of queries (query-screen.ts)', () => {
  const refused = (q: string, status: number, message: RegExp) => assert.throws(() => screenQuery(q), (e: unknown) => e instanceof HttpError && e.status === status && message.test(e.message) && !e.message.includes('\n'));

  it('gives the form after the prologue; brackets, keywords and operators in strings, IRIs, comments and names do not count', () => {
    assert.deepEqual(screenQuery('PREFIX ex: <http://example.org/{{{>\nBASE <http://b/>\n# SELECT {{{\nASK { ex:s ?p "}}} UNION" }'), { form: 'ASK' });
    assert.deepEqual(screenQuery('construct where { ?s ?p ?o }'), { form: 'CONSTRUCT' });
    assert.deepEqual(screenQuery('DESCRIBE <http://x/a>'), { form: 'DESCRIBE' });
    assert.deepEqual(screenQuery('not a query at all'), { form: undefined });
    const braces = '{'.repeat(100);
    const strings = `SELECT * { ?s ?p "${braces}", '${braces}', """${braces}\n${braces}""", '''${braces}''' . ?s ?p <http://x/${braces.replace(/\{/g, '(')}> # ${braces}\n }`;
    assert.deepEqual(screenQuery(strings), { form: 'SELECT' });
    const names = `SELECT * { ${Array.from({ length: 300 }, (_, i) => `ex:UNION${i} ex:OPTIONAL ?UNION . ?s ex:a-b-c "1"^^xsd:int, "x"@en-GB, 1e-5`).join(' . ')} }`;
    assert.deepEqual(screenQuery(names), { form: 'SELECT' });
  });

  it('refuses with a one-line message that names the limit: size 413, depth, operations, operators, SERVICE and update 400', () => {
    refused('ASK {} #'.padEnd(SCREEN_DEFAULTS.maxQueryBytes + 1, 'x'), 413, /^query: the query is too large: 262145 bytes, the limit is 262144$/);
    refused(`ASK ${'{'.repeat(33)}${'}'.repeat(33)}`, 400, /^query: the query is nested more than 32 levels deep .*the limit is 32$/);
    assert.deepEqual(screenQuery(`ASK ${'{'.repeat(32)}${'}'.repeat(32)}`), { form: 'ASK' });
    refused(`ASK { ${Array(258).fill('{}').join(' union ')} }`, 400, /more than 256 operations .*the limit is 256$/);
    refused(`ASK { FILTER(${Array(1030).fill('?x').join('||')}) }`, 400, /more than 1024 operators/);
    refused(`ASK { FILTER(1${'<1'.repeat(1030)}) }`, 400, /more than 1024 operators/);
    refused('SELECT * { SERVICE SILENT ?endpoint { ?s ?p ?o } }', 400, /^query: SERVICE <\?endpoint> is not allowed here/);
    refused('PREFIX ex: <http://x/> LOAD <http://x/g>', 400, /SPARQL Update is not allowed/);
    refused('INSERT DATA { <a> <b> <c> }', 400, /SPARQL Update is not allowed/);
  });

  it('is linear: a query of 256 KB is screened in milliseconds', () => {
    const big = `SELECT * { VALUES ?x { ${Array.from({ length: 9000 }, (_, i) => `<http://example.org/${i}>`).join(' ')} } }`.slice(0, SCREEN_DEFAULTS.maxQueryBytes - 10) + ' } }';
    const t0 = performance.now();
    for (let i = 0; i < 10; i++) screenQuery(big);
    assert.ok((performance.now() - t0) / 10 < 50, `${((performance.now() - t0) / 10).toFixed(1)} ms a screen`);
  });

  it('the SERVICE walk of a parsed query is iterative: 100,000 levels do not overflow the stack', () => {
    let node: object = { type: 'service', name: { value: 'http://deep/' }, patterns: [] };
    for (let i = 0; i < 100_000; i++) node = { type: 'group', patterns: [node] };
    assert.deepEqual(serviceIris({ where: [node] }), ['http://deep/']);
  });
});

describe('diplograph serve under hostile queries', function () {
  this.timeout(180000);
  let store: Store;
  let server: RunningServer;
  before(async () => {
    store = await seedStore();
    server = await startServer({ store, port: 0, timeoutMs: 10000, workers: 2, maxMemoryMb: 256 });
  });
  after(() => server?.close());

  for (const [what, query, message] of HOSTILE) {
    it(`${what} (${Math.round(query.length / 1024)} KB): refused at once, while another client is answered within 200 ms`, async () => {
      const hostile = post(server, query);
      const other = await post(server, ASK);
      const refused = await hostile;
      assert.ok([400, 413, 503].includes(refused.status), `${refused.status} ${refused.text}`);
      assert.match(refused.text, message);
      assert.equal(refused.text.split('\n').length, 2, 'one line');
      assert.ok(refused.ms < 1000, `refused after ${Math.round(refused.ms)} ms`);
      assert.equal(other.status, 200, other.text);
      assert.deepEqual(JSON.parse(other.text), { head: {}, boolean: true });
      assert.ok(other.ms < 200, `the other client waited ${Math.round(other.ms)} ms`);
    });
  }

  it('a syntax error deep in a long query is found by the worker (400 with line and column), the server unmoved', async () => {
    const r = await post(server, `SELECT * {\n${Array.from({ length: 200 }, (_, i) => `{ ?s ?p ?o${i} } UNION`).join('\n')}\n{ ?s ?p } }`);
    assert.equal(r.status, 400);
    assert.match(r.text, /^query: line 202, column \d+: SPARQL syntax error/);
  });

  it('ten memory bombs one after another, then ten at once: 400 or 503 each, the server answers throughout and its memory stays flat', async () => {
    const kinds = Object.keys(BOMBS) as Array<keyof typeof BOMBS>;
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const statuses: number[] = [];
    try {
      for (let i = 0; i < 10; i++) {
        const r = await post(server, BOMBS[kinds[i % kinds.length]]);
        statuses.push(r.status);
        assert.ok(r.status === 400 ? /result too large: more than 16 MB/.test(r.text) : r.status === 503 && /needed more than 256 MB|no answer within/.test(r.text), `${kinds[i % kinds.length]}: ${r.status} ${r.text}`);
      }
      const all = await Promise.all(Array.from({ length: 10 }, (_, i) => post(server, BOMBS[kinds[i % kinds.length]])));
      for (const r of all) {
        statuses.push(r.status);
        assert.ok(r.status === 400 || r.status === 503, `${r.status} ${r.text}`);
      }
    } finally {
      clearInterval(sampler);
    }
    // Which refusal a bomb gets depends on the machine's speed (a slow one reaches the timeout before 16 MB of
    // answer); each one above is a 400 or a 503 with its reason, and all twenty are refused.
    assert.equal(statuses.filter((s) => s === 400 || s === 503).length, 20, statuses.join(' '));
    const grown = (peak - rss0) / 1048576;
    assert.ok(grown < 150, `the server's own memory grew by ${Math.round(grown)} MB (a 65 MB answer in six rows used to take it past 4 GB)`);
    await waitFor(() => server.pool.stats().workers === 2, 60000);
    const ok = await post(server, ASK);
    assert.equal(ok.status, 200);
    assert.ok(ok.ms < 200, `answered in ${Math.round(ok.ms)} ms after the bombs`);
  });

  it('a worker killed from outside: its client gets 503 at once, and a new worker takes its place', async () => {
    await waitFor(() => server.pool.stats().workers === 2 && server.pool.stats().busy === 0, 60000);
    const replaced = server.pool.stats().replaced;
    const slow = post(server, 'SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a');
    await waitFor(() => server.pool.stats().busy === 1, 5000);
    const { pids } = server.pool.stats();
    await sleep(100);
    for (const pid of pids) {
      try {
        process.kill(pid, 0);
      } catch {
        assert.fail(`worker ${pid} is not running`);
      }
    }
    // The busy one is the one whose heap has not answered yet; kill both to be sure of hitting it, by PID.
    for (const pid of pids) process.kill(pid, 'SIGKILL');
    const r = await slow;
    assert.equal(r.status, 503);
    assert.match(r.text, /^query: the query worker stopped unexpectedly \(signal SIGKILL\)\n$/);
    assert.ok(r.ms < 3000, `${Math.round(r.ms)} ms`);
    await waitFor(() => server.pool.stats().workers === 2, 60000);
    assert.equal(server.pool.stats().replaced, replaced + 2);
    assert.equal((await post(server, ASK)).status, 200);
  });

  it('clients that go away (mid-body, or while their query runs) leave no line and no stack trace in the log', async () => {
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      written.push(String(chunk));
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stderr.write;
    try {
      const { port } = new URL(server.url);
      for (let i = 0; i < 5; i++) {
        // half a body, then gone
        const s = connect(Number(port), '127.0.0.1');
        await new Promise((r) => s.once('connect', r));
        s.write('POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 1000\r\n\r\nASK { ?s ?p');
        await sleep(50);
        s.destroy();
        // a whole query, then gone before the answer
        const controller = new AbortController();
        const aborted = fetch(`${server.url}sparql?query=${encodeURIComponent(BOMBS.answer)}`, { signal: controller.signal }).catch(() => 'aborted');
        await sleep(100);
        controller.abort();
        assert.equal(await aborted, 'aborted');
      }
      await waitFor(() => server.pool.stats().busy === 0 && server.pool.stats().queued === 0, 60000);
      await sleep(200);
    } finally {
      process.stderr.write = write;
    }
    assert.deepEqual(written, [], 'nothing logged');
    assert.equal((await post(server, ASK)).status, 200);
  });
});

async function waitFor(ok: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('gave up waiting');
    await sleep(20);
  }
}
