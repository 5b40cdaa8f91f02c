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
  return (JSON.parse(loadOntologyFile('context.jsonld')) as { '@context': JsonObject })['@context'];
}

/** A document loader that serves only the local context and refuses every other URL. */
const documentLoader = async (url: string) => {
  if (url === CONTEXT_IRI) return { contextUrl: undefined, documentUrl: url, document: { '@context': localContext() } };
  throw new UserError(`JSON-LD: refusing to fetch ${url}: diplograph never loads remote documents`);
};

/** The graph as compacted JSON-LD (or framed, with `frame`), as a deterministic string. */
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
    sortGraph(doc);
    for (const node of (doc['@graph'] as JsonObject[] | undefined) ?? []) for (const v of Object.values(node)) pruneBelow(v, 1);
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

/** Framing does not promise an order: sort the top-level nodes by id. */
function sortGraph(doc: JsonObject): void {
  const g = doc['@graph'];
  if (Array.isArray(g)) g.sort((a: JsonObject, b: JsonObject) => String(a.id ?? a['@id']).localeCompare(String(b.id ?? b['@id'])));
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
