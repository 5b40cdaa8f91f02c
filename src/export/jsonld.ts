/**
 * JSON-LD 1.1 export: the graph compacted with the local context (ontology/context.jsonld, embedded
 * so the file stands alone), named graphs kept; or a framed view of the meetings with their
 * participants, places, areas and agreements nested. Nothing is fetched from the network: the only
 * document the loader serves is the local context.
 */
import type * as RDF from '@rdfjs/types';
import jsonld from 'jsonld';
import { UserError } from '../errors.js';
import { loadOntologyFile } from '../ontology-files.js';
import { termKey } from '../graph/iris.js';
import { serializeQuads } from './rdf-writer.js';

/** The IRI under which the local context is known; it is served by the loader below, never fetched. */
export const CONTEXT_IRI = 'https://w3id.org/diplograph/context.jsonld';

export type Frame = 'meetings';
export const FRAMES: Frame[] = ['meetings'];

type JsonObject = Record<string, unknown>;

/** The context object of ontology/context.jsonld. */
export function localContext(): JsonObject {
  let text: string;
  try {
    text = loadOntologyFile('context.jsonld');
  } catch (error) {
    throw new UserError('ontology/context.jsonld: cannot read the JSON-LD context the export needs', { cause: error });
  }
  const context = (JSON.parse(text) as { '@context'?: JsonObject })['@context'];
  if (!context || typeof context !== 'object') throw new UserError('ontology/context.jsonld: no "@context" object');
  return context;
}

/** A document loader that serves only the local context and refuses every other URL (never fetches). */
export const documentLoader = async (url: string) => {
  if (url === CONTEXT_IRI) return { contextUrl: undefined, documentUrl: url, document: { '@context': localContext() } };
  throw new UserError(`JSON-LD: refusing to fetch ${url}: diplograph never loads remote documents`);
};

/**
 * The dataset as compacted JSON-LD 1.1 with the context embedded (one `@graph` per named graph, so it
 * reads back as the same dataset), or with `frame: 'meetings'` a framed view of the merged graph: every
 * meeting at the top level with its participants, place, areas and agreements embedded one level deep.
 * Same quads in any order give the same bytes.
 *
 * @example
 * writeFileAtomic('graph.jsonld', await toJsonLd(store.getQuads(null, null, null, null)));
 */
export async function toJsonLd(quads: Iterable<RDF.Quad>, options: { frame?: Frame } = {}): Promise<string> {
  if (options.frame && FRAMES.includes(options.frame)) return frameMeetings(quads);
  const nquads = await serializeQuads(quads, 'nquads');
  const expanded = await jsonld.fromRDF(nquads, { format: 'application/n-quads', useNativeTypes: false });
  const context = localContext();
  let doc: JsonObject;
  if (options.frame) {
    if (!FRAMES.includes(options.frame)) throw new UserError(`--frame: unknown frame "${options.frame}" (frames: ${FRAMES.join(', ')})`);
    return frameMeetings(quads);
  } else {
    doc = (await jsonld.compact(expanded, context as never, { documentLoader } as never)) as unknown as JsonObject;
  }
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function meetingsFrame(): JsonObject {
  const frame = JSON.parse(loadOntologyFile('frame-meetings.jsonld')) as JsonObject;
  frame['@context'] = localContext();
  return frame;
}

/** Frames expanded JSON-LD with the meetings frame, nested one level (the nodes of its `@graph`, unsorted). */
async function frameExpanded(expanded: unknown): Promise<JsonObject> {
  const doc = (await jsonld.frame(expanded as never, meetingsFrame() as never, { documentLoader, omitGraph: false, omitDefault: true } as never)) as unknown as JsonObject;
  for (const node of (doc['@graph'] as JsonObject[] | undefined) ?? []) for (const v of Object.values(node)) pruneBelow(v, 1);
  return doc;
}

/**
 * The meetings view by jsonld.frame over the whole graph at once: the reference the batched framing
 * (frameMeetings) is checked against. jsonld.js framing is superlinear in the graph's size.
 */
export async function frameWholeGraph(quads: Iterable<RDF.Quad>): Promise<string> {
  const expanded = await jsonld.fromRDF(await serializeQuads(quads, 'nquads'), { format: 'application/n-quads', useNativeTypes: false });
  const doc = await frameExpanded(expanded);
  sortNodes(doc);
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Meetings framed per batch: each batch holds only its meetings and the nodes the frame embeds, so framing stays linear. */
const FRAME_BATCH = 50;
/**
 * The frame embeds "@always" below a meeting's participant, involves, location, areas and agreements, and the
 * view keeps one level: a node two levels down shows only as {"id": ...}, and only whether it is a
 * node of the graph matters. So it is enough to give it one triple, one that leads nowhere if it can.
 */
const EMBEDDED = new Set(['participant', 'involves', 'location', 'discusses', 'mentions'].map((p) => `https://w3id.org/diplograph/ontology#${p}`));
function stubOf(quads: RDF.Quad[]): RDF.Quad {
  return quads.find((q) => q.object.termType === 'Literal') ?? quads.find((q) => q.predicate.value === RDF_TYPE) ?? quads[0];
}

/** A graph's place in the order jsonld.js merges graphs: the default graph first, then by name. */
const graphOrder = (g: RDF.Term) => (g.termType === 'DefaultGraph' ? '' : g.termType === 'BlankNode' ? `_:${g.value}` : g.value);

/**
 * One quad per triple, from the first graph in merge order: framing merges the graphs in that order and
 * drops repeated values, so the later copies (an entity described by every article naming it) change nothing.
 */
function mergedOnce(quads: RDF.Quad[]): RDF.Quad[] {
  const first = new Map<string, RDF.Quad>();
  for (const q of quads) {
    const key = `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`;
    const seen = first.get(key);
    if (!seen || graphOrder(q.graph) < graphOrder(seen.graph)) first.set(key, q);
  }
  return [...first.values()];
}

/** An IRI as the context compacts a node id: under the `dgr:` prefix when it fits. */
const compactIri = (iri: string) => (iri.startsWith('https://w3id.org/diplograph/id/') ? `dgr:${iri.slice('https://w3id.org/diplograph/id/'.length)}` : iri);
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/**
 * The meetings view, the same bytes as frameWholeGraph: a meeting's framed node depends only on its own
 * triples and those of the nodes it embeds (one level, all graphs merged), so the meetings are framed
 * in batches of such subgraphs, and the nodes sorted by id as before.
 */
export async function frameMeetings(quads: Iterable<RDF.Quad>): Promise<string> {
  const frame = meetingsFrame();
  const types = new Set(((frame['@type'] as string[]) ?? []).map((t) => t.replace(/^dg:/, 'https://w3id.org/diplograph/ontology#')));
  const bySubject = new Map<string, RDF.Quad[]>();
  const meetings = new Set<string>();
  for (const q of quads) {
    if (q.subject.termType !== 'NamedNode') continue;
    const list = bySubject.get(q.subject.value);
    if (list) list.push(q);
    else bySubject.set(q.subject.value, [q]);
    if (q.predicate.value === RDF_TYPE && types.has(q.object.value)) meetings.add(q.subject.value);
  }
  const ids = [...meetings].sort();
  const nodes: JsonObject[] = [];
  let context: unknown = frame['@context'];
  for (let i = 0; i < ids.length; i += FRAME_BATCH) {
    // The meetings and the nodes the frame embeds in them, whole; the nodes those refer to, by one triple.
    const batchIds = ids.slice(i, i + FRAME_BATCH);
    const whole = new Set<string>(batchIds);
    for (const m of batchIds) {
      for (const q of bySubject.get(m) ?? []) if (EMBEDDED.has(q.predicate.value) && q.object.termType === 'NamedNode' && bySubject.has(q.object.value)) whole.add(q.object.value);
    }
    const stubs = new Set<string>();
    for (const s of whole) {
      for (const q of bySubject.get(s) ?? []) if (q.predicate.value !== RDF_TYPE && q.object.termType === 'NamedNode' && !whole.has(q.object.value) && bySubject.has(q.object.value)) stubs.add(q.object.value);
    }
    const batch = mergedOnce([...whole].flatMap((s) => bySubject.get(s) ?? []));
    for (const s of stubs) batch.push(stubOf(bySubject.get(s)!));
    const expanded = await jsonld.fromRDF(await serializeQuads(batch, 'nquads'), { format: 'application/n-quads', useNativeTypes: false });
    const doc = await frameExpanded(expanded);
    context = doc['@context'];
    const own = new Set(batchIds.map((m) => compactIri(m)));
    for (const node of (doc['@graph'] as JsonObject[] | undefined) ?? []) if (own.has(idOf(node)!)) nodes.push(node);
  }
  const doc: JsonObject = { '@context': context, '@graph': nodes };
  sortNodes(doc);
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * The framed view nests one level: a meeting's participants, place, areas and agreements are
 * embedded, and what they refer to in turn stays a reference ({"id": ...}), so the view stays small.
 */
function pruneBelow(value: unknown, depth: number): unknown {
  if (Array.isArray(value)) {
    value.forEach((v, i) => (value[i] = pruneBelow(v, depth)));
    return value;
  }
  if (value && typeof value === 'object') {
    const node = value as JsonObject;
    if (depth <= 0 && typeof node.id === 'string') return { id: node.id };
    for (const [k, v] of Object.entries(node)) if (k !== '@context') node[k] = pruneBelow(v, typeof node.id === 'string' ? depth - 1 : depth);
  }
  return value;
}

const idOf = (v: unknown): string | undefined => {
  const id = v && typeof v === 'object' ? ((v as JsonObject).id ?? (v as JsonObject)['@id']) : undefined;
  return typeof id === 'string' ? id : undefined;
};

/** Framing does not promise an order: sort every array of nodes by id (by code unit, not by locale), at every depth. */
function sortNodes(value: unknown): void {
  if (Array.isArray(value)) {
    if (value.every((v) => idOf(v) !== undefined)) value.sort((a, b) => (idOf(a)! < idOf(b)! ? -1 : idOf(a)! > idOf(b)! ? 1 : 0));
    value.forEach(sortNodes);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== '@context') sortNodes(v);
  }
}

/** Reads JSON-LD back to quads (for round-trip checks), with the same offline loader. */
export async function jsonLdToQuads(text: string): Promise<RDF.Quad[]> {
  const { Parser } = await import('n3');
  let nquads: string;
  try {
    nquads = (await jsonld.toRDF(JSON.parse(text) as never, { format: 'application/n-quads', documentLoader } as never)) as unknown as string;
  } catch (error) {
    const cause = (error as { details?: { cause?: unknown } }).details?.cause;
    if (cause instanceof UserError) throw cause;
    throw new UserError(`JSON-LD: ${(error as Error).message}`, { cause: error });
  }
  return new Parser({ format: 'application/n-quads' }).parse(nquads);
}
