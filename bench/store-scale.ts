/**
 * `npm run bench:store [-- SIZE ...] [--seed N] [--cap SECONDS]`: how far the embedded store goes.
 *
 * For each size (default 10k, 100k, 300k and 1M quads) a synthetic dataset shaped like ours
 * (bench/synthetic-graph.ts, deterministic from the seed) is written as TriG to a temporary folder,
 * then a fresh Node process (one per size, so that sizes do not share a heap) measures:
 *  - parse + load: the TriG parsed by N3.js straight into the native store (src/graph/load.ts
 *    `loadGraph`), as `diplograph query` does;
 *  - RSS and V8 heap after load (after a full GC), and the peak RSS of the process;
 *  - stored queries through the project's engine (src/query/engine.ts), with their default
 *    parameters: cold (the first run over this store; Comunica itself is loaded before, and its load
 *    time reported apart) and warm (median of up to three more runs); a run over the cap
 *    (default 120 s) is stopped and reported as "> cap".
 * Writes bench/results/store-scale.json and bench/results/store-scale.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Store } from 'n3';
import { serializeQuads } from '../src/export/rdf-writer.js';
import { projectRoot } from '../src/ontology-files.js';
import { loadGraph } from '../src/graph/load.js';
import { ask, select } from '../src/query/engine.js';
import { bindParams, getQuery } from '../src/query/stored-queries.js';
import { syntheticDataset } from './synthetic-graph.js';

/** The stored queries timed at every size, the most selective first (a query over the cap ends the runs of its size). */
export const BENCH_QUERIES = ['partner-meetings', 'area-meetings', 'meetings-timeline'];

/** One query at one size: rows, and times in ms (undefined when it ran over the cap). */
export interface QueryTiming {
  query: string;
  rows?: number;
  coldMs?: number;
  warmMs?: number;
  warmRuns: number;
  timedOut: boolean;
}

/** The measurements of one size. */
export interface SizeResult {
  quads: number;
  triples: number;
  trigMB: number;
  generateMs: number;
  parseLoadMs: number;
  rssMB: number;
  heapMB: number;
  rssDeltaMB: number;
  heapDeltaMB: number;
  peakRssMB: number;
  engineLoadMs: number;
  /** The 1-minute load average of the machine before and after the measurement (other work running on it slows the figures). */
  loadAverage: [number, number];
  queries: QueryTiming[];
}

const MB = 1024 * 1024;
const round = (x: number, d = 0) => Math.round(x * 10 ** d) / 10 ** d;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** In the child process: load one TriG file and time the queries. Prints one JSON line. */
async function measure(file: string, capSeconds: number): Promise<void> {
  const queries = BENCH_QUERIES.map((name) => ({ name, text: bindParams(getQuery(name), {}) }));
  const engineStart = performance.now();
  await ask('ASK { ?s ?p ?o }', new Store());
  const engineLoadMs = performance.now() - engineStart;
  gc();
  const before = process.memoryUsage();
  const start = performance.now();
  const store = await loadGraph(file);
  const parseLoadMs = performance.now() - start;
  gc();
  const after = process.memoryUsage();
  const timings: QueryTiming[] = [];
  for (const q of queries) {
    const t: QueryTiming = { query: q.name, warmRuns: 0, timedOut: false };
    const runs: number[] = [];
    for (let i = 0; i < 4; i++) {
      const s = performance.now();
      try {
        t.rows = (await select(q.text, store, { name: q.name, timeoutMs: capSeconds * 1000 })).rows.length;
      } catch (error) {
        if (!/no answer within/.test(String(error))) throw error;
        t.timedOut = true;
        break;
      }
      runs.push(performance.now() - s);
      // Stop repeating once a query is slow: the warm figure then rests on fewer runs.
      if (runs.reduce((a, b) => a + b, 0) > capSeconds * 1000) break;
    }
    t.coldMs = runs[0];
    const warm = runs.slice(1).sort((a, b) => a - b);
    t.warmRuns = warm.length;
    t.warmMs = warm.length ? warm[Math.floor((warm.length - 1) / 2)] : undefined;
    timings.push(t);
    if (t.timedOut) break;
  }
  process.stdout.write(`${JSON.stringify({
    quads: store.size,
    parseLoadMs,
    rssMB: after.rss / MB,
    heapMB: after.heapUsed / MB,
    rssDeltaMB: (after.rss - before.rss) / MB,
    heapDeltaMB: (after.heapUsed - before.heapUsed) / MB,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    engineLoadMs,
    queries: timings,
  })}\n`);
  // A query stopped at the cap may leave Comunica work queued: end the process now.
  process.exit(0);
}

const fmtMs = (ms: number | undefined, capSeconds: number, timedOut: boolean) =>
  timedOut ? `> ${capSeconds} s` : ms === undefined ? '—' : ms >= 10000 ? `${round(ms / 1000, 1)} s` : `${round(ms)} ms`;

/** The results as a Markdown table, with the machine and the method. */
export function toMarkdown(results: SizeResult[], meta: Record<string, string | number>): string {
  const cap = Number(meta.capSeconds);
  const lines = [
    '# Embedded store (native store + Comunica) by graph size',
    '',
    `Measured ${meta.date} on ${meta.machine}; seed ${meta.seed}; \`npm run bench:store\` (bench/store-scale.ts).`,
    '',
    '| quads | triples (merge) | TriG MB | parse + load | RSS after load | V8 heap after load | peak RSS | ' +
      BENCH_QUERIES.map((q) => `${q} cold / warm (rows)`).join(' | ') + ' | load average |',
    `|---:|---:|---:|---:|---:|---:|---:|${BENCH_QUERIES.map(() => '---:').join('|')}|---:|`,
  ];
  for (const r of results) {
    const cells = BENCH_QUERIES.map((name) => {
      const t = r.queries.find((q) => q.query === name);
      if (!t) return 'not run (an earlier query hit the cap)';
      return `${fmtMs(t.coldMs, cap, t.timedOut && t.coldMs === undefined)} / ${fmtMs(t.warmMs, cap, t.timedOut && t.coldMs !== undefined)}${t.rows !== undefined ? ` (${t.rows})` : ''}`;
    });
    lines.push(`| ${r.quads.toLocaleString('en')} | ${r.triples.toLocaleString('en')} | ${round(r.trigMB, 1)} | ${fmtMs(r.parseLoadMs, cap, false)} | ${round(r.rssMB)} MB | ${round(r.heapMB)} MB | ${round(r.peakRssMB)} MB | ${cells.join(' | ')} | ${r.loadAverage.join(' → ')} |`);
  }
  const big = results.reduce((a, b) => (b.quads > a.quads ? b : a));
  lines.push('', `Memory per million quads at the largest size: ${round((big.rssDeltaMB / big.quads) * 1e6)} MB RSS, ${round((big.heapDeltaMB / big.quads) * 1e6)} MB V8 heap (the growth from loading, after a full GC). Peak RSS is the highest RSS of the process, over loading and the queries.`,
    `The load average is the machine's 1-minute load before → after each size (${meta.cores} cores; above that number other processes were competing for the CPU).`,
    `Comunica itself loads in ${round(big.engineLoadMs)} ms (not included in the query times). Cold = first run of the query over the store; warm = median of the following runs (up to 3, fewer when the runs add up to more than the ${cap} s cap).`, '');
  return lines.join('\n');
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--child') return measure(argv[1], Number(argv[2]));
  const sizes: number[] = [];
  let seed = 42;
  let capSeconds = 120;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--seed') seed = Number(argv[++i]);
    else if (argv[i] === '--cap') capSeconds = Number(argv[++i]);
    else {
      const size = Number(argv[i].replace(/k$/i, '000').replace(/m$/i, '000000'));
      if (!Number.isInteger(size) || size <= 0) throw new Error(`"${argv[i]}" is not a size (e.g. 10000, 100k, 1m)`);
      sizes.push(size);
    }
  }
  if (!sizes.length) sizes.push(10_000, 100_000, 300_000, 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'diplograph-bench-'));
  const results: SizeResult[] = [];
  try {
    for (const size of sizes) {
      const g0 = performance.now();
      const quads = syntheticDataset(size, seed);
      const trig = await serializeQuads(quads, 'trig');
      const file = join(dir, `synthetic-${size}.trig`);
      writeFileSync(file, trig);
      const triples = new Set(quads.map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.termType}:${q.object.value}:${(q.object as { language?: string }).language ?? ''}:${(q.object as { datatype?: { value: string } }).datatype?.value ?? ''}`)).size;
      const generateMs = performance.now() - g0;
      process.stderr.write(`${size}: ${quads.length} quads generated in ${round(generateMs / 1000, 1)} s; measuring...\n`);
      const loadBefore = loadavg()[0];
      const child = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=16384', fileURLToPath(import.meta.url), '--child', file, String(capSeconds)], {
        encoding: 'utf8',
        maxBuffer: 16 * MB,
      });
      if (child.status !== 0) throw new Error(`measuring ${size} failed: ${child.stderr}`);
      const m = JSON.parse(child.stdout.trim().split('\n').pop()!) as Omit<SizeResult, 'triples' | 'trigMB' | 'generateMs' | 'loadAverage'>;
      results.push({ ...m, triples, trigMB: statSync(file).size / MB, generateMs, loadAverage: [round(loadBefore, 1), round(loadavg()[0], 1)] });
      process.stderr.write(`${size}: ${JSON.stringify(results[results.length - 1])}\n`);
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const meta = {
    date: new Date().toISOString().slice(0, 10),
    machine: `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${round(totalmem() / 1024 ** 3)} GiB RAM, Node ${process.version}`,
    cores: cpus().length,
    seed,
    capSeconds,
  };
  const out = join(projectRoot(), 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'store-scale.json'), `${JSON.stringify({ ...meta, queries: BENCH_QUERIES, results }, null, 2)}\n`);
  writeFileSync(join(out, 'store-scale.md'), toMarkdown(results, meta));
  process.stdout.write(toMarkdown(results, meta));
}

// Run only as a script (`node dist/bench/store-scale.js`), not when a test imports the module.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`bench:store: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
