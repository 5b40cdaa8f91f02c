/**
 * `node --max-semi-space-size=64 dist/bench/profile.js [--size 1000000] [--seed 42] [--queries a,b,...]`
 *
 * Where the time of the stored queries goes inside the engine: a process generates the synthetic graph
 * (bench/synthetic-graph.ts), builds the engine's view, runs each query once to warm up, then runs them
 * again under V8's sampling profiler (node:inspector, 0.5 ms). Writes bench/results/profile.md: the warm
 * time and rows of each query, and the self time by package and by function, with the callers of the
 * three costliest functions, over all the profiled runs.
 */
import type { Profiler } from 'node:inspector';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../src/io.js';
import { NODE_FLAGS } from '../src/node-flags.js';
import { projectRoot } from '../src/ontology-files.js';
import { loadEngine, run } from '../src/query/engine.js';
import { NativeGraph } from '../src/query/native-graph.js';
import { bindParams, getQuery } from '../src/query/stored-queries.js';
import { machine } from './extraction.js';
import { ADHOC_QUERIES, BENCH_PARAMS, syntheticDataset } from './synthetic-graph.js';

const DEFAULT_QUERIES = ['meetings-timeline', 'areas-per-partner', 'co-chairs', 'persons-by-affiliation', 'partner-construct'];

type Node = Profiler.ProfileNode;

/** Where a profile node's code is: its npm package, diplograph, node, or V8's own ("(garbage collector)"). */
function place(n: Node): string {
  const url = n.callFrame.url;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.includes('/dist/')) return 'diplograph';
  return url ? 'node' : n.callFrame.functionName;
}

const where = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} (${n.callFrame.url.split(/node_modules\/|\/dist\//).pop()}:${n.callFrame.lineNumber + 1})`;

/** The rows of a "share | what" table, the largest first. */
function table(counts: Map<string, number>, total: number, top: number): string[] {
  return [...counts].filter(([, c]) => c / total >= 0.0005).sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, c]) => `| ${((100 * c) / total).toFixed(1)}% | ${k.replace(/\|/g, '\\|')} |`);
}

export function summarize(profile: Profiler.Profile): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, Node>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n);
  const samples = new Map<number, number>();
  for (const id of profile.samples ?? []) samples.set(id, (samples.get(id) ?? 0) + 1);
  const total = profile.samples?.length ?? 1;
  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, c] of samples) {
    const n = byId.get(id)!;
    packages.set(place(n), (packages.get(place(n)) ?? 0) + c);
    functions.set(where(n), (functions.get(where(n)) ?? 0) + c);
  }
  const out = ['Self time by package:', '', '| share | package |', '|---:|---|', ...table(packages, total, 15), '', 'Self time by function:', '', '| share | function |', '|---:|---|', ...table(functions, total, 20), ''];
  const costliest = [...functions].filter(([f]) => !f.startsWith('(')).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([f]) => f);
  for (const f of costliest) {
    const callers = new Map<string, number>();
    for (const [id, c] of samples) {
      const n = byId.get(id)!;
      if (where(n) !== f) continue;
      let p = parent.get(id);
      while (p && where(p) === f) p = parent.get(p.id);
      const k = p ? where(p) : '(root)';
      callers.set(k, (callers.get(k) ?? 0) + c);
    }
    out.push(`Callers of ${f}:`, '', '| share of all | caller |', '|---:|---|', ...table(callers, total, 5), '');
  }
  return out;
}

async function main(argv: string[]): Promise<void> {
  const at = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const size = Number(at('--size') ?? 1_000_000);
  const seed = Number(at('--seed') ?? 42);
  const names = (at('--queries') ?? DEFAULT_QUERIES.join(',')).split(',');
  // Comunica from its ~600 modules rather than the one-file bundle, so that the time shows by package.
  process.env.DIPLOGRAPH_NO_BUNDLE = '1';
  // As `diplograph query` holds a graph: in the native store only (src/query/native-graph.ts).
  const store = NativeGraph.fromQuads(syntheticDataset(size, seed));
  await loadEngine();
  const queries = names.map((name) => ({ name, text: ADHOC_QUERIES.find((q) => q.name === name)?.text ?? bindParams(getQuery(name), BENCH_PARAMS[name] ?? {}) }));
  for (const q of queries) await run(q.text, store, q.name);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  const timed: string[] = [];
  const load = loadavg()[0];
  for (const q of queries) {
    const started = performance.now();
    const r = await run(q.text, store, q.name);
    const rows = r.type === 'bindings' ? r.rows.length : r.type === 'quads' ? r.quads.length : 1;
    timed.push(`| ${q.name} | ${rows} | ${((performance.now() - started) / 1000).toFixed(2)} s |`);
  }
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  const m = machine();
  const md = [
    `# Where the time goes: a CPU profile of stored queries at ${store.size.toLocaleString('en')} quads`,
    '',
    `\`node ${NODE_FLAGS.join(' ')} dist/bench/profile.js --size ${size} --seed ${seed} --queries ${names.join(',')}\` (bench/profile.ts):`,
    `the synthetic graph of bench/synthetic-graph.ts, the engine's indexed view, one warm-up run of each query, then one profiled run`,
    `each (V8 sampling profiler, 0.5 ms). ${m.cpus} x ${m.model}, ${m.memory}, Node ${m.node}; 1-minute load average ${load.toFixed(1)} → ${loadavg()[0].toFixed(1)}.`,
    '',
    '| query | rows | profiled warm run |',
    '|---|---:|---:|',
    ...timed,
    '',
    ...summarize(profile),
  ].join('\n');
  writeFileAtomic(join(projectRoot(), 'bench', 'results', 'profile.md'), `${md}\n`);
  process.stdout.write(`${md}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`bench/profile: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
