/**
 * `diplograph serve` as a user starts it: a graph built under another base is served under `--base`
 * (every IRI an answer returns resolves at the same server), the graph's own base is found when no
 * `--base` is given, and bad options are one-line errors with exit code 2.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../bench/load.js';
import { projectRoot } from '../src/ontology-files.js';

const BIN = join(projectRoot(), 'bin', 'diplograph.js');
const OTHER_BASE = 'https://example.org/kg/';

/** Starts `diplograph serve ARGS` and resolves with the process and its first output once it listens. */
function serve(args: string[]): Promise<{ child: ChildProcess; banner: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', ...args], { cwd: projectRoot(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('Press Ctrl+C')) resolve({ child, banner: out });
    });
    child.stderr!.on('data', (d) => (err += d));
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('diplograph serve (the command)', function () {
  this.timeout(120000);
  let dir: string;
  let graph: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'diplograph-serve-'));
    graph = join(dir, 'graph.ttl');
    const r = spawnSync(process.execPath, [BIN, 'build', '--out', graph, '--base', OTHER_BASE], { cwd: projectRoot(), encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('serves a graph built under another base with --base at its own root: every IRI returned resolves there', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}/`;
    const { child, banner } = await serve(['--graph', join(dir, 'graph.trig'), '--port', String(port), '--base', base]);
    try {
      assert.match(banner, new RegExp(`resources: +http://127.0.0.1:${port}/\\.\\.\\.  \\(IRIs ${base}`));
      const q = 'SELECT DISTINCT ?x WHERE { ?m <https://w3id.org/diplograph/ontology#participant> ?x } ORDER BY ?x';
      const r = await fetch(`${base}sparql?query=${encodeURIComponent(q)}`);
      assert.equal(r.status, 200);
      const iris = ((await r.json()) as { results: { bindings: { x: { value: string } }[] } }).results.bindings.map((b) => b.x.value);
      assert.ok(iris.length > 10);
      for (const iri of iris) {
        assert.ok(iri.startsWith(base), `${iri} is under ${base}`);
        assert.ok(!iri.startsWith(OTHER_BASE));
        const page = await fetch(iri, { headers: { Accept: 'application/n-triples' } });
        assert.equal(page.status, 200, iri);
        assert.ok((await page.text()).includes(`<${iri}>`));
      }
    } finally {
      assert.equal(await stop(child), 0);
    }
  });

  it("without --base, serves the graph's own IRIs under their base's path", async () => {
    const port = await freePort();
    const { child, banner } = await serve(['--graph', join(dir, 'graph.trig'), '--port', String(port)]);
    try {
      assert.match(banner, /resources: +http:\/\/127\.0\.0\.1:\d+\/kg\/\.\.\. {2}\(IRIs https:\/\/example\.org\/kg\//);
      const r = await fetch(`http://127.0.0.1:${port}/kg/person/nguyen-chi-vinh`, { headers: { Accept: 'application/n-triples' } });
      assert.equal(r.status, 200);
      assert.match(await r.text(), /^<https:\/\/example\.org\/kg\/person\/nguyen-chi-vinh> /m);
      const html = await (await fetch(`http://127.0.0.1:${port}/kg/person/nguyen-chi-vinh`, { headers: { Accept: 'text/html' } })).text();
      assert.ok(html.includes('href="/kg/country/vietnam"'), 'links stay on the server');
    } finally {
      await stop(child);
    }
  });

  for (const [args, message] of [
    [['--base', 'not-an-iri'], /--base: "not-an-iri" must be an absolute http\(s\) IRI ending with \//],
    [['--base', 'http://127.0.0.1:3000/sparql/'], /--base: .* would be served under \/sparql\/, which the web UI uses/],
    [['--port', '70000'], /--port: 70000 is not a port number/],
    [['--timeout', 'soon'], /--timeout: "soon" is not a number/],
    [['--graph', '/nonexistent/graph.trig'], /\/nonexistent\/graph.trig: no such graph file/],
  ] as const) {
    it(`refuses ${args.join(' ')} with one line and no stack trace`, () => {
      const r = spawnSync(process.execPath, [BIN, 'serve', ...args], { cwd: projectRoot(), encoding: 'utf8', timeout: 30000 });
      assert.notEqual(r.status, 0);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    });
  }
});
