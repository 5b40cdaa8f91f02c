/**
 * One node per real event (src/graph/events.ts): reports of one event in different articles, in
 * different words and with different detail, become one Meeting that the stored queries count once,
 * while each article keeps its own facts about it with their sentences; reports that must stay apart
 * (the same ministers a year later, other parties the same day, a report known only to the year that
 * could be either of two meetings) do. The articles are composed here.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from 'n3';
import { buildGraph, type BuildResult } from '../src/commands/build.js';
import { serializeQuads } from '../src/export/rdf-writer.js';
import { buildDataset } from '../src/graph/build.js';
import { applyCorrections, parseCorrections } from '../src/graph/corrections.js';
import { formatReport, validateShapes } from '../src/graph/validate.js';
import { CORRECTIONS_HEADER } from '../src/commands/correct.js';
import { extractFolder } from '../src/graph/corpus.js';
import { select } from '../src/query/engine.js';
import { resolveParams } from '../src/query/names.js';
import { bindParams, getQuery } from '../src/query/stored-queries.js';
import { projectRoot } from '../src/ontology-files.js';
import { RDFLIB_DATASET, compileWithJena, javacAvailable, jena, rdflib, rdflibAsync, rdflibAvailable, requireTool, sparqlWrapperAvailable } from './support/external-tools.js';
import { startServer } from '../src/server/server.js';

const ID = 'https://w3id.org/diplograph/id/';
const PREFIX = 'PREFIX dg: <https://w3id.org/diplograph/ontology#> PREFIX owl: <http://www.w3.org/2002/07/owl#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n';

/** The articles: a1 and a2 tell one meeting (a day, and its month; other areas), d1 and d2 one reception (d2 says a meeting, on "Monday"). */
const ARTICLES: Record<string, string> = {
  'a1.txt': `Vietnam and France agree to deepen defence ties

Hanoi, March 15, 2019 - Minister of National Defence General Ngo Xuan Lich held talks with French Minister of the Armed Forces Florence Parly in Hanoi on March 14, 2019.

The two ministers discussed peacekeeping and maritime security cooperation.
`,
  'a2.txt': `French minister visits Hanoi

Paris, March 20, 2019 - French Minister of the Armed Forces Florence Parly and Vietnamese Defence Minister Ngo Xuan Lich held talks in March 2019.

During the talks, the two sides agreed to expand training cooperation.
`,
  // The same two ministers, a year later: another meeting.
  'b1.txt': `Ministers meet again

Hanoi, March 12, 2020 - Minister of National Defence General Ngo Xuan Lich held talks with French Minister of the Armed Forces Florence Parly in Hanoi on March 11, 2020.

They reviewed peacekeeping cooperation.
`,
  // The same day as a1, another counterpart: another meeting.
  'c1.txt': `Vietnam, Germany discuss defence cooperation

Hanoi, March 15, 2019 - Minister of National Defence General Ngo Xuan Lich held talks with German Minister of Defence Thomas Brandt in Hanoi on March 14, 2019.

The two ministers discussed training cooperation.
`,
  'd1.txt': `Defence minister receives Japanese ambassador

Hanoi, June 4, 2019 - Minister of National Defence General Ngo Xuan Lich received Japanese Ambassador Umeda Kunio in Hanoi on June 3, 2019.

They discussed cooperation in military medicine.
`,
  'd2.txt': `Japan and Vietnam review defence ties

June 5, 2019

Japanese Ambassador Umeda Kunio paid a courtesy call on Defence Minister Ngo Xuan Lich on Monday.

The ambassador thanked the minister for the support of the Vietnamese army.
`,
  // Known only to the year: a1's meeting or e2's, which are both in 2019; it stays apart.
  'e1.txt': `Looking back on a year of defence diplomacy

Hanoi, December 30, 2019 - Minister of National Defence General Ngo Xuan Lich held talks with French Minister of the Armed Forces Florence Parly in 2019.

They discussed peacekeeping.
`,
  // f2 gives no date: it joins f1, the same reception of the same two persons in the week before f2 was
  // published; f3, months later, stays apart.
  'f1.txt': `Minister receives Korean ambassador

Hanoi, July 11, 2019 - Minister of National Defence General Ngo Xuan Lich received South Korean Ambassador Kim Do Hyun in Hanoi on July 10, 2019.

They discussed training cooperation.
`,
  'f2.txt': `Korea and Vietnam to boost defence ties

Seoul, July 13, 2019 - Defence Minister Ngo Xuan Lich received South Korean Ambassador Kim Do Hyun, the embassy said.

The two sides discussed cooperation in military medicine.
`,
  'f3.txt': `Korean ambassador meets Vietnamese minister again

Hanoi, September 20, 2019 - Defence Minister Ngo Xuan Lich received South Korean Ambassador Kim Do Hyun.

They discussed peacekeeping.
`,
  'e2.txt': `Vietnam and France hold talks in Paris

Paris, October 3, 2019 - Minister of National Defence General Ngo Xuan Lich held talks with French Minister of the Armed Forces Florence Parly in Paris on October 2, 2019.

They discussed defence industry cooperation.
`,
};

describe('events reported by several articles', function () {
  this.timeout(120000);
  let dir: string;
  let built: BuildResult;
  let store: Store;
  const m = (id: string) => `<${ID}meeting/${id}>`;
  const ask = async (q: string) => (await select(PREFIX + q, store)).rows;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'diplograph-events-'));
    for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(dir, name), text);
    built = await buildGraph(dir);
    store = new Store(built.quads);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('counts events, not reports: 11 reports are 8 meetings', async () => {
    const reports = built.extractions.reduce((n, x) => n + x.meetings.length, 0);
    assert.equal(reports, 11);
    const [row] = await ask('SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a dg:Meeting }');
    assert.equal(row.n.value, '8');
    const timeline = await select(bindParams(getQuery('meetings-timeline'), {}), store);
    assert.deepEqual(timeline.rows.map((r) => r.meeting.value.slice(ID.length)).sort(), ['meeting/a1-1', 'meeting/b1-1', 'meeting/c1-1', 'meeting/d1-1', 'meeting/e1-1', 'meeting/e2-1', 'meeting/f1-1', 'meeting/f3-1']);
    const byYear = await select(bindParams(getQuery('meetings-by-year'), {}), store);
    assert.deepEqual(byYear.rows.map((r) => `${r.year.value} ${r.kind.value} ${r.meetings.value}`), ['2019 reception 2', '2019 talks 4', '2020 talks 1']);
  });

  it('makes two reports of one meeting one node, with the precise day, and each article keeps its facts and sentences', async () => {
    const [talks] = await ask(`SELECT ?date ?place (COUNT(DISTINCT ?label) AS ?labels) WHERE { ${m('a1-1')} dg:date ?date ; dg:location/rdfs:label ?place ; rdfs:label ?label } GROUP BY ?date ?place`);
    assert.equal(talks.date.value, '2019-03-14');
    assert.equal(talks.labels.value, '1');
    assert.deepEqual((await ask(`SELECT ?a WHERE { <${ID}meeting/a2-1> owl:sameAs ?a }`)).map((r) => r.a.value), [`${ID}meeting/a1-1`]);
    // a2's graph says what a2 says about the meeting: its type, participants and the area only it gives, from its own sentences.
    const a2 = await ask(`SELECT ?p ?o ?sentence WHERE { GRAPH <${ID}article/a2> { ${m('a1-1')} ?p ?o . ?st rdf:subject ${m('a1-1')} ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?ev . ?ev oa:hasSelector/oa:exact ?sentence } }`);
    const facts = new Set(a2.map((r) => `${r.p.value.replace(/.*[#/]/, '')} ${r.o.value.replace(/.*[#/]/, '')}`));
    for (const f of ['type Talks', 'participant florence-parly', 'participant ngo-xuan-lich', 'discusses training']) assert.ok(facts.has(f), `a2 states ${f}: ${[...facts].join(', ')}`);
    assert.ok(a2.every((r) => ARTICLES['a2.txt'].includes(r.sentence.value)), 'a2 facts come from a2 sentences');
    assert.ok(!facts.has('date 2019-03'), 'the month a2 gives is not a second date of the meeting');
    const areas = await ask(`SELECT ?area WHERE { ${m('a1-1')} dg:discusses ?area }`);
    assert.deepEqual(areas.map((r) => r.area.value.slice(ID.length)).sort(), ['area/maritime-security', 'area/peacekeeping', 'area/training']);
    // Both articles count it as one of theirs.
    const articles = await ask(`SELECT ?g WHERE { GRAPH ?g { ${m('a1-1')} a dg:Meeting } }`);
    assert.deepEqual(articles.map((r) => r.g.value.slice(ID.length)).sort(), ['article/a1', 'article/a2']);
  });

  it('joins a generic meeting on "Monday" to the reception that day, and the kind is the reception', async () => {
    assert.deepEqual((await ask(`SELECT ?a WHERE { <${ID}meeting/d2-1> owl:sameAs ?a }`)).map((r) => r.a.value), [`${ID}meeting/d1-1`]);
    const [row] = await ask(`SELECT ?date ?text WHERE { ${m('d1-1')} dg:date ?date ; dg:dateText ?text }`);
    assert.equal(row.date.value, '2019-06-03');
    assert.equal(row.text.value, 'June 3, 2019');
    assert.deepEqual((await ask(`SELECT ?t WHERE { ${m('d1-1')} a ?t }`)).map((r) => r.t.value.replace(/.*#/, '')).sort(), ['Meeting', 'Reception']);
  });

  it('joins an undated report to the dated one in the week before it was published, with the same persons; not months later', async () => {
    assert.deepEqual((await ask(`SELECT ?a WHERE { <${ID}meeting/f2-1> owl:sameAs ?a }`)).map((r) => r.a.value), [`${ID}meeting/f1-1`]);
    const areas = await ask(`SELECT ?area WHERE { ${m('f1-1')} dg:discusses ?area }`);
    assert.equal(areas.length, 2, 'training from f1, military medicine from f2');
    assert.equal((await ask(`SELECT * WHERE { ${m('f3-1')} owl:sameAs|^owl:sameAs ?x }`)).length, 0);
    assert.equal((await ask(`SELECT * WHERE { ${m('f3-1')} dg:date ?d }`)).length, 0);
  });

  it('keeps apart the same ministers a year later, another counterpart the same day, and a report that could be either of two meetings', async () => {
    const sameAs = await ask('SELECT ?a ?b WHERE { ?a owl:sameAs ?b }');
    assert.deepEqual(sameAs.map((r) => `${r.a.value.slice(ID.length)} ${r.b.value.slice(ID.length)}`).sort(), ['meeting/a2-1 meeting/a1-1', 'meeting/d2-1 meeting/d1-1', 'meeting/f2-1 meeting/f1-1']);
    const dates = await ask(`SELECT ?m ?date WHERE { VALUES ?m { ${m('b1-1')} ${m('c1-1')} ${m('e2-1')} } ?m dg:date ?date }`);
    assert.deepEqual(dates.map((r) => `${r.m.value.slice(ID.length)} ${r.date.value}`).sort(), ['meeting/b1-1 2020-03-11', 'meeting/c1-1 2019-03-14', 'meeting/e2-1 2019-10-02']);
    const [e1] = await ask(`SELECT ?date WHERE { ${m('e1-1')} dg:date ?date }`);
    assert.equal(e1.date.value, '2019');
  });

  it('lets an analyst merge a report the rules keep apart: the kept meeting\'s date and label win, and the graph conforms', async () => {
    const text = `${CORRECTIONS_HEADER}
<correction/1> a dg:Correction ; dg:action dg:Merge ; dg:node <meeting/a1-1> ; dg:duplicate <meeting/e1-1> ;
  rdfs:comment "the year in review recalls the March talks"@en ; prov:wasAttributedTo <analyst/a> ; prov:generatedAtTime "2026-12-04T09:00:00Z"^^xsd:dateTime .
`;
    const r = applyCorrections(built.quads, parseCorrections(text, 'corrections.ttl'));
    assert.deepEqual([r.applied.length, r.stale.length], [1, 0]);
    const report = await validateShapes(r.quads);
    assert.ok(report.conforms, formatReport(report));
    const merged = new Store(r.quads);
    const rows = async (q: string) => (await select(PREFIX + q, merged)).rows;
    assert.equal((await rows('SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a dg:Meeting }'))[0].n.value, '7');
    assert.deepEqual((await rows(`SELECT ?d WHERE { ${m('a1-1')} dg:date ?d }`)).map((x) => x.d.value), ['2019-03-14']);
    assert.equal((await rows(`SELECT ?l WHERE { ${m('a1-1')} rdfs:label ?l }`)).length, 1);
    assert.equal((await rows(`SELECT * WHERE { ?st rdf:subject ${m('a1-1')} ; rdf:predicate dg:date ; rdf:object "2019"^^<http://www.w3.org/2001/XMLSchema#gYear> }`)).length, 0, 'the year e1 gave went with its statement');
    assert.deepEqual((await rows(`SELECT ?g WHERE { GRAPH ?g { ${m('a1-1')} a dg:Talks } }`)).map((x) => x.g.value.slice(ID.length)).sort(), ['article/a1', 'article/a2', 'article/e1']);
  });

  it('finds a merged report by its own IRI as a meeting parameter', () => {
    const given = resolveParams(getQuery('meeting-participants'), { meeting: 'meeting/a2-1' }, store);
    assert.equal(given.meeting, `<${ID}meeting/a1-1>`);
  });

  it('leaves each article its own meeting, date and label in the per-article evaluation summaries', () => {
    const out = join(dir, 'summaries');
    const r = spawnSync(process.execPath, [join(projectRoot(), 'bin', 'diplograph.js'), 'summarize', dir, '--out', out], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const summary = (id: string) => JSON.parse(readFileSync(join(out, `${id}.json`), 'utf8')) as { meetings: Array<{ type: string; date: string | null; dateText: string | null }> };
    assert.deepEqual(summary('a2').meetings.map((x) => [x.type, x.date, x.dateText]), [['talks', '2019-03', 'March 2019']]);
    assert.deepEqual(summary('a1').meetings.map((x) => [x.type, x.date]), [['talks', '2019-03-14']]);
    assert.deepEqual(summary('d2').meetings.map((x) => [x.type, x.dateText]), [['meeting', 'Monday']], 'd2 says a meeting; the event, with d1, is a reception');
  });

  it('gives the same bytes whatever the order the articles are read in', async () => {
    const forward = await serializeQuads(buildDataset(extractFolder(dir)), 'trig');
    const backward = await serializeQuads(buildDataset(extractFolder(dir).reverse()), 'trig');
    assert.equal(backward, forward);
    assert.equal(forward, built.trig);
  });

  describe('read by independent SPARQL clients', () => {
    const COUNT = `${PREFIX}SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a dg:Meeting }`;
    before(() => {
      writeFileSync(join(dir, 'graph.trig'), built.trig);
      writeFileSync(join(dir, 'events.rq'), COUNT);
    });

    it('Jena ARQ counts 8 meetings over the TriG with a union default graph', function () {
      requireTool(this, javacAvailable(), 'Apache Jena with javac', 'apt-get install libapache-jena-java openjdk-17-jdk-headless');
      const classes = compileWithJena(join(projectRoot(), 'test', 'support', 'jena', 'StoredQueries.java'));
      const r = jena('StoredQueries', [join(dir, 'graph.trig'), dir, join(dir, 'events.rq'), getQuery('meetings-timeline').path], classes);
      rmSync(classes, { recursive: true, force: true });
      assert.equal(r.code, 0, r.stderr);
      const json = (name: string) => JSON.parse(readFileSync(join(dir, `${name}.srj`), 'utf8')) as { results: { bindings: Array<Record<string, { value: string }>> } };
      assert.equal(json('events').results.bindings[0].n.value, '8');
      assert.equal(json('meetings-timeline').results.bindings.length, 8);
    });

    it('rdflib\'s SPARQLWrapper counts 8 meetings through `serve`', async function () {
      requireTool(this, sparqlWrapperAvailable(), 'rdflib with SPARQLWrapper', 'apt-get install python3-rdflib python3-sparqlwrapper');
      const server = await startServer({ store, port: 0 });
      try {
        const script = [
          'import sys',
          'from SPARQLWrapper import SPARQLWrapper, JSON',
          'sw = SPARQLWrapper(sys.argv[1]); sw.setQuery(open(sys.argv[2]).read()); sw.setReturnFormat(JSON)',
          'print(sw.query().convert()["results"]["bindings"][0]["n"]["value"])',
        ].join('\n');
        // The server runs in this process: the client must not block the event loop.
        const r = await rdflibAsync(script, [new URL('/sparql', server.url).href, join(dir, 'events.rq')]);
        assert.equal(r.code, 0, r.stderr);
        assert.equal(r.stdout.trim(), '8');
      } finally {
        await server.close();
      }
    });

    it('rdflib counts 8 meetings over the TriG read as a Dataset with a union default graph', function () {
      requireTool(this, rdflibAvailable(), 'rdflib', 'apt-get install python3-rdflib (for /usr/bin/python3)');
      const script = [
        ...RDFLIB_DATASET,
        'print(int(list(d.query(open(sys.argv[2]).read()))[0][0]))',
      ].join('\n');
      const r = rdflib(script, [join(dir, 'graph.trig'), join(dir, 'events.rq')]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout.trim(), '8');
    });
  });
});

describe('events: a report dated only by its publication date', function () {
  this.timeout(120000);
  it('joins the report that gives the year, and the date the text states is the one kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'diplograph-events-pub-'));
    try {
      writeFileSync(join(dir, 'g1.txt'), 'Vietnam, Chile hold defence talks\n\nHanoi, May 7, 2025 - General Phan Van Giang held talks with Chilean Defence Minister Adriana Delpiano in Hanoi on May 6, 2025.\n');
      // "on Tuesday", in an article published on Thursday 2025-05-08: the days of Tuesday 2025-05-06.
      writeFileSync(join(dir, 'g2.txt'), 'Chilean minister in Hanoi\n\nChilean Defence Minister Adriana Delpiano and General Phan Van Giang held talks on Tuesday.\n');
      writeFileSync(join(dir, 'g2.source'), 'https://news.example/chile-hanoi\tpublished=2025-05-08\n');
      const built = await buildGraph(dir);
      const store = new Store(built.quads);
      const rows = (await select(`${PREFIX}SELECT ?m ?date ?start WHERE { ?m a dg:Meeting ; dg:startDate ?start OPTIONAL { ?m dg:date ?date } }`, store)).rows;
      assert.deepEqual(rows.map((r) => [r.m.value.slice(ID.length), r.date?.value, r.start.value]), [['meeting/g1-1', '2025-05-06', '2025-05-06']]);
      assert.ok(store.getQuads(null, null, null, null).some((q) => q.predicate.value.endsWith('#sameAs') && q.subject.value === `${ID}meeting/g2-1`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
