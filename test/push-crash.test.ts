/**
 * Nothing lost when `diplograph push` dies mid-way: the push process is killed (SIGKILL) at seeded
 * moments while it uploads a new version of every graph to a real Virtuoso 7. Afterwards every graph
 * the dataset names is complete, as it was before or as pushed (never half-written), the catalog
 * names only graphs that are there, and the next push leaves exactly the new data with no temporary
 * graph behind. Needs Debian's virtuoso-opensource (.ci/run installs it).
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeQuads } from '../src/export/rdf-writer.js';
import { projectRoot } from '../src/ontology-files.js';
import { seededRandom } from '../src/random.js';
import { planPush, type PushPlan } from '../src/remote/plan.js';
import { TEMP_PREFIX } from '../src/remote/push.js';
import { factory, RDFS } from '../src/vocab.js';
import { requireTool, virtuosoAvailable } from './support/external-tools.js';
import { seedGraph } from './support/seed-graph.js';
import { graphCounts, sparqlJson, startVirtuoso, type Virtuoso } from './support/virtuoso.js';

const BIN = join(projectRoot(), 'bin', 'diplograph.js');


/** Starts a push; kills it after `killAfterMs` (if still running). Resolves with its exit code or signal. */
function pushKilled(args: string[], killAfterMs: number): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: projectRoot() });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
  });
}

const countsOf = (plan: PushPlan): Record<string, number> => Object.fromEntries(plan.graphs.map((g) => [g.name, g.triples.length] as [string, number]));

describe('push killed mid-way (SIGKILL) against Virtuoso 7', function () {
  this.timeout(240000);
  let virtuoso: Virtuoso | undefined;
  let dir: string;
  const files: string[] = [];
  const plans: PushPlan[] = [];

  before(async function () {
    requireTool(this, virtuosoAvailable(), 'OpenLink Virtuoso 7 (virtuoso-t)', 'apt-get install virtuoso-opensource');
    const seed = await seedGraph();
    dir = mkdtempSync(join(tmpdir(), 'diplograph-push-crash-'));
    // two versions that differ in every article graph (and so in the union graph): each graph's count tells which one is there
    for (const version of [1, 2]) {
      const quads = version === 1 ? seed.quads : [...seed.quads];
      if (version === 2) {
        for (const g of new Set(seed.quads.filter((q) => q.graph.termType === 'NamedNode').map((q) => q.graph.value))) {
          quads.push(factory.quad(factory.namedNode(g), RDFS.comment, factory.literal(`version 2 of ${g}`, 'en'), factory.namedNode(g)));
        }
      }
      const file = join(dir, `v${version}.trig`);
      writeFileSync(file, await serializeQuads(quads, 'trig'));
      files.push(file);
      plans.push(planPush(quads));
    }
    virtuoso = await startVirtuoso();
  });

  after(async () => {
    await virtuoso?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const args = (file: string) => ['push', '--endpoint', virtuoso!.sparql, '--user', 'dba', '--password', 'dba', '--graph', file];

  /** Every graph of the plans is there whole, in one of the two versions; the catalog names only graphs that are there. */
  async function assertConsistent(when: string): Promise<void> {
    const counts = await graphCounts(virtuoso!);
    const [v1, v2] = plans.map(countsOf);
    for (const name of Object.keys(v1)) {
      assert.ok(counts[name] === v1[name] || counts[name] === v2[name], `${when}: ${name} has ${counts[name]} triples, neither version 1 (${v1[name]}) nor 2 (${v2[name]})`);
    }
    const catalog = plans[0].graphs.find((g) => g.role === 'catalog')!.name;
    const named = await sparqlJson(virtuoso!.sparql, `SELECT ?g WHERE { GRAPH <${catalog}> { ?d <http://www.w3.org/ns/sparql-service-description#namedGraph> ?n . ?n <http://www.w3.org/ns/sparql-service-description#name> ?g } }`);
    assert.ok(named.length > 0, `${when}: the catalog lists the article graphs`);
    for (const r of named) assert.ok(counts[r.g.value] > 0, `${when}: the catalog names ${r.g.value}, which is not there`);
  }

  it('leaves every graph old or new and complete, whenever the push is killed; the next push finishes the job', async () => {
    const started = Date.now();
    const first = await pushKilled(args(files[0]), 120000);
    assert.equal(first.code, 0, first.stderr);
    // kill moments spread over the second half of a whole push (the first half is mostly Node starting and reading the graph)
    const whole = Date.now() - started;
    await assertConsistent('after the first push');
    const rnd = seededRandom(20261201); // the kill moments are the same on every run
    let killed = 0;
    let temporariesSeen = 0;
    for (let i = 0; i < 8; i++) {
      const delay = Math.floor(whole * (0.45 + 0.5 * rnd()));
      const r = await pushKilled(args(files[(i + 1) % 2]), delay);
      if (r.signal === 'SIGKILL') killed++;
      else assert.equal(r.code, 0, r.stderr);
      await assertConsistent(`after a push killed at ${delay} ms (${r.signal ?? `exit ${r.code}`})`);
      temporariesSeen += Object.keys(await graphCounts(virtuoso!)).filter((g) => g.startsWith(TEMP_PREFIX)).length;
    }
    assert.ok(killed >= 5, `${killed} of 8 pushes were killed before they ended (a whole push took ${whole} ms)`);
    const last = await pushKilled(args(files[1]), 120000);
    assert.equal(last.code, 0, last.stderr);
    const counts = await graphCounts(virtuoso!);
    assert.deepEqual(Object.keys(counts).filter((g) => g.startsWith(TEMP_PREFIX)), [], 'no temporary graph left');
    for (const [name, n] of Object.entries(countsOf(plans[1]))) assert.equal(counts[name], n, name);
    console.log(`      ${killed} of 8 pushes killed between ${Math.round(whole * 0.45)} and ${Math.round(whole * 0.95)} ms (a whole push: ${whole} ms); ${temporariesSeen} temporary graphs seen between kills, all dropped by the next push`);
  });
});
