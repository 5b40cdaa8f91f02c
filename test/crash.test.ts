/**
 * Nothing lost on a crash: `diplograph build` and `diplograph export` are killed with SIGKILL at
 * seeded random moments (spread over the run, and just after a temporary output file appears, that
 * is, while the graph is being written), and every output file must then be either the previous
 * complete version, byte for byte, or the new complete one (what an uninterrupted run writes), never a
 * part. Temporary files left by a killed writer are removed by the next write.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic, staleTempFiles } from '../src/io.js';
import { extractFolder } from '../src/graph/corpus.js';
import { buildDataset } from '../src/graph/build.js';
import { serializeQuads } from '../src/export/rdf-writer.js';
import { projectRoot } from '../src/ontology-files.js';
import { Rng } from './support/fuzz-inputs.js';

const BIN = join(projectRoot(), 'bin', 'diplograph.js');
const SEEDS = join(projectRoot(), 'data', 'documents');
const SEED = Number(process.env.CRASH_SEED ?? 6);
const TEMP = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/;

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r;
}

/** A folder with `copies` copies of each seed article, under names of their own. */
function corpus(dir: string, copies: number): string {
  mkdirSync(dir, { recursive: true });
  for (let c = 0; c < copies; c++) for (const f of readdirSync(SEEDS).filter((n) => n.endsWith('.txt'))) copyFileSync(join(SEEDS, f), join(dir, `c${String(c).padStart(3, '0')}_${f}`));
  return dir;
}

interface Outcome {
  /** Where the kill landed: no output changed yet, a temporary file was being written, or a file was replaced. */
  phase: 'before' | 'writing' | 'after';
}

/**
 * Runs the command, kills it with SIGKILL after `delayMs` (or, with `onWrite`, that long after the
 * first write in `outDir`: a temporary file appearing, or an output file changing), and waits for it to die.
 */
function runAndKill(args: string[], outDir: string, files: string[], delayMs: number, onWrite: boolean): Promise<{ killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore' });
    let timer: NodeJS.Timeout | undefined;
    const kill = () => {
      timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    const watcher = onWrite
      ? watch(outDir, (_event, name) => {
        if (name && (TEMP.test(String(name)) || files.includes(String(name)))) kill();
      })
      : undefined;
    if (!onWrite) kill();
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      watcher?.close();
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`${args.join(' ')} exited with ${code}`));
      else resolve({ killed: signal === 'SIGKILL' });
    });
  });
}

/** Every output is the previous version or the new one; returns where the kill landed. */
function check(outDir: string, files: string[], previous: Map<string, Buffer>, complete: Map<string, Buffer>, where: string): Outcome {
  let replaced = 0;
  for (const f of files) {
    const now = readFileSync(join(outDir, f));
    const old = now.equals(previous.get(f)!);
    const neu = now.equals(complete.get(f)!);
    assert.ok(old || neu, `${where}: ${f} (${now.length} bytes) is neither the previous version (${previous.get(f)!.length} bytes) nor the complete new one (${complete.get(f)!.length} bytes)`);
    if (neu && !old) replaced++;
  }
  const names = readdirSync(outDir);
  assert.deepEqual(names.filter((n) => !files.includes(n) && !TEMP.test(n)), [], `${where}: only the outputs and hidden temporary files`);
  const temps = names.filter((n) => TEMP.test(n));
  return { phase: temps.length ? 'writing' : replaced ? 'after' : 'before' };
}

describe('nothing lost on a crash (SIGKILL while writing)', function () {
  this.timeout(240_000);
  let dir: string;
  const rng = new Rng(SEED);
  const phases: string[] = [];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'diplograph-crash-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Kills `args` `runs` times; before each run the outputs are reset to `previous`. */
  async function killRuns(label: string, args: string[], outDir: string, files: string[], previous: Map<string, Buffer>, complete: Map<string, Buffer>, fullMs: number, runs: number) {
    for (let k = 0; k < runs; k++) {
      for (const f of readdirSync(outDir)) rmSync(join(outDir, f));
      for (const f of files) writeFileSync(join(outDir, f), previous.get(f)!);
      const onWrite = k % 2 === 1;
      const delay = onWrite ? rng.pick([0, 1, 2, 3, 5, 20]) : rng.int(50, Math.max(60, Math.round(fullMs * 1.1)));
      const r = await runAndKill(args, outDir, files, delay, onWrite);
      const o = check(outDir, files, previous, complete, `${label}, run ${k} (${onWrite ? `${delay} ms after the first write` : `killed at ${delay} ms`}, seed ${SEED})`);
      phases.push(`${label}:${r.killed ? o.phase : 'finished'}`);
    }
  }

  it('build: every output file is the previous or the new complete version', async () => {
    const articles = corpus(join(dir, 'articles'), 4);
    const out = join(dir, 'build');
    const files = ['graph.ttl', 'graph.trig'];
    // The previous version: a build of the seed articles alone; the new one: the whole corpus, uninterrupted.
    cli(['build', '--in', SEEDS, '--out', join(dir, 'prev', 'graph.ttl')]);
    const t = Date.now();
    cli(['build', '--in', articles, '--out', join(dir, 'new', 'graph.ttl')]);
    const fullMs = Date.now() - t;
    const previous = new Map(files.map((f) => [f, readFileSync(join(dir, 'prev', f))]));
    const complete = new Map(files.map((f) => [f, readFileSync(join(dir, 'new', f))]));
    mkdirSync(out);
    await killRuns('build', ['build', '--in', articles, '--out', join(out, 'graph.ttl')], out, files, previous, complete, fullMs, 6);
  });

  it('export --format ntriples and jsonld: every output is the previous or the new complete version', async () => {
    // A graph of 60 articles, as build writes it (without the shapes validation, which would take most of the time).
    const graph = join(dir, 'export-in.trig');
    writeFileSync(graph, await serializeQuads(buildDataset(extractFolder(corpus(join(dir, 'articles-60'), 12))), 'trig'));
    for (const [format, file, runs] of [['ntriples', 'graph.nt', 4], ['jsonld', 'graph.jsonld', 4]] as const) {
      const out = join(dir, `export-${format}`);
      mkdirSync(out);
      cli(['export', '--format', format, '--graph', join(dir, 'prev', 'graph.trig'), '--out', join(dir, 'prev', file)]);
      const t = Date.now();
      cli(['export', '--format', format, '--graph', graph, '--out', join(dir, 'new', file)]);
      const fullMs = Date.now() - t;
      const previous = new Map([[file, readFileSync(join(dir, 'prev', file))]]);
      const complete = new Map([[file, readFileSync(join(dir, 'new', file))]]);
      await killRuns(`export ${format}`, ['export', '--format', format, '--graph', graph, '--out', join(out, file)], out, [file], previous, complete, fullMs, runs);
    }
  });

  it('the kills landed both before and during the writes', () => {
    console.log(`      outcomes (seed ${SEED}): ${phases.join(', ')}`);
    assert.ok(phases.some((p) => p.endsWith(':writing')), 'at least one kill left a temporary file: it hit a write');
    assert.ok(phases.some((p) => p.endsWith(':before')), 'at least one kill came before any output changed');
  });

  it('the next run removes the temporary files that killed runs left, and writes the complete outputs', () => {
    const out = join(dir, 'build');
    writeFileSync(join(out, `.graph.ttl.999999999.0badf00d.tmp`), 'a partial write of a killed process');
    assert.ok(readdirSync(out).some((n) => TEMP.test(n)));
    cli(['build', '--in', join(dir, 'articles'), '--out', join(out, 'graph.ttl')]);
    assert.deepEqual(readdirSync(out).sort(), ['graph.trig', 'graph.ttl']);
    for (const f of ['graph.ttl', 'graph.trig']) assert.ok(readFileSync(join(out, f)).equals(readFileSync(join(dir, 'new', f))), f);
  });

  it('writeFileAtomic leaves the temporary files of running writers alone', () => {
    const d = join(dir, 'unit');
    mkdirSync(d);
    const target = join(d, 'out.txt');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      writeFileSync(join(d, `.out.txt.${dead}.00000000.tmp`), 'dead');
      writeFileSync(join(d, `.out.txt.${live.pid}.11111111.tmp`), 'live');
      writeFileSync(join(d, `.other.txt.${dead}.22222222.tmp`), 'another target');
      assert.deepEqual(staleTempFiles(target), [join(d, `.out.txt.${dead}.00000000.tmp`)]);
      writeFileAtomic(target, 'new');
      assert.equal(readFileSync(target, 'utf8'), 'new');
      assert.deepEqual(readdirSync(d).sort(), [`.other.txt.${dead}.22222222.tmp`, `.out.txt.${live.pid}.11111111.tmp`, 'out.txt'].sort());
      assert.ok(!existsSync(join(d, `.out.txt.${dead}.00000000.tmp`)));
    } finally {
      live.kill('SIGKILL');
    }
  });
});
