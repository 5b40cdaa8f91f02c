/**
 * Other implementations read our output the same way: Apache Jena RIOT parses the Turtle and TriG
 * without warnings, rdflib parses the Turtle, TriG and JSON-LD, the JSON-LD read by rdflib is
 * isomorphic to the TriG, and Jena's SHACL validator agrees that the graph conforms.
 * Needs Debian's libapache-jena-java and python3-rdflib (installed by .ci/run).
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toJsonLd } from '../src/export/jsonld.js';
import { serializeQuads } from '../src/export/rdf-writer.js';
import { projectRoot } from '../src/ontology-files.js';
import { jena, jenaAvailable, rdflib, rdflibAvailable, requireTool } from './support/external-tools.js';
import { seedGraph } from './support/seed-graph.js';

describe('interoperability with Jena and rdflib', function () {
  this.timeout(180000);
  let dir: string;
  let written = 0;
  const file = (name: string) => join(dir, name);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'diplograph-interop-'));
    const { quads, turtle, trig } = await seedGraph();
    writeFileSync(file('graph.ttl'), turtle);
    writeFileSync(file('graph.trig'), trig);
    const nquads = await serializeQuads(quads, 'nquads');
    written = nquads.trim().split('\n').length;
    writeFileSync(file('graph.nq'), nquads);
    writeFileSync(file('graph.jsonld'), await toJsonLd(quads));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('Jena RIOT validates the Turtle and the TriG without errors or warnings', function () {
    requireTool(this, jenaAvailable(), 'Apache Jena', 'apt-get install libapache-jena-java openjdk-17-jre-headless');
    for (const f of ['graph.ttl', 'graph.trig']) {
      const r = jena('riotcmd.riot', ['--validate', file(f)]);
      assert.equal(r.code, 0, `${f}: ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /WARN|ERROR/, r.stderr);
    }
  });

  it('Jena counts the same quads as we wrote', function () {
    requireTool(this, jenaAvailable(), 'Apache Jena', 'apt-get install libapache-jena-java openjdk-17-jre-headless');
    const r = jena('riotcmd.riot', ['--count', file('graph.nq')]);
    assert.equal(r.code, 0, r.stderr);
    const counted = /Quads\s*=\s*([\d,]+)/.exec(r.stdout + r.stderr);
    assert.ok(counted, r.stdout + r.stderr);
    assert.equal(Number(counted[1].replace(/,/g, '')), written);
  });

  it("Jena's SHACL validator finds the graph conforms, as ours does", function () {
    requireTool(this, jenaAvailable(), 'Apache Jena', 'apt-get install libapache-jena-java openjdk-17-jre-headless');
    const r = jena('shacl.shacl', ['validate', '--text', '--shapes', join(projectRoot(), 'ontology', 'shapes.ttl'), '--data', file('graph.ttl')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Conforms/m, r.stdout.slice(0, 2000));
  });

  it('rdflib parses the Turtle, the TriG and the JSON-LD, and the JSON-LD is isomorphic to the TriG', function () {
    requireTool(this, rdflibAvailable(), 'rdflib', 'apt-get install python3-rdflib (for /usr/bin/python3)');
    const script = [
      'import sys, warnings',
      'from rdflib import Graph, ConjunctiveGraph',
      'from rdflib.compare import isomorphic',
      'ttl = Graph(); ttl.parse(sys.argv[1], format="turtle")',
      'trig = ConjunctiveGraph(); trig.parse(sys.argv[2], format="trig")',
      'js = ConjunctiveGraph(); js.parse(sys.argv[3], format="json-ld")',
      'nq = ConjunctiveGraph(); nq.parse(sys.argv[4], format="nquads")',
      'def graphs(g):',
      '    # rdflib names the default graph after the file it read; call it "default" on both sides',
      '    return {("default" if str(c.identifier).startswith("file:") else str(c.identifier)): c for c in g.contexts() if len(c)}',
      'a, b = graphs(js), graphs(nq)',
      'print(len(ttl), len(trig), len(js), len(nq))',
      'print("graphs", set(a) == set(b), "isomorphic", all(isomorphic(a[k], b[k]) for k in b))',
    ].join('\n');
    const r = rdflib(script, [file('graph.ttl'), file('graph.trig'), file('graph.jsonld'), file('graph.nq')]);
    assert.equal(r.code, 0, r.stderr);
    const [counts, check] = r.stdout.trim().split('\n');
    const [ttl, trig, js, nq] = counts.split(' ').map(Number);
    assert.ok(ttl > 1000);
    assert.equal(trig, nq);
    assert.equal(js, nq);
    assert.equal(check, 'graphs True isomorphic True');
  });
});
