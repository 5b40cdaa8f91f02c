/**
 * The SPARQL 1.1 Protocol endpoint at `/sparql`, read-only, over an in-memory store.
 *
 * - GET `?query=...`, POST `application/x-www-form-urlencoded` (`query=...`), POST `application/sparql-query`.
 * - SELECT/ASK: application/sparql-results+json (default), application/sparql-results+xml, text/csv,
 *   text/tab-separated-values; CONSTRUCT/DESCRIBE: text/turtle (default), application/n-triples,
 *   application/ld+json. Chosen by Accept (q-values); 406 when none is acceptable.
 * - 400 for a malformed query (the message gives line and column), for SPARQL Update, and for
 *   `default-graph-uri` / `named-graph-uri` (the dataset is fixed: use GRAPH in the query);
 *   413 for a body over the limit; 503 when the query runs out of time; 400 "result too large" when
 *   the answer has more than `maxRows` rows (or triples), never a truncated answer.
 * - GET without a query: the service description (Turtle).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Store } from 'n3';
import { UserError } from '../errors.js';
import { queryForm, run } from '../query/engine.js';
import { booleanJson, formatBoolean, formatSelect } from '../query/results.js';
import { booleanXml, toSparqlXml } from '../query/results-xml.js';
import { serializeQuads } from '../export/rdf-writer.js';
import { toJsonLd } from '../export/jsonld.js';
import { HttpError, negotiate, readBody, send, sendPreflight } from './http.js';

export interface EndpointOptions {
  store: Store;
  /** Stop a query after this many milliseconds (503). */
  timeoutMs: number;
  /** The most rows (SELECT) or triples (CONSTRUCT/DESCRIBE) an answer may have (400 beyond). */
  maxRows: number;
  /** The largest request body accepted, in bytes (413 beyond). */
  maxBodyBytes: number;
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
  if (format === 'jsonld') return toJsonLd(quads);
  return serializeQuads(quads, format);
}

/** The service description of the endpoint at `endpoint` (Turtle). */
export function serviceDescription(endpoint: string, opts: Pick<EndpointOptions, 'maxRows' | 'timeoutMs'>): string {
  return `@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix formats: <http://www.w3.org/ns/formats/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

<${endpoint}#service> a sd:Service ;
    sd:endpoint <${endpoint}> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:feature sd:UnionDefaultGraph ;
    sd:resultFormat formats:SPARQL_Results_JSON, formats:SPARQL_Results_XML, formats:SPARQL_Results_CSV,
        formats:SPARQL_Results_TSV, formats:Turtle, formats:N-Triples, formats:JSON-LD ;
    sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] ;
    rdfs:comment "diplograph: a read-only SPARQL 1.1 Query endpoint over the defence-diplomacy graph. The default graph is the union of all named graphs (one per article). Answers are limited to ${opts.maxRows} rows or triples (a larger answer is refused: add LIMIT) and to ${opts.timeoutMs / 1000} s."@en .
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

/** A query's UserError as an HTTP error: 503 for a timeout, 400 otherwise. */
function queryError(error: unknown): unknown {
  if (!(error instanceof UserError)) return error;
  if (/no answer within/.test(error.message)) return new HttpError(503, `${error.message}; simplify the query or add LIMIT`, { 'Retry-After': '1' });
  return new HttpError(400, error.message);
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
    return send(req, res, 200, 'text/turtle; charset=utf-8', serviceDescription(endpoint, opts), { Vary: 'Accept' });
  }
  for (const p of ['default-graph-uri', 'named-graph-uri']) {
    if (params.has(p)) throw new HttpError(400, `${p} is not supported: the default graph is the union of all the articles' graphs; use GRAPH <...> { } in the query to read one`);
  }
  if (query.trim() === '') throw new HttpError(400, 'empty query');
  let form;
  try {
    form = queryForm(query);
  } catch (error) {
    throw queryError(error);
  }
  const graphAnswer = form === 'CONSTRUCT' || form === 'DESCRIBE';
  const offers = graphAnswer ? GRAPH_TYPES : RESULT_TYPES;
  const chosen = negotiate(req.headers.accept, Object.keys(offers));
  if (!chosen) {
    throw new HttpError(406, `cannot answer a ${form} query as ${req.headers.accept}; acceptable: ${Object.keys(offers).join(', ')}`);
  }
  let result;
  try {
    result = await run(query, opts.store, { timeoutMs: opts.timeoutMs });
  } catch (error) {
    throw queryError(error);
  }
  const headers = { Vary: 'Accept' };
  if (result.type === 'quads') {
    if (result.quads.length > opts.maxRows) throw new HttpError(400, `result too large: more than ${opts.maxRows} triples; add LIMIT`);
    const { contentType, format } = GRAPH_TYPES[chosen];
    return send(req, res, 200, contentType, await writeGraph(result.quads, format), headers);
  }
  const { contentType, format } = RESULT_TYPES[chosen];
  if (result.type === 'boolean') {
    const body = format === 'xml' ? booleanXml(result.value) : format === 'json' ? booleanJson(result.value) : formatBoolean(result.value, format);
    return send(req, res, 200, contentType, body, headers);
  }
  if (result.rows.length > opts.maxRows) throw new HttpError(400, `result too large: more than ${opts.maxRows} rows; add LIMIT`);
  return send(req, res, 200, contentType, format === 'xml' ? toSparqlXml(result) : formatSelect(result, format), headers);
}
