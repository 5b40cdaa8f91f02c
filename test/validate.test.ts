/**
 * SHACL validation (src/graph/validate.ts with ontology/shapes.ttl): the documented data conforms,
 * and each kind of broken data is reported with the node, the shape, the property and a message.
 */
import { strict as assert } from 'node:assert';
import type * as RDF from '@rdfjs/types';
import { Parser } from 'n3';
import { QuadIndex } from '../src/graph/quad-index.js';
import { formatReport, validateShapes } from '../src/graph/validate.js';
import { loadOntologyFile } from '../src/ontology-files.js';
import { DG, OA, RDF as RDFNS, XSD, factory } from '../src/vocab.js';

const example = (): RDF.Quad[] => new Parser({ format: 'trig' }).parse(loadOntologyFile('example.trig'));
const MEETING = 'https://w3id.org/diplograph/id/meeting/example_01-1';
const AGREEMENT = 'https://w3id.org/diplograph/id/agreement/memorandum-of-understanding-on-training';
const EVIDENCE = 'https://w3id.org/diplograph/id/article/example_01#s2';
const meeting = factory.namedNode(MEETING);

/** The example with the quads `drop` matches removed and `add` added. */
function edit(drop: (q: RDF.Quad) => boolean, ...add: RDF.Quad[]): RDF.Quad[] {
  return [...example().filter((q) => !drop(q)), ...add];
}
const none = () => false;

/** The formatted lines about one focus node. */
async function linesAbout(quads: RDF.Quad[], node: string): Promise<string[]> {
  const report = await validateShapes(quads);
  assert.equal(report.conforms, false, 'the broken graph was accepted');
  return formatReport(report).split('\n').filter((l) => l.includes(`<${node}>`));
}

describe('SHACL validation', () => {
  it('accepts the graph documented in ontology/example.trig', async () => {
    const report = await validateShapes(example());
    assert.equal(report.conforms, true, formatReport(report));
    assert.deepEqual(report.results, []);
    assert.equal(formatReport(report), 'the graph conforms to the shapes');
  });

  it('accepts a month or a year as a meeting date, and a start and end date', async () => {
    const dates = (q: RDF.Quad) => q.predicate.equals(DG.date) || q.predicate.equals(DG.startDate) || q.predicate.equals(DG.endDate);
    const day = (d: string) => factory.literal(d, XSD.date);
    for (const [date, start, end] of [[factory.literal('2019-07', XSD.gYearMonth), '2019-07-01', '2019-07-31'], [factory.literal('2019', XSD.gYear), '2019-01-01', '2019-12-31']] as const) {
      const report = await validateShapes(edit(dates, factory.quad(meeting, DG.date, date), factory.quad(meeting, DG.startDate, day(start)), factory.quad(meeting, DG.endDate, day(end))));
      assert.equal(report.conforms, true, formatReport(report));
    }
    const report = await validateShapes(edit(dates,
      factory.quad(meeting, DG.startDate, factory.literal('2019-07-01', XSD.date)),
      factory.quad(meeting, DG.endDate, factory.literal('2019-07-04', XSD.date))));
    assert.equal(report.conforms, true, formatReport(report));
  });

  it('refuses a dated meeting without a start date, and a start after the end', async () => {
    const noStart = await linesAbout(edit((q) => q.predicate.equals(DG.startDate)), MEETING);
    assert.deepEqual(noStart, [
      `  Violation: <${MEETING}> does not conform to "Dated meeting": a dated meeting (dg:date) has a first day as xsd:date (dg:startDate), by which meetings sort in time order (value ${MEETING})`,
    ]);
    const backwards = await linesAbout(edit((q) => q.predicate.equals(DG.endDate), factory.quad(meeting, DG.endDate, factory.literal('2019-07-01', XSD.date))), MEETING);
    assert.equal(backwards.length, 1, backwards.join('\n'));
    assert.match(backwards[0], /does not conform to "Meeting" at dg:startDate: a meeting's start date \(dg:startDate\) is not after its end date \(dg:endDate\)/);
  });

  it('validates the example even when it does not carry the area and status concepts', async () => {
    const articleOnly = example().filter((q) => q.graph.termType === 'NamedNode');
    const report = await validateShapes(articleOnly);
    assert.equal(report.conforms, true, formatReport(report));
  });

  it('reports an impossible date with the meeting, the shape and the property', async () => {
    const lines = await linesAbout(edit((q) => q.predicate.equals(DG.date), factory.quad(meeting, DG.date, factory.literal('2019-13-45', XSD.date))), MEETING);
    assert.deepEqual(lines, [
      `  Violation: <${MEETING}> does not conform to "Meeting" at dg:date: a meeting's date is one valid xsd:date (a day), xsd:gYearMonth (a month) or xsd:gYear (a year); keep the words of the article in dg:dateText (value "2019-13-45")`,
    ]);
  });

  it('reports a date that is a plain string', async () => {
    const lines = await linesAbout(edit((q) => q.predicate.equals(DG.date), factory.quad(meeting, DG.date, factory.literal('July', XSD.string))), MEETING);
    assert.equal(lines.length, 1);
    assert.match(lines[0], /does not conform to "Meeting" at dg:date: a meeting's date is one valid xsd:date .* \(value "July"\)$/);
  });

  it('reports two dates on one meeting', async () => {
    const lines = await linesAbout(edit(none, factory.quad(meeting, DG.date, factory.literal('2019-07-03', XSD.date))), MEETING);
    assert.equal(lines.length, 1);
    assert.match(lines[0], /"Meeting" at dg:date: a meeting's date is one valid/);
  });

  it('reports a participant that is a name instead of an actor', async () => {
    const lines = await linesAbout(edit(none, factory.quad(meeting, DG.participant, factory.literal('Vietnam'))), MEETING);
    assert.deepEqual(lines, [
      `  Violation: <${MEETING}> does not conform to "Meeting" at dg:participant: a participant is a person, an organization or a country described in the graph (an IRI, not a name) (value "Vietnam")`,
    ]);
  });

  it('reports a chair that is not described as an actor', async () => {
    const lines = await linesAbout(edit(none, factory.quad(meeting, DG.chair, factory.namedNode('https://w3id.org/diplograph/id/person/nobody'))), MEETING);
    assert.equal(lines.length, 1);
    assert.match(lines[0], /"Meeting" at dg:chair: a chair is a person, an organization or a country .*\(value https:\/\/w3id\.org\/diplograph\/id\/person\/nobody\)$/);
  });

  it('reports an area that is not in the cooperation-area scheme', async () => {
    const lines = await linesAbout(edit(none, factory.quad(meeting, DG.discusses, factory.namedNode('https://w3id.org/diplograph/id/area/knitting'))), MEETING);
    assert.equal(lines.length, 1);
    assert.match(lines[0], /"Meeting" at dg:discusses: a meeting discusses cooperation areas/);
  });

  it('reports an evidence sentence whose quote selector has no exact text, on the evidence and on the selector', async () => {
    const lines = await linesAbout(edit((q) => q.predicate.equals(OA.exact) && q.subject.value === `${EVIDENCE}-text`), EVIDENCE);
    assert.deepEqual(lines, [
      `  Violation: <${EVIDENCE}> does not conform to "Evidence sentence" at oa:hasSelector: an evidence sentence has one quote selector with the exact sentence (oa:TextQuoteSelector with one oa:exact)`,
    ]);
    const selector = await linesAbout(edit((q) => q.predicate.equals(OA.exact) && q.subject.value === `${EVIDENCE}-text`), `${EVIDENCE}-text`);
    assert.deepEqual(selector, [
      `  Violation: <${EVIDENCE}-text> does not conform to "Quote selector" at oa:exact: a quote selector has the exact text of the sentence: one non-empty oa:exact`,
    ]);
  });

  it('reports an agreement without a status, and one with a status outside the scheme', async () => {
    const agreement = factory.namedNode(AGREEMENT);
    const missing = await linesAbout(edit((q) => q.subject.equals(agreement) && q.predicate.equals(DG.status)), AGREEMENT);
    assert.equal(missing.length, 1);
    assert.match(missing[0], /"Agreement" at dg:status: an agreement has at least one status/);
    const wrong = await linesAbout(edit(none, factory.quad(agreement, DG.status, factory.namedNode('https://w3id.org/diplograph/ontology#Ratified'))), AGREEMENT);
    assert.equal(wrong.length, 1);
    assert.match(wrong[0], /at dg:status: .*\(value https:\/\/w3id\.org\/diplograph\/ontology#Ratified\)$/);
  });

  it('reports a fact record without evidence', async () => {
    const fact = 'https://w3id.org/diplograph/id/article/example_01#f-0a1b2c3d4e5f';
    const lines = await linesAbout(edit((q) => q.subject.value === fact && q.predicate.value.endsWith('wasDerivedFrom')), fact);
    assert.deepEqual(lines, [`  Violation: <${fact}> does not conform to "Fact provenance" at prov:wasDerivedFrom: every fact points to where it came from (prov:wasDerivedFrom): at least one evidence sentence (dg:Evidence), or the analyst's correction that added it (dg:Correction)`]);
  });

  it('takes other shapes when given', async () => {
    const shapes = new Parser().parse(`
      @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix dg: <https://w3id.org/diplograph/ontology#> .
      @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
      <urn:x:DialogueNeedsHost> a sh:NodeShape ; rdfs:label "Dialogue with a host" ; sh:targetClass dg:Dialogue ;
        sh:property [ sh:path dg:host ; sh:minCount 1 ; sh:message "a dialogue needs a host" ] .`);
    const report = await validateShapes(example(), shapes);
    assert.deepEqual(report.results.map((r) => [r.focusNode, r.shape, r.path, r.message, r.severity]), [[MEETING, 'Dialogue with a host', 'dg:host', 'a dialogue needs a host', 'Violation']]);
  });

  it('validates shapes that refer to themselves over data with a cycle (the validator keeps its guard for them)', async () => {
    const shapes = new Parser().parse(`
      @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix dg: <https://w3id.org/diplograph/ontology#> .
      @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
      <urn:x:Chain> a sh:NodeShape ; rdfs:label "Chain of meetings" ; sh:targetClass dg:Dialogue ;
        sh:property [ sh:path dg:partOf ; sh:node <urn:x:Chain> ; sh:message "part of a dialogue of the chain" ] ;
        sh:property [ sh:path dg:host ; sh:minCount 1 ; sh:message "a dialogue needs a host" ] .`);
    const other = factory.namedNode(`${MEETING}-other`);
    const quads = edit(none, factory.quad(meeting, DG.partOf, other), factory.quad(other, DG.partOf, meeting), factory.quad(other, RDFNS.type, DG.Dialogue));
    const report = await validateShapes(quads, shapes);
    const lines = new Set(report.results.map((r) => `${r.focusNode} ${r.message}`));
    for (const line of [`${MEETING} a dialogue needs a host`, `${MEETING} part of a dialogue of the chain`]) assert.ok(lines.has(line), line);
  });
});

describe('QuadIndex, the dataset of the validator', () => {
  const [a, b, p, q] = ['urn:x:a', 'urn:x:b', 'urn:x:p', 'urn:x:q'].map((iri) => factory.namedNode(iri));
  const g = factory.namedNode('urn:x:g');
  const lit = factory.literal('a b "c"', 'en');
  const quads = [factory.quad(a, p, b), factory.quad(a, p, lit), factory.quad(a, q, b), factory.quad(b, p, a), factory.quad(a, p, b, g)];
  const sorted = (d: Iterable<RDF.Quad>) => [...d].map((x) => `${x.subject.value} ${x.predicate.value} ${x.object.value} ${x.graph.value}`).sort();

  it('is a set of quads: a quad added twice counts once, a quad in another graph is another', () => {
    const d = new QuadIndex([...quads, factory.quad(a, p, b), factory.quad(a, p, factory.literal('a b "c"', 'en'))]);
    assert.equal(d.size, 5);
    assert.ok(d.has(factory.quad(a, p, lit)) && !d.has(factory.quad(a, p, factory.literal('a b "c"'))));
  });

  it('matches every pattern as a scan of all quads does, before and after adding and deleting', () => {
    const d = new QuadIndex(quads);
    const check = (all: RDF.Quad[]) => {
      for (const s of [undefined, a, b, lit]) for (const pr of [undefined, p, q]) for (const o of [undefined, a, b, lit]) for (const gr of [undefined, g]) {
        const expected = all.filter((x) => (!s || x.subject.equals(s)) && (!pr || x.predicate.equals(pr)) && (!o || x.object.equals(o)) && (!gr || x.graph.equals(gr)));
        assert.deepEqual(sorted(d.match(s, pr, o, gr)), sorted(expected), `${s?.value} ${pr?.value} ${o?.value} ${gr?.value}`);
      }
    };
    check(quads);
    d.delete(quads[0]).add(factory.quad(b, q, lit));
    check([...quads.slice(1), factory.quad(b, q, lit)]);
    assert.deepEqual(sorted(d.match(a, p).match(null, null, lit)), sorted([quads[1]]));
  });
});
