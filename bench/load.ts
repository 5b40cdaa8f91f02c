/**
 * `npm run bench:load [-- --seconds S] [--concurrency C] [--graph FILE]`: the server under load.
 *
 * Starts `diplograph serve` as its own process on a free port of 127.0.0.1, then C concurrent
 * clients (Node's fetch, keep-alive connections) send requests round robin for S seconds over a mix that analysts
 * make: every stored query (default parameters) at /sparql, entity and article pages (HTML and
 * Turtle), the stored-query pages, the timeline, the network and label searches. Reports the
 * requests per second, the p50/p90/p99/max latency, the errors (any status other than 200, or a
 * failed connection), and the server's resident memory before, at its peak and after the run.
 * Writes bench/results/load.json and bench/results/load.md.
 */
import { NODE_FLAGS } from '../src/node-flags.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../src/ontology-files.js';
import { bindParams, listQueries } from '../src/query/stored-queries.js';

export interface LoadOptions {
  seconds: number;
  concurrency: number;
  graph: string;
}

export interface LoadResult {
  requests: number;
  errors: number;
  errorSamples: string[];
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  serverRssMb: { before: number; peak: number; after: number };
  paths: number;
  concurrency: number;
}

/** A free TCP port on 127.0.0.1 (bound once, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The resident memory of a process in MB (Linux /proc), worker threads included. */
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

/** The request mix: stored queries at /sparql and the pages of the UI and of Linked Data. */
export function requestMix(): string[] {
  const paths: string[] = [];
  for (const q of listQueries()) {
    paths.push(`/sparql?query=${encodeURIComponent(bindParams(q, {}))}`);
    paths.push(`/queries/${q.name}?run=1`);
  }
  for (const id of ['person/nguyen-chi-vinh', 'country/france', 'org/european-union', 'meeting/002_cfb90e2054d6b7b8-1', 'article/003_99a181e7a6755caf']) {
    paths.push(`/id/${id}`, `/id/${id}.ttl`);
  }
  paths.push('/', '/timeline', '/network', '/search?q=vinh', '/search?q=defence', '/browse/persons');
  return paths;
}

/** A GET with the Accept header a client of that path sends (Node's fetch keeps connections alive). */
function get(url: string): Promise<Response> {
  return fetch(url, { headers: { accept: url.includes('/sparql?') ? 'application/sparql-results+json, text/turtle;q=0.9' : 'text/html' } });
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10;
}

async function startServe(graph: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...NODE_FLAGS, join(projectRoot(), 'bin', 'diplograph.js'), 'serve', '--graph', graph, '--port', String(port)], { cwd: projectRoot(), stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('Press Ctrl+C')) resolve();
    });
    child.stderr!.on('data', (d) => (err += d));
    child.once('exit', (code) => reject(new Error(`diplograph serve exited with ${code}: ${err}`)));
  });
  child.removeAllListeners('exit');
  return child;
}

/** Runs the load against a fresh server process and stops it. */
export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const port = await freePort();
  const server = await startServe(opts.graph, port);
  const origin = `http://127.0.0.1:${port}`;
  const paths = requestMix();
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let next = 0;
  try {
    // one pass over every path first, so that the run measures a warm server (and every path is checked once)
    for (const path of paths) {
      const r = await get(origin + path);
      await r.arrayBuffer();
      if (r.status !== 200) {
        errors++;
        if (errorSamples.length < 5) errorSamples.push(`${r.status} ${path.slice(0, 80)}`);
      }
    }
    const before = rssMb(server.pid!);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid!))), 100);
    const started = performance.now();
    const until = started + opts.seconds * 1000;
    const client = async () => {
      while (performance.now() < until) {
        const path = paths[next++ % paths.length];
        const t0 = performance.now();
        try {
          const r = await get(origin + path);
          await r.arrayBuffer();
          if (r.status !== 200) {
            errors++;
            if (errorSamples.length < 5) errorSamples.push(`${r.status} ${path.slice(0, 80)}`);
          }
        } catch (error) {
          errors++;
          if (errorSamples.length < 5) errorSamples.push(`${(error as Error).message} ${path.slice(0, 80)}`);
        }
        latencies.push(performance.now() - t0);
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency }, client));
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const after = rssMb(server.pid!);
    latencies.sort((a, b) => a - b);
    return {
      requests: latencies.length,
      errors,
      errorSamples,
      seconds: Math.round(seconds * 100) / 100,
      requestsPerSecond: Math.round(latencies.length / seconds),
      latencyMs: { p50: percentile(latencies, 50), p90: percentile(latencies, 90), p99: percentile(latencies, 99), max: percentile(latencies, 100) },
      serverRssMb: { before, peak, after },
      paths: paths.length,
      concurrency: opts.concurrency,
    };
  } finally {
    server.kill('SIGTERM');
  }
}

function markdown(r: LoadResult, graph: string): string {
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg()[0].toFixed(1)}`;
  return `# The server under load

\`npm run bench:load\` (bench/load.ts) on ${graph}; ${machine}.
${r.concurrency} concurrent keep-alive clients for ${r.seconds} s, round robin over ${r.paths} paths (every stored query at /sparql and its page, entity and article pages as HTML and Turtle, home, timeline, network, search).

| requests | requests/s | p50 | p90 | p99 | max | errors | server RSS before / peak / after |
|---:|---:|---:|---:|---:|---:|---:|---|
| ${r.requests} | ${r.requestsPerSecond} | ${r.latencyMs.p50} ms | ${r.latencyMs.p90} ms | ${r.latencyMs.p99} ms | ${r.latencyMs.max} ms | ${r.errors} | ${r.serverRssMb.before} / ${r.serverRssMb.peak} / ${r.serverRssMb.after} MB |
${r.errorSamples.length ? `\nFirst errors: ${r.errorSamples.map((e) => `\`${e}\``).join(', ')}\n` : ''}`;
}

async function main(argv: string[]): Promise<void> {
  const arg = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
  };
  const opts: LoadOptions = { seconds: Number(arg('seconds', '20')), concurrency: Number(arg('concurrency', '16')), graph: arg('graph', join(projectRoot(), 'data', 'graph.trig')) };
  const result = await runLoad(opts);
  const dir = join(projectRoot(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'load.json'), `${JSON.stringify({ part: 'load', machine: { cpus: cpus().length, model: cpus()[0]?.model.trim(), memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, loadavg: loadavg()[0] }, options: opts, result }, null, 2)}\n`);
  const md = markdown(result, opts.graph.replace(`${projectRoot()}/`, ''));
  writeFileSync(join(dir, 'load.md'), md);
  process.stdout.write(md);
  if (result.errors) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`bench:load: ${(error as Error).message}\n`);
    process.exitCode = 1;
  });
}
