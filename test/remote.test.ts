/**
 * The parts of push and remote querying that need no real store: HTTP Digest and Basic auth against a
 * local server, the push plan (graph names, the union graph, disjoint parts, the catalog), the store
 * URLs push derives, the portable rewrite (checked to keep every stored query's answer), and the
 * dataset parameters the engine sends.
 */
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type * as RDF from '@rdfjs/types';
import { Store } from 'n3';
import { Parser as SparqlParser } from 'sparqljs';
import { groupConcats, rowKey } from '../bench/answers.js';
import { termKey } from '../src/graph/iris.js';
import { portable } from '../src/query/portable.js';
import { run, select, type QueryResult } from '../src/query/engine.js';
import { bindParams, listQueries } from '../src/query/stored-queries.js';
import { HttpClient, digestAuthorization, parseChallenge } from '../src/remote/http.js';
import { graphName, planPush } from '../src/remote/plan.js';
import { storeUrls } from '../src/commands/push.js';
import { UserError } from '../src/errors.js';
import { factory } from '../src/vocab.js';
import { seedGraph } from './support/seed-graph.js';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');
const key = (q: RDF.Quad) => `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`;

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

describe('push and remote stores without a store', () => {
  describe('HTTP auth', () => {
    it('answers a Digest challenge as RFC 2617 / 7616 say (the RFC 2617 example)', () => {
      const c = parseChallenge('Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"')!;
      assert.equal(c.scheme, 'digest');
      const header = digestAuthorization(c.params, { user: 'Mufasa', password: 'Circle Of Life' }, 'GET', '/dir/index.html', 1, '0a4f113b');
      assert.match(header, /response="6629fae49393a05397450978507c4ef1"/);
      assert.match(header, /^Digest username="Mufasa", realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="\/dir\/index.html", qop=auth, nc=00000001, cnonce="0a4f113b"/);
    });

    describe('against a server that checks Digest', () => {
      let server: Server;
      let base: string;
      const seen: Array<{ method: string; auth: boolean }> = [];
      before(async () => {
        const nonce = 'n0nce';
        server = createServer((req, res) => {
          const auth = req.headers.authorization ?? '';
          seen.push({ method: req.method!, auth: auth !== '' });
          const p = parseChallenge(auth)?.params;
          const ok = p && p.response === md5(`${md5(`dba:realm:dba`)}:${nonce}:${p.nc}:${p.cnonce}:auth:${md5(`${req.method}:${req.url}`)}`);
          if (!ok) {
            res.writeHead(401, { 'WWW-Authenticate': `Digest realm="realm", nonce="${nonce}", qop="auth", algorithm="MD5"` });
            return res.end('authentication needed');
          }
          res.writeHead(201);
          res.end();
        });
        base = await listen(server);
      });
      after(() => {
        server.closeAllConnections();
        server.close();
      });

      it('answers the challenge, then reuses the nonce without another 401', async () => {
        seen.length = 0;
        const client = new HttpClient({ user: 'dba', password: 'dba' });
        assert.equal((await client.request('PUT', `${base}/crud?graph=urn:a`, { body: 'x' })).status, 201);
        assert.equal((await client.request('PUT', `${base}/crud?graph=urn:b`, { body: 'y' })).status, 201);
        assert.deepEqual(seen, [{ method: 'PUT', auth: false }, { method: 'PUT', auth: true }, { method: 'PUT', auth: true }]);
      });

      it('a wrong password is a one-line 401 that names the user and the URL', async () => {
        const client = new HttpClient({ user: 'dba', password: 'nope' });
        await assert.rejects(client.request('PUT', `${base}/crud?graph=urn:a`, { body: 'x', what: 'graph <urn:g>' }),
          new UserError(`graph <urn:g>: PUT ${base}/crud?graph=urn:a: 401 Unauthorized: user "dba" was refused (wrong user or password?)`));
        await assert.rejects(new HttpClient().request('GET', `${base}/crud`), /401 Unauthorized: the server asks for credentials: give --user and --password$/);
      });
    });

    it('sends Basic credentials when the server asks for Basic', async () => {
      const server = createServer((req, res) => {
        const ok = req.headers.authorization === `Basic ${Buffer.from('u:p').toString('base64')}`;
        res.writeHead(ok ? 200 : 401, ok ? {} : { 'WWW-Authenticate': 'Basic realm="x"' });
        res.end(ok ? 'fine' : 'no');
      });
      const base = await listen(server);
      try {
        assert.equal((await new HttpClient({ user: 'u', password: 'p' }).request('GET', `${base}/`)).text, 'fine');
      } finally {
        server.close();
      }
    });
  });

  describe('the push plan', () => {
    it('one graph per article, the union graph (the merge, each triple once) and the catalog', async () => {
      const { quads } = await seedGraph();
      const plan = planPush(quads);
      // The five articles' graphs and the ontology's (a named graph like them, under its own IRI).
      assert.deepEqual(plan.graphs.map((g) => g.role), ['article', 'article', 'article', 'article', 'article', 'article', 'union', 'catalog']);
      assert.ok(plan.graphs.some((g) => g.name === 'https://w3id.org/diplograph/ontology'));
      assert.equal(plan.unionGraph, 'https://w3id.org/diplograph/id/graph/default');
      assert.equal(plan.catalogGraph, 'https://w3id.org/diplograph/id/graph/dataset');
      assert.deepEqual(plan.namedGraphs, [...new Set(quads.filter((q) => q.graph.termType === 'NamedNode').map((q) => q.graph.value))].sort());
      assert.equal(plan.graphs[6].triples.length, new Set(quads.map(key)).size);
      const catalog = plan.graphs[7].triples.map(key);
      assert.ok(catalog.includes(`<${plan.catalogGraph}> <http://www.w3.org/ns/sparql-service-description#defaultGraph> <${plan.unionGraph}>`));
      assert.equal(catalog.filter((t) => t.includes('#namedGraph>')).length, 6);
    });

    it('parts: disjoint union graphs that together are the whole; each article in one part', async () => {
      const { quads } = await seedGraph();
      const whole = new Set(planPush(quads).graphs.find((g) => g.role === 'union')!.triples.map(key));
      const parts = [1, 2, 3].map((index) => planPush(quads, { part: { index, count: 3 } }));
      const unions = parts.map((p) => p.graphs.find((g) => g.role === 'union')!.triples.map(key));
      assert.equal(unions.flat().length, whole.size);
      assert.deepEqual(new Set(unions.flat()), whole);
      assert.deepEqual(parts.flatMap((p) => p.namedGraphs).sort(), planPush(quads).namedGraphs);
      assert.throws(() => planPush(quads, { part: { index: 3, count: 2 } }), /--part: 3\/2 is not a part/);
    });

    it('--graph-base names the graphs under another base; blank nodes are refused', () => {
      assert.equal(graphName('https://w3id.org/diplograph/id/article/000_x', 'http://example.org/g/'), 'http://example.org/g/article/000_x');
      assert.equal(graphName('https://w3id.org/diplograph/id/article/000_x'), 'https://w3id.org/diplograph/id/article/000_x');
      const b = factory.quad(factory.blankNode('b1'), factory.namedNode('urn:p'), factory.literal('x'), factory.namedNode('urn:g'));
      assert.throws(() => planPush([b]), new UserError('the graph has blank nodes (e.g. _:b1); push needs a graph without them'));
    });

    it('store URLs: Virtuoso siblings of /sparql by default (the Digest ones with credentials), or as given', () => {
      assert.deepEqual(storeUrls('http://127.0.0.1:8890/sparql', true), { endpoint: 'http://127.0.0.1:8890/sparql', gsp: 'http://127.0.0.1:8890/sparql-graph-crud-auth', update: 'http://127.0.0.1:8890/sparql-auth' });
      assert.deepEqual(storeUrls('http://127.0.0.1:8890/sparql', false), { endpoint: 'http://127.0.0.1:8890/sparql', gsp: 'http://127.0.0.1:8890/sparql-graph-crud', update: 'http://127.0.0.1:8890/sparql' });
      assert.deepEqual(storeUrls('http://h:3030/ds/query', false, 'http://h:3030/ds/data', 'http://h:3030/ds/update'), { endpoint: 'http://h:3030/ds/query', gsp: 'http://h:3030/ds/data', update: 'http://h:3030/ds/update' });
      assert.deepEqual(storeUrls('http://h:3030/ds/query', false), { endpoint: 'http://h:3030/ds/query', gsp: undefined, update: 'http://h:3030/ds/query' });
      assert.deepEqual(storeUrls('http://127.0.0.1:8890/sparql', true, 'none').gsp, undefined);
      assert.throws(() => storeUrls('ftp://x/sparql', false), /--endpoint: "ftp:\/\/x\/sparql" is not an http\(s\) URL/);
    });
  });

  describe('the portable rewrite', () => {
    it('drops UNDEF columns and writes the VALUES terms into the filters of top-level OPTIONALs', () => {
      const text = portable('SELECT * WHERE { VALUES (?home ?x) { (<urn:a> UNDEF) } ?m <urn:p> ?y OPTIONAL { ?m <urn:q> ?p FILTER(?p != ?home) } { ?m <urn:r> ?z FILTER(?z != ?home) } }');
      assert.match(text, /VALUES \?home \{\s*<urn:a>\s*\}/);
      assert.match(text, /OPTIONAL \{\s*\?m <urn:q> \?p\.\s*FILTER\(\?p != <urn:a>\)/);
      assert.match(text, /FILTER\(\?z != \?home\)/, 'a filter in a plain group does not see the outer VALUES: left alone');
      const plain = 'SELECT ?s WHERE { ?s ?p ?o }';
      assert.equal(portable(plain), plain);
    });

    it('keeps the answer of every stored query on the embedded store', async () => {
      const store = new Store((await seedGraph()).quads);
      // GROUP_CONCAT has no defined order (SPARQL 1.1, 18.5.1.7): its values are compared as sorted lists, as the benchmark compares engines.
      const text = (r: QueryResult, query: string) => {
        if (r.type !== 'bindings') return r.type === 'quads' ? r.quads.map(key).sort().join('\n') : String(r.value);
        const concats = groupConcats(new SparqlParser().parse(query));
        return JSON.stringify(r.rows.map((row) => rowKey(row, r.variables, concats)));
      };
      let rewritten = 0;
      for (const q of listQueries()) {
        // As bindParams writes them (parameters as constants, UNDEF for the unbound ones), and with
        // every parameter in VALUES, as a user's query may bind them.
        for (const bound of [bindParams(q, {}), bindParams(q, {}, { inline: false })]) {
          if (portable(bound) !== bound) rewritten++;
          assert.equal(text(await run(portable(bound), store, q.path), bound), text(await run(bound, store, q.path), bound), q.name);
        }
      }
      assert.ok(rewritten >= 5, 'the rewrite applies to the stored queries with parameters used in OPTIONAL filters or left UNDEF');
    });
  });

  describe('the dataset sent to an endpoint', () => {
    let server: Server;
    let endpoint: string;
    const seen: Array<{ method: string; params: URLSearchParams }> = [];
    before(async () => {
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          const params = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
          for (const [k, v] of new URLSearchParams(req.method === 'POST' ? body : '')) params.append(k, v);
          if (params.has('query')) seen.push({ method: req.method!, params });
          const query = params.get('query') ?? '';
          const incomplete = /TIMEOUT/.test(query) ? { 'x-sql-state': 'S1TAT' } : /CAPPED/.test(query) ? { 'x-sparql-maxrows': '1' } : {};
          res.writeHead(200, { 'content-type': 'application/sparql-results+json', ...incomplete });
          res.end(JSON.stringify({ head: { vars: ['s'] }, results: { bindings: [{ s: { type: 'uri', value: 'urn:s' } }] } }));
        });
      });
      endpoint = `${await listen(server)}/sparql`;
    });
    after(() => {
      server.closeAllConnections();
      server.close();
    });

    it('default-graph-uri and named-graph-uri with the query; a long list as a form POST', async () => {
      seen.length = 0;
      await select('SELECT ?s WHERE { ?s ?p ?o }', { endpoint, defaultGraphs: ['urn:union'], namedGraphs: ['urn:a', 'urn:b'] });
      assert.equal(seen.length, 1);
      assert.deepEqual(seen[0].params.getAll('default-graph-uri'), ['urn:union']);
      assert.deepEqual(seen[0].params.getAll('named-graph-uri'), ['urn:a', 'urn:b']);
      seen.length = 0;
      const many = Array.from({ length: 200 }, (_, i) => `https://w3id.org/diplograph/id/article/${String(i).padStart(3, '0')}_0123456789abcdef`);
      await select('SELECT ?s WHERE { ?s ?p ?o }', { endpoint, defaultGraphs: ['urn:union'], namedGraphs: many });
      assert.equal(seen[0].method, 'POST');
      assert.deepEqual(seen[0].params.getAll('named-graph-uri'), many);
    });

    it('an answer the store marks incomplete (HTTP 200 with X-SQL-State S1TAT or X-SPARQL-MaxRows) is an error', async () => {
      await assert.rejects(select('SELECT ?s WHERE { ?s <urn:TIMEOUT> ?o }', { endpoint }, 'slow.rq'),
        (e: unknown) => e instanceof UserError && /^slow\.rq: SPARQL endpoint \S+: .*the endpoint stopped the query at its time limit and answered with an incomplete result \(X-SQL-State S1TAT\)/.test(e.message));
      await assert.rejects(select('SELECT ?s WHERE { ?s <urn:CAPPED> ?o }', { endpoint }, 'big.rq'),
        (e: unknown) => e instanceof UserError && /the endpoint cut the answer at its limit of 1 rows/.test(e.message));
    });
  });
});
