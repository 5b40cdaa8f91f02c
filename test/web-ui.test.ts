/**
 * The web UI of `diplograph serve`, in process: the home page's counts and search, the page of an
 * entity (its summary card, facts as links, links to it, each evidence sentence once with the facts
 * it supports), the page of an article (names and events marked inline, linked), the stored queries
 * (names to choose from, run, downloads, errors), the SPARQL editor's page, the timeline and the
 * network with their filters; every script and style served locally under a strict CSP; and no
 * literal of an article ever reaching a page as markup.
 */
import { strict as assert } from 'node:assert';
import { Store } from 'n3';
import { run } from '../src/query/engine.js';
import { NODE_TYPES, resolveParams } from '../src/query/names.js';
import { bindParams, getQuery, listQueries } from '../src/query/stored-queries.js';
import { rebaseQuads } from '../src/server/linked-data.js';
import { startServer, type RunningServer } from '../src/server/server.js';
import { DEFAULT_BASE, DG, RDF, RDFS, SKOS, factory } from '../src/vocab.js';
import { HOSTILE_ARTICLE, HOSTILE_MEETING, HOSTILE_PERSON, PAYLOAD, withHostileArticle } from './support/hostile.js';
import { seedStore } from './support/seed-graph.js';

const ID = DEFAULT_BASE;
const VINH = `${ID}person/nguyen-chi-vinh`;

/** The values of an attribute on the page, e.g. every href. */
function attributes(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1].replace(/&amp;/g, '&'));
}

/** The inside of the page's section with that class or id (the card, the evidence). */
function section(html: string, name: string): string {
  const at = html.search(new RegExp(`<section (?:class|id)="${name}"`));
  if (at < 0) return '';
  return html.slice(at, html.indexOf('</section>', at));
}

describe('the web UI', function () {
  this.timeout(120000);
  let store: Store;
  let server: RunningServer;
  let url: string;
  const get = async (path: string, accept = 'text/html') => {
    const r = await fetch(new URL(path, url), { headers: { Accept: accept } });
    return { status: r.status, type: r.headers.get('content-type') ?? '', csp: r.headers.get('content-security-policy') ?? '', text: await r.text() };
  };

  before(async () => {
    store = withHostileArticle(await seedStore());
    server = await startServer({ store, port: 0 });
    url = server.url;
  });
  after(() => server?.close());

  it('the home page counts each kind once and links to its list', async () => {
    const page = await get('/');
    assert.equal(page.status, 200);
    assert.match(page.type, /^text\/html/);
    const persons = new Set(store.getSubjects(RDF.type, DG.Person, null).map((s) => s.value)).size;
    assert.ok(persons > 10);
    assert.match(page.text, new RegExp(`<span class="count">${persons}</span> Persons`));
    const list = await get('/browse/persons');
    assert.equal(list.status, 200);
    assert.equal((list.text.match(/<li><a href="\/id\/person\//g) ?? []).length, persons);
    assert.equal((await get('/browse/nothing')).status, 404);
  });

  it('search finds an actor by a label without its diacritics, and an organization by acronym', async () => {
    const page = await get('/search?q=nguyen%20chi%20vinh');
    assert.equal(page.status, 200);
    assert.match(page.text, /<a href="\/id\/person\/nguyen-chi-vinh">Nguyen Chi Vinh<\/a>/);
    const vi = await get(`/search?q=${encodeURIComponent('Nguyễn Chí Vịnh')}`);
    assert.match(vi.text, /\/id\/person\/nguyen-chi-vinh/);
    const acronym = await get('/search?q=EEAS');
    assert.match(acronym.text, /\/id\/org\/european-external-action-service/);
    const none = await get('/search?q=zzzqqq');
    assert.match(none.text, /Nothing has a label containing/);
  });

  it("an entity's page shows its type, labels in every language, facts as links and links to it", async () => {
    const page = await get('/id/person/nguyen-chi-vinh');
    assert.equal(page.status, 200);
    assert.match(page.text, /<h1>Nguyen Chi Vinh <small class="kind">Person<\/small><\/h1>/);
    assert.match(page.text, /<td lang="vi">Nguyễn Chí Vịnh<\/td>/);
    assert.match(page.text, /<td lang="en">Nguyen Chi Vinh<\/td>/);
    // a fact whose value is an IRI is a link to that IRI's page, labelled
    assert.match(page.text, /<a href="\/id\/country\/vietnam" title="https:\/\/w3id.org\/diplograph\/id\/country\/vietnam">Vietnam<\/a>/);
    // the meetings he took part in link to him
    const meetings = store.getSubjects(DG.participant, factory.namedNode(VINH), null).map((m) => m.value);
    assert.ok(meetings.length > 0);
    for (const m of meetings) assert.ok(page.text.includes(`href="/id/${m.slice(ID.length)}"`), m);
  });

  it("an entity's facts point to the sentences they were read in, linked to the article", async () => {
    const page = await get('/id/person/nguyen-chi-vinh');
    const sources = attributes(page.text, 'href').filter((h) => /^\/id\/article\/[^#]+#s\d+$/.test(h));
    assert.ok(sources.length > 3, 'evidence links');
    const [article, fragment] = sources[0].split('#');
    const text = await get(article);
    assert.equal(text.status, 200);
    assert.ok(text.text.includes(`<span id="${fragment}" class="sentence`), `${article} has ${fragment}`);
  });

  it("a meeting's page opens with a card: when, where, who on each side, what was discussed and agreed, the articles", async () => {
    const meetings = [...new Set(store.getSubjects(RDF.type, DG.Meeting, null).map((m) => m.value))].filter((m) => m !== HOSTILE_MEETING);
    assert.ok(meetings.length > 5);
    for (const m of meetings) {
      const page = await get(m.replace(ID, '/id/'));
      const card = section(page.text, 'card');
      assert.ok(card, `${m} has a card`);
      assert.ok(page.text.indexOf('class="card"') < page.text.indexOf('<h2>Facts</h2>'), 'the card comes before the facts');
      const node = factory.namedNode(m);
      const date = store.getObjects(node, DG.date, null)[0];
      if (date) assert.match(card, new RegExp(`<dt>When</dt><dd>${date.value}`), `${m}: its date`);
      for (const p of [DG.location, DG.participant, DG.chair, DG.host, DG.discusses, DG.mentions, DG.involves]) {
        for (const o of store.getObjects(node, p, null)) assert.ok(card.includes(`href="/id/${o.value.slice(ID.length)}"`), `${m}: ${p.value} ${o.value} in the card`);
      }
      for (const g of store.getGraphs(node, RDF.type, null)) assert.ok(card.includes(`href="/id/${g.value.slice(ID.length)}"`), `${m}: article ${g.value}`);
    }
    // who on each side: Nguyen Chi Vinh is on Vietnam's side of the teleconference; the agreements say their status
    const tele = section((await get('/id/meeting/000_e8b7f0acafe71e35-1')).text, 'card');
    assert.match(tele, /<dt>Kind<\/dt><dd>teleconference<\/dd>/);
    assert.match(tele, /<li class="side"><strong><a href="\/id\/country\/vietnam">Vietnam<\/a><\/strong>: <a href="\/id\/person\/nguyen-chi-vinh">Nguyen Chi Vinh<\/a><\/li>/);
    assert.match(tele, /<a href="\/id\/agreement\/fpa">Framework Participation Agreement<\/a> <span class="status">[^<]*signed/);
    const visit = section((await get('/id/meeting/004_f785308aa69e0926-2')).text, 'card');
    assert.match(visit, /<dt>When<\/dt><dd>2019-07 \(2019-07-01 – 2019-07-04\) “from July 1 to 4”<\/dd>/);
    assert.match(visit, /<dt>Where<\/dt><dd><a href="\/id\/country\/france">France<\/a><\/dd>/);
    assert.match(visit, /<dt>Within it<\/dt>/);
  });

  it("a person's card lists offices, the meetings by date and the partners met", async () => {
    const card = section((await get('/id/person/nguyen-chi-vinh')).text, 'card');
    assert.match(card, /<dt>Offices<\/dt><dd><ul class="offices">.*Deputy Minister of Defence/);
    const meetings = new Set([DG.participant, DG.chair, DG.host].flatMap((p) => store.getSubjects(p, factory.namedNode(VINH), null).map((m) => m.value)));
    assert.match(card, new RegExp(`<dt>Meetings \\(${meetings.size}\\)</dt>`));
    const listed = [...card.matchAll(/<li><span class="when">([^<]*)<\/span> <a href="([^"]+)"/g)].map((x) => ({ when: x[1], href: x[2] }));
    assert.deepEqual(new Set(listed.map((l) => l.href)), new Set([...meetings].map((m) => m.replace(ID, '/id/'))));
    const dated = listed.filter((l) => l.when !== 'undated').map((l) => l.when.slice(0, 10));
    assert.deepEqual(dated, [...dated].sort(), 'by date');
    assert.ok(listed.findIndex((l) => l.when === 'undated') === -1 || listed.slice(listed.findIndex((l) => l.when === 'undated')).every((l) => l.when === 'undated'), 'undated last');
    assert.match(card, /<dt>Partners met<\/dt><dd><ul class="partners"><li><a href="\/id\/country\/france">France<\/a> <span class="count">4 meetings<\/span>/);
    assert.match(card, /<dt>Persons met<\/dt>.*href="\/id\/person\/claudio-graziano"/);
    // organizations, countries and agreements have cards too
    assert.match(section((await get('/id/country/france')).text, 'card'), /<dt>Party to<\/dt>/);
    assert.match(section((await get('/id/agreement/fpa')).text, 'card'), /<dt>Parties<\/dt><dd><a href="\/id\/country\/vietnam">Vietnam<\/a>, <a href="\/id\/org\/european-union">European Union<\/a><\/dd>/);
    assert.match(section((await get('/id/area/peacekeeping')).text, 'card'), /<dt>Discussed at \(\d+\)<\/dt>/);
  });

  it("an entity's page shows each evidence sentence once, with the facts it supports under it", async () => {
    const page = await get('/id/meeting/000_e8b7f0acafe71e35-1');
    const evidence = section(page.text, 'evidence');
    const items = [...evidence.matchAll(/<li id="ev-(\d+)" value="\d+"><blockquote>([^<]*)<\/blockquote>\s*<p class="from"><a class="source" href="([^"]+)">[\s\S]*?<ul class="supports">([\s\S]*?)<\/ul><\/li>/g)];
    assert.ok(items.length > 5, 'sentences');
    const hrefs = items.map((i) => i[3]);
    assert.equal(new Set(hrefs).size, hrefs.length, 'each sentence once');
    for (const i of items) assert.equal(page.text.split(`<blockquote>${i[2]}</blockquote>`).length, 2, `sentence ${i[3]} is quoted once on the page`);
    // every fact of the page with evidence is listed under each of its sentences, and refers to them
    const meeting = factory.namedNode(`${ID}meeting/000_e8b7f0acafe71e35-1`);
    const statements = store.getSubjects(RDF.subject, meeting, null);
    for (const st of statements) {
      const [p] = store.getObjects(st, RDF.predicate, null);
      const [o] = store.getObjects(st, RDF.object, null);
      if (p.equals(RDF.type) || o.termType !== 'NamedNode') continue;
      for (const ev of store.getObjects(st, factory.namedNode('http://www.w3.org/ns/prov#wasDerivedFrom'), null)) {
        const item = items.find((i) => i[3] === ev.value.replace(ID, '/id/'));
        assert.ok(item, `sentence ${ev.value}`);
        assert.ok(item[4].includes(`href="/id/${o.value.slice(ID.length)}"`), `${ev.value} supports ${p.value} ${o.value}`);
      }
    }
    const facts = page.text.slice(page.text.indexOf('<table class="facts">'), page.text.indexOf('</table>', page.text.indexOf('<table class="facts">')));
    for (const ref of facts.matchAll(/<a class="ref" href="#ev-(\d+)"/g)) assert.ok(evidence.includes(`<li id="ev-${ref[1]}"`), `ref ${ref[1]}`);
    assert.doesNotMatch(facts, /<q>|<blockquote>/, 'the facts table quotes no sentence');
  });

  it("an article's page links every sentence that facts came from to them, without highlighting them", async () => {
    const article = store.getSubjects(RDF.type, DG.Article, null).map((a) => a.value).filter((a) => a !== HOSTILE_ARTICLE).sort()[0];
    const page = await get(article.replace(ID, '/id/'));
    assert.equal(page.status, 200);
    const marked = [...page.text.matchAll(/<span id="(s\d+)" class="sentence fact-source">/g)].map((m) => m[1]);
    assert.ok(marked.length > 3);
    for (const s of marked) {
      assert.ok(page.text.includes(`href="#facts-${s}"`), `${s} links to its facts`);
      assert.ok(page.text.includes(`id="facts-${s}"`), `${s} has its facts`);
    }
    assert.doesNotMatch(page.text, /<mark/, 'no sentence is highlighted as such');
    // a statement's IRI (article#f-...) leads to the row of its fact
    const statement = store.getSubjects(RDF.type, RDF.Statement, factory.namedNode(article))[0].value;
    assert.ok(page.text.includes(`id="${statement.replace(/^.*#/, '')}"`));
  });

  it("an article's page marks the names and events read in it inline, each linked to its page", async () => {
    const page = await get('/id/article/000_e8b7f0acafe71e35');
    const text = page.text.slice(page.text.indexOf('<div class="article-text">'), page.text.indexOf('</div>', page.text.indexOf('<div class="article-text">')));
    const marks = [...text.matchAll(/<a class="mention mention-(\w+)" href="\/id\/([^"]+)" title="[^"]*">([^<]*)<\/a>/g)].map((m) => ({ kind: m[1], path: m[2], text: m[3] }));
    assert.ok(marks.length > 30, `${marks.length} marks`);
    const has = (kind: string, path: string, words: string) => marks.some((m) => m.kind === kind && m.path === path && m.text === words);
    assert.ok(has('person', 'person/nguyen-chi-vinh', 'General Vinh'));
    assert.ok(has('person', 'person/nguyen-chi-vinh', 'Senior Lieutenant General Nguyen Chi Vinh'), 'the longer name wins');
    assert.ok(has('agreement', 'agreement/fpa', 'FPA'));
    assert.ok(has('organization', 'org/european-external-action-service', 'EEAS'));
    assert.ok(has('country', 'country/vietnam', 'Vietnam'));
    assert.ok(has('area', 'area/military-medicine', 'military medicine'));
    assert.ok(has('meeting', 'meeting/000_e8b7f0acafe71e35-1', 'teleconference'), 'the event');
    // every mark is a name of what it links to (or, for an event, a word of its kind), and of something the article's graph names
    const graph = factory.namedNode(`${ID}article/000_e8b7f0acafe71e35`);
    const fold = (x: string) => x.toLowerCase().replace(/defense/g, 'defence').replace(/\s+/g, ' ');
    for (const m of marks.filter((x) => x.kind !== 'meeting' && x.kind !== 'date')) {
      const node = factory.namedNode(ID + m.path);
      assert.ok(store.countQuads(node, null, null, graph) + store.countQuads(null, null, node, graph) > 0, `${m.path} is in the article's graph`);
      const names = [RDFS.label, SKOS.prefLabel, SKOS.altLabel, DG.acronym].flatMap((p) => store.getObjects(node, p, null)).map((o) => fold(o.value));
      assert.ok(names.includes(fold(m.text)) || names.includes(fold(m.text).replace(/s$/, '')), `"${m.text}" names ${m.path}`);
    }
    // an event's date as written is marked too, and leads to the meeting
    const visits = await get('/id/article/004_f785308aa69e0926');
    assert.match(visits.text, /<a class="mention mention-date" href="\/id\/meeting\/004_f785308aa69e0926-3" title="[^"]*">March 2018<\/a>/);
    // the text is still the article's text, character for character
    const body = store.getObjects(factory.namedNode(`${ID}article/000_e8b7f0acafe71e35`), factory.namedNode('https://schema.org/articleBody'), null)[0].value;
    const shown = text.replace(/<sup>.*?<\/sup>/g, '').replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    assert.equal(shown, body);
  });

  it('every IRI the graph mints resolves: as a page, and as Turtle that describes it', async () => {
    const minted = new Set<string>();
    for (const q of store.getQuads(null, null, null, null)) {
      for (const t of [q.subject, q.object, q.graph]) if (t.termType === 'NamedNode' && t.value.startsWith(ID)) minted.add(t.value.replace(/#.*$/, ''));
    }
    const kinds = new Set([...minted].map((iri) => iri.slice(ID.length).split('/')[0]));
    for (const k of ['person', 'org', 'country', 'place', 'meeting', 'agreement', 'area', 'article']) assert.ok(kinds.has(k), k);
    for (const iri of minted) {
      const path = iri.replace(ID, '/id/');
      const page = await get(path);
      assert.equal(page.status, 200, path);
      const turtle = await get(`${path}.ttl`, '*/*');
      assert.equal(turtle.status, 200, `${path}.ttl`);
      assert.ok(turtle.text.includes(iri.slice(ID.length)), `${path}.ttl describes it`);
    }
  });

  it('lists every stored query, and runs one with the same rows as the engine', async () => {
    const list = await get('/queries');
    for (const q of listQueries()) assert.ok(list.text.includes(`href="/queries/${q.name}"`), q.name);
    const q = getQuery('meeting-participants');
    const form = await get('/queries/meeting-participants');
    assert.match(form.text, /<input id="p-meeting" name="meeting" value="[^"]+" list="names-meeting" autocomplete="off">/);
    assert.doesNotMatch(form.text, /id="answer"/);
    const ran = await get('/queries/meeting-participants?run=1');
    assert.equal(ran.status, 200);
    const expected = await run(bindParams(q, {}), store, q.path);
    assert.equal(expected.type, 'bindings');
    if (expected.type !== 'bindings') return;
    assert.ok(expected.rows.length > 0);
    assert.match(ran.text, new RegExp(`<p>${expected.rows.length} rows\\.</p>`));
    const table = ran.text.slice(ran.text.indexOf('<table class="results">'));
    assert.equal((table.match(/<tr>/g) ?? []).length, expected.rows.length + 1);
  });

  it('query forms offer the names of actors, meetings and areas to choose from (a datalist), and each resolves', async () => {
    for (const q of listQueries()) {
      const form = await get(`/queries/${q.name}`);
      for (const p of q.params.filter((x) => NODE_TYPES[x.type]?.cls)) {
        assert.match(form.text, new RegExp(`<input id="p-${p.name}" name="${p.name}" value="[^"]*" list="names-${p.type}"`), `${q.name} ${p.name}`);
        const list = form.text.slice(form.text.indexOf(`<datalist id="names-${p.type}">`), form.text.indexOf('</datalist>', form.text.indexOf(`<datalist id="names-${p.type}">`)));
        const values = [...list.matchAll(/<option value="([^"]*)">/g)].map((m) => m[1].replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
        const members = new Set(store.getSubjects(RDF.type, NODE_TYPES[p.type]!.cls!, null).map((x) => x.value));
        assert.equal(values.length, members.size, `${q.name} ${p.name}: one choice per ${p.type}`);
        const resolved = values.map((v) => resolveParams(q, { [p.name]: v }, store)[p.name]);
        assert.deepEqual(new Set(resolved), new Set([...members].map((m) => `<${m}>`)), `${q.name} ${p.name}: each choice names its node`);
        assert.ok(values.filter((v) => !v.includes('/')).length > values.length / 2, 'mostly names, not IRIs');
      }
    }
    // a default node is shown by its name; a name is what the form sends, and it runs
    const form = await get('/queries/partner-meetings');
    assert.match(form.text, /<input id="p-partner" name="partner" value="France" list="names-actor"/);
    assert.match(form.text, /<option value="Nguyen Chi Vinh">Person<\/option>/);
    const ran = await get('/queries/partner-meetings?run=1&partner=France');
    assert.equal(ran.status, 200);
    assert.match(ran.text, /<p>\d+ rows\.<\/p>/);
  });

  it('every answer is downloadable as CSV and JSON (SPARQL results formats), with the same rows as the page', async () => {
    const ran = await get('/queries/partner-meetings?run=1&partner=France');
    const rows = Number(/<p>(\d+) rows\.<\/p>/.exec(ran.text)![1]);
    const links = [...ran.text.matchAll(/<a class="download" href="([^"]+)" download data-format="(\w+)">/g)].map((m) => ({ href: m[1].replace(/&amp;/g, '&'), ext: m[2] }));
    assert.deepEqual(links.map((l) => l.ext), ['csv', 'json', 'tsv', 'xml']);
    const csv = await fetch(new URL(links[0].href, url));
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    assert.equal(csv.headers.get('content-disposition'), 'attachment; filename="partner-meetings.csv"');
    const lines = (await csv.text()).trimEnd().split('\r\n');
    assert.equal(lines.length, rows + 1);
    assert.match(lines[0], /^meeting,label,kind,date/);
    const json = await fetch(new URL(links[1].href, url));
    assert.match(json.headers.get('content-type') ?? '', /^application\/sparql-results\+json/);
    const parsed = (await json.json()) as { head: { vars: string[] }; results: { bindings: unknown[] } };
    assert.equal(parsed.results.bindings.length, rows);
    // the same answer as the endpoint gives for the same bound query
    const q = getQuery('partner-meetings');
    const bound = bindParams(q, resolveParams(q, { partner: 'France' }, store));
    const endpointCsv = await (await fetch(`${url}sparql?query=${encodeURIComponent(bound)}`, { headers: { Accept: 'text/csv' } })).text();
    assert.equal(lines.join('\r\n') + '\r\n', endpointCsv);
    // a graph answer: CSV of subject, predicate, object, and JSON-LD
    const construct = await get('/queries/partner-construct?run=1');
    assert.match(construct.text, /<a class="download" href="\/queries\/partner-construct.json" download data-format="json">JSON-LD<\/a>/);
    const triples = await fetch(`${url}queries/partner-construct.csv`);
    assert.match((await triples.text()).split('\r\n')[0], /^subject,predicate,object$/);
    const jsonld = await fetch(`${url}queries/partner-construct.json`);
    assert.match(jsonld.headers.get('content-type') ?? '', /^application\/ld\+json/);
    assert.ok(JSON.parse(await jsonld.text()));
    // a bad value is a 400 that names the parameter; an unknown query 404
    const bad = await fetch(`${url}queries/partner-meetings.csv?partner=Frankreich`);
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /parameter "partner": no actor/);
    assert.equal((await fetch(`${url}queries/nothing.csv`)).status, 404);
    // the endpoint's page links its answer too
    const sparql = await get(`/sparql?query=${encodeURIComponent('SELECT ?c WHERE { ?c a <https://w3id.org/diplograph/ontology#Country> } ORDER BY ?c')}`);
    const href = /<a class="download" href="([^"]+)" download data-format="csv">/.exec(sparql.text)![1].replace(/&amp;/g, '&');
    assert.match(href, /^\/download\/answer\.csv\?query=/);
    const countries = new Set(store.getSubjects(RDF.type, DG.Country, null).map((c) => c.value)).size;
    const answer = await fetch(new URL(href, url));
    assert.equal(answer.headers.get('content-disposition'), 'attachment; filename="answer.csv"');
    assert.equal((await answer.text()).trimEnd().split('\r\n').length, countries + 1);
    assert.equal((await fetch(`${url}download/answer.csv?query=${encodeURIComponent('SELECT ?s WHERE { ?s ?p }')}`)).status, 400);
    assert.equal((await fetch(`${url}download/other.csv?query=ASK%7B%7D`)).status, 404);
  });

  it('the endpoint shows a browser a query form, and the answer as a table; machine clients still get their formats', async () => {
    const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const form = await get('/sparql', BROWSER);
    assert.equal(form.status, 200);
    assert.match(form.text, /<form class="sparql" action="\/sparql" method="get"><textarea name="query"/);
    const q = 'SELECT ?p WHERE { ?p a <https://w3id.org/diplograph/ontology#Person> } ORDER BY ?p';
    const answer = await get(`/sparql?query=${encodeURIComponent(q)}`, BROWSER);
    assert.equal(answer.status, 200);
    const persons = new Set(store.getSubjects(RDF.type, DG.Person, null).map((x) => x.value)).size;
    assert.match(answer.text, new RegExp(`<p>${persons} rows\\.</p>`));
    assert.ok(answer.text.includes('href="/id/person/nguyen-chi-vinh"'));
    const bad = await get(`/sparql?query=${encodeURIComponent('SELECT ?s WHERE { ?s ?p }')}`, BROWSER);
    assert.equal(bad.status, 400);
    assert.match(bad.text, /role="alert">query: line 1, column \d+: SPARQL syntax error/);
    assert.match((await get(`/sparql?query=${encodeURIComponent(q)}`, '*/*')).type, /^application\/sparql-results\+json/);
    assert.match((await get('/sparql', '*/*')).type, /^text\/turtle/);
  });

  it('the endpoint page is a SPARQL editor served by the server itself, with the prefixes and the stored queries as examples', async () => {
    const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const form = await get('/sparql', BROWSER);
    assert.match(form.csp, /script-src 'self'/);
    assert.doesNotMatch(form.csp, /unsafe/);
    assert.deepEqual([...form.text.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]), ['<script src="/assets/sparql-editor.js" defer>']);
    // the form works without script: the textarea starts with every prefix of the graph declared
    const textarea = /<textarea name="query"[^>]*>([\s\S]*?)<\/textarea>/.exec(form.text)![1];
    assert.match(textarea, /^PREFIX dg: &lt;https:\/\/w3id.org\/diplograph\/ontology#&gt;\nPREFIX dgr: &lt;https:\/\/w3id.org\/diplograph\/id\/&gt;/);
    assert.match(form.text, /<dt>dg:<\/dt><dd>https:\/\/w3id.org\/diplograph\/ontology#<\/dd>/);
    assert.match(form.text, /<option value="dg:participant"><\/option>/);
    const examples = [...form.text.matchAll(/<a data-example="([\w-]+)" href="([^"]+)"/g)].map((m) => ({ name: m[1], href: m[2].replace(/&amp;/g, '&') }));
    assert.deepEqual(examples.map((e) => e.name), listQueries().map((q) => q.name));
    for (const e of examples) assert.equal(new URL(e.href, url).searchParams.get('query'), getQuery(e.name).text, e.name);
    // an example runs as a link, without script
    const coChairs = examples.find((e) => e.name === 'co-chairs')!;
    const ran = await get(coChairs.href, BROWSER);
    assert.equal(ran.status, 200);
    assert.match(ran.text, /<p>\d+ rows\.<\/p>/);
    const js = await get('/assets/sparql-editor.js', '*/*');
    assert.equal(js.status, 200);
    assert.match(js.type, /^text\/javascript/);
    assert.ok(js.text.length > 50000, 'the bundled editor');
    assert.doesNotMatch(js.text, /https?:\/\/(?:cdn|unpkg|jsdelivr)/, 'no CDN');
  });

  it('a bad parameter value is a 400 page that names the parameter; an unknown query is 404', async () => {
    const bad = await get('/queries/actors-by-meetings?run=1&minimum=lots');
    assert.equal(bad.status, 400);
    assert.match(bad.text, /role="alert">[^<]*parameter &quot;minimum&quot;: &quot;lots&quot; is not an integer/);
    assert.equal((await get('/queries/no-such-query')).status, 404);
    assert.equal((await get('/queries/..%2f..%2fpackage.json')).status, 404);
  });

  it('the timeline places every dated meeting, and lists the undated ones', async () => {
    const page = await get('/timeline');
    assert.equal(page.status, 200);
    assert.match(page.text, /<svg class="timeline"/);
    const dated = new Set(store.getSubjects(DG.date, null, null).map((m) => m.value));
    const inSvg = page.text.slice(page.text.indexOf('<svg'), page.text.indexOf('</svg>'));
    for (const m of dated) assert.ok(inSvg.includes(`href="/id/${m.slice(ID.length)}"`), m);
    assert.ok(page.text.includes('>2018<') && page.text.includes('>2022<'));
    const years = [...inSvg.matchAll(/class="year">(\d{4})</g)].map((y) => Number(y[1]));
    assert.deepEqual(years, [...years].sort((a, b) => a - b));
  });

  it('the network links every meeting to its participants, as SVG with links', async () => {
    const page = await get('/network');
    assert.equal(page.status, 200);
    const svg = page.text.slice(page.text.indexOf('<svg'), page.text.indexOf('</svg>'));
    assert.match(svg, /class="node node-actor"/);
    assert.match(svg, /class="node node-meeting"/);
    assert.match(svg, /class="node node-agreement"/);
    assert.ok(svg.includes('href="/id/person/nguyen-chi-vinh"'));
    assert.ok((svg.match(/<line /g) ?? []).length > 20);
    // same graph, same picture
    assert.equal((await get('/network')).text, page.text);
  });

  it('the network filters by partner, kind and years: the page without script, and the JSON its script draws', async () => {
    const all = JSON.parse((await get('/network.json', 'application/json')).text) as { nodes: { id: string; label: string; group: string; href: string; x: number; y: number }[]; edges: { source: string; target: string; predicate: string }[] };
    assert.ok(all.nodes.length > 20);
    const ids = new Set(all.nodes.map((n) => n.id));
    for (const e of all.edges) assert.ok(ids.has(e.source) && ids.has(e.target), 'links join nodes');
    for (const n of all.nodes) assert.equal(n.href, n.id.replace(ID, '/id/'));
    // the same network as the page's SVG
    const page = await get('/network');
    assert.match(page.text, /<script src="\/assets\/network.js" defer><\/script>/);
    assert.match(page.text, new RegExp(`<span class="count-nodes">${all.nodes.length}</span> nodes`));
    // by partner: France's meetings and agreements, and whom they link; given by name
    const france = JSON.parse((await get('/network.json?partner=France', 'application/json')).text) as typeof all;
    const franceIds = new Set(france.nodes.map((n) => n.id));
    assert.ok(france.nodes.length < all.nodes.length && franceIds.has(`${ID}country/france`));
    const frNode = factory.namedNode(`${ID}country/france`);
    for (const n of france.nodes.filter((x) => x.group === 'meeting')) {
      const m = factory.namedNode(n.id);
      assert.ok([DG.participant, DG.chair, DG.host, DG.involves].some((p) => store.countQuads(m, p, frNode, null) > 0), `${n.id} is one of France's meetings`);
    }
    const filtered = await get('/network?partner=France');
    assert.match(filtered.text, new RegExp(`<span class="count-nodes">${france.nodes.length}</span> nodes`));
    assert.match(filtered.text, /<input name="partner" list="names-actor" autocomplete="off" value="France"/);
    // by kind and years
    const visits = JSON.parse((await get('/network.json?kind=visit&from=2018&to=2018', 'application/json')).text) as typeof all;
    const meetings = visits.nodes.filter((n) => n.group === 'meeting');
    assert.ok(meetings.length > 0);
    for (const n of meetings) {
      const m = factory.namedNode(n.id);
      assert.ok(store.countQuads(m, RDF.type, DG.Visit, null) > 0, `${n.id} is a visit`);
      assert.match(store.getObjects(m, DG.date, null)[0]?.value ?? '', /^2018/, `${n.id} is of 2018`);
    }
    const agreements = JSON.parse((await get('/network.json?kind=agreement', 'application/json')).text) as typeof all;
    assert.ok(agreements.nodes.some((n) => n.group === 'agreement') && !agreements.nodes.some((n) => n.group === 'meeting'));
    // bad filters are 400s that say why
    assert.equal((await get('/network.json?partner=Atlantis', 'application/json')).status, 400);
    assert.equal((await get('/network?kind=party')).status, 400);
    assert.match((await get('/network?from=20x8')).text, /role="alert">parameter &quot;from&quot;: &quot;20x8&quot; is not a year/);
  });

  it('the timeline filters by partner and year, without script', async () => {
    const all = await get('/timeline');
    assert.match(all.text, /<form class="filters" action="\/timeline" method="get">/);
    const count = (text: string) => Number(/<p>(\d+) meetings/.exec(text)![1]);
    const page = await get('/timeline?partner=France&year=2019');
    assert.equal(page.status, 200);
    const rows = [...page.text.matchAll(/<tr><td>([^<]*)<\/td><td>[^<]*<\/td><td>[^<]*<\/td><td><a href="\/id\/(meeting\/[^"]+)"/g)];
    assert.equal(rows.length, count(page.text));
    assert.ok(rows.length > 0 && rows.length < count(all.text));
    const fr = factory.namedNode(`${ID}country/france`);
    for (const [, date, path] of rows) {
      assert.match(date, /^2019/, path);
      assert.ok([DG.participant, DG.chair, DG.host, DG.involves].some((p) => store.countQuads(factory.namedNode(ID + path), p, fr, null) > 0), `${path} is with France`);
    }
    assert.match(page.text, /<option value="2019" selected>2019<\/option>/);
    assert.equal((await get('/timeline?partner=Atlantis')).status, 400);
  });

  it('serves every script and style itself: no external CDN, and a CSP that forbids them', async () => {
    for (const path of ['/', '/id/person/nguyen-chi-vinh', '/queries', '/timeline', '/network', '/search?q=france', '/sparql']) {
      const page = await get(path);
      for (const src of [...attributes(page.text, 'src'), ...[...page.text.matchAll(/<link [^>]*href="([^"]*)"/g)].map((m) => m[1])]) {
        assert.ok(src.startsWith('/') || src === 'data:,', `${path}: ${src} is not local`);
      }
      assert.match(page.csp, /default-src 'none'/);
      assert.match(page.csp, /style-src 'self'/);
      assert.match(page.csp, /script-src 'self'/);
      assert.doesNotMatch(page.csp, /unsafe-inline|unsafe-eval/);
      // no inline script: every script element loads a file of the server's
      for (const tag of page.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        assert.match(tag[1], /^ src="\/assets\/[\w-]+\.js" defer$/, `${path}: ${tag[0]}`);
        assert.equal(tag[2], '', `${path}: an inline script`);
      }
    }
    const css = await get('/assets/style.css', 'text/css');
    assert.equal(css.status, 200);
    assert.match(css.type, /^text\/css/);
    assert.equal((await get('/assets/../package.json')).status, 404);
    assert.equal((await get('/assets/%2e%2e/package.json')).status, 404);
  });

  it('no literal from an article reaches any page as markup', async () => {
    const pages = ['/', '/sparql', `/sparql?query=${encodeURIComponent('SELECT ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(CONTAINS(?l, "<script>")) }')}`, `/search?q=${encodeURIComponent('evil')}`, `/search?q=${encodeURIComponent(PAYLOAD)}`, '/browse/persons', '/browse/meetings', '/browse/articles',
      HOSTILE_PERSON.replace(ID, '/id/'), HOSTILE_MEETING.replace(ID, '/id/'), HOSTILE_ARTICLE.replace(ID, '/id/'), '/timeline', '/network', '/network?partner=Vietnam', '/timeline?partner=Vietnam&year=2021',
      `/queries/meeting-participants?run=1&meeting=${encodeURIComponent('meeting/zz-hostile-1')}`, '/queries/partner-meetings', '/queries/area-meetings', '/id/person/%3Cscript%3E'];
    for (const path of pages) {
      const page = await get(path);
      assert.ok(page.status === 200 || page.status === 404, `${path}: ${page.status}`);
      assert.ok(!page.text.replace(/<script src="\/assets\/[\w-]+\.js" defer><\/script>/g, '').includes('<script'), `${path} has a <script> not of the server's`);
      assert.ok(!/<img/i.test(page.text), `${path} has an <img>`);
      assert.ok(!page.text.includes('<b>bold</b>'), `${path} has injected markup`);
    }
    const person = await get(HOSTILE_PERSON.replace(ID, '/id/'));
    assert.ok(person.text.includes('Evil &lt;script&gt;window.__pwned = 1; alert(&quot;x&quot;)&lt;/script&gt;'));
    // the hostile name is marked in the hostile article's text, as text
    const article = await get(HOSTILE_ARTICLE.replace(ID, '/id/'));
    assert.match(article.text, /<a class="mention mention-person" href="\/id\/person\/zz-hostile" title="Evil &lt;script&gt;[^"]*">&lt;script&gt;window.__pwned = 1; alert\(&quot;x&quot;\)&lt;\/script&gt;&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt; accord<\/a>/);
    // in the JSON the network's script draws, a hostile label is a JSON string, served as JSON (never HTML)
    const json = await fetch(`${url}network.json?partner=Vietnam`);
    assert.match(json.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(json.headers.get('x-content-type-options'), 'nosniff');
    const data = (await json.json()) as { nodes: { label: string; href: string }[] };
    assert.ok(data.nodes.some((n) => n.label === `Evil ${PAYLOAD}`), 'the label as it is, as data');
    for (const n of data.nodes) assert.match(n.href, /^\/id\//);
    const search = await get(`/search?q=${encodeURIComponent('evil')}`);
    assert.ok(search.text.includes('/id/person/zz-hostile'), 'the hostile person is found, as text');
  });

  it('--base at the server root: every IRI an answer holds is a URL of the same server', async () => {
    const probe = await startServer({ store: new Store(), port: 0 });
    const port = new URL(probe.url).port;
    await probe.close();
    const base = `http://127.0.0.1:${port}/`;
    const own = await startServer({ store: new Store(rebaseQuads(store.getQuads(null, null, null, null), ID, base)), port: Number(port), base });
    try {
      const r = await fetch(`${own.url}sparql?query=${encodeURIComponent('SELECT DISTINCT ?p WHERE { ?p a <https://w3id.org/diplograph/ontology#Person> } ORDER BY ?p')}`);
      const rows = ((await r.json()) as { results: { bindings: { p: { value: string } }[] } }).results.bindings.map((b) => b.p.value);
      assert.ok(rows.length > 10);
      for (const iri of rows) {
        assert.ok(iri.startsWith(base), iri);
        const page = await fetch(iri, { headers: { Accept: 'text/turtle' } });
        assert.equal(page.status, 200, iri);
      }
      const home = await (await fetch(own.url, { headers: { Accept: 'text/html' } })).text();
      assert.match(home, /Persons/);
      const entity = await (await fetch(`${base}person/nguyen-chi-vinh`, { headers: { Accept: 'text/html' } })).text();
      assert.ok(entity.includes('href="/country/vietnam"'));
    } finally {
      await own.close();
    }
  });
});
