/**
 * `node dist/bench/export.js [--quick] [--sizes 100000,1000000] [--formats ntriples,turtle,jsonld,framed] [--peers jena,rdflib] [--seed 1]`
 *
 * Export speed and memory of the whole graph. For each size, a synthetic dataset shaped like ours
 * (bench/synthetic-graph.ts, deterministic from the seed) is written as TriG to bench/results/tmp/;
 * then, for each format, a fresh Node process loads it as `diplograph export` does (N3 Store) and
 * exports it to a file: load seconds, export seconds, RSS after load and peak RSS, so that the memory
 * the export needs beyond the loaded graph shows. `ntriples-string` is the former way (the whole
 * output built as one string) for comparison, and so is `jsonld-string` (jsonld.compact of the whole graph). The peers write the same JSON-LD from the same TriG:
 * Apache Jena RIOT (`riot --output=jsonld10`, one JVM run: parse + write) and rdflib
 * (`serialize(format="json-ld")`, parse and write timed apart). Writes bench/results/export.json and .md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toJsonLd } from '../src/export/jsonld.js';
import { writeJsonLdAtomic } from '../src/export/jsonld-stream.js';
import { serializeQuads } from '../src/export/rdf-writer.js';
import { writeQuadsAtomic } from '../src/export/stream-writer.js';
import { loadStore } from '../src/graph/load.js';
import { writeFileAtomic } from '../src/io.js';
import { projectRoot } from '../src/ontology-files.js';
import { jenaAvailable, jenaClasspath, rdflibAvailable } from '../test/support/external-tools.js';
import { machine } from './extraction.js';
import { syntheticDataset } from './synthetic-graph.js';

/** One export of one size by one tool. */
export interface ExportRow {
  quads: number;
  tool: string;
  format: string;
  /** The whole run: load (or parse) and export. */
  seconds: number;
  loadSeconds?: number;
  exportSeconds?: number;
  rssAfterLoadMb?: number;
  peakRssMb: number;
  outputMb: number;
  error?: string;
}

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const MB = 2 ** 20;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** The child process: load the TriG, export it in one format, print one JSON row. */
async function child(trig: string, format: string, out: string): Promise<Omit<ExportRow, 'quads' | 'tool'>> {
  const t0 = performance.now();
  const store = loadStore(trig);
  const loadSeconds = (performance.now() - t0) / 1000;
  gc();
  const rssAfterLoadMb = process.memoryUsage().rss / MB;
  const t1 = performance.now();
  const quads = () => store.getQuads(null, null, null, null);
  if (format === 'jsonld') await writeJsonLdAtomic(out, store);
  else if (format === 'jsonld-string') writeFileAtomic(out, await toJsonLd(quads()));
  else if (format === 'framed') writeFileAtomic(out, await toJsonLd(quads(), { frame: 'meetings' }));
  else if (format === 'ntriples-string') writeFileAtomic(out, await serializeQuads(quads(), 'ntriples'));
  else await writeQuadsAtomic(out, store, format as 'ntriples' | 'turtle');
  const exportSeconds = (performance.now() - t1) / 1000;
  return {
    format, seconds: round(loadSeconds + exportSeconds, 2), loadSeconds: round(loadSeconds, 2), exportSeconds: round(exportSeconds, 2),
    rssAfterLoadMb: round(rssAfterLoadMb, 0), peakRssMb: round(process.resourceUsage().maxRSS / 1024, 0), outputMb: round(statSync(out).size / MB, 1),
  };
}

/** Runs a command under /usr/bin/time: wall seconds and the peak RSS of the process tree's largest process. */
function timed(cmd: string, args: string[], stdoutFile: string, timeoutS: number): { seconds: number; peakRssMb: number; stdout: string; error?: string } {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', 'sh', '-c', `exec "$0" "$@" > ${JSON.stringify(stdoutFile)}`, cmd, ...args], { encoding: 'utf8', timeout: timeoutS * 1000, maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t) / 1000;
  const kb = Number(/(\d+)\s*$/.exec(r.stderr ?? '')?.[1] ?? 0);
  const error = r.error ? String(r.error.message) : r.status !== 0 ? (r.stderr ?? '').trim().split('\n').slice(-3).join(' ') : undefined;
  return { seconds, peakRssMb: round(kb / 1024, 0), stdout: '', error };
}

const RDFLIB = `
import sys, time, json
from rdflib import Dataset
t = time.time(); d = Dataset(); d.parse(sys.argv[1], format="trig"); p = time.time() - t
ctx = json.load(open(sys.argv[2]))["@context"]
t = time.time(); d.serialize(destination=sys.argv[3], format="json-ld", context=ctx, indent=2); s = time.time() - t
print(json.dumps({"load": p, "export": s}))
`;

function peer(tool: string, trig: string, out: string, timeoutS: number): Omit<ExportRow, 'quads'> {
  if (tool === 'jena') {
    const r = timed('java', ['-Xmx12g', '-cp', jenaClasspath(), 'riotcmd.riot', '--output=jsonld10', trig], out, timeoutS);
    return { tool: 'Jena RIOT --output=jsonld10 (JVM start + parse + write)', format: 'jsonld', seconds: round(r.seconds, 2), peakRssMb: r.peakRssMb, outputMb: existsSync(out) ? round(statSync(out).size / MB, 1) : 0, error: r.error };
  }
  const script = join(projectRoot(), 'bench/results/tmp/rdflib-jsonld.py');
  writeFileSync(script, RDFLIB);
  const log = `${out}.log`;
  const r = timed('/usr/bin/python3', [script, trig, join(projectRoot(), 'ontology/context.jsonld'), out], log, timeoutS);
  let phases: { load?: number; export?: number } = {};
  try {
    phases = JSON.parse(spawnSync('cat', [log], { encoding: 'utf8' }).stdout.trim()) as typeof phases;
  } catch { /* a failed run prints nothing */ }
  return {
    tool: 'rdflib serialize(format="json-ld")', format: 'jsonld', seconds: round(r.seconds, 2), loadSeconds: phases.load && round(phases.load, 2), exportSeconds: phases.export && round(phases.export, 2),
    peakRssMb: r.peakRssMb, outputMb: existsSync(out) ? round(statSync(out).size / MB, 1) : 0, error: r.error,
  };
}

/** The Markdown table of the rows. */
export function toMarkdown(rows: ExportRow[], m: ReturnType<typeof machine>): string {
  const cell = (x: number | undefined) => (x === undefined ? '' : String(x));
  return [
    `Export of the whole graph (synthetic, bench/synthetic-graph.ts); ${m.cpus} × ${m.model}, ${m.memory}, Node ${m.node}, load average ${m.loadavg.join(' ')}.`,
    '',
    '| quads | tool | format | total s | load s | export s | RSS after load MB | peak RSS MB | output MB |',
    '|---:|---|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.quads} | ${r.tool} | ${r.format} | ${r.error ? `failed: ${r.error.slice(0, 80)}` : r.seconds} | ${cell(r.loadSeconds)} | ${cell(r.exportSeconds)} | ${cell(r.rssAfterLoadMb)} | ${r.peakRssMb} | ${r.outputMb} |`),
  ].join('\n') + '\n';
}

async function main(argv: string[]): Promise<void> {
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (argv[0] === '--child') {
    process.stdout.write(`${JSON.stringify(await child(argv[1], argv[2], argv[3]))}\n`);
    return;
  }
  const quick = argv.includes('--quick');
  const sizes = (arg('sizes') ?? (quick ? '10000' : '100000,1000000')).split(',').map(Number);
  const formats = (arg('formats') ?? 'ntriples,ntriples-string,turtle,jsonld,framed').split(',');
  const peers = (arg('peers') ?? (quick ? '' : 'jena,rdflib')).split(',').filter(Boolean)
    .filter((p) => (p === 'jena' ? jenaAvailable() : p === 'rdflib' ? rdflibAvailable() : false));
  const timeoutS = Number(arg('timeout') ?? 600);
  const seed = Number(arg('seed') ?? 1);
  const tmp = join(projectRoot(), 'bench/results/tmp');
  mkdirSync(tmp, { recursive: true });
  const rows: ExportRow[] = [];
  for (const n of sizes) {
    const trig = join(tmp, `export-${n}-s${seed}.trig`);
    const quads = syntheticDataset(n, seed);
    const count = quads.length;
    if (!existsSync(trig)) await writeQuadsAtomic(trig, quads, 'trig');
    quads.length = 0;
    for (const format of formats) {
      const out = join(tmp, `export-${n}.${format}.out`);
      const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=12288', fileURLToPath(import.meta.url), '--child', trig, format, out], { encoding: 'utf8', timeout: timeoutS * 1000, maxBuffer: 1 << 24 });
      const row: ExportRow = r.status === 0
        ? { quads: count, tool: 'diplograph', ...(JSON.parse(r.stdout.trim().split('\n').pop()!) as Omit<ExportRow, 'quads' | 'tool'>) }
        : { quads: count, tool: 'diplograph', format, seconds: timeoutS, peakRssMb: 0, outputMb: 0, error: r.error ? `over ${timeoutS} s` : (r.stderr ?? '').trim().split('\n').pop() };
      rows.push(row);
      rmSync(out, { force: true });
      process.stderr.write(`${n} ${format}: ${row.error ?? `${row.seconds} s (export ${row.exportSeconds} s), peak ${row.peakRssMb} MB`}\n`);
    }
    for (const p of peers) {
      const out = join(tmp, `export-${n}.${p}.jsonld`);
      const row = { quads: count, ...peer(p, trig, out, timeoutS) };
      rows.push(row);
      rmSync(out, { force: true });
      process.stderr.write(`${n} ${row.tool}: ${row.error ?? `${row.seconds} s, peak ${row.peakRssMb} MB`}\n`);
    }
  }
  const m = machine();
  // A quick run (CI smoke test) writes into bench/results/tmp/, leaving the measured figures alone.
  const suffix = quick ? '-quick' : '';
  const resultsDir = join(projectRoot(), quick ? 'bench/results/tmp' : 'bench/results');
  writeFileSync(join(resultsDir, `export${suffix}.json`), `${JSON.stringify({ part: 'export', machine: m, rows }, null, 2)}\n`);
  writeFileSync(join(resultsDir, `export${suffix}.md`), toMarkdown(rows, m));
  process.stdout.write(toMarkdown(rows, m));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`bench/export: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
