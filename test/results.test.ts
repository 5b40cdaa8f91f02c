/** The W3C SPARQL 1.1 result formats (JSON, CSV, TSV), the table, and CONSTRUCT results as Turtle or JSON-LD. */
import { strict as assert } from 'node:assert';
import { DataFactory, Parser } from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import { UserError } from '../src/errors.js';
import type { SelectResult } from '../src/query/engine.js';
import { compactIri, formatBoolean, formatResult, toCsv, toSparqlJson, toTable, toTsv } from '../src/query/results.js';

const { namedNode, literal, blankNode, quad } = DataFactory;
const XSD_INTEGER = namedNode('http://www.w3.org/2001/XMLSchema#integer');

// An IRI, a language-tagged literal with a comma and quotes, a typed literal, a blank node, a plain
// literal with a tab and a newline, and unbound variables.
const r: SelectResult = {
  variables: ['s', 'name', 'n', 'none'],
  rows: [
    { s: namedNode('http://example.org/a'), name: literal('Hà Nội, "capital"', 'vi'), n: literal('3', XSD_INTEGER) },
    { s: blankNode('b0'), name: literal('plain\ttab\nline') },
  ],
};

describe('result formats', () => {
  it('SPARQL 1.1 JSON: head.vars, bindings with type, xml:lang and datatype; unbound left out', () => {
    const text = toSparqlJson(r);
    assert.deepEqual(JSON.parse(text), {
      head: { vars: ['s', 'name', 'n', 'none'] },
      results: { bindings: [
        { s: { type: 'uri', value: 'http://example.org/a' }, name: { type: 'literal', value: 'Hà Nội, "capital"', 'xml:lang': 'vi' }, n: { type: 'literal', value: '3', datatype: 'http://www.w3.org/2001/XMLSchema#integer' } },
        { s: { type: 'bnode', value: 'b0' }, name: { type: 'literal', value: 'plain\ttab\nline' } },
      ] },
    });
    assert.ok(text.endsWith('}\n'));
  });

  it('SPARQL 1.1 CSV: names without ?, plain values, quoted when needed, empty when unbound, CRLF', () => {
    assert.equal(toCsv(r), 's,name,n,none\r\nhttp://example.org/a,"Hà Nội, ""capital""",3,\r\n_:b0,"plain\ttab\nline",,\r\n');
  });

  it('SPARQL 1.1 TSV: ?names, terms in Turtle syntax with escapes, empty when unbound, LF', () => {
    assert.equal(toTsv(r), '?s\t?name\t?n\t?none\n<http://example.org/a>\t"Hà Nội, \\"capital\\""@vi\t"3"^^<http://www.w3.org/2001/XMLSchema#integer>\t\n_:b0\t"plain\\ttab\\nline"\t\t\n');
  });

  it('a table for people: aligned columns, IRIs shortened with the project prefixes, plain literal values', () => {
    const t = toTable({ variables: ['meeting', 'label'], rows: [
      { meeting: namedNode('https://w3id.org/diplograph/id/meeting/example_01-1'), label: literal('Second dialogue', 'en') },
      { meeting: namedNode('http://example.org/x y') },
    ] });
    assert.equal(t, [
      'meeting                  | label',
      '-------------------------+----------------',
      'dgr:meeting/example_01-1 | Second dialogue',
      '<http://example.org/x y> |',
      '(2 rows)',
      '',
    ].join('\n'));
    assert.equal(compactIri('https://w3id.org/diplograph/ontology#Dialogue'), 'dg:Dialogue');
  });

  it('ASK results in every format', () => {
    assert.deepEqual(JSON.parse(formatBoolean(true, 'json')), { head: {}, boolean: true });
    assert.equal(formatBoolean(false, 'csv'), '_askResult\r\nfalse\r\n');
    assert.equal(formatBoolean(true, 'tsv'), '?_askResult\ntrue\n');
    assert.equal(formatBoolean(true, 'table'), 'yes\n');
  });

  describe('formatResult', () => {
    const graph = [
      quad(namedNode('https://w3id.org/diplograph/id/meeting/m-1'), namedNode('http://www.w3.org/2000/01/rdf-schema#label'), literal('Dialogue', 'en')),
      quad(namedNode('https://w3id.org/diplograph/id/meeting/m-1'), namedNode('https://w3id.org/diplograph/ontology#ordinal'), literal('2', XSD_INTEGER)),
    ];

    it('writes a CONSTRUCT result as Turtle with the project prefixes, the same bytes whatever the order', async () => {
      const ttl = await formatResult({ type: 'quads', quads: graph }, 'turtle');
      assert.match(ttl, /^@prefix dg: <https:\/\/w3id\.org\/diplograph\/ontology#>\.$/m);
      assert.ok(isomorphic(new Parser().parse(ttl), graph));
      assert.equal(await formatResult({ type: 'quads', quads: [...graph].reverse() }, 'turtle'), ttl);
    });

    it('writes a CONSTRUCT result as JSON-LD with the local context', async () => {
      const doc = JSON.parse(await formatResult({ type: 'quads', quads: graph }, 'jsonld'));
      assert.equal(doc['@context'].dg, 'https://w3id.org/diplograph/ontology#');
      assert.equal(doc.id ?? doc['@graph']?.[0]?.id, 'dgr:meeting/m-1');
    });

    it('refuses a format that does not suit the result, naming the query', async () => {
      await assert.rejects(formatResult({ type: 'bindings', ...r }, 'turtle', 'co-chairs'),
        new UserError('--format turtle: co-chairs is a SELECT query, whose answer is a table; use table, json, csv or tsv'));
      await assert.rejects(formatResult({ type: 'quads', quads: graph }, 'csv', 'partner-construct'),
        new UserError('--format csv: partner-construct is a CONSTRUCT or DESCRIBE query, whose answer is a graph; use turtle or jsonld'));
      await assert.rejects(formatResult({ type: 'boolean', value: true }, 'xml' as never),
        new UserError('--format: unknown format "xml" (use table, json, csv, tsv, turtle, jsonld)'));
    });

    it('passes SELECT and ASK results to their formats', async () => {
      assert.equal(await formatResult({ type: 'bindings', ...r }, 'csv'), toCsv(r));
      assert.equal(await formatResult({ type: 'boolean', value: false }, 'json'), formatBoolean(false, 'json'));
    });
  });
});
