/**
 * `node dist/bench/startup.js [--quick] [--runs N] [--graph FILE]`
 *
 * How soon a fresh process answers on the seed graph (data/graph.trig, or `--graph`):
 *  - `diplograph query NAME --no-cache`: a new process that loads the graph and the engine and
 *    evaluates the stored query, for a few stored queries;
 *  - `diplograph query NAME` answered from the answer cache (src/query/answer-cache.ts), after one run
 *    that stored the answer;
 *  - `diplograph serve`: from the spawn to the first 200 answer of /sparql (a COUNT over the graph),
 *    polled every 10 ms.
 * Every process runs as `bin/diplograph.js` runs (src/node-flags.ts). Each figure is the median of
 * `--runs` (default 5; `--quick` 2) processes, with the min and max. Writes bench/results/startup.json and
 * .md (with `--quick`, bench/results/tmp/startup-quick.*).
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../src/io.js';
import { NODE_FLAGS } from '../src/node-flags.js';
import { projectRoot } from '../src/ontology-files.js';
import { machine } from './extraction.js';
import { freePort } from './load.js';

/** One measured start-up. */
export interface StartupRow {
  what: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** The goal for it, in ms. */
  goalMs: number;
  met: boolean;
}

const BIN = join(projectRoot(), 'bin', 'diplograph.js');
/** Issue 14's goals: a fresh `diplograph query`'s first answer under 0.6 s, `serve`'s under 1.2 s. */
const QUERY_GOAL_MS = 600;
const SERVE_GOAL_MS = 1200;
const QUERIES = ['co-chairs', 'meetings-timeline', 'agreements'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const round = (x: number) => Math.round(x);

function row(what: string, times: number[], goalMs: number): StartupRow {
  const m = median(times);
  return { what, runs: times.length, medianMs: round(m), minMs: round(Math.min(...times)), maxMs: round(Math.max(...times)), goalMs, met: m < goalMs };
}

/** The wall time of one `diplograph query` process; throws when it fails or when the cache is not as expected. */
function queryOnce(name: string, graph: string, cache: 'no-cache' | 'cached'): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, [...NODE_FLAGS, BIN, 'query', name, '--graph', graph, '--verbose', ...(cache === 'no-cache' ? ['--no-cache'] : [])], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`diplograph query ${name}: ${r.stderr.trim()}`);
  if ((cache === 'cached') !== /answered from the cache/.test(r.stderr)) throw new Error(`diplograph query ${name}: expected ${cache === 'cached' ? 'an answer from the cache' : 'an evaluation'}`);
  return ms;
}

/** One `diplograph serve`: ms until its first /sparql answer (it listens once its first query worker is ready). */
async function serveOnce(graph: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...NODE_FLAGS, BIN, 'serve', '--graph', graph, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  const url = `http://127.0.0.1:${port}/sparql?query=${encodeURIComponent('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }')}`;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`diplograph serve exited: ${stderr.trim()}`);
      if (performance.now() - started > 60_000) throw new Error('diplograph serve gave no answer within 60 s');
      try {
        const r = await fetch(url, { headers: { accept: 'application/sparql-results+json' } });
        const body = await r.text();
        if (r.ok && body.includes('"n"')) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    child.kill();
  }
}

export async function measureStartup(graph: string, runs: number): Promise<StartupRow[]> {
  const rows: StartupRow[] = [];
  // The cached runs use an answer cache of their own: a copy of the graph in a temporary folder.
  const dir = mkdtempSync(join(tmpdir(), 'diplograph-startup-'));
  try {
    const copy = join(dir, 'graph.trig');
    copyFileSync(graph, copy);
    // The first process after a build writes V8's code cache of the engine bundle (src/query/code-cache.ts),
    // which every later one reads: that one is not measured.
    queryOnce(QUERIES[0], graph, 'no-cache');
    for (const name of QUERIES) {
      rows.push(row(`diplograph query ${name} --no-cache (first answer of a fresh process)`, Array.from({ length: runs }, () => queryOnce(name, graph, 'no-cache')), QUERY_GOAL_MS));
      spawnSync(process.execPath, [...NODE_FLAGS, BIN, 'query', name, '--graph', copy]); // evaluates it and stores the answer
      rows.push(row(`diplograph query ${name} (from the answer cache)`, Array.from({ length: runs }, () => queryOnce(name, copy, 'cached')), QUERY_GOAL_MS));
    }
    const serves: number[] = [];
    for (let i = 0; i < runs; i++) serves.push(await serveOnce(graph));
    rows.push(row('diplograph serve: first /sparql answer', serves, SERVE_GOAL_MS));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export function toMarkdown(rows: StartupRow[], m: ReturnType<typeof machine>, graph: string, load: number[]): string {
  return [
    `Start-up on the seed graph (${graph}); ${m.cpus} x ${m.model}, ${m.memory}, Node ${m.node}; flags ${NODE_FLAGS.join(' ')}.`,
    `Load average (1 min) before → after: ${load.map((x) => x.toFixed(1)).join(' → ')}.`,
    '',
    '| what | runs | median | min | max | goal | met |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...rows.map((r) => `| ${r.what} | ${r.runs} | ${r.medianMs} ms | ${r.minMs} ms | ${r.maxMs} ms | < ${r.goalMs} ms | ${r.met ? 'yes' : 'no'} |`),
    '',
  ].join('\n');
}

async function main(argv: string[]): Promise<void> {
  const quick = argv.includes('--quick');
  const at = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const runs = Number(at('--runs') ?? (quick ? 2 : 5));
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs: give a whole number of at least 1');
  const graph = at('--graph') ?? join(projectRoot(), 'data', 'graph.trig');
  if (!existsSync(graph)) throw new Error(`${graph}: no such graph file (run npm start first, or give --graph FILE)`);
  const before = loadavg()[0];
  const rows = await measureStartup(graph, runs);
  const m = machine();
  const dir = join(projectRoot(), 'bench', 'results', ...(quick ? ['tmp'] : []));
  mkdirSync(dir, { recursive: true });
  const name = quick ? 'startup-quick' : 'startup';
  const shown = graph.startsWith(projectRoot()) ? graph.slice(projectRoot().length + 1) : graph;
  const md = toMarkdown(rows, m, shown, [before, loadavg()[0]]);
  writeFileAtomic(join(dir, `${name}.json`), `${JSON.stringify({ part: 'startup', machine: m, graph: shown, rows }, null, 2)}\n`);
  writeFileAtomic(join(dir, `${name}.md`), md);
  process.stdout.write(md);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`bench/startup: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
