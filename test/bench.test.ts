/** The synthetic datasets of `npm run bench:store`: deterministic, of the size asked, valid against our shapes, and answering the benchmarked queries; and the runner of `npm run bench`. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAME_BUT_CONCAT, SAME_BUT_INTEGERS, differences } from '../bench/answers.js';
import { fmtMs, ratio, type BenchReport } from '../bench/report.js';
import { Store } from 'n3';
import { BENCH_QUERIES, toMarkdown, type SizeResult } from '../bench/store-scale.js';
import { ADHOC_QUERIES, BENCH_PARAMS, prng, syntheticDataset } from '../bench/synthetic-graph.js';
import { serializeQuads } from '../src/export/rdf-writer.js';
import { formatReport, validateShapes } from '../src/graph/validate.js';
import { run, select } from '../src/query/engine.js';
import { bindParams, getQuery, listQueries } from '../src/query/stored-queries.js';
import { projectRoot } from '../src/ontology-files.js';
import { factory } from '../src/vocab.js';
import { javacAvailable } from './support/external-tools.js';

describe('bench: synthetic datasets', function () {
  this.timeout(120000);

  it('the PRNG is deterministic and spread over [0, 1)', () => {
    const a = prng(7);
    const b = prng(7);
    const xs = Array.from({ length: 1000 }, () => a());
    assert.deepEqual(xs, Array.from({ length: 1000 }, () => b()));
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    assert.ok(Math.abs(xs.reduce((s, x) => s + x, 0) / xs.length - 0.5) < 0.05);
    assert.notDeepEqual(xs.slice(0, 10), Array.from({ length: 10 }, prng(8)));
  });

  it('one seed and size give the same TriG; another seed another graph', async () => {
    const one = await serializeQuads(syntheticDataset(5000, 3), 'trig');
    assert.equal(await serializeQuads(syntheticDataset(5000, 3), 'trig'), one);
    assert.notEqual(await serializeQuads(syntheticDataset(5000, 4), 'trig'), one);
  });

  it('has at least the size asked, in one named graph per article plus the concept schemes, and conforms to ontology/shapes.ttl', async () => {
    const quads = syntheticDataset(10000, 42);
    const store = new Store(quads);
    assert.ok(store.size >= 10000 && store.size < 11000, `${store.size} quads`);
    const graphs = store.getGraphs(null, null, null);
    assert.ok(graphs.filter((g) => g.termType === 'NamedNode').length > 15);
    assert.ok(store.countQuads(null, null, null, store.getGraphs(null, null, null).find((g) => g.termType === 'DefaultGraph')!) > 500);
    const report = await validateShapes(quads);
    assert.equal(report.conforms, true, formatReport(report).slice(0, 2000));
  });

  it('the benchmarked stored queries have answers over it', async () => {
    const store = new Store(syntheticDataset(10000, 42));
    for (const name of BENCH_QUERIES) {
      const { rows } = await select(bindParams(getQuery(name), {}), store, name);
      assert.ok(rows.length > 0, `${name}: ${rows.length} rows`);
    }
  });

  it('every stored query has an answer over it, with the parameters the benchmark gives it', async () => {
    const store = new Store(syntheticDataset(10000, 42));
    for (const q of listQueries()) {
      const r = await run(bindParams(q, BENCH_PARAMS[q.name] ?? {}), store, q.name);
      const n = r.type === 'bindings' ? r.rows.length : r.type === 'quads' ? r.quads.length : 1;
      assert.ok(n > 0, `${q.name}: ${n} rows`);
    }
  });

  it('reports a query over the cap as "> cap", and memory per million quads', () => {
    const r: SizeResult = { quads: 1_000_000, triples: 900_000, trigMB: 50, generateMs: 1, parseLoadMs: 12345, rssMB: 1500, heapMB: 900, rssDeltaMB: 1200, heapDeltaMB: 800,
      peakRssMB: 2000, engineLoadMs: 900, loadAverage: [1, 2], queries: [{ query: BENCH_QUERIES[0], rows: 10, coldMs: 500, warmMs: 400, warmRuns: 3, timedOut: false }, { query: BENCH_QUERIES[1], warmRuns: 0, timedOut: true }] };
    const md = toMarkdown([r], { date: '2026-01-01', machine: 'm', cores: 2, seed: 1, capSeconds: 120 });
    assert.match(md, /\| 1,000,000 \| 900,000 \| 50 \| 12\.3 s \| 1500 MB \| 900 MB \| 2000 MB \| 500 ms \/ 400 ms \(10\) \| > 120 s \/ — \| not run \(an earlier query hit the cap\) \| 1 → 2 \|/);
    assert.match(md, /1200 MB RSS, 800 MB V8 heap/);
    assert.match(md, /1-minute load before → after each size \(2 cores;/);
  });
});

describe('bench: npm run bench -- --quick (bench/run.ts)', function () {
  this.timeout(180000);
  let dir: string;
  let report: BenchReport;

  before(function () {
    dir = mkdtempSync(join(tmpdir(), 'diplograph-bench-test-'));
    const started = Date.now();
    const r = spawnSync(process.execPath, [join(projectRoot(), 'dist', 'bench', 'run.js'), '--quick', '--out', dir, '--parts', 'none'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(Date.now() - started < 90000, `the quick run took ${Date.now() - started} ms`);
    report = JSON.parse(readFileSync(join(dir, 'bench.json'), 'utf8')) as BenchReport;
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('times every stored query in every engine at 10k, cold and warm', () => {
    assert.equal(report.sizes.length, 1);
    const s = report.sizes[0];
    assert.ok(s.quads >= 10000 && s.quads < 11000);
    assert.deepEqual(s.queries.map((q) => q.query), [...listQueries().map((q) => q.name), ...ADHOC_QUERIES.map((q) => q.name)], 'the stored queries, then the ad-hoc ones');
    const engines = javacAvailable() ? ['diplograph', 'diplograph-server', 'jena', 'oxigraph'] : ['diplograph', 'diplograph-server', 'oxigraph'];
    for (const e of engines) {
      assert.ok(s.engines[e].loadMs > 0, `${e} load`);
      for (const q of s.queries) {
        assert.ok(q.coldMs[e]! > 0 && q.warmMs[e]! > 0, `${q.query} ${e}: ${q.coldMs[e]} / ${q.warmMs[e]}`);
        assert.equal(q.timedOut[e], false);
      }
    }
  });

  it('gets the same answers from every engine', () => {
    for (const q of report.sizes[0].queries) {
      assert.ok(q.rows.diplograph >= 0);
      for (const [engine, verdict] of Object.entries(q.agree)) {
        assert.ok(verdict === 'same' || (engine === 'oxigraph' && (verdict === SAME_BUT_CONCAT || verdict === SAME_BUT_INTEGERS)), `${q.query} ${engine}: ${verdict}`);
        assert.equal(q.rows[engine], q.rows.diplograph, `${q.query} ${engine}: row count`);
      }
    }
    assert.ok(report.sizes[0].queries.filter((q) => q.rows.diplograph > 0).length >= 12, 'most queries have rows');
    for (const q of report.sizes[0].queries) {
      // An ad-hoc query has no name that `diplograph query` knows: only the stored ones are timed from the cache.
      if (ADHOC_QUERIES.some((a) => a.name === q.query)) assert.equal(q.cliCachedMs, undefined, q.query);
      else assert.ok(q.cliCachedMs! > 0, `${q.query}: diplograph query answered it from the answer cache`);
    }
  });

  it('writes the table with ratios and the chart', () => {
    const md = readFileSync(join(dir, 'bench.md'), 'utf8');
    for (const q of listQueries()) assert.match(md, new RegExp(`\\| ${q.name} \\| \\d+ \\| [\\d.]+ m?s / [\\d.]+ m?s \\|`));
    assert.match(md, /diplograph ÷ Jena \(warm\) \| diplograph ÷ Oxigraph \(warm\)/);
    assert.match(md, /### extraction\n\nnot run \(--parts none\)/);
    const svg = readFileSync(join(dir, 'bench.svg'), 'utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok((svg.match(/<rect x="[\d.]+" y="[\d.]+" width="6"/g) ?? []).length >= listQueries().length * 3, 'a bar per query and engine');
    assert.match(svg, /<\/svg>\n$/);
  });
});

describe('bench: report helpers', () => {
  it('formats times, caps and ratios', () => {
    assert.equal(fmtMs(undefined, true, 120), '> 120 s');
    assert.equal(fmtMs(undefined, false, 120), '—');
    assert.equal(fmtMs(4.56, false, 120), '4.6 ms');
    assert.equal(fmtMs(1234, false, 120), '1.2 s');
    assert.equal(fmtMs(65432, false, 120), '65 s');
    assert.equal(ratio(500, false, 100, 120), '5×');
    assert.equal(ratio(150, false, 100, 120), '1.5×');
    assert.equal(ratio(undefined, true, 1000, 120), '> 120×');
    assert.equal(ratio(100, false, undefined, 120), '—');
  });

  it('tells answers apart: rows, order, GROUP_CONCAT parts in any order', () => {
    const q = 'SELECT ?s (GROUP_CONCAT(?n; separator=", ") AS ?ns) WHERE { ?s ?p ?n } GROUP BY ?s ORDER BY ?s';
    const row = (s: string, ns: string, lang?: string) => ({ s: factory.namedNode(`urn:${s}`), ns: factory.literal(ns, lang) });
    const a = { type: 'bindings' as const, variables: ['s', 'ns'], rows: [row('a', 'x, y'), row('b', 'z')] };
    assert.equal(differences(q, a, { ...a, rows: [row('a', 'y, x'), row('b', 'z')] }), undefined);
    assert.equal(differences(q, a, { ...a, rows: [row('b', 'z'), row('a', 'x, y')] }), 'rows in another ORDER BY order from row 1');
    assert.equal(differences(q, a, { ...a, rows: [row('a', 'x, y')] }), '2 rows against 1');
    assert.equal(differences(q, a, { ...a, rows: [row('a', 'x, w'), row('b', 'z')] }), 'rows differ, e.g. ?ns = "x, y"^^<http://www.w3.org/2001/XMLSchema#string> against "w, x"^^<http://www.w3.org/2001/XMLSchema#string>');
    assert.equal(differences(q, a, { ...a, rows: [row('a', 'x, y', 'en'), row('b', 'z')] }), SAME_BUT_CONCAT);
  });
});

describe('bench: start-up (bench/startup.ts)', function () {
  this.timeout(120000);

  it('times fresh query processes with and without the answer cache, and the first answer of serve', () => {
    const r = spawnSync(process.execPath, [join(projectRoot(), 'dist', 'bench', 'startup.js'), '--quick', '--runs', '1'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const { rows } = JSON.parse(readFileSync(join(projectRoot(), 'bench', 'results', 'tmp', 'startup-quick.json'), 'utf8')) as { rows: Array<{ what: string; medianMs: number; goalMs: number; met: boolean }> };
    assert.deepEqual(rows.map((x) => x.what.replace(/ \(.*\)$/, '')), [
      'diplograph query co-chairs --no-cache', 'diplograph query co-chairs',
      'diplograph query meetings-timeline --no-cache', 'diplograph query meetings-timeline',
      'diplograph query agreements --no-cache', 'diplograph query agreements',
      'diplograph serve: first /sparql answer',
    ]);
    for (const x of rows) assert.ok(x.medianMs > 0 && x.met === x.medianMs < x.goalMs, JSON.stringify(x));
    for (let i = 0; i < 6; i += 2) assert.ok(rows[i + 1].medianMs < rows[i].medianMs, `the cache answers sooner than an evaluation: ${rows[i + 1].medianMs} < ${rows[i].medianMs} ms`);
    assert.match(r.stdout, /\| diplograph serve: first \/sparql answer \| 1 \| \d+ ms \|/);
  });
});
