/**
 * Runs Jena's SHACL validator and ours (src/graph/validate.ts) on the same data with the same shapes,
 * and reads Jena's sh:ValidationReport into the form of our report, so that the two can be compared
 * result by result. The property shapes of ontology/shapes.ttl are blank nodes; both validators get a
 * copy where each one is named by an IRI, so that a result's source shape can be told apart across
 * the two reports (naming a blank node does not change what a shape means).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as RDF from '@rdfjs/types';
import { Parser, Store } from 'n3';
import { serializeQuads } from '../../src/export/rdf-writer.js';
import { validateShapes, type ShapeReport } from '../../src/graph/validate.js';
import { loadOntologyFile } from '../../src/ontology-files.js';
import { DG, MEETING_KINDS, OA, PREFIXES, RDF as RDFNS, RDFS, XSD, factory } from '../../src/vocab.js';
import { jena } from './external-tools.js';
import { seedGraph } from './seed-graph.js';

const SH = PREFIXES.sh;
const sh = (local: string) => factory.namedNode(`${SH}${local}`);

/** A result as both reports give it: focus node, the name of the node shape, the path, the value. */
export interface ComparableResult {
  focusNode: string;
  shape: string;
  path?: string;
  value?: string;
}

/** ontology/shapes.ttl with every property shape (object of sh:property) named by an IRI. */
export function namedShapes(): RDF.Quad[] {
  const quads = new Parser().parse(loadOntologyFile('shapes.ttl'));
  const names = new Map<string, RDF.NamedNode>();
  for (const q of quads) {
    if (q.predicate.equals(sh('property')) && q.object.termType === 'BlankNode') {
      names.set(q.object.value, factory.namedNode(`https://w3id.org/diplograph/shapes#property-${names.size + 1}`));
    }
  }
  const rename = <T extends RDF.Term>(t: T): T => (t.termType === 'BlankNode' && names.has(t.value) ? (names.get(t.value) as unknown as T) : t);
  return quads.map((q) => factory.quad(rename(q.subject), q.predicate, rename(q.object)));
}

/** The name our report gives a shape: the rdfs:label of its node shape, or its IRI. */
function shapeName(shape: RDF.Term, shapes: Store): string {
  const parent = shapes.getSubjects(sh('property'), shape, null)[0];
  if (parent) return shapeName(parent, shapes);
  return shapes.getObjects(shape, RDFS.label, null)[0]?.value ?? shape.value;
}

function compact(iri: string): string {
  let best: [string, string] | undefined;
  for (const [prefix, ns] of Object.entries(PREFIXES)) {
    if (iri.startsWith(ns) && /^[\w.-]*$/.test(iri.slice(ns.length)) && (!best || ns.length > best[1].length)) best = [prefix, ns];
  }
  return best ? `${best[0]}:${iri.slice(best[1].length)}` : `<${iri}>`;
}

const text = (t: RDF.Term): string => (t.termType === 'Literal' ? JSON.stringify(t.value) : t.termType === 'BlankNode' ? `_:${t.value}` : t.value);

/** Jena's sh:ValidationReport (Turtle) as a conformance flag and comparable results. */
export function readJenaReport(turtle: string, shapesQuads: RDF.Quad[]): { conforms: boolean; results: ComparableResult[] } {
  const report = new Store(new Parser().parse(turtle));
  const shapes = new Store(shapesQuads);
  const flags = report.getObjects(null, sh('conforms'), null);
  if (flags.length !== 1) throw new Error(`Jena's SHACL report has ${flags.length} sh:conforms:\n${turtle.slice(0, 2000)}`);
  const results = report.getObjects(null, sh('result'), null).map((r) => {
    const one = (p: string) => report.getObjects(r, sh(p), null)[0];
    const path = one('resultPath');
    const value = one('value');
    return {
      focusNode: text(one('focusNode')),
      shape: shapeName(one('sourceShape'), shapes),
      path: path?.termType === 'NamedNode' ? compact(path.value) : undefined,
      value: value ? text(value) : undefined,
    };
  });
  return { conforms: flags[0].value === 'true', results };
}

/** Validates `quads` (merged) with Jena's shacl.shacl and with ours, on the same named shapes. */
export async function compareShacl(quads: RDF.Quad[], dir: string): Promise<{ jenaReport: { conforms: boolean; results: ComparableResult[] }; ours: ShapeReport }> {
  const shapes = namedShapes();
  writeFileSync(join(dir, 'shapes-named.ttl'), await serializeQuads(shapes, 'turtle'));
  writeFileSync(join(dir, 'shacl-data.ttl'), await serializeQuads(quads, 'turtle'));
  const r = jena('shacl.shacl', ['validate', '--shapes', join(dir, 'shapes-named.ttl'), '--data', join(dir, 'shacl-data.ttl')]);
  if (r.code !== 0) throw new Error(`Jena shacl failed: ${r.stderr}`);
  return { jenaReport: readJenaReport(r.stdout, shapes), ours: await validateShapes(quads, shapes) };
}

/**
 * The seed graph with six kinds of damage, each in every graph that holds the fact: an impossible
 * meeting date, a participant given as a name, an area outside the scheme, an agreement without a
 * status, a person without a name, a quote selector without its text. `expected` lists the focus
 * node, shape and path each one must be reported at.
 */
export async function brokenSeedGraph(): Promise<{ quads: RDF.Quad[]; expected: Array<{ focusNode: string; shape: string; path: string }> }> {
  const store = new Store((await seedGraph()).quads);
  const meetings = Object.values(MEETING_KINDS).flatMap((k) => store.getSubjects(RDFNS.type, k, null)).sort((a, b) => a.value.localeCompare(b.value));
  const dated = meetings.filter((m) => store.getObjects(m, DG.date, null).length);
  const [badDate, badParticipant, badArea] = [dated[0], meetings.find((m) => !m.equals(dated[0]))!, meetings[meetings.length - 1]];
  const agreement = store.getSubjects(DG.status, null, null).sort((a, b) => a.value.localeCompare(b.value))[0];
  const person = store.getSubjects(RDFNS.type, DG.Person, null).sort((a, b) => a.value.localeCompare(b.value))[0];
  const selector = store.getSubjects(OA.exact, null, null).sort((a, b) => a.value.localeCompare(b.value))[0];
  const graphs = (s: RDF.Term) => [...new Set(store.getQuads(s, null, null, null).map((q) => q.graph))];
  for (const q of store.getQuads(badDate, DG.date, null, null)) {
    store.removeQuad(q);
    store.addQuad(q.subject, q.predicate, factory.literal('2019-13-45', XSD.date), q.graph);
  }
  for (const g of graphs(badParticipant)) store.addQuad(badParticipant, DG.participant, factory.literal('Vietnam'), g as never);
  for (const g of graphs(badArea)) store.addQuad(badArea, DG.discusses, factory.namedNode(`${PREFIXES.dgr}area/knitting`), g as never);
  store.removeQuads(store.getQuads(agreement, DG.status, null, null));
  store.removeQuads(store.getQuads(person, RDFS.label, null, null));
  store.removeQuads(store.getQuads(selector, OA.exact, null, null));
  return {
    quads: store.getQuads(null, null, null, null),
    expected: [
      { focusNode: badDate.value, shape: 'Meeting', path: 'dg:date' },
      { focusNode: badParticipant.value, shape: 'Meeting', path: 'dg:participant' },
      { focusNode: badArea.value, shape: 'Meeting', path: 'dg:discusses' },
      { focusNode: agreement.value, shape: 'Agreement', path: 'dg:status' },
      { focusNode: person.value, shape: 'Person', path: 'rdfs:label' },
      { focusNode: selector.value, shape: 'Quote selector', path: 'oa:exact' },
    ],
  };
}
