/** Stored-query headers, parameter binding as RDF terms, and the W3C result formats. */
import { strict as assert } from 'node:assert';
import { DataFactory } from 'n3';
import { UserError } from '../src/errors.js';
import { queryForm } from '../src/query/engine.js';
import { toCsv, toSparqlJson, toTsv } from '../src/query/results.js';
import { bindParams, paramTerm, parseHeader } from '../src/query/stored-queries.js';

const Q = `# title: Meetings of a partner
# description: Every meeting a partner took part in,
#   in time order.
# param: partner iri default=country/france — the partner
# param: since date — the first day
PREFIX dg: <https://w3id.org/diplograph/ontology#>
SELECT ?m WHERE { ?m dg:participant ?partner ; dg:date ?d FILTER(?d >= ?since) } ORDER BY ?m
`;

describe('stored queries', () => {
  const q = parseHeader(Q, 'queries/partner-meetings.rq');

  it('read their header: title, a description over several lines, typed parameters with defaults', () => {
    assert.equal(q.name, 'partner-meetings');
    assert.equal(q.title, 'Meetings of a partner');
    assert.equal(q.description, 'Every meeting a partner took part in, in time order.');
    assert.deepEqual(q.params, [
      { name: 'partner', type: 'iri', default: 'country/france', description: 'the partner' },
      { name: 'since', type: 'date', default: undefined, description: 'the first day' },
    ]);
  });

  it('bind parameters as RDF terms in a VALUES block', () => {
    const text = bindParams(q, { since: '2019-01-01' });
    assert.match(text, /VALUES \(\?partner \?since\) \{\s*\(<https:\/\/w3id\.org\/diplograph\/id\/country\/france> "2019-01-01"\^\^<http:\/\/www\.w3\.org\/2001\/XMLSchema#date>\)\s*\}/);
    assert.equal(queryForm(text), 'SELECT');
  });

  it('keep an injection attempt inside a literal', () => {
    const inj = parseHeader(Q.replace('# param: since date — the first day\n', '# param: since string — text\n'), 'q.rq');
    const text = bindParams(inj, { since: '" } ; DROP ALL ; #' });
    assert.equal(queryForm(text), 'SELECT');
    assert.match(text, /"\\" } ; DROP ALL ; #"/);
  });

  it('refuse an IRI that would break out of its brackets', () => {
    assert.throws(() => paramTerm({ name: 'partner', type: 'iri', description: '' }, 'x> } DROP ALL {<y'), new UserError('parameter "partner": "x> } DROP ALL {<y" is not an IRI (no spaces, quotes or angle brackets)'));
  });

  it('resolve prefixed names and relative paths', () => {
    const p = { name: 'x', type: 'iri' as const, description: '' };
    assert.equal(paramTerm(p, 'dg:Dialogue').value, 'https://w3id.org/diplograph/ontology#Dialogue');
    assert.equal(paramTerm(p, 'person/nguyen-chi-vinh').value, 'https://w3id.org/diplograph/id/person/nguyen-chi-vinh');
    assert.equal(paramTerm(p, '<http://example.org/a>').value, 'http://example.org/a');
  });

  it('check values of each type', () => {
    assert.throws(() => bindParams(q, { since: '2019-02-30' }), /parameter "since": "2019-02-30" is not a date \(YYYY-MM-DD\)/);
    assert.throws(() => bindParams(q, {}), /query "partner-meetings" needs the parameter "since" \(date\): give --param since=VALUE/);
    assert.throws(() => bindParams(q, { since: '2019-01-01', colour: 'red' }), /has no parameter "colour"; its parameters are: partner, since/);
  });

  it('reject SPARQL Update', () => {
    assert.throws(() => queryForm('DROP ALL', 'x.rq'), /x\.rq: SPARQL Update is not allowed here/);
  });
});

describe('result formats', () => {
  const { namedNode, literal, blankNode } = DataFactory;
  const r = {
    variables: ['s', 'name', 'n', 'none'],
    rows: [
      { s: namedNode('http://example.org/a'), name: literal('Hà Nội, "capital"', 'vi'), n: literal('3', namedNode('http://www.w3.org/2001/XMLSchema#integer')), none: undefined },
      { s: blankNode('b0'), name: literal('plain\ttab'), n: undefined, none: undefined },
    ],
  };

  it('SPARQL 1.1 JSON', () => {
    assert.deepEqual(JSON.parse(toSparqlJson(r)), {
      head: { vars: ['s', 'name', 'n', 'none'] },
      results: { bindings: [
        { s: { type: 'uri', value: 'http://example.org/a' }, name: { type: 'literal', value: 'Hà Nội, "capital"', 'xml:lang': 'vi' }, n: { type: 'literal', value: '3', datatype: 'http://www.w3.org/2001/XMLSchema#integer' } },
        { s: { type: 'bnode', value: 'b0' }, name: { type: 'literal', value: 'plain\ttab' } },
      ] },
    });
  });

  it('SPARQL 1.1 CSV: plain values, quoted when needed, CRLF', () => {
    assert.equal(toCsv(r), 's,name,n,none\r\nhttp://example.org/a,"Hà Nội, ""capital""",3,\r\n_:b0,plain\ttab,,\r\n');
  });

  it('SPARQL 1.1 TSV: terms in Turtle syntax', () => {
    assert.equal(toTsv(r), '?s\t?name\t?n\t?none\n<http://example.org/a>\t"Hà Nội, \\"capital\\""@vi\t"3"^^<http://www.w3.org/2001/XMLSchema#integer>\t\n_:b0\t"plain\\ttab"\t\t\n');
  });
});
