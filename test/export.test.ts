/** Exports: every RDF format and JSON-LD read back as RDF is the same graph, byte-stable. */
import { strict as assert } from 'node:assert';
import { Parser } from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import { jsonLdToQuads, toJsonLd } from '../src/export/jsonld.js';
import { canonicalQuads, serializeQuads, type RdfFormat } from '../src/export/rdf-writer.js';
import { loadStore } from '../src/graph/load.js';
import { loadOntologyFile, projectRoot } from '../src/ontology-files.js';
import { DG, MEETING_KINDS, RDF, factory } from '../src/vocab.js';
import { join } from 'node:path';
import type * as RDFJS from '@rdfjs/types';
import { seedGraph } from './support/seed-graph.js';

const PARSER_FORMAT: Record<RdfFormat, string> = { turtle: 'text/turtle', trig: 'application/trig', ntriples: 'application/n-triples', nquads: 'application/n-quads' };

describe('exports', () => {
  for (const format of ['turtle', 'trig', 'ntriples', 'nquads'] as RdfFormat[]) {
    it(`${format} reads back as the same graph`, async () => {
      const { quads } = await seedGraph();
      const text = await serializeQuads(quads, format);
      const back = new Parser({ format: PARSER_FORMAT[format] }).parse(text);
      const keep = format === 'trig' || format === 'nquads';
      assert.ok(isomorphic(back, canonicalQuads(quads, keep) as typeof back), `${format} round trip`);
    });
  }

  it('Turtle merges the articles: a fact two articles state is written once', async () => {
    const { quads, turtle } = await seedGraph();
    const triples = new Parser().parse(turtle);
    assert.ok(triples.length < quads.length);
    const keys = new Set(triples.map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`));
    assert.equal(keys.size, triples.length);
  });

  it('JSON-LD, compacted with the local context, reads back as a dataset isomorphic to the TriG', async () => {
    const { quads } = await seedGraph();
    const text = await toJsonLd(quads);
    const doc = JSON.parse(text);
    assert.equal(doc['@context']['@version'], 1.1);
    assert.ok(Array.isArray(doc['@graph']));
    const back = await jsonLdToQuads(text);
    assert.ok(isomorphic(back, canonicalQuads(quads, true)));
  });

  it('JSON-LD is the same bytes twice', async () => {
    const { quads } = await seedGraph();
    assert.equal(await toJsonLd(quads), await toJsonLd([...quads].reverse()));
  });

  it('the framed view nests participants, places, areas and agreements in each meeting', async () => {
    const { quads } = await seedGraph();
    const doc = JSON.parse(await toJsonLd(quads, { frame: 'meetings' }));
    const meetings = doc['@graph'] as Array<Record<string, any>>;
    assert.equal(meetings.length, 12);
    const third = meetings.find((m) => m.id === 'dgr:meeting/003_99a181e7a6755caf-1')!;
    assert.deepEqual([third.type].flat().sort(), ['dg:Dialogue', 'dg:Meeting'], 'its kind and the class above it');
    assert.equal(third.location.label.en, 'Paris');
    const people = third.participant.filter((p: any) => [p.type].flat().includes('dg:Person')).map((p: any) => p.label.en).sort();
    assert.deepEqual(people, ['Alice Rufo', 'Hoang Xuan Chien']);
    assert.ok(third.discusses.some((a: any) => a.prefLabel.en === 'peacekeeping'));
    assert.ok(third.mentions.some((a: any) => (a.status?.id ?? a.status) === 'dg:Proposed'));
  });

  it('the framed view loses none of the meetings\' own facts', async () => {
    const { quads } = await seedGraph();
    const back = await jsonLdToQuads(await toJsonLd(quads, { frame: 'meetings' }));
    const key = (q: { subject: { value: string }; predicate: { value: string }; object: { value: string } }) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`;
    const have = new Set(back.map(key));
    const meetingFacts = canonicalQuads(quads, false).filter((q) => q.subject.value.includes('/meeting/'));
    for (const q of meetingFacts) assert.ok(have.has(key(q)), key(q));
  });

  it('the example graph round-trips through every format and JSON-LD, byte-stable whatever the input order', async () => {
    const quads = loadStore(join(projectRoot(), 'ontology', 'example.trig')).getQuads(null, null, null, null);
    for (const format of ['turtle', 'trig', 'ntriples', 'nquads'] as RdfFormat[]) {
      const text = await serializeQuads(quads, format);
      assert.equal(await serializeQuads([...quads].reverse(), format), text, `${format} bytes`);
      const keep = format === 'trig' || format === 'nquads';
      assert.ok(isomorphic(new Parser({ format: PARSER_FORMAT[format] }).parse(text), canonicalQuads(quads, keep) as never), format);
    }
    const text = await toJsonLd(quads);
    assert.ok(isomorphic(await jsonLdToQuads(text), quads), 'JSON-LD keeps the named graph and the default graph');
    const doc = JSON.parse(text);
    assert.ok(doc['@graph'].some((n: { id: string; '@graph'?: unknown[] }) => n.id === 'dgr:article/example_01' && Array.isArray(n['@graph'])), 'the article graph is a @graph');
  });

  it('the framed view holds exactly the meetings\' facts and the facts of what they embed', async () => {
    const quads = loadStore(join(projectRoot(), 'ontology', 'example.trig')).getQuads(null, null, null, null);
    const merged = canonicalQuads(quads, false);
    const kinds = new Set<string>(Object.values(MEETING_KINDS).map((t) => t.value));
    const meetings = new Set(merged.filter((q) => q.predicate.equals(RDF.type) && kinds.has(q.object.value)).map((q) => q.subject.value));
    const embedding = new Set([DG.participant, DG.location, DG.discusses, DG.mentions].map((t) => t.value));
    const embedded = new Set(merged.filter((q) => meetings.has(q.subject.value) && embedding.has(q.predicate.value)).map((q) => q.object.value));
    const expected = merged.filter((q) => meetings.has(q.subject.value) || embedded.has(q.subject.value));
    const text = await toJsonLd(quads, { frame: 'meetings' });
    const back = await jsonLdToQuads(text);
    const key = (q: RDFJS.Quad) => `${q.subject.value} ${q.predicate.value} ${q.object.termType} ${q.object.value}`;
    assert.deepEqual([...new Set(back.map(key))].sort(), expected.map(key).sort());
    assert.equal(await toJsonLd([...quads].reverse(), { frame: 'meetings' }), text, 'the same bytes');
  });

  it('never fetches a remote context', async () => {
    const doc = JSON.stringify({ '@context': 'https://example.org/remote-context.jsonld', '@id': 'https://example.org/x', 'https://example.org/p': 'v' });
    await assert.rejects(jsonLdToQuads(doc), /refusing to fetch https:\/\/example\.org\/remote-context\.jsonld/);
  });

  it('the local context defines every property the data uses', async () => {
    const ctx = JSON.parse(loadOntologyFile('context.jsonld'))['@context'];
    const { quads } = await seedGraph();
    const defined = new Set(Object.values(ctx).map((v: any) => (typeof v === 'string' ? v : v?.['@id'])).filter(Boolean)
      .map((v: string) => v.replace(/^(\w+):/, (_m: string, p: string) => ctx[p] ?? `${p}:`)));
    const used = new Set(quads.map((q) => q.predicate.value).filter((p) => p !== factory.namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type').value));
    for (const p of used) assert.ok(defined.has(p), `context term for ${p}`);
  });
});
