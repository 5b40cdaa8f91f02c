/**
 * `node dist/bench/extraction.js [--quick] [--sizes 1000,10000] [--jobs N[,M...]] [--build-max 1000] [--seed 1] [--templates DIR ...]`
 *
 * Extraction speed and memory on the scaled corpus (bench/corpus.ts, generated into
 * bench/results/tmp/). For each size, a fresh Node process (so sizes do not share a heap):
 *  - extracts every article with the build's worker pool (src/graph/parallel.ts, `--jobs`, default the
 *    cores), in file order, and counts the quads the graph would have (article by article);
 *  - up to `--build-max` articles, also runs the whole build (extract, cross-article resolution and
 *    quads, SHACL validation, Turtle + TriG) and reports each phase.
 * Peak RSS is the process's (main thread and workers). Writes bench/results/extraction.json and .md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeGraphFiles } from '../src/commands/build.js';
import { buildDataset, datasetChunks } from '../src/graph/build.js';
import { validateShapes } from '../src/graph/validate.js';
import { articleFiles } from '../src/graph/corpus.js';
import { defaultJobs, extractFiles } from '../src/graph/parallel.js';
import { projectRoot } from '../src/ontology-files.js';
import { generateCorpus } from './corpus.js';

/** One measured size. */
export interface ExtractionRow {
  articles: number;
  jobs: number;
  seconds: number;
  articlesPerSecond: number;
  articlesPerSecondPerCore: number;
  peakRssMb: number;
  quads: number;
  /** The whole build's phases in seconds, and its peak RSS, when it was run at this size. */
  build?: {
    extract: number; build: number; validate: number; serialize: number; total: number;
    /** The peak RSS when validation ended (extraction and building need less), and at the end of the build. */
    validatePeakRssMb: number; peakRssMb: number; conforms: boolean; violations: number;
  };
}

/** The machine the figures were measured on. */
export function machine() {
  const c = cpus();
  return { cpus: c.length, model: c[0]?.model ?? 'unknown', memory: `${Math.round(totalmem() / 2 ** 30)} GiB`, node: process.version, loadavg: loadavg().map((x) => Math.round(x * 100) / 100) };
}

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const peakMb = () => round(process.resourceUsage().maxRSS / 1024, 0);

/** The child process: measures one corpus folder and prints one JSON row. */
async function child(dir: string, jobs: number, withBuild: boolean): Promise<ExtractionRow> {
  const files = articleFiles(dir);
  const t = performance.now();
  const { extractions } = await extractFiles(files, { jobs });
  const seconds = (performance.now() - t) / 1000;
  let quads = 0;
  for (const chunk of datasetChunks(extractions)) quads += chunk.length;
  const row: ExtractionRow = {
    articles: files.length, jobs, seconds: round(seconds, 2), articlesPerSecond: round(files.length / seconds),
    articlesPerSecondPerCore: round(files.length / seconds / jobs), peakRssMb: peakMb(), quads,
  };
  if (withBuild) {
    // The phases of buildGraph, timed one by one (and carried on past a violation, to time them all).
    extractions.length = 0;
    const t0 = performance.now();
    let t = t0;
    const lap = () => {
      const s = (performance.now() - t) / 1000;
      t = performance.now();
      return round(s, 2);
    };
    const { extractions: xs } = await extractFiles(files, { jobs });
    const extract = lap();
    const quadList = buildDataset(xs);
    const build = lap();
    const report = await validateShapes(quadList, undefined, { jobs });
    const validate = lap();
    const validatePeakRssMb = peakMb();
    // Written as `diplograph build` writes them: streamed into the files (then removed).
    const out = mkdtempSync(join(tmpdir(), 'diplograph-bench-build-'));
    await writeGraphFiles(quadList, join(out, 'graph.ttl'), join(out, 'graph.trig'));
    rmSync(out, { recursive: true, force: true });
    const serialize = lap();
    row.build = { extract, build, validate, serialize, total: round((performance.now() - t0) / 1000, 2), validatePeakRssMb, peakRssMb: peakMb(), conforms: report.conforms, violations: report.results.length };
  }
  return row;
}

/** The Markdown table of the rows. */
export function toMarkdown(rows: ExtractionRow[], m: ReturnType<typeof machine>): string {
  const lines = [
    `Extraction on the scaled corpus (bench/corpus.ts); ${m.cpus} × ${m.model}, ${m.memory}, Node ${m.node}, load average ${m.loadavg.join(' ')}.`,
    '',
    '| articles | jobs | seconds | articles/s | articles/s per core | peak RSS MB | quads |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.articles} | ${r.jobs} | ${r.seconds} | ${r.articlesPerSecond} | ${r.articlesPerSecondPerCore} | ${r.peakRssMb} | ${r.quads} |`),
  ];
  const built = rows.filter((r) => r.build);
  if (built.length) {
    lines.push('', 'The whole build (seconds per phase):', '', '| articles | extract | resolve + quads | SHACL validation | Turtle + TriG | total | peak RSS MB after validation | peak RSS MB | conforms |', '|---:|---:|---:|---:|---:|---:|---:|---:|---|');
    for (const r of built) {
      const b = r.build!;
      lines.push(`| ${r.articles} | ${b.extract} | ${b.build} | ${b.validate} | ${b.serialize} | ${b.total} | ${b.validatePeakRssMb} | ${b.peakRssMb} | ${b.conforms ? 'yes' : `no (${b.violations} violations)`} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<void> {
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (argv[0] === '--child') {
    process.stdout.write(`${JSON.stringify(await child(argv[1], Number(argv[2]), argv[3] === 'build'))}\n`);
    return;
  }
  const quick = argv.includes('--quick');
  const sizes = (arg('sizes') ?? (quick ? '100,300' : '1000,10000')).split(',').map(Number);
  const jobsList = (arg('jobs') ?? String(defaultJobs())).split(',').map(Number);
  const buildMax = Number(arg('build-max') ?? (quick ? 100 : 1000));
  const seed = Number(arg('seed') ?? 1);
  const templates = argv.flatMap((a, i) => (a === '--templates' ? [argv[i + 1]] : []));
  const tmp = join(projectRoot(), 'bench/results/tmp');
  const rows: ExtractionRow[] = [];
  for (const n of sizes) {
    const dir = join(tmp, `corpus-${n}-s${seed}${templates.length ? '-t' : ''}`);
    if (!existsSync(dir) || readdirSync(dir).length !== n) {
      rmSync(dir, { recursive: true, force: true });
      generateCorpus({ n, seed, outDir: dir, templateDirs: templates });
    }
    for (const jobs of jobsList) {
      const build = n <= buildMax && jobs === jobsList[jobsList.length - 1] ? 'build' : '';
      const r = spawnSync(process.execPath, ['--max-old-space-size=12288', fileURLToPath(import.meta.url), '--child', dir, String(jobs), build], { encoding: 'utf8', maxBuffer: 1 << 24 });
      if (r.status !== 0) throw new Error(`extraction of ${n} articles failed: ${r.stderr}`);
      const row = JSON.parse(r.stdout.trim().split('\n').pop()!) as ExtractionRow;
      rows.push(row);
      process.stderr.write(`${n} articles, ${jobs} jobs: ${row.articlesPerSecond} articles/s (${row.articlesPerSecondPerCore} per core), peak ${row.peakRssMb} MB, ${row.quads} quads${row.build ? `; build ${row.build.total} s` : ''}\n`);
    }
  }
  const m = machine();
  // A quick run (CI smoke test) writes into bench/results/tmp/, leaving the measured figures alone.
  const suffix = quick ? '-quick' : '';
  const resultsDir = join(projectRoot(), quick ? 'bench/results/tmp' : 'bench/results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, `extraction${suffix}.json`), `${JSON.stringify({ part: 'extraction', machine: m, rows }, null, 2)}\n`);
  writeFileSync(join(resultsDir, `extraction${suffix}.md`), toMarkdown(rows, m));
  process.stdout.write(toMarkdown(rows, m));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`bench/extraction: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
