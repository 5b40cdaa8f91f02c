/**
 * `build --on-error fail|skip` and `run --on-error`: a bad article fails the build by default, with
 * every bad file named and nothing written; with skip, each bad article is one line on stderr, the
 * others build, and the exit code is 0 with a summary.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleFiles } from '../src/graph/corpus.js';
import { extractFiles } from '../src/graph/parallel.js';
import { projectRoot } from '../src/ontology-files.js';

const BIN = join(projectRoot(), 'bin', 'diplograph.js');
const SEEDS = join(projectRoot(), 'data', 'documents');

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('build --on-error', function () {
  this.timeout(120_000);
  let dir: string;
  let articles: string;
  const bad = ['empty.txt', 'latin1.txt', 'photo.txt', 'folder.txt'];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'diplograph-onerror-'));
    articles = join(dir, 'articles');
    mkdirSync(articles);
    for (const f of ['000_e8b7f0acafe71e35.txt', '003_99a181e7a6755caf.txt']) copyFileSync(join(SEEDS, f), join(articles, f));
    writeFileSync(join(articles, 'empty.txt'), '');
    writeFileSync(join(articles, 'latin1.txt'), Buffer.from('Hanoi talks\nThe caf\xe9 meeting.\n', 'latin1'));
    writeFileSync(join(articles, 'photo.txt'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00]));
    mkdirSync(join(articles, 'folder.txt'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('worker threads report the same bad files, in file order, and extract the same good ones as one thread', async () => {
    const files = articleFiles(articles);
    const one = await extractFiles(files, { jobs: 1 });
    const two = await extractFiles(files, { jobs: 2 });
    assert.deepEqual(two.failures, one.failures);
    assert.deepEqual(one.failures.map((f) => f.file.replace(/^.*\//, '')), [...bad].sort());
    assert.deepEqual(two.extractions.map((x) => x.article.id), one.extractions.map((x) => x.article.id));
    assert.equal(one.extractions.length, 2);
  });

  it('fail (the default): names every bad file with its reason, writes nothing, exits 1', () => {
    const out = join(dir, 'fail', 'graph.ttl');
    mkdirSync(join(dir, 'fail'));
    writeFileSync(out, 'previous\n');
    for (const args of [[], ['--on-error', 'fail']]) {
      const r = cli(['build', '--in', articles, '--out', out, ...args]);
      assert.equal(r.code, 1);
      const lines = r.stderr.trimEnd().split('\n');
      assert.equal(lines[0], 'diplograph: 4 articles cannot be read; nothing was written (--on-error skip builds the others):');
      assert.deepEqual(lines.slice(1).map((l) => l.replace(/:.*$/, '').trim()).sort(), bad.map((f) => join(articles, f)).sort());
      assert.match(r.stderr, /empty\.txt: the article is empty/);
      assert.match(r.stderr, /latin1\.txt: line 2, column 8: not valid UTF-8 text/);
      assert.match(r.stderr, /photo\.txt: looks like a binary file \(a NUL byte at offset 4\)/);
      assert.match(r.stderr, /folder\.txt: is a folder, not an article file/);
      assert.doesNotMatch(r.stderr, /^\s+at /m);
      assert.equal(readFileSync(out, 'utf8'), 'previous\n');
      assert.deepEqual(readdirSync(join(dir, 'fail')), ['graph.ttl']);
    }
  });

  it('skip: one line per bad article on stderr, the others built, exit 0 with a summary', () => {
    const out = join(dir, 'skip', 'graph.ttl');
    const r = cli(['build', '--in', articles, '--out', out, '--on-error', 'skip']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 4);
    for (const l of lines) assert.match(l, /^diplograph: skipped \/.*\.txt: /);
    assert.match(r.stdout, /^2 articles: /m);
    assert.match(r.stdout, /^built 2 articles, skipped 4$/m);
    const ttl = readFileSync(out, 'utf8');
    assert.match(ttl, /article\/000_e8b7f0acafe71e35/);
    assert.match(ttl, /article\/003_99a181e7a6755caf/);
    assert.ok(existsSync(join(dir, 'skip', 'graph.trig')));
  });

  it('skip with no readable article at all is still an error', () => {
    const only = join(dir, 'only-bad');
    mkdirSync(only);
    writeFileSync(join(only, 'empty.txt'), '');
    const r = cli(['build', '--in', only, '--out', join(dir, 'x', 'graph.ttl'), '--on-error', 'skip']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /none of the 1 articles can be read; nothing was written/);
    assert.ok(!existsSync(join(dir, 'x')));
  });

  it('run passes --on-error through', () => {
    const outDir = join(dir, 'run');
    const failed = cli(['run', '--in', articles, '--out-dir', outDir]);
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /4 articles cannot be read/);
    assert.ok(!existsSync(join(outDir, 'graph.jsonld')));
    const r = cli(['run', '--in', articles, '--out-dir', outDir, '--on-error', 'skip']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^built 2 articles, skipped 4$/m);
    assert.equal(r.stderr.trimEnd().split('\n').filter((l) => l.startsWith('diplograph: skipped ')).length, 4);
    for (const f of ['graph.ttl', 'graph.trig', 'graph.jsonld']) assert.ok(existsSync(join(outDir, f)), f);
  });

  it('an unknown choice is a usage error', () => {
    const r = cli(['build', '--in', articles, '--on-error', 'ignore']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'diplograph: --on-error: unknown choice "ignore" (use fail or skip)\n');
    assert.match(cli(['build', '--help']).stdout, /--on-error fail\|skip/);
    assert.match(cli(['--help']).stdout, /--on-error skip reports each/);
  });
});
