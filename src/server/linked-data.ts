/**
 * Linked Data: every IRI under the graph's base resolves at the server by its path. With the
 * default base, `GET /id/person/nguyen-chi-vinh` describes `https://w3id.org/diplograph/id/person/nguyen-chi-vinh`
 * (with `--base http://127.0.0.1:3000/` the IRIs are the server's own URLs: `GET /person/nguyen-chi-vinh`).
 *
 * The description holds every triple whose subject is the IRI and, for an article, the triples of its
 * named graph (merged into one graph). Format by suffix (.ttl, .nt, .jsonld, .html) or by Accept:
 * Turtle (default), N-Triples, JSON-LD, or the HTML page of the web UI (src/server/resource-page.ts).
 * 404 for an IRI the graph does not describe.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type * as RDF from '@rdfjs/types';
import type { ReadableGraph } from '../query/native-graph.js';
import { DEFAULT_BASE, DG, RDF as RDFV, factory } from '../vocab.js';
import type { GraphView } from './graph-view.js';
import { HTML_HEADERS } from './html.js';
import { HttpError, negotiate, send, sendPreflight } from './http.js';
import { resourcePage } from './resource-page.js';
import { GRAPH_TYPES, writeGraph } from './sparql-endpoint.js';

export const LINKED_DATA_METHODS = 'GET, HEAD, OPTIONS';

const SUFFIXES: Record<string, string> = { '.ttl': 'text/turtle', '.nt': 'application/n-triples', '.jsonld': 'application/ld+json', '.html': 'text/html' };

/** Quads with every IRI that starts with `from` rewritten to start with `to` (graph names too). */
export function rebaseQuads(quads: Iterable<RDF.Quad>, from: string, to: string): RDF.Quad[] {
  if (from === to) return [...quads];
  const term = <T extends RDF.Term>(t: T): T => (t.termType === 'NamedNode' && t.value.startsWith(from) ? (factory.namedNode(to + t.value.slice(from.length)) as unknown as T) : t);
  return [...quads].map((q) => factory.quad(term(q.subject), term(q.predicate), term(q.object), term(q.graph)));
}

/** The triples that describe `iri` (as subject, and its named graph if it names one); empty if unknown. */
export function describe(store: ReadableGraph, iri: string): RDF.Quad[] {
  const node = factory.namedNode(iri);
  const quads: RDF.Quad[] = [...store.getQuads(node, null, null, null), ...store.getQuads(null, null, null, node)];
  return quads.map((q) => factory.quad(q.subject, q.predicate, q.object));
}

/**
 * The path under which the IRIs of `base` are served: `/id/` for the default base (w3id.org redirects
 * https://w3id.org/diplograph/ to the server's root), otherwise the base's own path, so that with
 * `--base http://HOST:PORT/` every IRI is its own URL.
 */
export function servedPath(base: string): string {
  return base === DEFAULT_BASE ? '/id/' : new URL(base).pathname;
}

/**
 * The base a graph was built with, read off its articles' IRIs (BASE + `article/ID`); the default
 * base for a graph without articles.
 */
export function graphBase(store: ReadableGraph): string {
  for (const s of store.getSubjects(RDFV.type, DG.Article, null)) {
    const m = /^(https?:\/\/.*\/)article\/[^/#]+$/.exec(s.value);
    if (m) return m[1];
  }
  return DEFAULT_BASE;
}

/** Answers a request for a path under the served path: the description of `base` + the rest of the path. */
export async function handleLinkedData(req: IncomingMessage, res: ServerResponse, url: URL, view: GraphView): Promise<void> {
  const { store } = view;
  const { base, prefix } = view.site;
  if (req.method === 'OPTIONS') return sendPreflight(res, LINKED_DATA_METHODS);
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, `method ${req.method} is not allowed here (the graph is read-only; use GET)`, { Allow: LINKED_DATA_METHODS });
  let rest: string;
  try {
    rest = decodeURIComponent(url.pathname.slice(prefix.length));
  } catch {
    throw new HttpError(400, `malformed path ${url.pathname}`);
  }
  let iri = base + rest;
  let quads = describe(store, iri);
  let forced: string | undefined;
  const suffix = /\.(ttl|nt|jsonld|html)$/.exec(rest)?.[0];
  if (quads.length === 0 && suffix) {
    iri = base + rest.slice(0, -suffix.length);
    quads = describe(store, iri);
    forced = SUFFIXES[suffix];
  }
  if (quads.length === 0) throw new HttpError(404, `not found: the graph says nothing about <${base + rest}>`);
  const offers = [...Object.keys(GRAPH_TYPES), 'text/html'];
  const chosen = forced ?? negotiate(req.headers.accept, offers);
  if (!chosen) throw new HttpError(406, `cannot describe <${iri}> as ${req.headers.accept}; acceptable: ${offers.join(', ')}`);
  const headers = { Vary: 'Accept' };
  if (chosen === 'text/html') return send(req, res, 200, 'text/html; charset=utf-8', resourcePage(view, iri), { ...headers, ...HTML_HEADERS });
  const { contentType, format } = GRAPH_TYPES[chosen];
  return send(req, res, 200, contentType, await writeGraph(quads, format), headers);
}
