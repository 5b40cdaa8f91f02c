/**
 * The answer cache of `diplograph query` (src/query/answer-cache.ts): a kept answer is the very
 * answer a fresh evaluation gives, for every stored query on the seed graph; the CLI says when it
 * answers from it, `--no-cache` evaluates again, and a changed graph is never answered from the
 * entries of the old one.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from 'n3';
import { projectRoot } from '../src/ontology-files.js';
import { cacheRoot, cachedAnswer, fileHash, storeAnswer } from '../src/query/answer-cache.js';
import { termKey } from '../src/graph/iris.js';
import { run, type QueryResult } from '../src/query/engine.js';
import { formatResult } from '../src/query/results.js';
import { bindParams, listQueries } from '../src/query/stored-queries.js';
import { seedGraph } from './support/seed-graph.js';

/** A result with every term as its N-Triples-like key, in order. */
function canonical(r: QueryResult): unknown {
  if (r.type === 'boolean') return r;
  if (r.type === 'quads') return r.quads.map((q) => [q.subject, q.predicate, q.object, q.graph].map(termKey).join(' '));
  return { variables: r.variables, rows: r.rows.map((row) => Object.entries(row).map(([v, t]) => `${v}=${termKey(t)}`).sort()) };
}

const BIN = join(projectRoot(), 'bin', 'diplograph.js');
const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
const NOTE = /^diplograph: answered from the cache \(.*\.cache\/answers\/graph\.trig\/[0-9a-f]{32}\/[0-9a-f]{32}\.json\), kept for this very graph file; --no-cache evaluates the query again\n$/;

describe('the answer cache', function () {
  this.timeout(120000);
  let dir: string;
  let graph: string;
  let store: Store;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'diplograph-cache-'));
    graph = join(dir, 'graph.trig');
    const { quads, trig } = await seedGraph();
    writeFileSync(graph, trig);
    store = new Store(quads);
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('keeps for every stored query the answer a fresh evaluation gives, in every format', async () => {
    const hash = fileHash(graph);
    for (const q of listQueries()) {
      const text = bindParams(q, {});
      assert.equal(cachedAnswer(graph, text, hash), undefined, `${q.name}: nothing kept yet`);
      const fresh = await run(text, store, q.path);
      const file = storeAnswer(graph, text, fresh, hash);
      const hit = cachedAnswer(graph, text, hash);
      assert.ok(hit, q.name);
      assert.equal(hit.file, file);
      assert.deepEqual(canonical(hit.result), canonical(await run(text, store, q.path)), `${q.name}: the kept answer is the fresh one`);
      const formats = fresh.type === 'quads' ? (['turtle', 'jsonld'] as const) : (['table', 'json', 'csv', 'tsv'] as const);
      for (const f of formats) assert.equal(await formatResult(hit.result, f, q.name), await formatResult(fresh, f, q.name), `${q.name} as ${f}`);
    }
    assert.equal(cachedAnswer(graph, `${bindParams(listQueries()[0], {})} `, hash), undefined, 'another query text is a miss');
  });

  it('diplograph query answers from it on the second run, says so with --verbose only, and --no-cache evaluates again', () => {
    rmSync(cacheRoot(graph), { recursive: true, force: true });
    const first = cli(['query', 'co-chairs', '--graph', graph]);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stderr, '', 'a fresh answer says nothing');
    assert.match(first.stdout, /co-chaired|chairName/);
    const quiet = cli(['query', 'co-chairs', '--graph', graph]);
    assert.equal(quiet.status, 0, quiet.stderr);
    assert.equal(quiet.stderr, '', 'no cache note without --verbose');
    assert.equal(quiet.stdout, first.stdout);
    const second = cli(['query', 'co-chairs', '--graph', graph, '--verbose']);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stderr, NOTE);
    assert.equal(second.stdout, first.stdout);
    const json = cli(['query', 'co-chairs', '--graph', graph, '--format', 'json', '-v']);
    assert.match(json.stderr, NOTE, 'one entry serves every format');
    assert.ok(JSON.parse(json.stdout).results.bindings.length > 0);
    const bypass = cli(['query', 'co-chairs', '--graph', graph, '--no-cache', '--verbose']);
    assert.equal(bypass.status, 0, bypass.stderr);
    assert.equal(bypass.stderr, '');
    assert.equal(bypass.stdout, first.stdout);
    const param = cli(['query', 'partner-meetings', '--graph', graph, '--param', 'from=2030-01-01', '--verbose']);
    assert.equal(param.stderr, '', 'other parameter values are another question');
  });

  it('a changed graph is answered afresh, and the entries of the old one are removed', () => {
    const before = cli(['query', 'persons-in-several-articles', '--graph', graph, '--format', 'csv']);
    assert.equal(before.status, 0, before.stderr);
    const oldHash = fileHash(graph).slice(0, 32);
    assert.ok(existsSync(join(cacheRoot(graph), oldHash)));
    appendFileSync(graph, `\n<https://w3id.org/diplograph/id/article/zz_extra> {
  <https://w3id.org/diplograph/id/article/zz_extra> a <https://w3id.org/diplograph/ontology#Article> ; <http://purl.org/dc/terms/identifier> "zz_extra.txt" .
  <https://w3id.org/diplograph/id/person/nguyen-chi-vinh> a <https://w3id.org/diplograph/ontology#Person> .
}\n`);
    const after = cli(['query', 'persons-in-several-articles', '--graph', graph, '--format', 'csv', '--verbose']);
    assert.equal(after.status, 0, after.stderr);
    assert.equal(after.stderr, '', 'not from the cache');
    assert.notEqual(after.stdout, before.stdout);
    assert.match(after.stdout, /zz_extra\.txt/);
    assert.deepEqual(readdirSync(cacheRoot(graph)), [fileHash(graph).slice(0, 32)]);
    assert.match(cli(['query', 'persons-in-several-articles', '--graph', graph, '--verbose']).stderr, NOTE);
  });
  it('diplograph serve answers a stored-query page from the answers kept for its graph file, and says so', async () => {
    rmSync(cacheRoot(graph), { recursive: true, force: true });
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--workers', '1', '--graph', graph]);
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /web UI:\s+(\S+)/.exec(out);
          if (m) resolve(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`serve exited (${code})`)));
      });
      const get = async () => (await fetch(`${url}queries/co-chairs?run=1`)).text();
      const note = /Answered from the answers kept for this very graph file/;
      const first = await get();
      assert.doesNotMatch(first, note, 'evaluated the first time');
      assert.match(first, /<section id="answer"><h2>Answer<\/h2>/);
      const second = await get();
      assert.match(second, note);
      assert.equal(second.replace(/<p class="note">[^<]*<\/p>/, ''), first, 'the same page otherwise');
      const cli2 = cli(['query', 'co-chairs', '--graph', graph, '--verbose']);
      assert.match(cli2.stderr, NOTE, "the server keeps answers for diplograph query too");
    } finally {
      child.kill('SIGTERM');
    }
  });
});
