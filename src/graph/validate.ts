/**
 * SHACL validation of the graph against ontology/shapes.ttl (rdf-validate-shacl). A violation is
 * data, not an exception: the report names the focus node, the shape, the path and what is wrong.
 * The validator works on QuadIndex datasets (src/graph/quad-index.ts); a large graph is validated in
 * chunks of focus nodes by a pool of worker threads (src/graph/validate-worker.ts), with the same report.
 *
 * @example
 * const report = await validateShapes(quads);
 * if (!report.conforms) console.error(formatReport(report));
 */
import type * as RDF from '@rdfjs/types';
import { availableParallelism } from 'node:os';
import { Parser } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import shaclEnv from 'rdf-validate-shacl/src/defaultEnv.js';
import { loadOntologyFile } from '../ontology-files.js';
import { DG, PREFIXES, RDF as RDFNS, RDFS, SKOS, factory } from '../vocab.js';
import { termKey } from './iris.js';
import { runInWorkers } from './pool.js';
import { QuadIndex } from './quad-index.js';

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

/** rdf-validate-shacl's environment with QuadIndex for every dataset it makes: the shapes, the data and the reports. */
const env = shaclEnv.clone();
(env as unknown as { dataset: (quads?: Iterable<RDF.Quad>) => RDF.DatasetCore }).dataset = (quads) => new QuadIndex(quads);

interface Shapes {
  quads: RDF.Quad[];
  validator: SHACLValidator;
}

let defaultShapes: Shapes | undefined;
let conceptQuads: RDF.Quad[] | undefined;

/**
 * The validator for the shapes. rdf-validate-shacl stops checking a node against a shape it reaches by
 * sh:node after 50 checks in one validation (`maxNodeChecks`), a guard against shapes that refer to
 * themselves: a node that 60 meetings name as participant, and that is no actor, would be reported
 * for 51 of them, and which ones would depend on the order and the size of the graph (so on the
 * chunks). Shapes without such a cycle need no guard: every check is made and the report is complete.
 */
function compileShapes(quads: RDF.Quad[]): Shapes {
  const options = { factory: env, ...(recursive(quads) ? {} : { maxNodeChecks: 0 }) };
  return { quads, validator: new SHACLValidator(new QuadIndex(quads), options as ConstructorParameters<typeof SHACLValidator>[1]) };
}

const SHAPE_LINKS = new Set(['node', 'property', 'qualifiedValueShape', 'not'].map((n) => `${SH}${n}`));
const SHAPE_LISTS = new Set(['or', 'and', 'xone'].map((n) => `${SH}${n}`));
const RDF_FIRST = `${PREFIXES.rdf}first`;
const RDF_REST = `${PREFIXES.rdf}rest`;

/** Whether a shape reaches itself through sh:node, sh:property, sh:qualifiedValueShape, sh:not or the lists of sh:or, sh:and, sh:xone. */
function recursive(quads: RDF.Quad[]): boolean {
  const out = new Map<string, string[]>();
  const link = (from: string, to: string) => out.set(from, [...(out.get(from) ?? []), to]);
  const first = new Map<string, string>();
  const rest = new Map<string, string>();
  for (const q of quads) {
    if (q.predicate.value === RDF_FIRST) first.set(termText(q.subject), termText(q.object));
    if (q.predicate.value === RDF_REST) rest.set(termText(q.subject), termText(q.object));
  }
  for (const q of quads) {
    if (SHAPE_LINKS.has(q.predicate.value)) link(termText(q.subject), termText(q.object));
    if (!SHAPE_LISTS.has(q.predicate.value)) continue;
    const seen = new Set<string>();
    for (let cell: string | undefined = termText(q.object); cell && !seen.has(cell); cell = rest.get(cell)) {
      seen.add(cell);
      const member = first.get(cell);
      if (member) link(termText(q.subject), member);
    }
  }
  const state = new Map<string, 'open' | 'done'>();
  const cycleFrom = (node: string): boolean => {
    if (state.get(node) === 'open') return true;
    if (state.get(node) === 'done') return false;
    state.set(node, 'open');
    if ((out.get(node) ?? []).some(cycleFrom)) return true;
    state.set(node, 'done');
    return false;
  };
  return [...out.keys()].some(cycleFrom);
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

export interface ValidateOptions {
  /** Worker threads for a graph validated in chunks; 1 validates in this thread. Default: the number of cores. */
  jobs?: number;
}

/**
 * Validates the merge of all graphs of `quads` (every quad is read as if in the default graph),
 * together with the cooperation-area and agreement-status concepts, against the shapes of
 * ontology/shapes.ttl, or against `shapesQuads` when given. A large graph is validated in chunks
 * (validateInChunks), with the same report.
 */
export async function validateShapes(quads: Iterable<RDF.Quad>, shapesQuads?: RDF.Quad[], options: ValidateOptions = {}): Promise<ShapeReport> {
  const list = Array.isArray(quads) ? (quads as RDF.Quad[]) : [...quads];
  if (!shapesQuads && list.length > CHUNKED_FROM && !list.some((q) => q.predicate.value === SUBCLASS_OF)) return validateInChunks(list, undefined, options);
  const shapes = shapesQuads ? compileShapes(shapesQuads) : shapesOfProject();
  const merged = new QuadIndex();
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

/** One chunk: the subjects whose results it gives (as termText), and the quads they are checked over. */
interface Chunk {
  own: string[];
  quads: RDF.Quad[];
}

/**
 * The chunks of a graph: its subjects (with the concepts'), sorted, `subjectsPerChunk` at a time, each
 * with its subjects' triples, their values' triples and the types one level further. Made one at a
 * time, when asked for.
 */
function* chunksOf(quads: RDF.Quad[], subjectsPerChunk: number): Generator<Chunk> {
  const bySubject = triplesBySubject([...concepts(), ...quads]);
  const keyOf = (t: RDF.Term) => (t.termType === 'Literal' ? undefined : termText(t));
  const subjects = [...bySubject.keys()].sort();
  for (let i = 0; i < subjects.length; i += subjectsPerChunk) {
    const ownList = subjects.slice(i, i + subjectsPerChunk);
    const own = new Set(ownList);
    const data: RDF.Quad[] = [];
    const values = new Set<string>();
    for (const s of own) for (const q of bySubject.get(s)!) {
      data.push(q);
      const k = keyOf(q.object);
      if (k !== undefined && !own.has(k)) values.add(k);
    }
    const further = new Set<string>();
    for (const v of values) for (const q of bySubject.get(v) ?? []) {
      data.push(q);
      const k = keyOf(q.object);
      if (k !== undefined && !own.has(k) && !values.has(k)) further.add(k);
    }
    for (const f of further) for (const q of bySubject.get(f) ?? []) if (q.predicate.equals(RDFNS.type)) data.push(q);
    yield { own: ownList, quads: data };
  }
}

/**
 * The distinct triples of each subject (by termText), graphs merged: a country or a ministry that every
 * article names has the same few triples in each article's graph, and a chunk needs them once.
 */
function triplesBySubject(quads: RDF.Quad[]): Map<string, RDF.Quad[]> {
  const bySubject = new Map<string, RDF.Quad[]>();
  for (const q of quads) {
    const k = termText(q.subject);
    const list = bySubject.get(k);
    if (list) list.push(q);
    else bySubject.set(k, [q]);
  }
  for (const [k, list] of bySubject) {
    if (list.length < 2) continue;
    const seen = new Set<string>();
    const distinct = list.filter((q) => {
      const key = `${q.predicate.value} ${termKey(q.object)}`;
      return !seen.has(key) && !!seen.add(key);
    });
    if (distinct.length < list.length) bySubject.set(k, distinct);
  }
  return bySubject;
}

/** Validates one chunk against the project's shapes: the results about its own subjects. */
export async function validateChunk(quads: Iterable<RDF.Quad>, own: Set<string>): Promise<ShapeViolation[]> {
  const shapes = shapesOfProject();
  const data = new QuadIndex();
  for (const q of quads) data.add(q.graph.termType === 'DefaultGraph' ? q : factory.quad(q.subject, q.predicate, q.object));
  const report = await shapes.validator.validate(data);
  return report.results.filter((r) => own.has(termText(r.focusNode))).map((r) => toViolation(r, shapes));
}

/**
 * The same report as validating the whole merged graph at once, in worker threads and with the memory
 * of a few chunks besides the graph, for the project's shapes: every shape targets a class (sh:targetClass) and reads a
 * focus node's own triples (simple paths), its values' triples (sh:node and sh:qualifiedValueShape
 * one level down) and their values' types (sh:class). So the subjects are split into chunks, and each
 * chunk is validated over its subjects' triples, their values' triples and the types one level further
 * (all graphs merged, with the concepts), keeping only the results about the chunk's own subjects.
 * The chunks are validated in `jobs` worker threads (each compiles the shapes once), two chunks in
 * flight per worker, so that memory holds a few chunks besides the graph.
 */
export async function validateInChunks(quads: RDF.Quad[], subjectsPerChunk = 4000, options: ValidateOptions = {}): Promise<ShapeReport> {
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const results: ShapeViolation[] = [];
  if (jobs === 1) {
    for (const chunk of chunksOf(quads, subjectsPerChunk)) results.push(...(await validateChunk(chunk.quads, new Set(chunk.own))));
  } else {
    for (const found of await validateInWorkers(chunksOf(quads, subjectsPerChunk), jobs)) results.push(...found);
  }
  sortResults(results);
  return { conforms: results.length === 0, results };
}

/** A chunk for a worker: its quads packed (pack), the termText of its own subjects, and its position. */
export interface ChunkJob {
  index: number;
  own: string[];
  packed: PackedQuads;
}

/** What a worker answers: the results of the chunk, or the error that stopped it. */
export interface ChunkReply {
  index: number;
  results?: ShapeViolation[];
  error?: string;
}

/** Validates the chunks in a pool of worker threads; the results come back in chunk order. */
async function validateInWorkers(chunks: Iterator<Chunk>, jobs: number): Promise<ShapeViolation[][]> {
  const found: ShapeViolation[][] = [];
  let index = 0;
  const next = () => {
    const chunk = chunks.next();
    if (chunk.done) return undefined;
    const packed = pack(chunk.value.quads);
    const job: ChunkJob = { index: index++, own: chunk.value.own, packed };
    return { message: job, transfer: [packed.spo.buffer as ArrayBuffer] };
  };
  const onReply = (message: unknown) => {
    const reply = message as ChunkReply;
    if (reply.error !== undefined) throw new Error(`SHACL validation of chunk ${reply.index}: ${reply.error}`);
    found[reply.index] = reply.results!;
  };
  const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
  await runInWorkers({ worker: new URL('./validate-worker.js', import.meta.url), threads: jobs, next, onReply, what: 'a validation worker', task: 'the graph was validated', resourceLimits });
  return found;
}

/** The young generation of a validation worker: rdf-validate-shacl makes many short-lived objects. */
const YOUNG_GENERATION_MB = 64;

/** Quads as plain data for a worker: each distinct term once (kind, value, language or datatype), and the quads as triples of term numbers. */
export interface PackedQuads {
  terms: Array<[kind: number, value: string, extra: string]>;
  spo: Uint32Array;
}

const NAMED = 0;
const BLANK = 1;
const LANG_LITERAL = 2;
const TYPED_LITERAL = 3;

/** Packs quads (their graphs left out) into plain data that a worker can be sent. */
export function pack(quads: RDF.Quad[]): PackedQuads {
  const terms: PackedQuads['terms'] = [];
  const ids = new Map<string, number>();
  const id = (t: RDF.Term): number => {
    const entry: [number, string, string] = t.termType === 'NamedNode' ? [NAMED, t.value, '']
      : t.termType === 'BlankNode' ? [BLANK, t.value, '']
        : t.termType === 'Literal' ? (t.language ? [LANG_LITERAL, t.value, t.language] : [TYPED_LITERAL, t.value, t.datatype.value])
          : unsupported(t);
    const key = `${entry[0]}${entry[2]} ${entry[1]}`;
    let n = ids.get(key);
    if (n === undefined) {
      ids.set(key, (n = terms.length));
      terms.push(entry);
    }
    return n;
  };
  const spo = new Uint32Array(quads.length * 3);
  quads.forEach((q, i) => {
    spo[3 * i] = id(q.subject);
    spo[3 * i + 1] = id(q.predicate);
    spo[3 * i + 2] = id(q.object);
  });
  return { terms, spo };
}

function unsupported(t: RDF.Term): never {
  throw new Error(`SHACL validation in chunks: a ${t.termType} term cannot be validated`);
}

/** The quads of pack, in the default graph. */
export function unpack(packed: PackedQuads): RDF.Quad[] {
  const terms = packed.terms.map(([kind, value, extra]) => (kind === NAMED ? factory.namedNode(value) : kind === BLANK ? factory.blankNode(value)
    : kind === LANG_LITERAL ? factory.literal(value, extra) : factory.literal(value, factory.namedNode(extra))));
  const quads: RDF.Quad[] = [];
  for (let i = 0; i < packed.spo.length; i += 3) {
    quads.push(factory.quad(terms[packed.spo[i]] as RDF.Quad_Subject, terms[packed.spo[i + 1]] as RDF.Quad_Predicate, terms[packed.spo[i + 2]] as RDF.Quad_Object));
  }
  return quads;
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
