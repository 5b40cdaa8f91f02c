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

/** A document loader that serves only the local context and refuses every other URL. */
const documentLoader = async (url: string) => {
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
  const nquads = await serializeQuads(quads, 'nquads');
  const expanded = await jsonld.fromRDF(nquads, { format: 'application/n-quads', useNativeTypes: false });
  const context = localContext();
  let doc: JsonObject;
  if (options.frame) {
    if (!FRAMES.includes(options.frame)) throw new UserError(`--frame: unknown frame "${options.frame}" (frames: ${FRAMES.join(', ')})`);
    const frame = JSON.parse(loadOntologyFile('frame-meetings.jsonld')) as JsonObject;
    frame['@context'] = context;
    doc = (await jsonld.frame(expanded, frame as never, { documentLoader, omitGraph: false, omitDefault: true } as never)) as unknown as JsonObject;
    for (const node of (doc['@graph'] as JsonObject[] | undefined) ?? []) for (const v of Object.values(node)) pruneBelow(v, 1);
    sortNodes(doc);
  } else {
    doc = (await jsonld.compact(expanded, context as never, { documentLoader } as never)) as unknown as JsonObject;
  }
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
