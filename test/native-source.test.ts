/**
 * The native query source (src/query/native-source.ts, native-eval.ts, native-store.ts) against the
 * path it replaced: Comunica alone over an rdf-stores copy of the store holding the same union default
 * graph (every quad as it is, and the merge of all graphs as the default graph), on composed data with
 * named graphs, a triple stated in several graphs, literals with language tags and datatypes, blank
 * nodes and self-loops. Every query must give the same answer both ways.
 */
import { strict as assert } from 'node:assert';
import { createRequire } from 'node:module';
import type * as RDF from '@rdfjs/types';
import { Parser, Store } from 'n3';
import { termKey } from '../src/graph/iris.js';
import { loadEngine, run, viewOf, type QueryResult } from '../src/query/engine.js';
import { placeFilters } from '../src/query/filter-placement.js';
import { NativeStore } from '../src/query/native-store.js';
import { factory } from '../src/vocab.js';

const DATA = `
@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:root ex:label "root" ; ex:count 3 .
ex:hn ex:label "Ha Noi", "Vinh"@EN, "Alice Rufo" .
ex:g1 {
  ex:vinh ex:label "Vinh"@en, "Vinh"@vi ; ex:knows ex:rufo, ex:lich ; ex:age "70"^^xsd:integer ; ex:rank "General" .
  ex:rufo ex:label "Alice Rufo"@en ; ex:age "45"^^xsd:integer .
  ex:m1 a ex:Meeting ; ex:chair ex:vinh, ex:rufo ; ex:location ex:hanoi ; ex:date "2019-07-01"^^xsd:date .
  ex:hanoi ex:label "Hanoi"@en .
  _:b1 ex:label "a blank"@en ; ex:knows ex:vinh .
  ex:self ex:knows ex:self .
}
ex:g2 {
  ex:vinh ex:label "Vinh"@en ; ex:knows ex:lich .
  ex:lich ex:label "Ngo Xuan Lich"@EN-gb ; ex:age "070"^^xsd:integer .
  ex:m2 a ex:Meeting ; ex:chair ex:lich ; ex:date "2020"^^xsd:gYear .
  ex:m3 a ex:Meeting .
}
ex:g3 { ex:rufo ex:knows ex:vinh . ex:hanoi ex:label "Ha Noi" . }
`;

const QUERIES: Record<string, string> = {
  'all triples': 'SELECT * WHERE { ?s ?p ?o }',
  'all quads': 'SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }',
  'one graph': 'SELECT * WHERE { GRAPH <http://example.org/g2> { ?s ?p ?o } }',
  'a graph and the default': 'SELECT * WHERE { GRAPH ?g { ?s <http://example.org/knows> ?o } ?o <http://example.org/label> ?l }',
  'a join': 'PREFIX ex: <http://example.org/> SELECT * WHERE { ?m ex:chair ?c . ?c ex:label ?l . ?c ex:age ?a }',
  'a self-loop': 'PREFIX ex: <http://example.org/> SELECT * WHERE { ?x ex:knows ?x }',
  'the same variable twice': 'PREFIX ex: <http://example.org/> SELECT * WHERE { ?x ex:knows ?y . ?y ex:knows ?x }',
  'a literal with a language tag': 'PREFIX ex: <http://example.org/> SELECT ?s WHERE { ?s ex:label "Vinh"@en }',
  'a typed literal': 'PREFIX ex: <http://example.org/> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> SELECT ?s WHERE { ?s ex:age "70"^^xsd:integer }',
  'a term not in the store': 'PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:nothing ?o }',
  'blank nodes': 'PREFIX ex: <http://example.org/> SELECT ?l ?o WHERE { ?b ex:label ?l ; ex:knows ?o FILTER(isBlank(?b)) }',
  'langMatches': 'PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:label ?l FILTER(langMatches(lang(?l), "en")) }',
  'OPTIONAL': 'PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:label ?l OPTIONAL { ?s ex:age ?a } }',
  'OPTIONAL chain': 'PREFIX ex: <http://example.org/> SELECT * WHERE { ?m a ex:Meeting OPTIONAL { ?m ex:chair ?c OPTIONAL { ?c ex:age ?a } } OPTIONAL { ?m ex:date ?d } }',
  'OPTIONAL with a FILTER': 'PREFIX ex: <http://example.org/> SELECT * WHERE { ?m a ex:Meeting OPTIONAL { ?m ex:chair ?c . ?c ex:label ?n FILTER(langMatches(lang(?n), "en") && ?c != ex:rufo) } }',
  'OPTIONAL with a numeric FILTER (given back to Comunica)': 'PREFIX ex: <http://example.org/> SELECT * WHERE { ?m ex:chair ?c OPTIONAL { ?c ex:age ?a FILTER(?a > 50) } }',
  'OPTIONAL, then BOUND': 'PREFIX ex: <http://example.org/> SELECT ?s WHERE { ?s ex:label ?l OPTIONAL { ?s ex:age ?a } FILTER(!BOUND(?a)) }',
  'numbers compared by value': 'PREFIX ex: <http://example.org/> SELECT ?x ?y WHERE { ?x ex:age ?a . ?y ex:age ?b FILTER(?a = ?b && ?x != ?y) }',
  'strings compared': 'PREFIX ex: <http://example.org/> SELECT ?x ?y WHERE { ?x ex:label ?a . ?y ex:label ?b FILTER(?a = ?b && !sameTerm(?x, ?y)) }',
  'UNION': 'PREFIX ex: <http://example.org/> SELECT * WHERE { { ?s ex:chair ?o } UNION { ?s ex:location ?o } UNION { ?o ex:knows ?s } }',
  'VALUES with a term not in the store': 'PREFIX ex: <http://example.org/> SELECT * WHERE { VALUES ?s { ex:vinh ex:nobody } ?s ex:label ?l }',
  'VALUES in the group': 'PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:label ?l VALUES (?s ?x) { (ex:vinh 1) (ex:rufo UNDEF) (ex:nobody 2) } }',
  'paths | and ^': 'PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:chair|ex:location ?o . ?o ^ex:knows ?k }',
  'path /': 'PREFIX ex: <http://example.org/> SELECT * WHERE { ?m ex:chair/ex:label ?n }',
  'path * (given back to Comunica)': 'PREFIX ex: <http://example.org/> SELECT * WHERE { ex:rufo ex:knows* ?x }',
  'MINUS': 'PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:label ?l MINUS { ?s ex:age ?a } }',
  'BIND and aggregates': 'PREFIX ex: <http://example.org/> SELECT ?s (COUNT(*) AS ?n) (GROUP_CONCAT(?k; separator="|") AS ?ks) WHERE { ?s ex:knows ?k BIND(STR(?k) AS ?x) } GROUP BY ?s',
  'sub-SELECT': 'PREFIX ex: <http://example.org/> SELECT * WHERE { ?m ex:chair ?c { SELECT ?c (MAX(?a) AS ?oldest) WHERE { ?c ex:age ?a } GROUP BY ?c } }',
  'ORDER BY and LIMIT': 'PREFIX ex: <http://example.org/> SELECT ?s ?l WHERE { ?s ex:label ?l } ORDER BY DESC(?l) ?s LIMIT 4',
  'a FILTER after OPTIONALs, on the group\'s own patterns (moved below them)': 'PREFIX ex: <http://example.org/> SELECT * WHERE { ?m a ex:Meeting ; ex:chair ?c . ?c ex:label ?n OPTIONAL { ?m ex:date ?d } OPTIONAL { ?c ex:age ?a } FILTER(langMatches(lang(?n), "en") && ?c != ex:rufo) }',
  'a FILTER on a variable of an OPTIONAL (stays)': 'PREFIX ex: <http://example.org/> SELECT * WHERE { ?m a ex:Meeting OPTIONAL { ?m ex:date ?d } FILTER(!BOUND(?d) || ?m = ex:m1) }',
  'triple patterns after an OPTIONAL (the FILTER stays)': 'PREFIX ex: <http://example.org/> SELECT * WHERE { ?x ex:knows ?y OPTIONAL { ?y ex:age ?a } ?x ex:label ?l FILTER(?x != ?y) }',
  'ASK': 'PREFIX ex: <http://example.org/> ASK { ?s ex:knows ?o . ?o ex:knows ?s }',
  'CONSTRUCT': 'PREFIX ex: <http://example.org/> CONSTRUCT { ?c ex:chaired ?m } WHERE { ?m ex:chair ?c OPTIONAL { ?c ex:age ?a } }',
  'DESCRIBE': 'DESCRIBE <http://example.org/vinh>',
};

/** An answer as text, rows (or triples) sorted unless the query orders them. */
function canonical(r: QueryResult, ordered: boolean): string[] {
  if (r.type === 'boolean') return [String(r.value)];
  if (r.type === 'quads') return r.quads.map((q) => `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`).sort();
  const rows = r.rows.map((row) => r.variables.map((v) => {
    const t = row[v];
    if (!t) return '';
    // GROUP_CONCAT of the values in any order: compared as a sorted list.
    return v === 'ks' ? [...t.value.split('|')].sort().join('|') : t.termType === 'BlankNode' ? '_:b' : termKey(t);
  }).join(' '));
  return ordered ? rows : rows.sort();
}

/** The answer of Comunica alone over an rdf-stores copy of the dataset (the engine's source until issue 14). */
async function reference(store: Store, query: string): Promise<QueryResult> {
  const require = createRequire(import.meta.url);
  const { QueryEngine } = require('@comunica/query-sparql') as typeof import('@comunica/query-sparql');
  const { RdfStore } = await import('rdf-stores');
  const view = RdfStore.createDefault();
  for (const q of store.getQuads(null, null, null, null)) {
    view.addQuad(q);
    if (q.graph.termType !== 'DefaultGraph') view.addQuad(factory.quad(q.subject, q.predicate, q.object));
  }
  const engine = new QueryEngine();
  const result = await engine.query(query, { sources: [view] } as never);
  if (result.resultType === 'boolean') return { type: 'boolean', value: await result.execute() };
  if (result.resultType === 'quads') {
    const seen = new Map<string, RDF.Quad>();
    for (const q of await (await result.execute()).toArray()) seen.set(`${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`, q);
    return { type: 'quads', quads: [...seen.values()] };
  }
  if (result.resultType !== 'bindings') throw new Error(`not a read query: ${query}`);
  const variables = ((await result.metadata()).variables as unknown as Array<RDF.Variable | { variable: RDF.Variable }>).map((v) => ('variable' in v ? v.variable : v).value);
  const rows = (await (await result.execute()).toArray()).map((b: RDF.Bindings) => Object.fromEntries(variables.flatMap((v) => (b.get(v) ? [[v, b.get(v)!]] : []))));
  return { type: 'bindings', variables, rows };
}

describe('native query source', () => {
  it('moves a FILTER below the OPTIONALs only when its variables are bound before them', () => {
    const moved = placeFilters('SELECT * WHERE { ?s <http://p> ?o OPTIONAL { ?s <http://q> ?x } FILTER(?o != <http://a>) }');
    assert.match(moved, /\{\s*\{[^{}]*FILTER[^{}]*\}\s*OPTIONAL/, moved);
    for (const stays of [
      'SELECT * WHERE { ?s <http://p> ?o OPTIONAL { ?s <http://q> ?x } FILTER(!BOUND(?x)) }',
      'SELECT * WHERE { ?s <http://p> ?o OPTIONAL { ?s <http://q> ?x } FILTER EXISTS { ?o <http://r> ?s } }',
      'SELECT * WHERE { ?s <http://p> ?o OPTIONAL { ?s <http://q> ?x } ?s <http://r> ?x FILTER(?o != <http://a>) }',
      'SELECT * WHERE { ?s <http://p> ?o BIND(1 AS ?one) OPTIONAL { ?s <http://q> ?x } FILTER(?o != <http://a>) }',
      'SELECT * WHERE { ?s <http://p> ?o FILTER(?o != <http://a>) }',
    ]) assert.equal(placeFilters(stays), stays);
  });

  const store = new Store(new Parser({ format: 'application/trig' }).parse(DATA));

  for (const [name, query] of Object.entries(QUERIES)) {
    it(`answers as Comunica over rdf-stores does: ${name}`, async () => {
      const [mine, theirs] = [await run(query, store, { name }), await reference(store, query)];
      const ordered = /ORDER BY/.test(query);
      assert.deepEqual(canonical(mine, ordered), canonical(theirs, ordered));
      if (mine.type === 'bindings' && name !== 'a term not in the store') assert.ok(mine.rows.length > 0, 'an answer to compare');
    });
  }

  it('gives the same answer in the same order every time', async () => {
    const q = QUERIES['OPTIONAL chain'];
    const first = await run(q, store);
    for (let i = 0; i < 3; i++) assert.deepEqual(await run(q, store), first);
  });

  it('counts quads by the index: every graph, one graph, the merged default graph, named graphs only', async () => {
    await loadEngine();
    const view = viewOf(store);
    const ex = (x: string) => factory.namedNode(`http://example.org/${x}`);
    assert.equal(view.countQuads(ex('vinh'), ex('label'), null, factory.defaultGraph()), 2, '"Vinh"@en once in the merge, and "Vinh"@vi');
    assert.equal(view.countQuads(ex('vinh'), ex('label'), null, ex('g1')), 2);
    assert.equal(view.countQuads(ex('vinh'), ex('label'), null, null), 5, 'g1 (2), g2 (1) and the merged default graph (2)');
    assert.equal(view.countQuads(null, null, null, ex('nowhere')), 0);
    const ids = (t: RDF.Term | undefined) => (t ? view.idOf(t) : undefined);
    assert.equal(view.countIds([ids(ex('vinh')), ids(ex('label')), undefined, undefined], true), 3, 'a graph variable: named graphs only');
  });

  it('joins patterns by their ids, a variable repeated, and solutions pushed in with an unbound variable', () => {
    const native = NativeStore.fromQuads(store.getQuads(null, null, null, null), store.size);
    const ex = (x: string) => ({ id: native.idOf(factory.namedNode(`http://example.org/${x}`))! });
    const dg = { id: 0 };
    // ?x knows ?y . ?y knows ?x
    const found = native.evaluate([[{ variable: 0 }, ex('knows'), { variable: 1 }, dg], [{ variable: 1 }, ex('knows'), { variable: 0 }, dg]], 2);
    const pairs = Array.from({ length: found.count }, (_, i) => `${native.term(found.ids[2 * i]).value} ${native.term(found.ids[2 * i + 1]).value}`).sort();
    assert.deepEqual(pairs, ['http://example.org/rufo http://example.org/vinh', 'http://example.org/self http://example.org/self', 'http://example.org/vinh http://example.org/rufo']);
    // Pushed in: ?x = rufo with ?y unbound, and ?x = vinh with ?y = lich.
    const UNBOUND = 0xffffffff;
    const input = { ids: Uint32Array.from([ex('rufo').id, UNBOUND, ex('vinh').id, ex('lich').id]), count: 2 };
    const joined = native.evaluate([[{ variable: 0 }, ex('knows'), { variable: 1 }, dg]], 2, input, Uint8Array.from([1, 0]));
    const rows = Array.from({ length: joined.count }, (_, i) => `${native.term(joined.ids[2 * i]).value} ${native.term(joined.ids[2 * i + 1]).value} from ${joined.origin[i]}`).sort();
    assert.deepEqual(rows, ['http://example.org/rufo http://example.org/vinh from 0', 'http://example.org/vinh http://example.org/lich from 1']);
  });
});
