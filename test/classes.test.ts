/**
 * Classes a reasoner would give: every node is typed with its class and the classes of our ontology
 * above it, and the ontology is in the dataset (a named graph of its own), so that `?m a dg:Meeting`
 * counts every meeting and `a/rdfs:subClassOf*` reaches the aligned vocabularies. Checked in our engine,
 * in Jena ARQ (test/support/jena/StoredQueries.java, a union default graph) and in rdflib
 * (Dataset(default_union=True)), which must all give the same counts.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser, Store } from 'n3';
import type { BuildResult } from '../src/commands/build.js';
import { ONTOLOGY_GRAPH, mostSpecific, superclasses, withSuperclasses } from '../src/graph/ontology-graph.js';
import { loadOntologyFile, projectRoot } from '../src/ontology-files.js';
import { select } from '../src/query/engine.js';
import { DG, DG_NS, PREFIXES, RDF, RDFS, factory } from '../src/vocab.js';
import { compileWithJena, jena, javacAvailable, rdflib, rdflibAvailable, requireTool } from './support/external-tools.js';
import { seedGraph } from './support/seed-graph.js';

const HEAD = Object.entries(PREFIXES).map(([p, iri]) => `PREFIX ${p}: <${iri}>`).join('\n');

/** Each probe answers one row of one integer ?n. */
const PROBES: Record<string, string> = {
  meetings: 'SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a dg:Meeting }',
  agreements: 'SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a dg:Agreement }',
  actors: 'SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a dg:Actor }',
  places: 'SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a dg:Place }',
  'meetings-by-path': 'SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a/rdfs:subClassOf* dg:Meeting }',
  'events-by-path': 'SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a/rdfs:subClassOf* schema:Event }',
  'agents-by-path': 'SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a/rdfs:subClassOf* prov:Agent }',
  'meeting-classes': 'SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c rdfs:subClassOf* dg:Meeting }',
  'ontology-axioms': 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/diplograph/ontology> { ?c rdfs:subClassOf ?d } }',
  'most-specific': `SELECT (COUNT(*) AS ?n) WHERE {
    ?m a dg:Meeting ; a ?class . ?class rdfs:subClassOf* dg:Meeting .
    MINUS { ?m a ?narrower . ?narrower rdfs:subClassOf ?class FILTER(?narrower != ?class) } }`,
};

describe('classes a reasoner would give, and the ontology in the dataset', function () {
  this.timeout(180000);
  let built: BuildResult;
  let store: Store;
  const ours = new Map<string, number>();

  before(async () => {
    built = await seedGraph();
    store = new Store(built.quads);
    for (const [name, q] of Object.entries(PROBES)) ours.set(name, Number((await select(`${HEAD}\n${q}`, store, name)).rows[0].n.value));
  });

  const distinct = (pick: (x: BuildResult['extractions'][number]) => Iterable<string>) => new Set(built.extractions.flatMap((x) => [...pick(x)])).size;

  it('?m a dg:Meeting counts every meeting, ?a a dg:Agreement every agreement, ?x a dg:Actor every actor', () => {
    const meetings = built.extractions.reduce((n, x) => n + x.meetings.length, 0);
    assert.equal(ours.get('meetings'), meetings);
    assert.equal(meetings, 12);
    assert.equal(ours.get('agreements'), distinct((x) => x.agreements.keys()));
    assert.equal(ours.get('agreements'), 11);
    const actors = distinct((x) => [...x.persons.keys()].map((k) => `p ${k}`).concat([...x.organizations.keys()].map((k) => `o ${k}`), [...x.countries.keys()].map((k) => `c ${k}`)));
    assert.equal(ours.get('actors'), actors);
    // A country is a place too (dg:Country rdfs:subClassOf dg:Place).
    assert.equal(ours.get('places'), distinct((x) => x.places.keys()) + distinct((x) => x.countries.keys()));
  });

  it('rdfs:subClassOf* paths work: over the ontology graph to our classes and to the aligned vocabularies', () => {
    assert.equal(ours.get('meetings-by-path'), 12);
    assert.equal(ours.get('events-by-path'), 12, 'dg:Meeting rdfs:subClassOf schema:Event');
    assert.equal(ours.get('agents-by-path'), ours.get('actors'), 'dg:Actor rdfs:subClassOf prov:Agent');
    assert.equal(ours.get('meeting-classes'), 8, 'dg:Meeting and its seven kinds');
    assert.equal(ours.get('most-specific'), 12, 'one most specific class per meeting');
  });

  it('the ontology is a named graph of its own in the dataset: every triple of ontology/diplograph.ttl, the unions as schema:domainIncludes/rangeIncludes', () => {
    const file = new Parser().parse(loadOntologyFile('diplograph.ttl'));
    const graph = store.getQuads(null, null, null, ONTOLOGY_GRAPH);
    const key = (q: { subject: { value: string }; predicate: { value: string }; object: { value: string } }) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`;
    const plain = file.filter((q) => q.subject.termType !== 'BlankNode' && q.object.termType !== 'BlankNode');
    assert.deepEqual(new Set(graph.filter((q) => !q.predicate.value.endsWith('Includes')).map(key)), new Set(plain.map(key)));
    const includes = (p: string, o: string) => store.getObjects(factory.namedNode(DG_NS + p), factory.namedNode(`https://schema.org/${o}`), ONTOLOGY_GRAPH).map((t) => t.value).sort();
    assert.deepEqual(includes('dateText', 'domainIncludes'), [DG.Agreement.value, DG.Meeting.value]);
    assert.deepEqual(includes('date', 'rangeIncludes'), ['date', 'gYear', 'gYearMonth'].map((t) => `${PREFIXES.xsd}${t}`));
    assert.equal(ours.get('ontology-axioms'), file.filter((q) => q.predicate.equals(RDFS.subClassOf)).length);
    assert.ok(graph.every((q) => q.subject.termType !== 'BlankNode' && q.object.termType !== 'BlankNode'), 'no blank node');
    for (const alignment of ['https://schema.org/Event', 'http://www.w3.org/ns/prov#Agent', 'http://www.w3.org/ns/org#Organization', 'http://xmlns.com/foaf/0.1/Person']) {
      assert.ok(store.countQuads(null, RDFS.subClassOf, factory.namedNode(alignment), ONTOLOGY_GRAPH) > 0, alignment);
    }
    assert.ok(store.countQuads(DG.Signed, null, null, ONTOLOGY_GRAPH) > 0, 'the agreement-status scheme');
  });

  it('the superclasses come from the ontology file: every subclass axiom between our classes holds of every instance, in its graph', () => {
    const file = new Parser().parse(loadOntologyFile('diplograph.ttl'));
    const axioms = file.filter((q) => q.predicate.equals(RDFS.subClassOf) && q.object.value.startsWith(DG_NS));
    assert.ok(axioms.length >= 20);
    let checked = 0;
    for (const ax of axioms) {
      for (const q of store.getQuads(null, RDF.type, ax.subject, null)) {
        if (q.graph.equals(ONTOLOGY_GRAPH)) continue;
        assert.ok(store.countQuads(q.subject, RDF.type, ax.object, q.graph) === 1, `${q.subject.value} a ${ax.object.value} in ${q.graph.value}`);
        checked++;
      }
    }
    assert.ok(checked >= 40, `${checked} instances checked`);
    // And from a class the file does not have: nothing is added.
    const other = factory.quad(factory.namedNode('urn:x'), RDF.type, factory.namedNode('urn:C'));
    assert.equal(withSuperclasses([other]).length, 1);
    assert.deepEqual(superclasses().get(DG.Country.value)?.map((t) => t.value), [DG.Actor.value, DG.Place.value]);
    assert.equal(mostSpecific([DG.Meeting.value, DG.Dialogue.value]), DG.Dialogue.value);
    assert.equal(mostSpecific([DG.Actor.value, DG.Place.value, DG.Country.value]), DG.Country.value);
  });

  describe('in Jena ARQ and rdflib', () => {
    let dir: string;
    before(async function () {
      dir = mkdtempSync(join(tmpdir(), 'diplograph-classes-'));
      writeFileSync(join(dir, 'graph.trig'), built.trig || (await seedGraph()).trig);
      for (const [name, q] of Object.entries(PROBES)) writeFileSync(join(dir, `${name}.rq`), `${HEAD}\n${q}`);
    });
    after(() => dir && rmSync(dir, { recursive: true, force: true }));

    it('Jena ARQ gives the same counts over the TriG with a union default graph', function () {
      requireTool(this, javacAvailable(), 'Apache Jena with javac', 'apt-get install libapache-jena-java openjdk-17-jdk-headless');
      const classes = compileWithJena(join(projectRoot(), 'test', 'support', 'jena', 'StoredQueries.java'));
      const r = jena('StoredQueries', [join(dir, 'graph.trig'), dir, ...Object.keys(PROBES).map((n) => join(dir, `${n}.rq`))], classes);
      rmSync(classes, { recursive: true, force: true });
      assert.equal(r.code, 0, r.stderr);
      for (const name of Object.keys(PROBES)) {
        const json = JSON.parse(readFileSync(join(dir, `${name}.srj`), 'utf8')) as { results: { bindings: Array<{ n: { value: string } }> } };
        assert.equal(Number(json.results.bindings[0].n.value), ours.get(name), name);
      }
    });

    it('rdflib gives the same counts over the TriG read as a Dataset with a union default graph', function () {
      requireTool(this, rdflibAvailable(), 'rdflib', 'apt-get install python3-rdflib (for /usr/bin/python3)');
      const script = [
        'import sys, json, warnings',
        '# rdflib 6.1 on Python 3.11 warns about its own use of importlib.metadata when it loads its SPARQL plugin',
        'warnings.filterwarnings("ignore", category=DeprecationWarning)',
        'from rdflib import Dataset',
        'd = Dataset(default_union=True)',
        'd.parse(sys.argv[1], format="trig")',
        'out = {}',
        'for name in sys.argv[2:]:',
        '    rows = list(d.query(open(sys.argv[1].rsplit("/", 1)[0] + "/" + name + ".rq").read()))',
        '    out[name] = int(rows[0][0])',
        'print(json.dumps(out))',
      ].join('\n');
      const r = rdflib(script, [join(dir, 'graph.trig'), ...Object.keys(PROBES)]);
      assert.equal(r.code, 0, r.stderr);
      const theirs = JSON.parse(r.stdout) as Record<string, number>;
      for (const name of Object.keys(PROBES)) assert.equal(theirs[name], ours.get(name), name);
    });
  });
});
