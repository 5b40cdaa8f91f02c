/**
 * `diplograph serve` in process: the SPARQL 1.1 Protocol endpoint (status codes, result formats,
 * content negotiation, CORS, service description) and Linked Data under /id/.
 */
import { strict as assert } from 'node:assert';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Parser, Store } from 'n3';
import { run } from '../src/query/engine.js';
import { toSparqlJson } from '../src/query/results.js';
import { bindParams, getQuery } from '../src/query/stored-queries.js';
import { negotiate, parseAccept } from '../src/server/http.js';
import { rebaseQuads } from '../src/server/linked-data.js';
import { startServer, type RunningServer } from '../src/server/server.js';
import { DEFAULT_BASE, RDFS, factory } from '../src/vocab.js';
import { seedStore } from './support/seed-graph.js';

const ID = DEFAULT_BASE;
const SELECT_ALL = 'SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 3';
const PERSON = 'person/nguyen-chi-vinh';
const SCRIPT = '<script>alert("x")</script> & co';

describe('diplograph serve', function () {
  this.timeout(120000);
  let store: Store;
  let server: RunningServer;
  let url: string;
  const sparql = (query: string, accept?: string) =>
    fetch(`${url}sparql?query=${encodeURIComponent(query)}`, { headers: accept ? { Accept: accept } : {} });

  before(async () => {
    const seed = await seedStore();
    store = new Store(seed.getQuads(null, null, null, null));
    store.addQuad(factory.quad(factory.namedNode(`${ID}test/scripted`), RDFS.label, factory.literal(SCRIPT, 'en')));
    server = await startServer({ store, port: 0 });
    url = server.url;
  });
  after(async () => {
    await server?.close();
  });

  describe('content negotiation', () => {
    it('parses q-values and prefers the most specific range', () => {
      assert.deepEqual(parseAccept('text/csv;q=0.5, application/*'), [
        { type: 'text', subtype: 'csv', q: 0.5 },
        { type: 'application', subtype: '*', q: 1 },
      ]);
      assert.equal(negotiate('text/csv;q=0.4, */*;q=0.5', ['text/csv', 'text/turtle']), 'text/turtle');
      assert.equal(negotiate('text/*, text/csv;q=0', ['text/csv', 'text/tab-separated-values']), 'text/tab-separated-values');
      assert.equal(negotiate(undefined, ['a/b', 'c/d']), 'a/b');
      assert.equal(negotiate('image/png', ['a/b']), undefined);
    });
  });

  describe('SPARQL endpoint', () => {
    it('GET answers SELECT as SPARQL JSON by default, with the CORS header', async () => {
      const r = await sparql(SELECT_ALL);
      assert.equal(r.status, 200);
      assert.match(r.headers.get('content-type')!, /^application\/sparql-results\+json/);
      assert.equal(r.headers.get('access-control-allow-origin'), '*');
      const body = (await r.json()) as { head: { vars: string[] }; results: { bindings: unknown[] } };
      assert.deepEqual(body.head.vars, ['s', 'p', 'o']);
      assert.equal(body.results.bindings.length, 3);
    });

    for (const [accept, type, check] of [
      ['text/csv', /^text\/csv/, (t: string) => assert.match(t, /^s,p,o\r\n/)],
      ['text/tab-separated-values', /^text\/tab-separated-values/, (t: string) => assert.match(t, /^\?s\t\?p\t\?o\n</)],
      ['application/sparql-results+xml', /^application\/sparql-results\+xml/, (t: string) => assert.match(t, /<sparql xmlns="http:\/\/www.w3.org\/2005\/sparql-results#">[\s\S]*<variable name="s"\/>[\s\S]*<result>/)],
      ['application/sparql-results+json;q=0.2, text/csv;q=0.9', /^text\/csv/, (t: string) => assert.match(t, /^s,p,o/)],
    ] as const) {
      it(`SELECT as ${accept}`, async () => {
        const r = await sparql(SELECT_ALL, accept);
        assert.equal(r.status, 200);
        assert.match(r.headers.get('content-type')!, type);
        check(await r.text());
      });
    }

    it('ASK as JSON, XML, CSV and TSV', async () => {
      const q = `ASK { <${ID}${PERSON}> ?p ?o }`;
      assert.deepEqual(await (await sparql(q)).json(), { head: {}, boolean: true });
      assert.match(await (await sparql(q, 'application/sparql-results+xml')).text(), /<boolean>true<\/boolean>/);
      assert.equal(await (await sparql(q, 'text/csv')).text(), '_askResult\r\ntrue\r\n');
      assert.equal(await (await sparql(q, 'text/tab-separated-values')).text(), '?_askResult\ntrue\n');
    });

    const CONSTRUCT = `CONSTRUCT { <${ID}${PERSON}> ?p ?o } WHERE { <${ID}${PERSON}> ?p ?o }`;
    for (const [accept, type, check] of [
      [undefined, /^text\/turtle/, (t: string) => assert.match(t, /dgr:person\/nguyen-chi-vinh|<https:\/\/w3id.org\/diplograph\/id\/person\/nguyen-chi-vinh>/)],
      ['application/n-triples', /^application\/n-triples/, (t: string) => assert.match(t, /^<https:\/\/w3id.org\/diplograph\/id\/person\/nguyen-chi-vinh> </m)],
      ['application/ld+json', /^application\/ld\+json/, (t: string) => assert.ok(JSON.stringify(JSON.parse(t)).includes('nguyen-chi-vinh'))],
    ] as const) {
      it(`CONSTRUCT as ${accept ?? 'Turtle by default'}`, async () => {
        const r = await sparql(CONSTRUCT, accept);
        assert.equal(r.status, 200);
        assert.match(r.headers.get('content-type')!, type);
        check(await r.text());
      });
    }

    it('DESCRIBE is answered as Turtle that parses', async () => {
      const r = await sparql(`DESCRIBE <${ID}${PERSON}>`);
      assert.equal(r.status, 200);
      assert.ok(new Parser({ format: 'text/turtle' }).parse(await r.text()).length > 0);
    });

    it('POST form-encoded and POST application/sparql-query give the same answer as GET', async () => {
      const get = await (await sparql(SELECT_ALL)).text();
      const form = await fetch(`${url}sparql`, { method: 'POST', body: new URLSearchParams({ query: SELECT_ALL }) });
      assert.equal(form.status, 200);
      assert.equal(await form.text(), get);
      const direct = await fetch(`${url}sparql`, { method: 'POST', headers: { 'Content-Type': 'application/sparql-query' }, body: SELECT_ALL });
      assert.equal(direct.status, 200);
      assert.equal(await direct.text(), get);
    });

    it('the co-chairs stored query gives the same answer as the embedded engine', async () => {
      const q = getQuery('co-chairs');
      const text = bindParams(q, {});
      const embedded = JSON.parse(toSparqlJson((await run(text, store, q.path)) as never));
      const r = await sparql(text);
      assert.equal(r.status, 200);
      const served = await r.json();
      assert.deepEqual(served, embedded);
      assert.ok((served as { results: { bindings: unknown[] } }).results.bindings.length > 0);
    });

    it('400 for a malformed query, with line and column', async () => {
      const r = await sparql('SELECT ?s\nWHERE { ?s ?p }');
      assert.equal(r.status, 400);
      assert.match(r.headers.get('content-type')!, /^text\/plain/);
      assert.match(await r.text(), /line 2, column \d+: SPARQL syntax error/);
    });

    it('400 for SPARQL Update (read-only), by query text, form or content type', async () => {
      const insert = 'INSERT DATA { <http://example.org/a> <http://example.org/b> "c" }';
      const r1 = await sparql(insert);
      assert.equal(r1.status, 400);
      assert.match(await r1.text(), /Update is not allowed/);
      const r2 = await fetch(`${url}sparql`, { method: 'POST', body: new URLSearchParams({ update: insert }) });
      assert.equal(r2.status, 400);
      assert.match(await r2.text(), /read-only/);
      const r3 = await fetch(`${url}sparql`, { method: 'POST', headers: { 'Content-Type': 'application/sparql-update' }, body: insert });
      assert.equal(r3.status, 400);
      assert.equal(store.getQuads(factory.namedNode('http://example.org/a'), null, null, null).length, 0);
    });

    it('400 for LOAD and for SERVICE anywhere in a query, and the server never makes the request', async () => {
      let contacted = 0;
      const bait = createServer((_req, res) => {
        contacted++;
        res.end();
      });
      await new Promise<void>((done) => bait.listen(0, '127.0.0.1', () => done()));
      const target = `http://127.0.0.1:${(bait.address() as AddressInfo).port}/sparql`;
      try {
        const load = await sparql(`LOAD <${target}> INTO GRAPH <http://example.org/g>`);
        assert.equal(load.status, 400);
        assert.match(await load.text(), /Update is not allowed/);
        for (const q of [
          `SELECT * WHERE { SERVICE <${target}> { ?s ?p ?o } }`,
          `SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE SILENT <${target}> { ?s ?q ?x } } } LIMIT 1`,
          `SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <${target}> { ?s ?p ?o } } } } }`,
          `ASK { { ?s ?p ?o } UNION { SERVICE <${target}> { ?s ?p ?o } } }`,
        ]) {
          const r = await sparql(q);
          assert.equal(r.status, 400, q);
          assert.match(await r.text(), /SERVICE <http:\/\/127\.0\.0\.1:\d+\/sparql> is not allowed here/);
        }
        assert.equal(contacted, 0, 'no request left the server');
      } finally {
        bait.close();
      }
    });

    describe('default-graph-uri and named-graph-uri (the RDF dataset of the protocol)', () => {
      const DG = 'https://w3id.org/diplograph/ontology#';
      const MEETINGS = `SELECT (COUNT(*) AS ?n) WHERE { ?m a <${DG}Meeting> }`;
      const TRIPLES = 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }';
      const PER_GRAPH = 'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g';
      let articles: string[];
      const graph = (iri: string) => factory.namedNode(iri);
      const meetingsIn = (iri: string) => store.getQuads(null, factory.namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'), factory.namedNode(`${DG}Meeting`), graph(iri)).length;
      const triplesIn = (iris: string[]) => new Set(iris.flatMap((g) => store.getQuads(null, null, null, graph(g)).map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`))).size;
      const params = (query: string, p: Array<[string, string]>) => new URLSearchParams([['query', query], ...p]);
      /** The same request by GET, by form POST and by POST application/sparql-query (graph IRIs in the URL). */
      const allWays = async (query: string, p: Array<[string, string]>): Promise<unknown> => {
        const answers: unknown[] = [];
        const get = await fetch(`${url}sparql?${params(query, p)}`);
        const form = await fetch(`${url}sparql`, { method: 'POST', body: params(query, p) });
        const direct = await fetch(`${url}sparql?${new URLSearchParams(p)}`, { method: 'POST', headers: { 'Content-Type': 'application/sparql-query' }, body: query });
        for (const r of [get, form, direct]) {
          assert.equal(r.status, 200);
          answers.push(await r.json());
        }
        assert.deepEqual(answers[1], answers[0], 'form POST as GET');
        assert.deepEqual(answers[2], answers[0], 'direct POST as GET');
        return answers[0];
      };
      const n = (answer: unknown) => Number((answer as { results: { bindings: Array<{ n: { value: string } }> } }).results.bindings[0].n.value);

      before(() => {
        articles = store.getGraphs(null, null, null).map((g) => g.value).filter((g) => g.startsWith(`${ID}article/`)).sort();
        const withMeetings = articles.filter((a) => meetingsIn(a) > 0);
        assert.ok(articles.length >= 3 && withMeetings.length >= 2, 'the seed graph has articles with dg:Meeting');
      });

      it('default-graph-uri: the default graph is that one article (by GET, form POST and direct POST)', async () => {
        const all = n(await (await sparql(MEETINGS)).json());
        for (const a of articles) {
          const one = n(await allWays(MEETINGS, [['default-graph-uri', a]]));
          assert.equal(one, meetingsIn(a), a);
          assert.notEqual(one, all, a);
        }
        assert.equal(n(await allWays(TRIPLES, [['default-graph-uri', articles[0]]])), triplesIn([articles[0]]));
      });

      it('repeated default-graph-uri: the RDF merge of the graphs; and no named graphs', async () => {
        const two = articles.slice(0, 2);
        const merged = n(await allWays(TRIPLES, two.map((a) => ['default-graph-uri', a])));
        assert.equal(merged, triplesIn(two));
        assert.ok(merged > triplesIn([two[0]]) && merged > triplesIn([two[1]]));
        assert.deepEqual((await allWays(PER_GRAPH, two.map((a) => ['default-graph-uri', a])) as { results: { bindings: unknown[] } }).results.bindings, []);
      });

      it('named-graph-uri: GRAPH ?g ranges over exactly those graphs; the default graph is then empty', async () => {
        const chosen = [articles[2], articles[0]];
        const answer = (await allWays(PER_GRAPH, chosen.map((a) => ['named-graph-uri', a]))) as { results: { bindings: Array<{ g: { value: string }; n: { value: string } }> } };
        assert.deepEqual(answer.results.bindings.map((b) => [b.g.value, Number(b.n.value)]), [articles[0], articles[2]].map((a) => [a, store.getQuads(null, null, null, graph(a)).length]));
        assert.equal(n(await allWays(TRIPLES, [['named-graph-uri', articles[0]]])), 0);
      });

      it('both together; they take precedence over FROM and FROM NAMED', async () => {
        const p: Array<[string, string]> = [['default-graph-uri', articles[1]], ['named-graph-uri', articles[0]]];
        assert.equal(n(await allWays(`SELECT (COUNT(*) AS ?n) FROM <${articles[2]}> WHERE { ?s ?p ?o }`, p)), triplesIn([articles[1]]));
        const graphs = (await allWays(`SELECT DISTINCT ?g FROM NAMED <${articles[2]}> WHERE { GRAPH ?g { ?s ?p ?o } }`, p)) as { results: { bindings: Array<{ g: { value: string } }> } };
        assert.deepEqual(graphs.results.bindings.map((b) => b.g.value), [articles[0]]);
      });

      it('an IRI the store does not have is an empty graph, not an error; a non-IRI is refused', async () => {
        assert.equal(n(await allWays(TRIPLES, [['default-graph-uri', `${ID}article/no-such-article`]])), 0);
        const r = await fetch(`${url}sparql?${params(TRIPLES, [['default-graph-uri', 'not an iri']])}`);
        assert.equal(r.status, 400);
        assert.equal(await r.text(), 'default-graph-uri: "not an iri" is not an absolute IRI\n');
      });
    });

    it('405 for other methods, with an Allow header', async () => {
      const r = await fetch(`${url}sparql`, { method: 'DELETE' });
      assert.equal(r.status, 405);
      assert.match(r.headers.get('allow')!, /GET.*POST/);
      assert.equal(r.headers.get('access-control-allow-origin'), '*');
    });

    it('406 when no acceptable format suits the query form', async () => {
      const r1 = await sparql(SELECT_ALL, 'text/turtle');
      assert.equal(r1.status, 406);
      assert.match(await r1.text(), /acceptable: application\/sparql-results\+json/);
      const r2 = await sparql(CONSTRUCT, 'text/csv');
      assert.equal(r2.status, 406);
    });

    it('413 when the body is larger than the limit (1 MB by default)', async () => {
      const huge = `SELECT * WHERE { ?s ?p ?o } # ${'x'.repeat(1024 * 1024 + 10)}`;
      const r = await fetch(`${url}sparql`, { method: 'POST', headers: { 'Content-Type': 'application/sparql-query' }, body: huge });
      assert.equal(r.status, 413);
      assert.match(await r.text(), /too large/);
    });

    it('OPTIONS answers the CORS preflight', async () => {
      const r = await fetch(`${url}sparql`, { method: 'OPTIONS', headers: { Origin: 'http://example.org', 'Access-Control-Request-Method': 'POST' } });
      assert.equal(r.status, 204);
      assert.equal(r.headers.get('access-control-allow-origin'), '*');
      assert.match(r.headers.get('access-control-allow-methods')!, /POST/);
      assert.match(r.headers.get('access-control-allow-headers')!, /Content-Type/);
    });

    it('GET without a query returns the service description', async () => {
      const r = await fetch(`${url}sparql`);
      assert.equal(r.status, 200);
      assert.match(r.headers.get('content-type')!, /^text\/turtle/);
      const quads = new Parser({ format: 'text/turtle' }).parse(await r.text());
      const SD = 'http://www.w3.org/ns/sparql-service-description#';
      const has = (p: string, o?: string) => quads.some((q) => q.predicate.value === p && (o === undefined || q.object.value === o));
      assert.ok(has('http://www.w3.org/1999/02/22-rdf-syntax-ns#type', `${SD}Service`));
      assert.ok(has(`${SD}endpoint`, `${url}sparql`));
      assert.ok(has(`${SD}supportedLanguage`, `${SD}SPARQL11Query`));
      assert.ok(has(`${SD}resultFormat`, 'http://www.w3.org/ns/formats/SPARQL_Results_JSON'));
      const names = quads.filter((q) => q.predicate.value === `${SD}name`).map((q) => q.object.value).sort();
      assert.deepEqual(names, store.getGraphs(null, null, null).map((g) => g.value).filter((g) => g !== '').sort(), 'the named graphs are listed');
    });
  });

  describe('limits', () => {
    let limited: RunningServer;
    before(async () => {
      limited = await startServer({ store, port: 0, maxRows: 5, timeoutMs: 200 });
    });
    after(async () => {
      await limited?.close();
    });

    it('a result with more rows than the cap is refused, never truncated', async () => {
      const r = await fetch(`${limited.url}sparql?query=${encodeURIComponent('SELECT * WHERE { ?s ?p ?o }')}`);
      assert.equal(r.status, 400);
      assert.match(await r.text(), /result too large: more than 5 rows; add LIMIT/);
      const ok = await fetch(`${limited.url}sparql?query=${encodeURIComponent('SELECT * WHERE { ?s ?p ?o } LIMIT 5')}`);
      assert.equal(ok.status, 200);
    });

    it('503 with a message when the query runs out of time (never an empty result)', async () => {
      const expensive = 'SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i';
      const r = await fetch(`${limited.url}sparql?query=${encodeURIComponent(expensive)}`);
      assert.equal(r.status, 503);
      assert.match(await r.text(), /no answer within 0.2 s/);
    });
  });

  describe('Linked Data', () => {
    it('an IRI under the base resolves by its path, as Turtle by default', async () => {
      const r = await fetch(`${url}id/${PERSON}`);
      assert.equal(r.status, 200);
      assert.match(r.headers.get('content-type')!, /^text\/turtle/);
      const quads = new Parser({ format: 'text/turtle' }).parse(await r.text());
      assert.ok(quads.length > 0);
      assert.ok(quads.every((q) => q.subject.value === `${ID}${PERSON}`));
      assert.equal(quads.length, new Set(store.getQuads(factory.namedNode(`${ID}${PERSON}`), null, null, null).map((q) => `${q.predicate.value} ${q.object.value}`)).size);
    });

    for (const [how, path, accept, type] of [
      ['Accept', `id/${PERSON}`, 'application/n-triples', /^application\/n-triples/],
      ['Accept', `id/${PERSON}`, 'application/ld+json', /^application\/ld\+json/],
      ['Accept', `id/${PERSON}`, 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8', /^text\/html/],
      ['suffix', `id/${PERSON}.ttl`, undefined, /^text\/turtle/],
      ['suffix', `id/${PERSON}.nt`, 'text/html', /^application\/n-triples/],
      ['suffix', `id/${PERSON}.jsonld`, undefined, /^application\/ld\+json/],
    ] as const) {
      it(`by ${how}: ${path} ${accept ?? ''}`, async () => {
        const r = await fetch(`${url}${path}`, { headers: accept ? { Accept: accept } : {} });
        assert.equal(r.status, 200);
        assert.match(r.headers.get('content-type')!, type);
        assert.equal(r.headers.get('access-control-allow-origin'), '*');
        assert.match(await r.text(), /nguyen-chi-vinh/);
      });
    }

    it("an article IRI includes its named graph", async () => {
      const article = store.getGraphs(null, null, null).find((g) => g.value.startsWith(`${ID}article/`))!;
      const r = await fetch(`${url}id/${article.value.slice(ID.length)}`, { headers: { Accept: 'application/n-triples' } });
      assert.equal(r.status, 200);
      const quads = new Parser({ format: 'application/n-triples' }).parse(await r.text());
      assert.ok(quads.some((q) => q.subject.value !== article.value), 'triples of the named graph');
      assert.ok(quads.length >= store.getQuads(null, null, null, article).length);
    });

    it('404 for an unknown IRI', async () => {
      const r = await fetch(`${url}id/person/nobody-at-all`);
      assert.equal(r.status, 404);
      assert.match(await r.text(), /nobody-at-all/);
      assert.equal((await fetch(`${url}elsewhere`)).status, 404);
    });

    it('405 for a write to a resource', async () => {
      const r = await fetch(`${url}id/${PERSON}`, { method: 'PUT', body: 'x' });
      assert.equal(r.status, 405);
      assert.match(r.headers.get('allow')!, /GET/);
    });

    it('406 when no format is acceptable', async () => {
      assert.equal((await fetch(`${url}id/${PERSON}`, { headers: { Accept: 'image/png' } })).status, 406);
    });

    it('HTML escapes every literal (a <script> stays text)', async () => {
      const r = await fetch(`${url}id/test/scripted.html`);
      assert.equal(r.status, 200);
      const html = await r.text();
      assert.ok(!html.includes('<script>'), html);
      assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co'));
    });

    it('--base: minted IRIs rewritten to the server origin resolve there', async () => {
      const base = 'http://127.0.0.1:9/id/';
      const own = await startServer({ store: new Store(rebaseQuads(store.getQuads(null, null, null, null), ID, base)), port: 0, base });
      try {
        const r = await fetch(`${own.url}id/${PERSON}`, { headers: { Accept: 'application/n-triples' } });
        assert.equal(r.status, 200);
        const quads = new Parser({ format: 'application/n-triples' }).parse(await r.text());
        assert.ok(quads.length > 0 && quads.every((q) => q.subject.value === `${base}${PERSON}`));
        assert.ok(!quads.some((q) => q.object.value.startsWith(ID)), 'objects rebased too');
      } finally {
        await own.close();
      }
    });
  });
});
