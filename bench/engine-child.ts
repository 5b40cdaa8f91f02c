/**
 * One engine of `npm run bench` in its own Node process (so that engines and sizes do not share a
 * heap): loads one TriG file once, then runs each query cold once, writing its answer as
 * OUT/NAME.srj (SPARQL JSON) or OUT/NAME.nt, and then WARM more times. Prints one JSON line
 * ({@link EngineRun}).
 *
 * Engines:
 *  - `diplograph`: as `diplograph query` runs a query: the TriG parsed straight into the native store
 *    (src/graph/load.ts `loadGraph`), then src/query/engine.ts (Comunica over its native source); each
 *    first answer is also stored in the graph's answer cache (src/query/answer-cache.ts);
 *  - `diplograph-server`: as `diplograph serve` runs one: the store's quads (terms and ids) sent to a one-worker
 *    QueryPool (src/server/query-pool.ts), each query answered in the worker and sent back;
 *  - `oxigraph`: the npm `oxigraph` store (Rust compiled to WASM), loaded from the TriG, with the merge of
 *    every graph inserted into its default graph (the same dataset as ours and Jena's), answers
 *    serialised by oxigraph (SPARQL JSON or N-Triples) and parsed.
 *
 * Usage: node dist/bench/engine-child.js ENGINE DATASET.trig OUT-DIR WARM CAP-SECONDS QUERY.rq ...
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { serializeQuads } from '../src/export/rdf-writer.js';
import { termKey } from '../src/graph/iris.js';
import { loadGraph } from '../src/graph/load.js';
import { storeAnswer } from '../src/query/answer-cache.js';
import { ask, run, viewOf, type QueryResult } from '../src/query/engine.js';
import { booleanJson, toSparqlJson } from '../src/query/results.js';
import { QueryPool } from '../src/server/query-pool.js';
import { Store } from 'n3';

/** One query's runs in one engine: the first is cold, the others warm. */
export interface QueryRuns {
  query: string;
  rows: number;
  timedOut: boolean;
  /** ms of each run, the cold one first. */
  runs: number[];
  /** Why the query failed (an error other than the cap): the engine's other queries still run. */
  failed?: string;
}

/** What an engine process reports. */
export interface EngineRun {
  engine: string;
  /** Loading the engine itself (Comunica, the worker pool, the WASM module), ms; for Jena, the JVM's start. */
  engineLoadMs: number;
  /** Reading and indexing the TriG, ms (for diplograph: parsed into the native store, indexed). */
  loadMs: number;
  /** Of which: building the union-default-graph view (diplograph), starting the worker (server) or inserting the merge (oxigraph). */
  mergeMs?: number;
  rssMB?: number;
  heapMB?: number;
  queries: QueryRuns[];
}

const MB = 1024 * 1024;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** An engine: answers a query text, writing the answer to `out` when given; returns rows or triples. */
type Runner = (text: string, name: string, capMs: number, out?: string) => Promise<number>;

async function writeResult(result: QueryResult, out: string): Promise<number> {
  if (result.type === 'bindings') writeFileSync(`${out}.srj`, toSparqlJson(result));
  else if (result.type === 'boolean') writeFileSync(`${out}.srj`, booleanJson(result.value));
  else writeFileSync(`${out}.nt`, await serializeQuads(result.quads, 'ntriples'));
  return count(result);
}

/** Rows, or distinct triples (a graph is a set: Jena's and Oxigraph's CONSTRUCT answers are sets). */
function count(r: QueryResult): number {
  if (r.type === 'bindings') return r.rows.length;
  if (r.type === 'boolean') return 1;
  return new Set(r.quads.map((q) => `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`)).size;
}

async function diplograph(file: string, server: boolean): Promise<{ meta: Omit<EngineRun, 'queries' | 'engine'>; runner: Runner; close(): Promise<void> }> {
  let t = performance.now();
  let pool: QueryPool | undefined;
  if (!server) await ask('ASK { ?s ?p ?o }', new Store());
  const engineLoadMs = performance.now() - t;
  t = performance.now();
  const graph = await loadGraph(file);
  const m = performance.now();
  // As `diplograph serve`: the store's quads go to the worker (its own store); as `diplograph query`: the view is the store itself.
  if (server) pool = await QueryPool.start(graph.toWire(), { size: 1, timeoutMs: 3_600_000, maxRows: 100_000_000, maxMemoryMb: 16384 });
  else viewOf(graph);
  const mergeMs = performance.now() - m;
  const loadMs = performance.now() - t;
  gc();
  const mem = process.memoryUsage();
  const runner: Runner = async (text, name, capMs, out) => {
    const result = pool ? await pool.run(text, undefined, name) : await run(text, graph, { name, timeoutMs: capMs });
    // The first answer is kept in the graph's answer cache, as `diplograph query` keeps it, for the runner to time the CLI's repeat.
    if (out && !pool) storeAnswer(file, text, result);
    return out ? writeResult(result, out) : count(result);
  };
  return { meta: { engineLoadMs, loadMs, mergeMs, rssMB: mem.rss / MB, heapMB: mem.heapUsed / MB }, runner, close: async () => pool?.close() };
}

async function oxigraph(file: string): Promise<{ meta: Omit<EngineRun, 'queries' | 'engine'>; runner: Runner; close(): Promise<void> }> {
  let t = performance.now();
  const ox = await import('oxigraph');
  const engineLoadMs = performance.now() - t;
  const text = readFileSync(file, 'utf8');
  gc();
  const before = process.memoryUsage();
  t = performance.now();
  const store = new ox.Store();
  store.load(text, { format: 'application/trig' });
  const m = performance.now();
  store.update('INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }');
  const loadMs = performance.now() - t;
  const mergeMs = performance.now() - m;
  gc();
  const mem = process.memoryUsage();
  const runner: Runner = async (query, _name, _capMs, out) => {
    const isGraph = /^\s*(?:(?:#.*|PREFIX.*|BASE.*)?\n)*\s*(?:CONSTRUCT|DESCRIBE)\b/i.test(query);
    const answer = store.query(query, { results_format: isGraph ? 'application/n-triples' : 'application/sparql-results+json' }) as string;
    if (isGraph) {
      if (out) writeFileSync(`${out}.nt`, answer);
      return new Set(answer.split('\n').filter((l) => l.trim())).size;
    }
    if (out) writeFileSync(`${out}.srj`, answer);
    const json = JSON.parse(answer) as { results?: { bindings: unknown[] } };
    return json.results ? json.results.bindings.length : 1;
  };
  return {
    meta: { engineLoadMs, loadMs, mergeMs, rssMB: (mem.rss - before.rss) / MB + before.rss / MB, heapMB: mem.heapUsed / MB },
    runner,
    close: async () => (store as unknown as { free?: () => void }).free?.(),
  };
}

async function main(argv: string[]): Promise<void> {
  const [engine, file, out, warmText, capText, ...queries] = argv;
  const warm = Number(warmText);
  const capMs = Number(capText) * 1000;
  const setup = engine === 'oxigraph' ? await oxigraph(file) : await diplograph(file, engine === 'diplograph-server');
  const results: QueryRuns[] = [];
  for (const path of queries) {
    const name = basename(path).replace(/\.rq$/, '');
    const text = readFileSync(path, 'utf8');
    const r: QueryRuns = { query: name, rows: -1, timedOut: false, runs: [] };
    for (let i = 0; i <= warm; i++) {
      const s = performance.now();
      try {
        r.rows = await setup.runner(text, name, capMs, i === 0 ? join(out, name) : undefined);
      } catch (error) {
        if (!/no answer within/.test(String(error))) r.failed = String(error).split('\n')[0].slice(0, 300);
        else r.timedOut = true;
        break;
      }
      const ms = performance.now() - s;
      r.runs.push(ms);
      if (ms > capMs) r.timedOut = true;
      // Stop repeating once the runs add up to the cap: the warm figure then rests on fewer runs.
      if (r.timedOut || r.runs.reduce((a, b) => a + b, 0) > capMs) break;
    }
    results.push(r);
    process.stderr.write(`  ${engine} ${name}: ${r.failed ? `failed: ${r.failed}` : r.timedOut ? 'over the cap' : `${r.rows} rows, ${r.runs.map((x) => Math.round(x)).join(' ')} ms`}\n`);
  }
  await setup.close();
  const report: EngineRun = { engine, ...setup.meta, queries: results };
  process.stdout.write(`${JSON.stringify(report)}\n`);
  // A query stopped at the cap may leave Comunica work queued: end the process now.
  process.exit(0);
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`bench engine ${process.argv[2]}: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
