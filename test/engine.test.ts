/**
 * The query engine facade and every stored query, on the documented example graph
 * (ontology/example.trig), plus a remote endpoint played by a local HTTP server.
 */
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Parser, Store } from 'n3';
import { UserError } from '../src/errors.js';
import { loadStore } from '../src/graph/load.js';
import { ontologyQuads } from '../src/graph/ontology-graph.js';
import type * as RDF from '@rdfjs/types';
import { ENGINE_BUNDLE, ask, construct, loadEngine, queryForm, run, select, viewOf, type Row } from '../src/query/engine.js';
import { factory } from '../src/vocab.js';
import { bindParams, getQuery, listQueries } from '../src/query/stored-queries.js';
import { projectRoot } from '../src/ontology-files.js';

const ID = 'https://w3id.org/diplograph/id/';
const PREFIXES = `PREFIX dg: <https://w3id.org/diplograph/ontology#>
PREFIX dgr: <https://w3id.org/diplograph/id/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
`;
const EXAMPLE = join(projectRoot(), 'ontology', 'example.trig');

/** Rows as plain strings, IRIs under the base shortened to their path. */
const plain = (rows: Row[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, t]) => [k, t.value.replace(ID, '')])));

async function stored(store: Store, name: string, params: Record<string, string> = {}) {
  const q = getQuery(name);
  const r = await run(bindParams(q, params), store, q.path);
  if (r.type !== 'bindings') throw new Error(`${name} is not a SELECT query`);
  return plain(r.rows);
}

describe('query engine', () => {
  let example: Store;
  before(() => {
    example = loadStore(EXAMPLE);
    example.addQuads(ontologyQuads()); // as in a built graph: the ontology in its named graph
  });

  it('loads Comunica from the one-file bundle that npm run build writes, which answers as the package does', async () => {
    assert.ok(existsSync(ENGINE_BUNDLE), `${ENGINE_BUNDLE} is built`);
    const require = createRequire(import.meta.url);
    const bundled = require(ENGINE_BUNDLE) as typeof import('@comunica/query-sparql');
    const packaged = await import('@comunica/query-sparql');
    assert.notEqual(bundled.QueryEngine, packaged.QueryEngine, 'two copies of the code');
    const store = new Store(new Parser().parse('<http://x/a> <http://x/p> "b"@en, "c"@vi, 3 .'));
    const q = 'SELECT ?o WHERE { ?s ?p ?o FILTER(isLiteral(?o) && (lang(?o) = "en" || ?o > 2)) } ORDER BY STR(?o)';
    const answer = async (E: typeof packaged.QueryEngine) => (await (await new E().queryBindings(q, { sources: [store] })).toArray()).map((b) => b.get('o')!.value);
    assert.deepEqual(await answer(bundled.QueryEngine), await answer(packaged.QueryEngine));
    assert.deepEqual(await answer(bundled.QueryEngine), ['3', 'b']);
  });

  describe('on the example graph', () => {
    it('answers SELECT with the projected variables and the rows in order, unbound variables absent', async () => {
      const r = await select(`${PREFIXES}SELECT ?p ?name ?rank WHERE { ?p a dg:Person ; rdfs:label ?name FILTER(lang(?name) = "en") OPTIONAL { ?p dg:rank ?rank } } ORDER BY ?name`, example);
      assert.deepEqual(r.variables, ['p', 'name', 'rank']);
      assert.deepEqual(plain(r.rows), [
        { p: 'person/alice-rufo', name: 'Alice Rufo' },
        { p: 'person/nguyen-chi-vinh', name: 'Nguyen Chi Vinh', rank: 'Senior Lieutenant General' },
      ]);
      assert.equal(r.rows[0].name.termType, 'Literal');
      assert.equal((r.rows[0].name as { language: string }).language, 'en');
    });

    it('sees the facts of the named graphs in the default graph, and the SKOS scheme of the default graph', async () => {
      assert.equal(await ask(`${PREFIXES}ASK { <${ID}meeting/example_01-1> dg:chair <${ID}person/alice-rufo> }`, example), true);
      assert.equal(await ask(`${PREFIXES}ASK { <${ID}meeting/example_01-1> dg:discusses ?a . ?a <http://www.w3.org/2004/02/skos/core#prefLabel> "peacekeeping"@en }`, example), true);
      assert.equal(await ask(`${PREFIXES}ASK { <${ID}meeting/example_01-1> dg:host ?h }`, example), false);
    });

    it('answers CONSTRUCT with quads in the default graph', async () => {
      const quads = await construct(`${PREFIXES}CONSTRUCT { ?m dg:chair ?c } WHERE { ?m dg:chair ?c }`, example);
      assert.deepEqual(quads.map((q) => q.object.value.replace(ID, '')).sort(), ['person/alice-rufo', 'person/nguyen-chi-vinh']);
      assert.ok(quads.every((q) => q.graph.termType === 'DefaultGraph'));
      // A graph is a set: the triple that every solution makes is in the answer once.
      const once = await construct(`${PREFIXES}CONSTRUCT { dgr:x dg:chaired ?m } WHERE { ?m dg:chair ?c }`, example);
      assert.equal(once.length, 1);
      assert.equal((await select(`${PREFIXES}SELECT ?m WHERE { ?m dg:chair ?c }`, example)).rows.length, 2);
    });

    it('run() finds the form of the query', async () => {
      assert.equal((await run('ASK { ?s ?p ?o }', example)).type, 'boolean');
      assert.equal((await run('SELECT * WHERE { ?s ?p ?o } LIMIT 1', example)).type, 'bindings');
      assert.equal((await run('CONSTRUCT WHERE { ?s a ?o }', example)).type, 'quads');
      assert.equal(queryForm('DESCRIBE <http://example.org/x>'), 'DESCRIBE');
    });
  });

  describe('the union default graph', () => {
    // Two named graphs that state the same fact, and a default graph with a fact of its own.
    const store = new Store(new Parser({ format: 'application/trig' }).parse(`
      @prefix ex: <http://example.org/> .
      ex:concept ex:label "default graph fact" .
      ex:g1 { ex:vinh ex:label "Vinh" . ex:a ex:only "g1" . }
      ex:g2 { ex:vinh ex:label "Vinh" . }`));

    it('counts patterns as the index does, the second time from memory, and a changed store gets a new view', async () => {
      const mine = new Store(store.getQuads(null, null, null, null));
      await loadEngine();
      const view = viewOf(mine);
      const ex = (x: string) => factory.namedNode(`http://example.org/${x}`);
      const patterns: Array<Array<RDF.Term | null>> = [[null, null, null, null], [ex('vinh'), null, null, null], [null, ex('label'), null, factory.defaultGraph()],
        [null, ex('label'), null, ex('g1')], [null, null, factory.literal('g1'), null], [factory.variable('s'), ex('only'), null, null], [ex('nobody'), null, null, null]];
      const expected = [6, 3, 2, 1, 2, 2, 0];
      for (const round of [1, 2]) assert.deepEqual(patterns.map(([s, p, o, g]) => view.countQuads(s, p, o, g)), expected, `round ${round}`);
      mine.addQuad(factory.quad(ex('new'), ex('label'), factory.literal('x'), ex('g2')) as never);
      const fresh = viewOf(mine);
      assert.notEqual(fresh, view);
      assert.equal(fresh.countQuads(null, ex('label'), null, factory.defaultGraph()), 3);
      assert.equal(viewOf(mine), fresh, 'kept while the store does not change');
    });

    it('holds a fact that two articles state once, as Jena and Virtuoso do', async () => {
      const r = await select('SELECT ?l WHERE { <http://example.org/vinh> <http://example.org/label> ?l }', store);
      assert.equal(r.rows.length, 1);
      const all = await select('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }', store);
      assert.equal(all.rows[0].n.value, '3');
    });

    it('lets GRAPH ?g range over the named graphs only', async () => {
      const r = await select('SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g', store);
      assert.deepEqual(r.rows.map((x) => [x.g.value, x.n.value]), [['http://example.org/g1', '2'], ['http://example.org/g2', '1']]);
    });

    it('a dataset: default graph = merge of the listed graphs, named graphs = exactly the listed ones, over FROM', async () => {
      const EX = 'http://example.org/';
      const count = async (q: string, dataset: { defaultGraphs?: string[]; namedGraphs?: string[] }) => (await select(q, store, { dataset })).rows.map((x) => Object.values(x).map((t) => t.value).join(' '));
      const ALL = 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }';
      const GRAPHS = 'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g';
      assert.deepEqual(await count(ALL, { defaultGraphs: [`${EX}g1`] }), ['2']);
      assert.deepEqual(await count(ALL, { defaultGraphs: [`${EX}g1`, `${EX}g2`] }), ['2'], 'the shared fact once');
      assert.deepEqual(await count(ALL, { defaultGraphs: [`${EX}g2`, `${EX}nowhere`] }), ['1'], 'an unknown graph is empty');
      assert.deepEqual(await count(GRAPHS, { defaultGraphs: [`${EX}g1`] }), [], 'no named graphs');
      assert.deepEqual(await count(GRAPHS, { namedGraphs: [`${EX}g2`] }), [`${EX}g2 1`]);
      assert.deepEqual(await count(ALL, { namedGraphs: [`${EX}g2`] }), ['0'], 'an empty default graph');
      assert.deepEqual(await count(`SELECT (COUNT(*) AS ?n) FROM <${EX}g1> WHERE { ?s ?p ?o }`, { defaultGraphs: [`${EX}g2`] }), ['1'], 'FROM is overridden');
      assert.deepEqual(await count(`SELECT (COUNT(*) AS ?n) FROM <${EX}g1> WHERE { ?s ?p ?o }`, {}), ['2'], 'without a dataset, FROM applies');
      await assert.rejects(select(ALL, { endpoint: 'http://127.0.0.1:9/sparql' }, { dataset: { defaultGraphs: [`${EX}g1`] } }), /a dataset .* can only be given for a local graph/);
    });

    it('maxRows: more rows or triples than the cap is a UserError naming the query, never a truncated answer', async () => {
      await assert.rejects(run('SELECT * WHERE { ?s ?p ?o }', store, { name: 'all.rq', maxRows: 2 }), (e: unknown) => e instanceof UserError && e.message === 'all.rq: result too large: more than 2 rows; add LIMIT');
      await assert.rejects(construct('CONSTRUCT WHERE { ?s ?p ?o }', store, { maxRows: 2 }), /^UserError: query: result too large: more than 2 triples; add LIMIT$/);
      assert.equal((await select('SELECT * WHERE { ?s ?p ?o }', store, { maxRows: 3 })).rows.length, 3);
    });
  });

  describe('errors', () => {
    it('a malformed query names the file, the line and the column', async () => {
      const text = 'SELECT ?s WHERE {\n  ?s ?p ?o .\n  FILTER(?o = }';
      await assert.rejects(select(text, example, { name: 'bad.rq' }), (e: unknown) => {
        assert.ok(e instanceof UserError);
        assert.equal(e.message, 'bad.rq: line 3, column 13: SPARQL syntax error: expected one of IRIREF, PNAME_NS, (, INTEGER, VAR, !, +, -, ... but found "}"');
        assert.ok(e.cause, 'keeps the parser error as cause');
        return true;
      });
    });

    it('an undefined prefix is located too', () => {
      assert.throws(() => queryForm('SELECT ?s\nWHERE { ?s a dg:Person }', 'q.rq'), new UserError('q.rq: line 2, column 14: SPARQL syntax error: undefined prefix "dg:" (declare it: PREFIX dg: <...>)'));
    });

    it('SPARQL Update is refused, and a query of the wrong form too', async () => {
      assert.throws(() => queryForm('DROP ALL', 'x.rq'), new UserError('x.rq: SPARQL Update is not allowed here; only SELECT, ASK, CONSTRUCT and DESCRIBE'));
      await assert.rejects(select('ASK { ?s ?p ?o }', example, 'x.rq'), new UserError('x.rq: a ASK query, where SELECT was expected'));
    });

    it('an endpoint that cannot be reached is a one-line error, with the original as cause', async () => {
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as AddressInfo).port;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await assert.rejects(select('SELECT * WHERE { ?s ?p ?o }', { endpoint: `http://127.0.0.1:${port}/sparql` }, 'q.rq'), (e: unknown) => {
        assert.ok(e instanceof UserError);
        assert.equal(e.message, `q.rq: SPARQL endpoint http://127.0.0.1:${port}/sparql: the endpoint cannot be reached`);
        assert.doesNotMatch(e.message, /mediated|actors/);
        assert.ok(e.cause);
        return true;
      });
    });
  });

  describe('a remote SPARQL endpoint', () => {
    let server: Server;
    let endpoint: string;
    const seen: string[] = [];
    before(async () => {
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          const query = new URLSearchParams(req.method === 'POST' ? body : (req.url ?? '').split('?')[1] ?? '').get('query') ?? '';
          seen.push(query);
          if (/SLOW/.test(query)) return; // never answers
          if (/^\s*ASK/i.test(query.replace(/^(PREFIX[^\n]*\n)*/i, ''))) {
            res.writeHead(200, { 'content-type': 'application/sparql-results+json' });
            return res.end(JSON.stringify({ head: {}, boolean: true }));
          }
          if (/COUNT/i.test(query) && !/ORDER BY/.test(query)) {
            res.writeHead(200, { 'content-type': 'application/sparql-results+json' });
            return res.end(JSON.stringify({ head: { vars: ['count'] }, results: { bindings: [{ count: { type: 'literal', value: '1', datatype: 'http://www.w3.org/2001/XMLSchema#integer' } }] } }));
          }
          res.writeHead(200, { 'content-type': 'application/sparql-results+json' });
          res.end(JSON.stringify({ head: { vars: ['s', 'name'] }, results: { bindings: [{ s: { type: 'uri', value: `${ID}person/alice-rufo` }, name: { type: 'literal', value: 'Alice Rufo', 'xml:lang': 'en' } }] } }));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sparql`;
    });
    after(() => {
      server.closeAllConnections();
      server.close();
    });

    it('answers SELECT and ASK through the endpoint', async () => {
      const r = await select(`${PREFIXES}SELECT ?s ?name WHERE { ?s a dg:Person ; rdfs:label ?name } ORDER BY ?name`, { endpoint });
      assert.deepEqual(plain(r.rows), [{ s: 'person/alice-rufo', name: 'Alice Rufo' }]);
      assert.equal(await ask('ASK { ?s ?p ?o }', { endpoint }), true);
      assert.ok(seen.some((q) => /rdfs:label|rdf-schema#label/.test(q)), 'the query went to the endpoint');
    });

    it('a query that takes too long is an error, never an empty answer', async () => {
      await assert.rejects(select('SELECT ?SLOW WHERE { ?SLOW ?p ?o } ORDER BY ?SLOW', { endpoint }, { name: 'slow.rq', timeoutMs: 300 }),
        new UserError(`slow.rq: no answer within 0.3 s from ${endpoint}; the query was stopped`));
    });
  });

  describe('every stored query on the example graph', () => {
    it('runs without error', async () => {
      for (const q of listQueries()) {
        const r = await run(bindParams(q, {}), example, q.path);
        assert.ok(['bindings', 'boolean', 'quads'].includes(r.type), q.name);
      }
    });

    it('meetings-timeline: the dialogue with its date, kind, partner and place', async () => {
      assert.deepEqual(await stored(example, 'meetings-timeline'), [{
        date: '2019-07-02', start: '2019-07-02', end: '2019-07-02', dateText: 'on July 2, 2019', kind: 'dialogue', meeting: 'meeting/example_01-1',
        label: 'Second Vietnam-France defence dialogue', partners: 'France', place: 'Paris',
      }]);
    });

    it('meeting-participants: two chairs with their rank and position, two countries', async () => {
      const rows = await stored(example, 'meeting-participants', { meeting: 'meeting/example_01-1' });
      assert.deepEqual(rows.map((r) => [r.name, r.role, r.ranks, r.positions]), [
        ['Alice Rufo', 'chair', undefined, undefined],
        ['Nguyen Chi Vinh', 'chair', 'Senior Lieutenant General', 'Deputy Minister of Defence'],
        ['France', 'participant', undefined, undefined],
        ['Vietnam', 'participant', undefined, undefined],
      ]);
    });

    it('co-chairs: Nguyen Chi Vinh and Alice Rufo co-chaired the dialogue', async () => {
      const rows = await stored(example, 'co-chairs');
      assert.deepEqual(rows.map((r) => [r.meeting, r.kind, r.date, r.chairName]), [
        ['meeting/example_01-1', 'dialogue', '2019-07-02', 'Alice Rufo'],
        ['meeting/example_01-1', 'dialogue', '2019-07-02', 'Nguyen Chi Vinh'],
      ]);
    });

    it('agreements: the proposed MoU between Vietnam and France, mentioned at the dialogue', async () => {
      const [mou, ...rest] = await stored(example, 'agreements');
      assert.equal(rest.length, 0);
      assert.equal(mou.name, 'Memorandum of Understanding on training');
      assert.equal(mou.kind, 'memorandum of understanding');
      assert.equal(mou.statuses, 'proposed');
      assert.deepEqual(mou.parties.split(', ').sort(), ['France', 'Vietnam']);
      assert.equal(mou.meetings, 'Second Vietnam-France defence dialogue');
      assert.equal(mou.meetingCount, '1');
    });

    it('agreements-by-status: one proposed', async () => {
      assert.deepEqual((await stored(example, 'agreements-by-status')).map((r) => [r.statusLabel, r.agreements]), [['proposed', '1']]);
    });

    it('areas-ranked, areas-per-partner and area-meetings: peacekeeping and maritime security, with France', async () => {
      assert.deepEqual((await stored(example, 'areas-ranked')).map((r) => [r.label, r.meetings, r.articles]), [['maritime security', '1', '1'], ['peacekeeping', '1', '1']]);
      assert.deepEqual((await stored(example, 'areas-per-partner')).map((r) => [r.partnerName, r.areaLabel]), [['France', 'maritime security'], ['France', 'peacekeeping']]);
      assert.deepEqual((await stored(example, 'area-meetings', { phrase: 'UN peacekeeping operations' })).map((r) => [r.areaLabel, r.meeting, r.partners]),
        [['peacekeeping', 'meeting/example_01-1', 'France']]);
      assert.deepEqual(await stored(example, 'area-meetings', { phrase: 'cyber security' }), []);
    });

    it('evidence: the sentence behind a fact, with the article file and offsets; the predicate narrows it', async () => {
      const rows = await stored(example, 'evidence', { subject: 'agreement/memorandum-of-understanding-on-training' });
      assert.deepEqual(rows, [{
        predicate: 'https://w3id.org/diplograph/ontology#status', object: 'https://w3id.org/diplograph/ontology#Proposed',
        sentence: 'They agreed to boost cooperation in UN peacekeeping and maritime security and to study a Memorandum of Understanding on training.',
        file: 'example_01.txt', start: '202', end: '331',
      }]);
      assert.equal((await stored(example, 'evidence', { subject: 'meeting/example_01-1', predicate: 'dg:chair' })).length, 1);
      assert.equal((await stored(example, 'evidence', { subject: 'meeting/example_01-1', predicate: 'dg:location' })).length, 0);
    });

    it('partner-construct: France, its meeting with the participants\' labels, the areas and the agreement', async () => {
      const q = getQuery('partner-construct');
      const r = await run(bindParams(q, {}), example, q.path);
      assert.equal(r.type, 'quads');
      if (r.type !== 'quads') return;
      const has = (s: string, p: string, o: string) => r.quads.some((x) => x.subject.value === ID + s && x.predicate.value.endsWith(p) && x.object.value.replace(ID, '') === o);
      assert.ok(has('country/france', '#label', 'France'));
      assert.ok(has('meeting/example_01-1', '#chair', 'person/alice-rufo'));
      assert.ok(has('person/nguyen-chi-vinh', '#label', 'Nguyen Chi Vinh'));
      assert.ok(has('area/peacekeeping', '#prefLabel', 'peacekeeping'));
      assert.ok(has('agreement/memorandum-of-understanding-on-training', '#status', 'https://w3id.org/diplograph/ontology#Proposed'));
      assert.ok(!r.quads.some((x) => x.subject.value.includes('#f-')), 'no provenance statements');
    });

    it('partner-meetings: the dialogue with France, within a period or not', async () => {
      assert.deepEqual((await stored(example, 'partner-meetings')).map((r) => [r.meeting, r.kind, r.place]), [['meeting/example_01-1', 'dialogue', 'Paris']]);
      assert.equal((await stored(example, 'partner-meetings', { from: '2019-07-01', to: '2019-07-31' })).length, 1);
      assert.equal((await stored(example, 'partner-meetings', { from: '2019-07-03' })).length, 0);
      assert.equal((await stored(example, 'partner-meetings', { partner: 'country/vietnam', to: '2019-07-01' })).length, 0);
    });

    it('actors, persons, years and articles', async () => {
      assert.deepEqual((await stored(example, 'actors-by-meetings')).map((r) => [r.name, r.type, r.meetings]), [
        ['Alice Rufo', 'person', '1'], ['France', 'country', '1'], ['Nguyen Chi Vinh', 'person', '1'], ['Vietnam', 'country', '1'],
      ]);
      assert.deepEqual(await stored(example, 'actors-by-meetings', { minimum: '2' }), []);
      assert.deepEqual((await stored(example, 'persons-by-affiliation')).map((r) => [r.name, r.affiliation, r.nationality]), [
        ['Alice Rufo', undefined, 'France'], ['Nguyen Chi Vinh', 'Ministry of National Defence', 'Vietnam'],
      ]);
      assert.deepEqual(await stored(example, 'meetings-by-year'), [{ year: '2019', kind: 'dialogue', meetings: '1' }]);
      assert.deepEqual((await stored(example, 'articles')).map((r) => [r.file, r.published, r.meetings, r.persons, r.agreements]), [
        ['example_01.txt', '2019-07-06', '1', '2', '1'],
      ]);
    });

    it('persons-in-several-articles: a person that a second article names is counted once per article', async () => {
      const store = new Store(example.getQuads(null, null, null, null));
      store.addQuads(new Parser({ format: 'application/trig' }).parse(`
        @prefix dg: <https://w3id.org/diplograph/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix dcterms: <http://purl.org/dc/terms/> .
        <${ID}article/example_02> {
          <${ID}article/example_02> a dg:Article ; dcterms:identifier "example_02.txt" .
          <${ID}person/nguyen-chi-vinh> a dg:Person ; rdfs:label "Nguyen Chi Vinh"@en .
        }`));
      assert.deepEqual(await stored(store, 'persons-in-several-articles'), [
        { person: 'person/nguyen-chi-vinh', name: 'Nguyen Chi Vinh', articles: '2', files: 'example_01.txt, example_02.txt' },
      ]);
    });

    it('gives the same answer twice', async () => {
      for (const q of listQueries()) {
        const text = bindParams(q, {});
        assert.deepEqual(await run(text, example, q.path), await run(text, example, q.path), q.name);
      }
    });
  });
});
