/**
 * SHACL validation of the graph against ontology/shapes.ttl (rdf-validate-shacl). A violation is
 * data, not an exception: the report names the focus node, the shape, the path and what is wrong.
 *
 * @example
 * const report = await validateShapes(quads);
 * if (!report.conforms) console.error(formatReport(report));
 */
import type * as RDF from '@rdfjs/types';
import { Parser } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import shaclEnv from 'rdf-validate-shacl/src/defaultEnv.js';
import { loadOntologyFile } from '../ontology-files.js';
import { DG, PREFIXES, RDF as RDFNS, RDFS, SKOS, factory } from '../vocab.js';

export interface ShapeViolation {
  /** The IRI of the node that does not conform (`_:id` for a blank node). */
  focusNode: string;
  /** The rdfs:label of the node shape (for a property shape, of the node shape it belongs to), or its IRI. */
  shape: string;
  /** The property, as a prefixed name, when the violation is about one property. */
  path?: string;
  message: string;
  /** `Violation`, `Warning` or `Info`. */
  severity: string;
  /** The offending value: an IRI, or a literal in quotes. */
  value?: string;
}

export interface ShapeReport {
  conforms: boolean;
  results: ShapeViolation[];
}

const SH = PREFIXES.sh;
const SH_PROPERTY = factory.namedNode(`${SH}property`);

interface Shapes {
  quads: RDF.Quad[];
  validator: SHACLValidator;
}

let defaultShapes: Shapes | undefined;
let conceptQuads: RDF.Quad[] | undefined;

function compileShapes(quads: RDF.Quad[]): Shapes {
  return { quads, validator: new SHACLValidator(shaclEnv.dataset(quads)) };
}

/** The shapes of ontology/shapes.ttl, parsed and compiled once. */
function shapesOfProject(): Shapes {
  return (defaultShapes ??= compileShapes(new Parser().parse(loadOntologyFile('shapes.ttl'))));
}

/**
 * The concepts the data refers to: the cooperation areas (ontology/areas.ttl) and the agreement
 * statuses with their scheme (ontology/diplograph.ttl), so that `sh:class dg:CooperationArea` finds
 * them even when the graph being validated does not carry a copy of the schemes.
 */
function concepts(): RDF.Quad[] {
  if (conceptQuads) return conceptQuads;
  const areas = new Parser().parse(loadOntologyFile('areas.ttl'));
  const ontology = new Parser().parse(loadOntologyFile('diplograph.ttl'));
  const statusNodes = new Set(
    ontology
      .filter((q) => q.predicate.equals(RDFNS.type) && (q.object.equals(DG.AgreementStatus) || q.object.equals(SKOS.ConceptScheme)))
      .map((q) => q.subject.value),
  );
  conceptQuads = [...areas, ...ontology.filter((q) => statusNodes.has(q.subject.value))];
  return conceptQuads;
}

/** An IRI as a prefixed name when one of the project's prefixes fits, else in angle brackets. */
function compact(iri: string): string {
  let best: [string, string] | undefined;
  for (const [prefix, ns] of Object.entries(PREFIXES)) {
    if (iri.startsWith(ns) && /^[\w.-]*$/.test(iri.slice(ns.length)) && (!best || ns.length > best[1].length)) best = [prefix, ns];
  }
  return best ? `${best[0]}:${iri.slice(best[1].length)}` : `<${iri}>`;
}

/** The name of a shape: the rdfs:label of its node shape (a property shape names its parent), or its IRI. */
function shapeName(shape: RDF.Term, quads: RDF.Quad[]): string {
  const parent = quads.find((q) => q.predicate.equals(SH_PROPERTY) && q.object.equals(shape));
  if (parent) return shapeName(parent.subject, quads);
  const label = quads.find((q) => q.subject.equals(shape) && q.predicate.equals(RDFS.label));
  if (label) return label.object.value;
  return shape.termType === 'NamedNode' ? compact(shape.value) : 'an anonymous shape';
}

function termText(t: RDF.Term): string {
  if (t.termType === 'Literal') return JSON.stringify(t.value);
  if (t.termType === 'BlankNode') return `_:${t.value}`;
  return t.value;
}

/**
 * Validates the merge of all graphs of `quads` (every quad is read as if in the default graph),
 * together with the cooperation-area and agreement-status concepts, against the shapes of
 * ontology/shapes.ttl, or against `shapesQuads` when given.
 */
export async function validateShapes(quads: Iterable<RDF.Quad>, shapesQuads?: RDF.Quad[]): Promise<ShapeReport> {
  const list = Array.isArray(quads) ? (quads as RDF.Quad[]) : [...quads];
  if (!shapesQuads && list.length > CHUNKED_FROM && !list.some((q) => q.predicate.value === SUBCLASS_OF)) return validateInChunks(list);
  const shapes = shapesQuads ? compileShapes(shapesQuads) : shapesOfProject();
  const merged = shaclEnv.dataset();
  for (const q of [...concepts(), ...list]) merged.add(factory.quad(q.subject, q.predicate, q.object));
  const report = await shapes.validator.validate(merged);
  const results = report.results.map((r) => toViolation(r, shapes));
  sortResults(results);
  return { conforms: report.conforms, results };
}

type ReportResult = Awaited<ReturnType<SHACLValidator['validate']>>['results'][number];

function toViolation(r: ReportResult, shapes: Shapes): ShapeViolation {
  const messages = r.message.filter((m) => m.termType !== 'Literal' || !m.language || m.language === 'en').map((m) => m.value);
  return {
    focusNode: termText(r.focusNode),
    shape: shapeName(r.sourceShape, shapes.quads),
    path: r.path?.termType === 'NamedNode' ? compact(r.path.value) : undefined,
    message: messages.join('; ') || `fails ${compact(r.sourceConstraintComponent.value)}`,
    severity: r.severity.value.replace(SH, ''),
    value: r.value ? termText(r.value) : undefined,
  };
}

function sortResults(results: ShapeViolation[]): void {
  results.sort((a, b) => a.focusNode.localeCompare(b.focusNode) || a.shape.localeCompare(b.shape)
    || (a.path ?? '').localeCompare(b.path ?? '') || a.message.localeCompare(b.message) || (a.value ?? '').localeCompare(b.value ?? ''));
}

const SUBCLASS_OF = 'http://www.w3.org/2000/01/rdf-schema#subClassOf';

/** Above this many quads, the project's shapes are checked in chunks of focus nodes (validateInChunks). */
export const CHUNKED_FROM = 50_000;

/**
 * The same report as validating the whole merged graph at once (rdf-validate-shacl is superlinear in
 * the graph's size), for the project's shapes: every shape targets a class (sh:targetClass) and reads a
 * focus node's own triples (simple paths), its values' triples (sh:node and sh:qualifiedValueShape
 * one level down) and their values' types (sh:class). So the subjects are split into chunks, and each
 * chunk is validated over its subjects' triples, their values' triples and the types one level further
 * (all graphs merged, with the concepts), keeping only the results about the chunk's own subjects.
 */
export async function validateInChunks(quads: RDF.Quad[], subjectsPerChunk = 4000): Promise<ShapeReport> {
  const shapes = shapesOfProject();
  const bySubject = new Map<string, RDF.Quad[]>();
  for (const q of [...concepts(), ...quads]) {
    const k = termText(q.subject);
    const list = bySubject.get(k);
    if (list) list.push(q);
    else bySubject.set(k, [q]);
  }
  const keyOf = (t: RDF.Term) => (t.termType === 'Literal' ? undefined : termText(t));
  const subjects = [...bySubject.keys()].sort();
  const results: ShapeViolation[] = [];
  let conforms = true;
  for (let i = 0; i < subjects.length; i += subjectsPerChunk) {
    const own = new Set(subjects.slice(i, i + subjectsPerChunk));
    const data = shaclEnv.dataset();
    const add = (q: RDF.Quad) => data.add(factory.quad(q.subject, q.predicate, q.object));
    const values = new Set<string>();
    for (const s of own) for (const q of bySubject.get(s)!) {
      add(q);
      const k = keyOf(q.object);
      if (k !== undefined && !own.has(k)) values.add(k);
    }
    const further = new Set<string>();
    for (const v of values) for (const q of bySubject.get(v) ?? []) {
      add(q);
      const k = keyOf(q.object);
      if (k !== undefined && !own.has(k) && !values.has(k)) further.add(k);
    }
    for (const f of further) for (const q of bySubject.get(f) ?? []) if (q.predicate.equals(RDFNS.type)) add(q);
    const report = await shapes.validator.validate(data);
    for (const r of report.results) {
      if (!own.has(termText(r.focusNode))) continue;
      results.push(toViolation(r, shapes));
      conforms = false;
    }
  }
  sortResults(results);
  return { conforms, results };
}

/**
 * The report for a person: one line per violation,
 * `  Violation: <node> does not conform to "Shape" at dg:path: message (value v)`.
 */
export function formatReport(report: ShapeReport): string {
  if (report.conforms) return 'the graph conforms to the shapes';
  return report.results
    .map((r) => `  ${r.severity}: ${r.focusNode.startsWith('_:') ? r.focusNode : `<${r.focusNode}>`} does not conform to "${r.shape}"${r.path ? ` at ${r.path}` : ''}: ${r.message}${r.value !== undefined ? ` (value ${r.value})` : ''}`)
    .join('\n');
}
