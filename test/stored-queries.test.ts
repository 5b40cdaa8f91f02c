/** Stored-query headers, the registry of queries/, and parameters bound as RDF terms (constants, or a VALUES block). */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { Parser as SparqlParser, type SelectQuery } from 'sparqljs';
import { UserError } from '../src/errors.js';
import { queryForm } from '../src/query/engine.js';
import { bindParams, getQuery, listQueries, paramTerm, parseHeader, queriesDir } from '../src/query/stored-queries.js';

const Q = `# title: Meetings of a partner
# description: Every meeting a partner took part in,
#   in time order.
# param: partner iri default=country/france — the partner
# param: since date — the first day
# param: topic langString(en) default="maritime security" — a name of an area
# param: kind iri optional — only meetings of this class
PREFIX dg: <https://w3id.org/diplograph/ontology#>
SELECT ?m WHERE { ?m dg:participant ?partner ; dg:date ?d ; dg:discusses/<http://www.w3.org/2004/02/skos/core#prefLabel> ?topic FILTER(?d >= ?since) } ORDER BY ?m
`;

const parse = (text: string) => new SparqlParser().parse(text) as SelectQuery;

describe('stored queries', () => {
  const q = parseHeader(Q, 'queries/partner-meetings.rq');

  describe('headers', () => {
    it('read the title, a description over several lines, and typed parameters with defaults', () => {
      assert.equal(q.name, 'partner-meetings');
      assert.equal(q.title, 'Meetings of a partner');
      assert.equal(q.description, 'Every meeting a partner took part in, in time order.');
      assert.deepEqual(q.params, [
        { name: 'partner', type: 'iri', default: 'country/france', description: 'the partner' },
        { name: 'since', type: 'date', default: undefined, description: 'the first day' },
        { name: 'topic', type: 'langString', language: 'en', default: 'maritime security', description: 'a name of an area' },
        { name: 'kind', type: 'iri', default: undefined, optional: true, description: 'only meetings of this class' },
      ]);
    });

    it('refuse a parameter of an unknown type, and a langString without its language', () => {
      const message = (_line: string) => new UserError(`q.rq: line 2: a parameter is declared as "# param: NAME TYPE [default=VALUE | optional] — description" with TYPE one of iri, actor, meeting, area, string, langString(TAG), date, integer`);
      assert.throws(() => parseHeader('# title: t\n# param: x number — a number\nASK {}', 'q.rq'), message('x number'));
      assert.throws(() => parseHeader('# title: t\n# param: x langString — a name\nASK {}', 'q.rq'), message('x langString'));
    });

    it('every file of queries/ has a title, a description, parameters its query uses, and an ORDER BY if it is a SELECT', () => {
      const all = listQueries();
      assert.ok(all.length >= 12, `${all.length} stored queries`);
      for (const s of all) {
        assert.ok(s.title.length > 5, `${s.name} has a title`);
        assert.ok(s.description.length > 20, `${s.name} has a description`);
        const parsed = parse(s.text);
        if (parsed.queryType === 'SELECT') assert.ok(parsed.order?.length, `${s.name} orders its rows`);
        for (const p of s.params) assert.match(s.text.replace(/^#.*$/gm, ''), new RegExp(`\\?${p.name}\\b`), `${s.name} uses ?${p.name}`);
        assert.doesNotMatch(s.text, /^\s*(SERVICE|LOAD|INSERT|DELETE)\b/im, `${s.name} reads only`);
      }
    });
  });

  describe('defaults in the query itself', () => {
    const V = `# title: Meetings of a partner
# description: Every meeting a partner took part in.
# param: partner iri — the partner
# param: since date — the first day
# param: minimum integer — at least
PREFIX dg: <https://w3id.org/diplograph/ontology#>
SELECT ?m WHERE {
  VALUES (?partner ?since ?minimum) { (<https://w3id.org/diplograph/id/country/france> UNDEF 2) }
  ?m dg:participant ?partner ; dg:date ?d ; dg:ordinal ?n FILTER(!BOUND(?since) || ?d >= ?since) FILTER(?n >= ?minimum)
} ORDER BY ?m
`;
    const v = parseHeader(V, 'queries/v.rq');

    it('reads the defaults from the VALUES block of the outer group: UNDEF is optional', () => {
      assert.deepEqual(v.params.map((p) => [p.name, p.default, p.optional ?? false]), [['partner', 'country/france', false], ['since', undefined, true], ['minimum', '2', false]]);
    });

    it('binding takes the block out and binds the values given or the defaults, as constants or in VALUES', () => {
      const text = bindParams(v, { partner: 'country/japan' });
      assert.doesNotMatch(text, /france/);
      assert.match(text, /dg:participant <https:\/\/w3id\.org\/diplograph\/id\/country\/japan>/);
      assert.match(text, />= 2\b/);
      const where = parse(text).where!;
      assert.equal(where.filter((p) => p.type === 'values').length, 1, 'one VALUES block: the optional parameter left UNDEF');
      assert.deepEqual((where[0] as { values: unknown[] }).values, [{ '?since': undefined }]);
      const kept = bindParams(v, { minimum: '3' }, { inline: false });
      assert.match(kept, /VALUES \(\?partner \?since \?minimum\) \{\s*\(<https:\/\/w3id\.org\/diplograph\/id\/country\/france> UNDEF 3\s*\)\s*\}/);
      assert.equal(parse(kept).where!.filter((p) => p.type === 'values').length, 1, 'the defaults replaced, not added to');
    });

    it('refuses a default given twice, or of the wrong type', () => {
      assert.throws(() => parseHeader(V.replace('# param: minimum integer —', '# param: minimum integer default=1 —'), 'queries/v.rq'),
        new UserError('queries/v.rq: the parameter "minimum" has a default in its header and in the VALUES block; give it in the VALUES block only'));
      assert.throws(() => parseHeader(V.replace('UNDEF 2)', 'UNDEF "two")'), 'queries/v.rq'),
        new UserError('queries/v.rq: the default of the parameter "minimum" in the VALUES block is not of type integer'));
    });

    it('every stored query with parameters holds their defaults in one VALUES block of its own, none in its header', () => {
      for (const s of listQueries()) {
        if (!s.params.length) continue;
        assert.doesNotMatch(s.text, /^# param: .*(default=|optional)/m, `${s.name}: defaults in the VALUES block only`);
        const where = parse(s.text).where!;
        const block = where.find((p) => p.type === 'values' && Object.keys((p as { values: object[] }).values[0]).some((k) => k === `?${s.params[0].name}`));
        assert.ok(block, `${s.name} has a VALUES block of its parameters`);
        assert.deepEqual(Object.keys((block as { values: object[] }).values[0]).sort(), s.params.map((p) => `?${p.name}`).sort(), `${s.name}: every parameter in it`);
      }
    });
  });

  describe('the registry', () => {
    it('finds a query by name or by path', () => {
      assert.equal(getQuery('co-chairs').title, 'Who co-chaired what');
      assert.equal(getQuery(join(queriesDir(), 'co-chairs.rq')).name, 'co-chairs');
    });

    it('names the stored queries when a name is unknown', () => {
      const names = listQueries().map((s) => s.name).join(', ');
      assert.throws(() => getQuery('no-such-question'), new UserError(`unknown stored query "no-such-question"; the stored queries are: ${names}`));
      assert.throws(() => getQuery('nowhere/x.rq'), new UserError('nowhere/x.rq: no such query file'));
    });
  });

  describe('binding parameters', () => {
    it('puts given values and defaults in as RDF terms where the query uses them; an optional one without a value stays UNDEF in VALUES', () => {
      const text = bindParams(q, { since: '2019-01-01' });
      const where = parse(text).where!;
      assert.equal(where[0].type, 'values');
      assert.deepEqual((where[0] as { values: unknown[] }).values, [{ '?kind': undefined }]);
      const bgp = JSON.stringify(where[1]);
      assert.match(bgp, /"object":\{"termType":"NamedNode","value":"https:\/\/w3id\.org\/diplograph\/id\/country\/france"\}/);
      assert.match(bgp, /"object":\{"termType":"Literal","value":"maritime security","language":"en"/);
      assert.match(JSON.stringify(where[2]), /"value":"2019-01-01","language":"","datatype":\{"termType":"NamedNode","value":"http:\/\/www\.w3\.org\/2001\/XMLSchema#date"\}/);
      assert.doesNotMatch(text, /\?partner|\?since|\?topic/, 'no trace of the bound variables is left');
      assert.equal(queryForm(text), 'SELECT');
    });

    it('inline: false binds every parameter in one VALUES block and leaves the rest of the query as it is', () => {
      const text = bindParams(q, { since: '2019-01-01' }, { inline: false });
      assert.match(text, /VALUES \(\?partner \?since \?topic \?kind\) \{\s*\(<https:\/\/w3id\.org\/diplograph\/id\/country\/france> "2019-01-01"\^\^<http:\/\/www\.w3\.org\/2001\/XMLSchema#date> "maritime security"@en UNDEF\)\s*\}/);
      const where = parse(text).where!;
      assert.equal(where[0].type, 'values');
      assert.deepEqual(where.slice(1), parse(Q).where, 'the rest of the query is unchanged');
    });

    it('keeps a parameter in VALUES where a constant cannot stand for it', () => {
      const one = (query: string, type = 'iri') => bindParams(parseHeader(`# title: T\n# description: D\n# param: x ${type} default=${type === 'iri' ? 'dg:Meeting' : type === 'integer' ? '2' : 'a'} — x\nPREFIX dg: <https://w3id.org/diplograph/ontology#>\n${query}\n`, 'q.rq'), {});
      const kept = (query: string, type?: string) => assert.equal(parse(one(query, type)).where![0].type, 'values', query);
      kept('SELECT ?x ?s WHERE { ?s a ?x }');
      kept('SELECT * WHERE { ?s a ?x }');
      kept('SELECT ?s WHERE { ?s a ?t FILTER(!BOUND(?x) || ?t = ?x) }');
      kept('SELECT ?s WHERE { ?s a ?t { SELECT ?x WHERE { ?x a dg:Class } } }');
      kept('SELECT (COUNT(?s) AS ?n) WHERE { ?s a ?x } GROUP BY ?x');
      kept('SELECT ?s WHERE { ?s ?x ?o }', 'string');
      kept('SELECT ?s WHERE { GRAPH ?x { ?s a dg:Meeting } }', 'string');
      // A sub-SELECT that does not project ?x has a variable of its own, which stays a variable.
      const sub = one('SELECT ?s ?n WHERE { ?s a ?x { SELECT (COUNT(?x) AS ?n) WHERE { ?y a ?x } } }');
      const type = '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>';
      assert.ok(sub.includes(`?s ${type} dg:Meeting`), sub);
      assert.ok(sub.includes('COUNT(?x)') && sub.includes(`?y ${type} ?x`), sub);
      // A sub-SELECT that projects ?x and binds it in every row gets the constant, and no longer projects it.
      const joined = one('SELECT ?s ?n WHERE { ?s a dg:Meeting OPTIONAL { SELECT ?x ?s (COUNT(?o) AS ?n) WHERE { ?s dg:p ?x ; dg:q ?o } GROUP BY ?x ?s } }');
      assert.ok(joined.includes('SELECT ?s (COUNT(?o) AS ?n) WHERE') && joined.includes('?s dg:p dg:Meeting') && /GROUP BY \?s\s*\}/.test(joined), joined);
      kept('SELECT ?s ?n WHERE { ?s a dg:Meeting { SELECT ?x ?s WHERE { ?s dg:p ?o OPTIONAL { ?s dg:q ?x } } } }');
      // Grouping on the parameter and on other keys: the constant key is dropped, and HAVING uses the value.
      const having = one('SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s dg:p ?o } GROUP BY ?s ?x HAVING (COUNT(?o) >= ?x)', 'integer');
      assert.match(having, /GROUP BY \?s\s+HAVING/);
      assert.match(having, />= 2\b|>= "2"/, having);
      // In CONSTRUCT templates, EXISTS, paths and GRAPH the constant stands in.
      const c = one('CONSTRUCT { ?x dg:p ?o } WHERE { GRAPH ?x { ?o dg:q/dg:r ?x FILTER EXISTS { ?x dg:s ?o } } }');
      assert.doesNotMatch(c, /\?x/);
      assert.match(c, /dg:Meeting dg:p \?o/);
    });

    it('keeps an injection attempt inside a literal: the query keeps its shape', () => {
      const inj = parseHeader(Q.replace('# param: since date', '# param: since string'), 'q.rq');
      const attack = 'x> } ; DROP ALL #';
      for (const inline of [true, false]) {
        const text = bindParams(inj, { since: attack }, { inline });
        const parsed = parse(text);
        assert.equal(parsed.type, 'query');
        assert.equal(parsed.where!.length, parse(Q).where!.length + 1);
        const literal = JSON.stringify(parsed.where).match(/\{"termType":"Literal","value":"x> \} ; DROP ALL #"[^}]*\}/g);
        assert.equal(literal?.length, 1, 'the value stays one literal');
      }
    });

    it('refuses an IRI that would break out of its brackets', () => {
      assert.throws(() => bindParams(q, { since: '2019-01-01', partner: 'x> } ; DROP ALL #' }),
        new UserError('parameter "partner": "x> } ; DROP ALL #" is not an IRI (no spaces, quotes or angle brackets)'));
    });

    it('resolves full IRIs, <IRIs>, prefixed names and paths under the base', () => {
      const p = { name: 'x', type: 'iri' as const, description: '' };
      assert.equal(paramTerm(p, 'dg:Dialogue').value, 'https://w3id.org/diplograph/ontology#Dialogue');
      assert.equal(paramTerm(p, 'dgr:person/alice-rufo').value, 'https://w3id.org/diplograph/id/person/alice-rufo');
      assert.equal(paramTerm(p, 'person/nguyen-chi-vinh').value, 'https://w3id.org/diplograph/id/person/nguyen-chi-vinh');
      assert.equal(paramTerm(p, '<http://example.org/a>').value, 'http://example.org/a');
      assert.equal(paramTerm(p, 'http://example.org/b#c').value, 'http://example.org/b#c');
      assert.throws(() => paramTerm(p, 'country:france'), new UserError('parameter "x": "country:france" is not an IRI: "country:" is neither a known prefix (dg, dgr, rdf, rdfs, owl, xsd, skos, prov, oa, schema, org, foaf, dcterms, sh) nor a URL scheme'));
    });

    it('checks values of each type', () => {
      assert.throws(() => bindParams(q, { since: '2019-02-30' }), new UserError('parameter "since": "2019-02-30" is not a date (YYYY-MM-DD)'));
      assert.throws(() => paramTerm({ name: 'minimum', type: 'integer', description: '' }, 'many'), new UserError('parameter "minimum": "many" is not an integer'));
      assert.equal(paramTerm({ name: 'n', type: 'integer', description: '' }, '+007').value, '7');
      assert.deepEqual(paramTerm({ name: 't', type: 'langString', language: 'vi', description: '' }, 'Hà Nội'), paramTerm({ name: 't', type: 'langString', language: 'vi', description: '' }, 'Hà Nội'));
      assert.equal((paramTerm({ name: 't', type: 'langString', language: 'vi', description: '' }, 'Hà Nội') as { language: string }).language, 'vi');
    });

    it('names a missing required parameter, and an unknown one with the known ones', () => {
      assert.throws(() => bindParams(q, {}), new UserError('query "partner-meetings" needs the parameter "since" (date): give --param since=VALUE'));
      assert.throws(() => bindParams(q, { since: '2019-01-01', colour: 'red' }),
        new UserError('query "partner-meetings" has no parameter "colour"; its parameters are: partner, since, topic, kind'));
      assert.throws(() => bindParams(getQuery('co-chairs'), { colour: 'red' }), new UserError('query "co-chairs" has no parameter "colour"; it takes no parameters'));
    });

    it('a stored query with a syntax error names its file, line and column', () => {
      const bad = parseHeader('# title: Bad\n# param: x iri default=dg:Meeting — x\nSELECT ?x WHERE { ?x ?p }\n', 'queries/bad.rq');
      assert.throws(() => bindParams(bad, {}), /^UserError: queries\/bad\.rq: line 3, column 22: SPARQL syntax error: expected one of/);
    });
  });
});
