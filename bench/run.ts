/**
 * `npm run bench [-- --quick] [--sizes 100k,1m] [--warm N] [--cap SECONDS] [--seed N] [--out DIR] [--parts none]`:
 * the benchmark of issue 5, in one run.
 *
 * For each size (default 100k, 1M and 5M quads, the 5M point without Oxigraph: LARGE_SIZE; `--quick`: 10k) a synthetic dataset shaped like ours
 * (bench/synthetic-graph.ts, deterministic from the seed) is written as TriG, and every stored query,
 * its parameters bound to their defaults, is answered over that same file by each engine in its own
 * process: diplograph as the CLI runs it, diplograph as the server runs it (a worker of the query
 * pool), Apache Jena ARQ (in the JVM, JVM start reported apart; test/support/jena/BenchQueries.java)
 * and Oxigraph (npm `oxigraph`). Each engine loads the data once, then runs each query cold once and
 * warm `--warm` times (median reported); a run over the cap (default 120 s) is reported as "> cap".
 * The answers are checked equal across engines (bench/answers.ts: canonicalised rows, ORDER BY order,
 * isomorphic graphs).
 *
 * Then the other parts, when present: bench/extraction.ts and bench/export.ts (each writes
 * bench/results/PART.json); a missing part is reported and skipped.
 *
 * Writes OUT/bench.json, OUT/bench.md and OUT/bench.svg (OUT: bench/results; with --quick,
 * bench/results/quick), each atomically.
 */
import { NODE_FLAGS } from '../src/node-flags.js';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serializeQuads } from '../src/export/rdf-writer.js';
import { termKey } from '../src/graph/iris.js';
import { writeFileAtomic } from '../src/io.js';
import { projectRoot } from '../src/ontology-files.js';
import { bindParams, listQueries } from '../src/query/stored-queries.js';
import { compileWithJena, jenaClasspath, javacAvailable } from '../test/support/external-tools.js';
import { SAME_BUT_CONCAT, SAME_BUT_INTEGERS, derivedIntegersAsIntegers, differences, emptyConcatsAsEmptyStrings, readAnswer } from './answers.js';
import type { EngineRun } from './engine-child.js';
import { toMarkdown, toSvg, type BenchReport, type PartReport, type SizeReport } from './report.js';
import { ADHOC_QUERIES, BENCH_PARAMS, syntheticDataset } from './synthetic-graph.js';

/** The engines, in table order; the first is the reference the others are checked against. */
export const ENGINES = ['diplograph', 'diplograph-server', 'jena', 'oxigraph'] as const;

/** The other engineer's parts the runner also runs when their files are there. */
export const PARTS = ['extraction', 'export', 'startup'] as const;

const MB = 1024 * 1024;
const round = (x: number, d = 0) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs: number[]) => {
  if (!xs.length) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * The large point of a run (5M quads, about 6,000 articles: a research group's ten years of several
 * partners): loading, memory and the queries with Jena beside diplograph and its server. Oxigraph runs
 * there only when `--engines` names it (at 1M it already took 45 s for one stored query), and every
 * query at most 2 warm runs.
 */
export const LARGE_SIZE = 5_000_000;
export const LARGE_ENGINES = ['diplograph', 'diplograph-server', 'jena'];
const LARGE_WARM = 2;

/** The options of a run, from the command line. */
export interface BenchOptions {
  sizes: number[];
  warm: number;
  capSeconds: number;
  seed: number;
  out: string;
  quick: boolean;
  parts: boolean;
  /** Also the ad-hoc queries (ADHOC_QUERIES of bench/synthetic-graph.ts); `--adhoc none`: only the stored ones. */
  adhoc: boolean;
  /** The engines to run (`--engines diplograph,jena`): default all of ENGINES (LARGE_ENGINES from LARGE_SIZE up). */
  engines: string[];
  /** Whether `--engines` was given. */
  enginesGiven?: boolean;
}

/** Reads the command line; a bad option is an Error with a one-line message. */
export function parseOptions(argv: string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const o: BenchOptions = { sizes: quick ? [10_000] : [100_000, 1_000_000, LARGE_SIZE], warm: quick ? 2 : 5, capSeconds: quick ? 30 : 120, seed: 42, out: join(projectRoot(), 'bench', 'results', ...(quick ? ['quick'] : [])), quick, parts: true, adhoc: true, engines: [...ENGINES] };
  const size = (s: string) => {
    const n = Number(s.toLowerCase().replace(/k$/, '000').replace(/m$/, '000000'));
    if (!Number.isInteger(n) || n <= 0) throw new Error(`"${s}" is not a size (e.g. 10000, 100k, 1m)`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') continue;
    const value = () => {
      if (argv[i + 1] === undefined) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--sizes') o.sizes = value().split(',').map(size);
    else if (a === '--warm') o.warm = Number(value());
    else if (a === '--cap') o.capSeconds = Number(value());
    else if (a === '--seed') o.seed = Number(value());
    else if (a === '--out') o.out = resolve(value());
    else if (a === '--parts') o.parts = value() !== 'none';
    else if (a === '--adhoc') o.adhoc = value() !== 'none';
    else if (a === '--engines') {
      o.engines = value().split(',');
      o.enginesGiven = true;
      const unknown = o.engines.find((e) => !(ENGINES as readonly string[]).includes(e));
      if (unknown !== undefined || !o.engines.includes(ENGINES[0])) throw new Error(`--engines: a list of ${ENGINES.join(', ')}, with ${ENGINES[0]} (the reference)`);
    }
    else throw new Error(`unknown option "${a}" (use --quick, --sizes, --warm, --cap, --seed, --out, --parts none, --adhoc none, --engines LIST)`);
  }
  if (!Number.isInteger(o.warm) || o.warm < 1) throw new Error('--warm: give a whole number of at least 1');
  if (!(o.capSeconds > 0)) throw new Error('--cap: give a number of seconds');
  return o;
}

/** Runs one engine over one file; undefined (with the reason) when it cannot run. */
function runEngine(engine: string, file: string, out: string, queryFiles: string[], o: BenchOptions, jenaClasses?: string): EngineRun | string {
  mkdirSync(out, { recursive: true });
  const started = performance.now();
  const args = [file, out, String(o.warm), String(o.capSeconds), ...queryFiles];
  const child = engine === 'jena'
    ? spawnSync('java', ['-Xmx12g', '-Xss8m', '-cp', `${jenaClasses}:${jenaClasspath()}`, 'BenchQueries', ...args], { encoding: 'utf8', maxBuffer: 64 * MB })
    : spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=16384', ...NODE_FLAGS, fileURLToPath(new URL('./engine-child.js', import.meta.url)), engine, ...args], { encoding: 'utf8', maxBuffer: 64 * MB, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.status !== 0) return `${engine} failed: ${(child.stderr || String(child.error)).trim().split('\n').slice(-3).join(' ')}`;
  const r = JSON.parse(child.stdout.trim().split('\n').pop()!) as EngineRun & { jvmStartMs?: number };
  if (engine === 'jena') {
    r.engineLoadMs = r.jvmStartMs ?? 0;
    r.rssMB = undefined;
    (r as { wallMs?: number }).wallMs = performance.now() - started;
  }
  return r;
}

/** Measures one size: generates the data, runs every engine, checks the answers. */
async function measureSize(size: number, o: BenchOptions, dir: string, jenaClasses: string | undefined): Promise<SizeReport> {
  const g0 = performance.now();
  const quads = syntheticDataset(size, o.seed);
  const file = join(dir, `synthetic-${size}.trig`);
  writeFileSync(file, await serializeQuads(quads, 'trig'));
  const triples = new Set(quads.map((q) => `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`)).size;
  process.stderr.write(`bench: ${size}: ${quads.length} quads (${triples} triples merged) generated in ${round((performance.now() - g0) / 1000, 1)} s\n`);
  const queries = [...listQueries().map((q) => ({ name: q.name, text: bindParams(q, BENCH_PARAMS[q.name] ?? {}) })), ...(o.adhoc ? ADHOC_QUERIES : [])];
  const qdir = join(dir, `queries-${size}`);
  mkdirSync(qdir, { recursive: true });
  const queryFiles = queries.map((q) => {
    writeFileSync(join(qdir, `${q.name}.rq`), q.text);
    return join(qdir, `${q.name}.rq`);
  });
  const loadBefore = loadavg()[0];
  const runs: Partial<Record<string, EngineRun>> = {};
  const notes: string[] = [];
  const large = size >= LARGE_SIZE;
  const engines = ENGINES.filter((e) => o.engines.includes(e) && (!large || o.enginesGiven || LARGE_ENGINES.includes(e)));
  if (large && !o.enginesGiven) notes.push(`at ${size} quads: ${engines.join(', ')} (oxigraph only when --engines names it), at most ${LARGE_WARM} warm runs a query`);
  const sized = large ? { ...o, warm: Math.min(o.warm, LARGE_WARM) } : o;
  for (const engine of engines) {
    if (engine === 'jena' && !jenaClasses) {
      notes.push('jena: not run (Java or Debian libapache-jena-java with javac is not installed)');
      continue;
    }
    process.stderr.write(`bench: ${size}: ${engine}...\n`);
    const r = runEngine(engine, file, join(dir, `answers-${size}`, engine), queryFiles, sized, jenaClasses);
    if (typeof r === 'string') notes.push(r);
    else runs[engine] = r;
  }
  const rows = queries.map((q) => {
    const per: SizeReport['queries'][number] = { query: q.name, rows: {}, coldMs: {}, warmMs: {}, warmRuns: {}, timedOut: {}, agree: {} };
    for (const [engine, r] of Object.entries(runs)) {
      const t = r!.queries.find((x) => x.query === q.name);
      if (!t) continue;
      if (t.failed) {
        // Shown as not run, with the reason; the engine's other figures stand.
        notes.push(`${engine} ${q.name}: failed: ${t.failed}`);
        continue;
      }
      per.rows[engine] = t.rows;
      per.timedOut[engine] = t.timedOut;
      per.coldMs[engine] = t.timedOut && t.runs.length === 0 ? undefined : t.runs[0];
      per.warmMs[engine] = median(t.runs.slice(1));
      per.warmRuns[engine] = Math.max(0, t.runs.length - 1);
    }
    const reference = readAnswer(join(dir, `answers-${size}`, ENGINES[0], q.name));
    for (const engine of Object.keys(runs).filter((e) => e !== ENGINES[0])) {
      const other = readAnswer(join(dir, `answers-${size}`, engine, q.name));
      if (!reference || !other) {
        per.agree[engine] = 'not compared (no answer: over the cap)';
        continue;
      }
      // Jena up to 6.2 and Oxigraph leave GROUP_CONCAT(DISTINCT ...) of no values unbound (SPARQL 1.1: "").
      if (engine === 'jena' || engine === 'oxigraph') emptyConcatsAsEmptyStrings(q.text, other);
      let verdict = differences(q.text, reference, other) ?? 'same';
      if (engine === 'oxigraph' && verdict !== 'same' && verdict !== SAME_BUT_CONCAT) {
        const retyped = differences(q.text, derivedIntegersAsIntegers(reference), other);
        if (retyped === undefined || retyped === SAME_BUT_CONCAT) verdict = SAME_BUT_INTEGERS;
      }
      per.agree[engine] = verdict;
    }
    return per;
  });
  if (runs.diplograph) {
    process.stderr.write(`bench: ${size}: diplograph query from the answer cache...\n`);
    for (const q of queries) {
      if (ADHOC_QUERIES.some((a) => a.name === q.name)) continue; // not a stored query: `diplograph query` has no name for it
      const row = rows.find((r) => r.query === q.name)!;
      const t = cliFromCache(q.name, file);
      if (t !== undefined) row.cliCachedMs = t;
    }
  }
  const trigMB = statSync(file).size / MB;
  rmSync(file);
  rmSync(join(dir, `answers-${size}`), { recursive: true, force: true });
  return { quads: quads.length, triples, trigMB, engines: runs as Record<string, EngineRun>, queries: rows, notes, loadAverage: [round(loadBefore, 1), round(loadavg()[0], 1)] };
}

/**
 * The wall time of a whole `diplograph query NAME [--param ...] --graph FILE --verbose` process answering from the answer cache
 * (the engine process stored the answers), or undefined when it did not answer from the cache.
 */
function cliFromCache(name: string, file: string): number | undefined {
  const started = performance.now();
  const params = Object.entries(BENCH_PARAMS[name] ?? {}).flatMap(([k, v]) => ['--param', `${k}=${v}`]);
  const r = spawnSync(process.execPath, [...NODE_FLAGS, join(projectRoot(), 'bin', 'diplograph.js'), 'query', name, ...params, '--graph', file, '--verbose'], { encoding: 'utf8', maxBuffer: 256 * MB });
  const ms = performance.now() - started;
  return r.status === 0 && /answered from the cache/.test(r.stderr) ? ms : undefined;
}

/** Runs a part of the other engineer's (bench/PART.ts) if it is there; its report, or why not. */
function runPart(part: string, o: BenchOptions): PartReport {
  const source = join(projectRoot(), 'bench', `${part}.ts`);
  const script = fileURLToPath(new URL(`./${part}.js`, import.meta.url));
  if (!existsSync(source) || !existsSync(script)) return { part, status: `bench/${part}.ts is not there: skipped` };
  process.stderr.write(`bench: part ${part}...\n`);
  const child = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=16384', script, ...(o.quick ? ['--quick'] : [])], { encoding: 'utf8', maxBuffer: 64 * MB, timeout: (o.quick ? 120 : 3600) * 1000 });
  if (child.status !== 0) return { part, status: `bench/${part}.ts failed: ${(child.stderr || String(child.error)).trim().split('\n').pop()}` };
  const file = join(projectRoot(), 'bench', 'results', `${part}.json`);
  if (!existsSync(file)) return { part, status: `bench/${part}.ts wrote no bench/results/${part}.json` };
  const json = JSON.parse(readFileSync(file, 'utf8')) as { rows?: Array<Record<string, unknown>> };
  return { part, status: 'ran', rows: json.rows ?? [] };
}

/** The whole run: every size, then the parts; writes the report files and returns the report. */
export async function bench(o: BenchOptions): Promise<BenchReport> {
  const dir = mkdtempSync(join(tmpdir(), 'diplograph-bench-'));
  let jenaClasses: string | undefined;
  const sizes: SizeReport[] = [];
  try {
    if (javacAvailable()) jenaClasses = compileWithJena(join(projectRoot(), 'test', 'support', 'jena', 'BenchQueries.java'));
    for (const size of o.sizes) sizes.push(await measureSize(size, o, dir, jenaClasses));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (jenaClasses) rmSync(jenaClasses, { recursive: true, force: true });
  }
  const parts = o.parts ? PARTS.map((p) => runPart(p, o)) : PARTS.map((part) => ({ part, status: 'not run (--parts none)' }));
  const report: BenchReport = {
    part: 'queries',
    date: new Date().toISOString().slice(0, 10),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model.trim() ?? '', memoryGiB: round(totalmem() / 1024 ** 3), node: process.version },
    command: `npm run bench${o.quick ? ' -- --quick' : ''}`,
    seed: o.seed,
    capSeconds: o.capSeconds,
    warm: o.warm,
    engines: [...ENGINES],
    sizes,
    parts,
  };
  mkdirSync(o.out, { recursive: true });
  writeFileAtomic(join(o.out, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileAtomic(join(o.out, 'bench.md'), toMarkdown(report));
  writeFileAtomic(join(o.out, 'bench.svg'), toSvg(report));
  return report;
}

// Run only as a script (`node dist/bench/run.js`), not when a test imports the module.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n`);
    process.exit(2);
  }
  bench(options).then(
    (r) => process.stdout.write(`${toMarkdown(r)}\nbench: wrote ${join(options.out, 'bench.json')}, bench.md and bench.svg\n`),
    (error) => {
      process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
