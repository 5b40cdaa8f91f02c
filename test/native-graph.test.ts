/**
 * A graph held in the native store only (src/query/native-graph.ts, loaded by src/graph/load.ts
 * `loadGraph`/`parseGraph`) reads as an N3 Store of the same text reads, and answers queries as the
 * engine answers them over that N3 Store: a triple stated twice, in the default graph and in a named
 * graph, blank nodes, literals of every kind.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as RDF from '@rdfjs/types';
import { Parser, Store } from 'n3';
import { termKey } from '../src/graph/iris.js';
import { loadGraph, parseGraph } from '../src/graph/load.js';
import { run } from '../src/query/engine.js';
import { NativeGraph } from '../src/query/native-graph.js';
import { NativeStore } from '../src/query/native-store.js';
import { factory } from '../src/vocab.js';

const DATA = `
@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:root ex:label "root" ; ex:count 3 ; ex:knows ex:vinh .
ex:root ex:label "root" .
ex:vinh ex:label "Vinh"@en .
ex:g1 {
  ex:vinh ex:label "Vinh"@en, "Vinh"@vi ; ex:knows ex:rufo ; ex:age "70"^^xsd:integer .
  ex:vinh ex:label "Vinh"@en .
  _:b1 ex:label "a blank"@en-GB ; ex:knows ex:vinh .
  ex:s ex:text "two\\nlines \\"quoted\\""^^xsd:string .
}
ex:g2 { ex:vinh ex:label "Vinh"@en ; ex:knows ex:lich . ex:lich ex:label "Lich" . ex:g1 ex:about ex:vinh . }
`;

const ex = (x: string) => factory.namedNode(`http://example.org/${x}`);
/** A term's key, any blank node as `_:b` (each parse labels blank nodes its own way; the data has one). */
const key = (t: RDF.Term) => (t.termType === 'BlankNode' ? '_:b' : termKey(t));
const keys = (quads: Iterable<RDF.Quad>) => [...quads].map((q) => `${key(q.subject)} ${key(q.predicate)} ${key(q.object)} ${key(q.graph)}`).sort();
const termKeys = (terms: RDF.Term[]) => terms.map(key).sort();

describe('a graph held in the native store only', () => {
  let graph: NativeGraph;
  let n3: Store;
  before(async () => {
    graph = await parseGraph(DATA, 'application/trig', 'data.trig');
    n3 = new Store(new Parser({ format: 'application/trig' }).parse(DATA));
  });

  it('holds the quads as given, each once, as an N3 Store does', () => {
    assert.equal(graph.size, n3.size);
    assert.deepEqual(keys(graph.readQuads(null, null, null, null)), keys(n3.readQuads(null, null, null, null)));
  });

  it('reads and counts by pattern: the default graph is its own triples (not the merge), a named graph its quads', () => {
    const patterns: Array<[RDF.Term | null, RDF.Term | null, RDF.Term | null, RDF.Term | null]> = [
      [ex('vinh'), null, null, null],
      [null, ex('label'), null, null],
      [null, null, null, factory.defaultGraph()],
      [null, ex('label'), null, factory.defaultGraph()],
      [null, null, null, ex('g1')],
      [ex('vinh'), ex('label'), factory.literal('Vinh', 'en'), null],
      [null, null, factory.literal('two\nlines "quoted"'), null],
      [null, null, ex('vinh'), ex('g2')],
      [ex('nothing'), null, null, null],
      [null, null, null, ex('vinh')],
    ];
    for (const [s, p, o, g] of patterns) {
      const what = [s, p, o, g].map((t) => (t ? termKey(t) : '*')).join(' ');
      assert.deepEqual(keys(graph.getQuads(s, p, o, g)), keys(n3.getQuads(s, p, o, g)), what);
      assert.equal(graph.countQuads(s, p, o, g), n3.countQuads(s, p, o, g), what);
    }
  });

  it('lists subjects, objects and graphs once each', () => {
    assert.deepEqual(termKeys(graph.getSubjects(ex('label'), null, null)), termKeys(n3.getSubjects(ex('label'), null, null)));
    assert.deepEqual(termKeys(graph.getObjects(ex('vinh'), ex('label'), null)), termKeys(n3.getObjects(ex('vinh'), ex('label'), null)));
    assert.deepEqual(termKeys(graph.getGraphs(ex('vinh'), null, null)), termKeys(n3.getGraphs(ex('vinh'), null, null)));
    assert.deepEqual(termKeys(graph.getGraphs(null, null, null)), ['', '<http://example.org/g1>', '<http://example.org/g2>']);
  });

  it('answers queries as the engine does over an N3 Store of the same text', async () => {
    const queries = [
      'SELECT * WHERE { ?s ?p ?o }',
      'SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }',
      'PREFIX ex: <http://example.org/> SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ex:label ?l } GROUP BY ?s',
      'PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:label ?l FILTER(langMatches(lang(?l), "en")) OPTIONAL { ?s ex:age ?a } }',
      'PREFIX ex: <http://example.org/> CONSTRUCT { ?s ex:knows ?o } WHERE { GRAPH ?g { ?s ex:knows ?o } }',
      'SELECT * FROM <http://example.org/g2> WHERE { ?s ?p ?o }',
    ];
    const canon = (r: Awaited<ReturnType<typeof run>>) => (r.type === 'bindings' ? r.rows.map((row) => Object.entries(row).map(([k, t]) => `${k}=${key(t)}`).sort().join(' ')).sort() : r.type === 'quads' ? keys(r.quads) : r.value);
    for (const q of queries) assert.deepEqual(canon(await run(q, graph)), canon(await run(q, n3)), q);
    // A dataset of the protocol (default-graph-uri, named-graph-uri) is read through the N3 Store's API.
    const restricted = { dataset: { defaultGraphs: ['http://example.org/g2', 'http://example.org/g1'], namedGraphs: ['http://example.org/g1'] } };
    const q = 'SELECT * WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }';
    const answer = canon(await run(q, graph, restricted));
    assert.deepEqual(answer, canon(await run(q, n3, restricted)));
    assert.ok((answer as string[]).length > 10);
  });

  it('goes to the query workers and back in wire form, the same quads', () => {
    const back = new NativeGraph(NativeStore.fromWire(graph.toWire()));
    assert.equal(back.size, graph.size);
    assert.deepEqual(keys(back.readQuads(null, null, null, null)), keys(graph.readQuads(null, null, null, null)));
  });

  it('loads a file streamed, and names the file and the line of malformed RDF', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'diplograph-native-graph-'));
    try {
      writeFileSync(join(dir, 'g.trig'), DATA);
      assert.deepEqual(keys((await loadGraph(join(dir, 'g.trig'))).readQuads(null, null, null, null)), keys(n3.readQuads(null, null, null, null)));
      writeFileSync(join(dir, 'bad.ttl'), '@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b .\n');
      await assert.rejects(loadGraph(join(dir, 'bad.ttl')), (e: Error) => /bad\.ttl: line 3: malformed RDF: /.test(e.message) && !e.message.includes('\n'));
      await assert.rejects(loadGraph(join(dir, 'none.ttl')), /none\.ttl: no such graph file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
