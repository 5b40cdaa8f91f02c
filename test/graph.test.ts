/**
 * The built graph: it conforms to the SHACL shapes, violations are reported by node and shape, the
 * output is the same bytes for the same input, and every fact points back to its sentence.
 */
import { strict as assert } from 'node:assert';
import type * as RDF from '@rdfjs/types';
import { Parser } from 'n3';
import { buildGraph } from '../src/commands/build.js';
import { buildDataset } from '../src/graph/build.js';
import { extractFolder } from '../src/graph/corpus.js';
import { formatReport, validateShapes } from '../src/graph/validate.js';
import { serializeQuads } from '../src/export/rdf-writer.js';
import { loadOntologyFile } from '../src/ontology-files.js';
import { DG, DG_ONTOLOGY, OA, PROV, RDF as RDFNS, XSD, factory } from '../src/vocab.js';
import { SEED_DIR, seedGraph } from './support/seed-graph.js';

const example = (): RDF.Quad[] => new Parser({ format: 'trig' }).parse(loadOntologyFile('example.trig'));
const MEETING = 'https://w3id.org/diplograph/id/meeting/example_01-1';
const replace = (quads: RDF.Quad[], match: (q: RDF.Quad) => boolean, by?: RDF.Quad) =>
  quads.flatMap((q) => (match(q) ? (by ? [by] : []) : [q]));

describe('the graph', () => {
  it('of the seed articles conforms to the shapes', async () => {
    const { quads } = await seedGraph();
    const report = await validateShapes(quads);
    assert.equal(report.conforms, true, formatReport(report));
  });

  it('documented in ontology/example.trig conforms to the shapes', async () => {
    const report = await validateShapes(example());
    assert.equal(report.conforms, true, formatReport(report));
  });

  it('reports an invalid date with the meeting and the shape', async () => {
    const quads = replace(example(), (q) => q.predicate.equals(DG.date),
      factory.quad(factory.namedNode(MEETING), DG.date, factory.literal('2019-13-45', XSD.date)));
    const report = await validateShapes(quads);
    assert.equal(report.conforms, false);
    assert.match(formatReport(report), new RegExp(`<${MEETING}> does not conform to "Meeting" at dg:date: a meeting's date is one valid xsd:date`));
  });

  it('reports a participant that is a literal', async () => {
    const quads = [...example(), factory.quad(factory.namedNode(MEETING), DG.participant, factory.literal('Vietnam'))];
    const text = formatReport(await validateShapes(quads));
    assert.match(text, new RegExp(`<${MEETING}> does not conform to "Meeting" at dg:participant: a participant is a person, an organization or a country`));
  });

  it('reports an evidence sentence without its exact text', async () => {
    const quads = replace(example(), (q) => q.predicate.equals(OA.exact) && q.subject.value.endsWith('#s2-text'));
    const text = formatReport(await validateShapes(quads));
    assert.match(text, /example_01#s2> does not conform to "Evidence sentence" at oa:hasSelector: an evidence sentence has one quote selector/);
  });

  it('is written as the same bytes by two builds', async () => {
    const a = await buildGraph(SEED_DIR);
    const b = await buildGraph(SEED_DIR);
    assert.equal(a.turtle, b.turtle);
    assert.equal(a.trig, b.trig);
    assert.ok(a.turtle.length > 10000);
  });

  it('does not depend on the order in which articles are read', async () => {
    const forward = await serializeQuads(buildDataset(extractFolder(SEED_DIR)), 'trig');
    const backward = await serializeQuads(buildDataset(extractFolder(SEED_DIR).reverse()), 'trig');
    assert.equal(forward, backward);
  });

  it('has one named graph per article, and every fact statement points to an evidence sentence with its text', async () => {
    const { quads } = await seedGraph();
    const graphs = new Set(quads.filter((q) => q.graph.termType === 'NamedNode').map((q) => q.graph.value));
    graphs.delete(DG_ONTOLOGY); // the ontology's own named graph
    assert.equal(graphs.size, 5);
    const statements = quads.filter((q) => q.predicate.equals(RDFNS.type) && q.object.equals(RDFNS.Statement)).map((q) => q.subject.value);
    assert.ok(statements.length > 300);
    const derived = new Map<string, string[]>();
    for (const q of quads) if (q.predicate.equals(PROV.wasDerivedFrom)) derived.set(q.subject.value, [...(derived.get(q.subject.value) ?? []), q.object.value]);
    const exact = new Set(quads.filter((q) => q.predicate.equals(OA.exact)).map((q) => q.subject.value.replace(/-text$/, '')));
    for (const s of statements) {
      const ev = derived.get(s) ?? [];
      assert.ok(ev.length > 0, `${s} has no evidence`);
      for (const e of ev) assert.ok(exact.has(e), `${e} has no quote`);
    }
  });

  it('records where a co-chair fact came from, with the sentence and its offsets in the article', async () => {
    const { quads, extractions } = await seedGraph();
    const meeting = 'https://w3id.org/diplograph/id/meeting/003_99a181e7a6755caf-1';
    const st = quads.find((q) => q.predicate.equals(RDFNS.subject) && q.object.value === meeting &&
      quads.some((r) => r.subject.equals(q.subject) && r.predicate.equals(RDFNS.predicate) && r.object.equals(DG.chair)) &&
      quads.some((r) => r.subject.equals(q.subject) && r.predicate.equals(RDFNS.object) && r.object.value.endsWith('person/alice-rufo')))!;
    assert.ok(st, 'a statement for the chair fact');
    const ev = quads.find((q) => q.subject.equals(st.subject) && q.predicate.equals(PROV.wasDerivedFrom))!.object.value;
    const start = Number(quads.find((q) => q.subject.value === `${ev}-pos` && q.predicate.equals(OA.start))!.object.value);
    const end = Number(quads.find((q) => q.subject.value === `${ev}-pos` && q.predicate.equals(OA.end))!.object.value);
    const text = extractions.find((x) => x.article.id === '003_99a181e7a6755caf')!.article.text;
    assert.match(text.slice(start, end), /Alice Rufo co-chaired the third Vietnam-France defense strategy and cooperation dialogue in Paris on Monday\.$/);
  });
});
