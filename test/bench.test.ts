/** The synthetic datasets of `npm run bench:store`: deterministic, of the size asked, valid against our shapes, and answering the benchmarked queries. */
import { strict as assert } from 'node:assert';
import { Store } from 'n3';
import { BENCH_QUERIES, toMarkdown, type SizeResult } from '../bench/store-scale.js';
import { prng, syntheticDataset } from '../bench/synthetic-graph.js';
import { serializeQuads } from '../src/export/rdf-writer.js';
import { formatReport, validateShapes } from '../src/graph/validate.js';
import { select } from '../src/query/engine.js';
import { bindParams, getQuery } from '../src/query/stored-queries.js';

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

  it('reports a query over the cap as "> cap", and memory per million quads', () => {
    const r: SizeResult = { quads: 1_000_000, triples: 900_000, trigMB: 50, generateMs: 1, parseLoadMs: 12345, rssMB: 1500, heapMB: 900, rssDeltaMB: 1200, heapDeltaMB: 800,
      peakRssMB: 2000, engineLoadMs: 900, loadAverage: [1, 2], queries: [{ query: BENCH_QUERIES[0], rows: 10, coldMs: 500, warmMs: 400, warmRuns: 3, timedOut: false }, { query: BENCH_QUERIES[1], warmRuns: 0, timedOut: true }] };
    const md = toMarkdown([r], { date: '2026-01-01', machine: 'm', cores: 2, seed: 1, capSeconds: 120 });
    assert.match(md, /\| 1,000,000 \| 900,000 \| 50 \| 12\.3 s \| 1500 MB \| 900 MB \| 2000 MB \| 500 ms \/ 400 ms \(10\) \| > 120 s \/ — \| not run \(an earlier query hit the cap\) \| 1 → 2 \|/);
    assert.match(md, /1200 MB RSS, 800 MB V8 heap/);
    assert.match(md, /1-minute load before → after each size \(2 cores;/);
  });
});
