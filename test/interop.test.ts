/**
 * Other implementations read our output the same way: Apache Jena RIOT parses the Turtle, the TriG
 * and the JSON-LD without warnings, rdflib parses all three without warnings (Python warnings and
 * rdflib's log both captured), the JSON-LD read by either is isomorphic to the TriG (graph by graph)
 * and its merge to the Turtle, and Jena's SHACL validator agrees with ours on the real graph and on
 * deliberately broken data: the same focus nodes, shapes, paths and values.
 * Needs Debian's libapache-jena-java and python3-rdflib (installed by .ci/run).
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as RDF from '@rdfjs/types';
import { Parser } from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import { jsonLdToQuads, toJsonLd } from '../src/export/jsonld.js';
import { serializeQuads } from '../src/export/rdf-writer.js';
import { termKey } from '../src/graph/iris.js';
import { projectRoot } from '../src/ontology-files.js';
import { factory } from '../src/vocab.js';
import { jena, jenaAvailable, rdflib, rdflibAvailable, requireTool } from './support/external-tools.js';
import { brokenSeedGraph, compareShacl } from './support/shacl-compare.js';
import { seedGraph } from './support/seed-graph.js';

const needJena = (ctx: Mocha.Context) => requireTool(ctx, jenaAvailable(), 'Apache Jena', 'apt-get install libapache-jena-java openjdk-17-jre-headless');

/** The quads of a dataset by graph name ('' for the default graph). */
function byGraph(quads: RDF.Quad[]): Map<string, RDF.Quad[]> {
  const graphs = new Map<string, RDF.Quad[]>();
  for (const q of quads) {
    const key = termKey(q.graph);
    if (!graphs.has(key)) graphs.set(key, []);
    graphs.get(key)!.push(q);
  }
  return graphs;
}

/** The triples of all graphs, each once, in the default graph. */
function merge(quads: RDF.Quad[]): RDF.Quad[] {
  const seen = new Map<string, RDF.Quad>();
  for (const q of quads) seen.set(`${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`, factory.quad(q.subject, q.predicate, q.object));
  return [...seen.values()];
}

/**
 * The shipped JSON-LD as jsonld-java (JSON-LD 1.0, the only JSON-LD Jena 4.5 can run on Debian) can
 * read it: the same document without `"@version": 1.1`, which a 1.0 processor must reject.
 */
function asJsonLd10(text: string): string {
  const doc = JSON.parse(text) as { '@context': Record<string, unknown> };
  delete doc['@context']['@version'];
  return JSON.stringify(doc, null, 2);
}

describe('interoperability with Jena and rdflib', function () {
  this.timeout(180000);
  let dir: string;
  let written = 0;
  let quads: RDF.Quad[];
  const file = (name: string) => join(dir, name);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'diplograph-interop-'));
    const seed = await seedGraph();
    quads = seed.quads;
    writeFileSync(file('graph.ttl'), seed.turtle);
    writeFileSync(file('graph.trig'), seed.trig);
    const nquads = await serializeQuads(quads, 'nquads');
    written = nquads.trim().split('\n').length;
    writeFileSync(file('graph.nq'), nquads);
    writeFileSync(file('graph.jsonld'), await toJsonLd(quads));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('Jena RIOT validates the Turtle and the TriG without errors or warnings', function () {
    needJena(this);
    for (const f of ['graph.ttl', 'graph.trig']) {
      const r = jena('riotcmd.riot', ['--validate', file(f)]);
      assert.equal(r.code, 0, `${f}: ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /WARN|ERROR/, r.stderr);
    }
  });

  it('Jena counts the same quads as we wrote', function () {
    needJena(this);
    const r = jena('riotcmd.riot', ['--count', file('graph.nq')]);
    assert.equal(r.code, 0, r.stderr);
    const counted = /Quads\s*=\s*([\d,]+)/.exec(r.stdout + r.stderr);
    assert.ok(counted, r.stdout + r.stderr);
    assert.equal(Number(counted[1].replace(/,/g, '')), written);
  });

  describe('the JSON-LD in Jena (JSON-LD 1.0 reader)', () => {
    it('the only JSON-LD 1.1 feature of the export is "@version": it is refused as 1.1 and means the same without it', async () => {
      const shipped = readFileSync(file('graph.jsonld'), 'utf8');
      const doc10 = JSON.parse(asJsonLd10(shipped));
      const doc11 = JSON.parse(shipped);
      assert.equal(doc11['@context']['@version'], 1.1);
      delete doc11['@context']['@version'];
      assert.deepEqual(doc10, doc11, 'nothing else is changed');
      const context = JSON.stringify(doc10['@context']);
      for (const keyword of ['@protected', '@propagate', '@import', '@nest', '@prefix', '@json', '@direction', '@included']) {
        assert.ok(!context.includes(`"${keyword}"`) && !shipped.includes(`"${keyword}"`), `${keyword} is JSON-LD 1.1 only`);
      }
      assert.ok(isomorphic(await jsonLdToQuads(asJsonLd10(shipped)), await jsonLdToQuads(shipped)), 'jsonld.js reads both as the same dataset');
    });

    it('Jena refuses the 1.1 context with the JSON-LD 1.0 reader (so the test below is not vacuous)', function () {
      needJena(this);
      const r = jena('riotcmd.riot', ['--syntax=jsonld10', '--output=nquads', file('graph.jsonld')]);
      assert.notEqual(r.code, 0);
      assert.match(r.stderr, /invalid term definition: 1\.1/);
    });

    it('Jena reads it without warnings as the same dataset as the TriG (graph by graph), and its merge is the Turtle', function () {
      needJena(this);
      writeFileSync(file('graph10.jsonld'), asJsonLd10(readFileSync(file('graph.jsonld'), 'utf8')));
      const r = jena('riotcmd.riot', ['--syntax=jsonld10', '--output=nquads', file('graph10.jsonld')]);
      assert.equal(r.code, 0, r.stderr);
      assert.doesNotMatch(r.stderr, /WARN|ERROR/, r.stderr);
      const fromJena = new Parser({ format: 'application/n-quads' }).parse(r.stdout);
      const trig = new Parser({ format: 'application/trig' }).parse(readFileSync(file('graph.trig'), 'utf8'));
      assert.equal(fromJena.length, trig.length);
      const a = byGraph(fromJena);
      const b = byGraph(trig);
      assert.ok(b.size > 5, `${b.size} graphs`);
      assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort(), 'the same graph names');
      for (const [name, graph] of b) assert.ok(isomorphic(a.get(name)!, graph), `graph ${name || '(default)'}`);
      const turtle = new Parser().parse(readFileSync(file('graph.ttl'), 'utf8'));
      assert.ok(isomorphic(merge(fromJena), turtle), 'the merge of the JSON-LD is the Turtle');
    });
  });

  it("Jena's SHACL validator finds the graph conforms, as ours does", async function () {
    needJena(this);
    const { jenaReport, ours } = await compareShacl(quads, dir);
    assert.equal(ours.conforms, true);
    assert.equal(jenaReport.conforms, true);
    assert.deepEqual(jenaReport.results, []);
    // and with ontology/shapes.ttl as it is (property shapes as blank nodes)
    const r = jena('shacl.shacl', ['validate', '--text', '--shapes', join(projectRoot(), 'ontology', 'shapes.ttl'), '--data', file('graph.ttl')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Conforms/m, r.stdout.slice(0, 2000));
  });

  it("Jena's SHACL validator and ours find the same violations in broken data: focus nodes, shapes, paths, values", async function () {
    needJena(this);
    const { quads: broken, expected } = await brokenSeedGraph();
    const { jenaReport, ours } = await compareShacl(broken, dir);
    assert.equal(ours.conforms, false);
    assert.equal(jenaReport.conforms, false);
    const key = (r: { focusNode: string; shape: string; path?: string; value?: string }) => `${r.focusNode} | ${r.shape} | ${r.path ?? ''} | ${r.value ?? ''}`;
    const mine = ours.results.map(key).sort();
    assert.deepEqual(jenaReport.results.map(key).sort(), mine);
    for (const e of expected) assert.ok(mine.some((m) => m.startsWith(`${e.focusNode} | ${e.shape} | ${e.path}`)), `${e.focusNode} at ${e.path} is reported: ${mine.join('\n')}`);
  });

  it('rdflib parses the Turtle, the TriG and the JSON-LD without warnings, and the JSON-LD is isomorphic to the TriG', function () {
    requireTool(this, rdflibAvailable(), 'rdflib', 'apt-get install python3-rdflib (for /usr/bin/python3)');
    const script = [
      'import sys, logging, warnings',
      'records = []',
      'class Keep(logging.Handler):',
      '    def emit(self, record): records.append(record.getMessage())',
      'logging.getLogger().addHandler(Keep(level=logging.WARNING))',
      'warnings.simplefilter("always")',
      'with warnings.catch_warnings(record=True) as caught:',
      '    from rdflib import Graph, ConjunctiveGraph',
      '    from rdflib.compare import isomorphic',
      '    ttl = Graph(); ttl.parse(sys.argv[1], format="turtle")',
      '    trig = ConjunctiveGraph(); trig.parse(sys.argv[2], format="trig")',
      '    js = ConjunctiveGraph(); js.parse(sys.argv[3], format="json-ld")',
      '    nq = ConjunctiveGraph(); nq.parse(sys.argv[4], format="nquads")',
      'def graphs(g):',
      '    # rdflib names the default graph after the file it read; call it "default" on both sides',
      '    return {("default" if str(c.identifier).startswith("file:") else str(c.identifier)): c for c in g.contexts() if len(c)}',
      'a, b = graphs(js), graphs(nq)',
      'print(len(ttl), len(trig), len(js), len(nq))',
      'print("graphs", set(a) == set(b), "isomorphic", all(isomorphic(a[k], b[k]) for k in b))',
      'print("warnings", len(records) + len(caught), [str(w.message) for w in caught] + records)',
    ].join('\n');
    const r = rdflib(script, [file('graph.ttl'), file('graph.trig'), file('graph.jsonld'), file('graph.nq')]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const [counts, check, warned] = r.stdout.trim().split('\n');
    const [ttl, trig, js, nq] = counts.split(' ').map(Number);
    assert.ok(ttl > 1000);
    assert.equal(trig, nq);
    assert.equal(js, nq);
    assert.equal(check, 'graphs True isomorphic True');
    assert.equal(warned, 'warnings 0 []');
  });
});
