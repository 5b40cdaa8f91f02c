/**
 * The SPARQL 1.1 Protocol endpoint at `/sparql`, read-only, over an in-memory store.
 *
 * - GET `?query=...`, POST `application/x-www-form-urlencoded` (`query=...`), POST `application/sparql-query`.
 * - SELECT/ASK: application/sparql-results+json (default), application/sparql-results+xml, text/csv,
 *   text/tab-separated-values; CONSTRUCT/DESCRIBE: text/turtle (default), application/n-triples,
 *   application/ld+json. Chosen by Accept (q-values); 406 when none is acceptable.
 * - `default-graph-uri` / `named-graph-uri` (repeatable; in the query string, or in the form of a form
 *   POST) set the dataset (SPARQL 1.1 Protocol §2.1.4): the default graph is the merge of the listed
 *   graphs, the named graphs exactly the listed ones; they take precedence over FROM / FROM NAMED.
 * - Queries run in the worker processes of a QueryPool: one that runs out of time is stopped (its worker
 *   killed) and answered 503; 503 also when too many queries are waiting (Retry-After).
 * - On the main thread a query only passes the pool's lexical screen (query-screen.ts), linear in its
 *   size: 413 for a query over `maxQueryBytes`, 400 for one nested too deeply or with too many
 *   operations; it also gives the query's form, for content negotiation before the query runs.
 * - 400 for a malformed query (the message gives line and column), for SPARQL Update (LOAD included),
 *   for SERVICE (the server never fetches other URLs), for a graph parameter that is not an absolute
 *   IRI, and "result too large" when the answer has more than `maxRows` rows (or triples), never a
 *   truncated answer; 413 for a body over the limit.
 * - GET without a query: the service description (Turtle).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { UserError } from '../errors.js';
import type { Dataset, QueryResult } from '../query/engine.js';
import { booleanJson, formatBoolean, formatSelect } from '../query/results.js';
import { booleanXml, toSparqlXml } from '../query/results-xml.js';
import { serializeQuads } from '../export/rdf-writer.js';
import { HTML_HEADERS } from './html.js';
import { HttpError, negotiate, readBody, send, sendPreflight } from './http.js';
import type { QueryPool } from './query-pool.js';
import { screenQuery } from './query-screen.js';

export interface EndpointOptions {
  /** Runs the queries; its limits (timeout, row cap) are the endpoint's. */
  pool: QueryPool;
  /** The largest request body accepted, in bytes (413 beyond). */
  maxBodyBytes: number;
  /**
   * The HTML page for a browser (a client that prefers text/html to every result format): a query
   * form, with the answer as a table when there is a query, or the error. Without it, no HTML.
   */
  htmlPage?: (query: string | undefined, answer?: { result?: QueryResult; error?: string }) => string;
}

export const SPARQL_METHODS = 'GET, HEAD, POST, OPTIONS';

/** Media types of SELECT and ASK answers, in the server's order of preference. */
const RESULT_TYPES: Record<string, { contentType: string; format: 'json' | 'xml' | 'csv' | 'tsv' }> = {
  'application/sparql-results+json': { contentType: 'application/sparql-results+json; charset=utf-8', format: 'json' },
  'application/json': { contentType: 'application/sparql-results+json; charset=utf-8', format: 'json' },
  'application/sparql-results+xml': { contentType: 'application/sparql-results+xml; charset=utf-8', format: 'xml' },
  'application/xml': { contentType: 'application/sparql-results+xml; charset=utf-8', format: 'xml' },
  'text/csv': { contentType: 'text/csv; charset=utf-8', format: 'csv' },
  'text/tab-separated-values': { contentType: 'text/tab-separated-values; charset=utf-8', format: 'tsv' },
};

/** Media types of graph answers (CONSTRUCT, DESCRIBE, dereferenced IRIs), in the server's order of preference. */
export const GRAPH_TYPES: Record<string, { contentType: string; format: 'turtle' | 'ntriples' | 'jsonld' }> = {
  'text/turtle': { contentType: 'text/turtle; charset=utf-8', format: 'turtle' },
  'application/n-triples': { contentType: 'application/n-triples; charset=utf-8', format: 'ntriples' },
  'application/ld+json': { contentType: 'application/ld+json; charset=utf-8', format: 'jsonld' },
  'text/plain': { contentType: 'application/n-triples; charset=utf-8', format: 'ntriples' },
};

/** A graph (its triples; named graphs merged) in a graph format. */
export async function writeGraph(quads: Parameters<typeof serializeQuads>[0], format: 'turtle' | 'ntriples' | 'jsonld'): Promise<string> {
  // jsonld.js takes a quarter of a second to load: only when JSON-LD is asked for.
  if (format === 'jsonld') return (await import('../export/jsonld.js')).toJsonLd(quads);
  return serializeQuads(quads, format);
}

/**
 * The service description of the endpoint at `endpoint` (Turtle). `graphs`: the IRIs of the named
 * graphs, listed in the default dataset (the graphs `default-graph-uri` and `named-graph-uri` can name).
 */
export function serviceDescription(endpoint: string, opts: { maxRows: number; timeoutMs: number; graphs?: readonly string[] }): string {
  const named = (opts.graphs ?? []).map((g) => ` ;\n        sd:namedGraph [ a sd:NamedGraph ; sd:name <${g}> ]`).join('');
  return `@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix formats: <http://www.w3.org/ns/formats/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

<${endpoint}#service> a sd:Service ;
    sd:endpoint <${endpoint}> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:feature sd:UnionDefaultGraph ;
    sd:resultFormat formats:SPARQL_Results_JSON, formats:SPARQL_Results_XML, formats:SPARQL_Results_CSV,
        formats:SPARQL_Results_TSV, formats:Turtle, formats:N-Triples, formats:JSON-LD ;
    sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ]${named} ] ;
    rdfs:comment "diplograph: a read-only SPARQL 1.1 Query endpoint over the defence-diplomacy graph. The default graph is the union of all named graphs (one per article); default-graph-uri and named-graph-uri select a dataset of them. Answers are limited to ${opts.maxRows} rows or triples (a larger answer is refused: add LIMIT) and to ${opts.timeoutMs / 1000} s."@en .
`;
}

/** The query and dataset parameters of a request, by the three ways the protocol allows. */
async function requestQuery(req: IncomingMessage, url: URL, opts: EndpointOptions): Promise<{ query?: string; params: URLSearchParams }> {
  if (req.method === 'GET' || req.method === 'HEAD') return { query: url.searchParams.get('query') ?? undefined, params: url.searchParams };
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const body = await readBody(req, opts.maxBodyBytes);
  if (type === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(body);
    if (form.has('update')) throw new HttpError(400, 'SPARQL Update is not allowed: this endpoint is read-only');
    for (const [k, v] of url.searchParams) form.append(k, v);
    return { query: form.get('query') ?? undefined, params: form };
  }
  if (type === 'application/sparql-query') return { query: body, params: url.searchParams };
  if (type === 'application/sparql-update') throw new HttpError(400, 'SPARQL Update is not allowed: this endpoint is read-only');
  throw new HttpError(415, `unsupported Content-Type "${type || '(none)'}": POST application/x-www-form-urlencoded (query=...) or application/sparql-query`);
}

/** A query's UserError as an HTTP error (400); HttpErrors of the pool (503) stay as they are. */
function queryError(error: unknown): unknown {
  return error instanceof UserError ? new HttpError(400, error.message) : error;
}

/**
 * The dataset the request's `default-graph-uri` and `named-graph-uri` give (each repeatable), or
 * undefined when it gives neither. When only one kind is given, the other part of the dataset is empty.
 */
export function requestDataset(params: URLSearchParams): Dataset | undefined {
  const lists: Record<string, string[]> = {};
  for (const p of ['default-graph-uri', 'named-graph-uri']) {
    lists[p] = params.getAll(p).map((iri) => iri.trim());
    for (const iri of lists[p]) {
      if (!/^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]*$/i.test(iri)) throw new HttpError(400, `${p}: "${iri}" is not an absolute IRI`);
    }
  }
  if (lists['default-graph-uri'].length === 0 && lists['named-graph-uri'].length === 0) return undefined;
  return { defaultGraphs: lists['default-graph-uri'], namedGraphs: lists['named-graph-uri'] };
}

/** A browser's query: run as any other, answered as the HTML page (the error in the page, with its status). */
async function answerInHtml(req: IncomingMessage, res: ServerResponse, query: string, dataset: Dataset | undefined, opts: EndpointOptions): Promise<void> {
  const headers = { ...HTML_HEADERS, Vary: 'Accept' };
  try {
    if (query.trim() === '') throw new HttpError(400, 'empty query');
    const result = await opts.pool.run(query, dataset);
    return send(req, res, 200, 'text/html; charset=utf-8', opts.htmlPage!(query, { result }), headers);
  } catch (error) {
    const e = queryError(error);
    if (!(e instanceof HttpError)) throw e;
    return send(req, res, e.status, 'text/html; charset=utf-8', opts.htmlPage!(query, { error: e.message }), { ...headers, ...e.headers });
  }
}

/** Answers one request to `/sparql`. Throws HttpError for every refusal. */
export async function handleSparql(req: IncomingMessage, res: ServerResponse, url: URL, opts: EndpointOptions): Promise<void> {
  if (req.method === 'OPTIONS') return sendPreflight(res, SPARQL_METHODS);
  if (!['GET', 'HEAD', 'POST'].includes(req.method ?? '')) {
    throw new HttpError(405, `method ${req.method} is not allowed on /sparql (use GET or POST)`, { Allow: SPARQL_METHODS });
  }
  const { query, params } = await requestQuery(req, url, opts);
  if (query === undefined) {
    if (req.method === 'POST') throw new HttpError(400, 'no query: give the query parameter (query=...)');
    if (params.has('update')) throw new HttpError(400, 'SPARQL Update is not allowed: this endpoint is read-only');
    const endpoint = `http://${req.headers.host ?? 'localhost'}/sparql`;
    if (opts.htmlPage && negotiate(req.headers.accept, ['text/turtle', 'text/html']) === 'text/html') {
      return send(req, res, 200, 'text/html; charset=utf-8', opts.htmlPage(undefined), { ...HTML_HEADERS, Vary: 'Accept' });
    }
    return send(req, res, 200, 'text/turtle; charset=utf-8', serviceDescription(endpoint, { ...opts.pool.limits, graphs: opts.pool.graphs }), { Vary: 'Accept' });
  }
  const dataset = requestDataset(params);
  if (opts.htmlPage && req.method !== 'POST' && negotiate(req.headers.accept, [...Object.keys(RESULT_TYPES), 'text/html']) === 'text/html') {
    return answerInHtml(req, res, query, dataset, opts);
  }
  if (query.trim() === '') throw new HttpError(400, 'empty query');
  // The form as the screen reads it, to refuse an unacceptable Accept before the query runs; when the
  // text does not start like a query, the worker's parser says what is wrong with it.
  const { form } = screenQuery(query, opts.pool.limits);
  const chosen = (graphAnswer: boolean) => {
    const offers = graphAnswer ? GRAPH_TYPES : RESULT_TYPES;
    const type = negotiate(req.headers.accept, Object.keys(offers));
    if (!type) throw new HttpError(406, `cannot answer a ${form ?? (graphAnswer ? 'CONSTRUCT' : 'SELECT')} query as ${req.headers.accept}; acceptable: ${Object.keys(offers).join(', ')}`);
    return type;
  };
  if (form) chosen(form === 'CONSTRUCT' || form === 'DESCRIBE');
  let result;
  try {
    result = await opts.pool.run(query, dataset);
  } catch (error) {
    throw queryError(error);
  }
  if (req.socket.destroyed) return; // the client has gone: nothing to write
  const headers = { Vary: 'Accept' };
  if (result.type === 'quads') {
    const { contentType, format } = GRAPH_TYPES[chosen(true)];
    return send(req, res, 200, contentType, await writeGraph(result.quads, format), headers);
  }
  const { contentType, format } = RESULT_TYPES[chosen(false)];
  if (result.type === 'boolean') {
    const body = format === 'xml' ? booleanXml(result.value) : format === 'json' ? booleanJson(result.value) : formatBoolean(result.value, format);
    return send(req, res, 200, contentType, body, headers);
  }
  return send(req, res, 200, contentType, format === 'xml' ? toSparqlXml(result) : formatSelect(result, format), headers);
}
