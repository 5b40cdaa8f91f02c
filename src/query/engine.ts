/**
 * The one module that talks to Comunica. One QueryEngine, built once on first use, answers SPARQL over
 * a local graph (a graph held in the native store, src/query/native-graph.ts, as `diplograph query` and
 * `serve` load it; or an N3 Store, whose native view is built on first use) or over a remote SPARQL 1.1
 * endpoint.
 *
 * A local store is queried as Jena TDB and Virtuoso query a quad store with a union default graph:
 * the default graph is the RDF merge (a set) of the stored default graph and every named graph, and
 * `GRAPH ?g` ranges over the named graphs only. (Comunica's own `unionDefaultGraph` flag is not used:
 * it answers a triple once per graph that holds it, and lets `GRAPH ?g` match the default graph.)
 *
 * With the `dataset` option, a query sees instead the dataset that the SPARQL 1.1 Protocol's
 * `default-graph-uri` / `named-graph-uri` describe (DatasetSource), in place of its FROM / FROM NAMED.
 *
 * Malformed queries, engine failures and timeouts become one-line UserErrors; the original stays as `cause`.
 *
 * @example
 * const { variables, rows } = await select('PREFIX dg: <https://w3id.org/diplograph/ontology#>\nSELECT ?p WHERE { ?p a dg:Person } ORDER BY ?p', store);
 * const yes = await ask('ASK { ?s ?p ?o }', { endpoint: 'http://localhost:3030/ds/sparql' });
 * const one = await run('SELECT * WHERE { ?s ?p ?o }', store, { dataset: { defaultGraphs: ['https://w3id.org/diplograph/id/article/000_e8b7f0acafe71e35'] }, maxRows: 1000 });
 */
import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as RDF from '@rdfjs/types';
import type { Store } from 'n3';
import { Generator as SparqlGenerator, Parser as SparqlParser } from 'sparqljs';
import { UserError, messageOf } from '../errors.js';
import { termKey } from '../graph/iris.js';
import { factory } from '../vocab.js';
import { NativeStore } from './native-store.js';
import { NativeGraph, type ReadableGraph } from './native-graph.js';
import type { BindingsStream } from './native-eval.js';
import { NativeQuerySource, type ComunicaInternals, type Fallback } from './native-source.js';
import { placeFilters } from './filter-placement.js';
import { loadCached, type CachedModule } from './code-cache.js';
import { portable } from './portable.js';

/**
 * A SPARQL 1.1 endpoint, and optionally the dataset to query there: `defaultGraphs` and `namedGraphs`
 * are sent with every request as the protocol's `default-graph-uri` and `named-graph-uri`.
 */
export interface Endpoint {
  endpoint: string;
  defaultGraphs?: string[];
  namedGraphs?: string[];
}

/**
 * Where a query runs: an in-memory store, a SPARQL 1.1 endpoint, or several endpoints federated by
 * Comunica (the default graph is then the union, as a multiset, of the endpoints' default graphs: a
 * triple that two endpoints hold is matched twice, so their default graphs should be disjoint).
 */
export type Source = LocalGraph | Endpoint | { endpoints: Endpoint[] };

/** A local graph: an N3 Store, or a graph held in the native store only (src/graph/load.ts `loadGraph`). */
export type LocalGraph = Store | NativeGraph;

/** One solution: variable name (without `?`) to term; unbound variables are absent. */
export type Row = Record<string, RDF.Term>;

export interface SelectResult {
  variables: string[];
  rows: Row[];
}

export type QueryResult =
  | ({ type: 'bindings' } & SelectResult)
  | { type: 'boolean'; value: boolean }
  | { type: 'quads'; quads: RDF.Quad[] };

export type QueryForm = 'SELECT' | 'ASK' | 'CONSTRUCT' | 'DESCRIBE';

/**
 * An RDF dataset given by graph IRIs, as the SPARQL 1.1 Protocol's `default-graph-uri` and
 * `named-graph-uri` give it: the default graph is the RDF merge of `defaultGraphs`, and the named
 * graphs are exactly `namedGraphs`. When only one of the two is given, the other part is empty. An
 * IRI that the store does not have is an empty graph. It takes precedence over FROM / FROM NAMED.
 */
export interface Dataset {
  defaultGraphs?: string[];
  namedGraphs?: string[];
}

export interface QueryOptions {
  /** Names the query in messages, e.g. its file (`queries/co-chairs.rq`). Default `query`. */
  name?: string;
  /** Give up after this many milliseconds (a UserError, never a partial answer). Default 120 000. */
  timeoutMs?: number;
  /** Query this dataset of the store instead of the union default graph (local stores only). */
  dataset?: Dataset;
  /**
   * The most rows (SELECT) or triples (CONSTRUCT/DESCRIBE) to collect: at the next one the query is
   * stopped and a UserError `NAME: result too large: more than N rows; add LIMIT` is thrown. Default: no cap.
   */
  maxRows?: number;
}

/** Options, or just the name of the query (its file) for messages. */
export type QueryOptionsArg = QueryOptions | string;

const DEFAULT_TIMEOUT_MS = 120_000;

type Engine = import('@comunica/query-sparql').QueryEngine;
let engine: Promise<Engine> | undefined;
let internals: ComunicaInternals | undefined;

/**
 * Comunica's engine module: the one-file bundle of it that `npm run build` writes (src/query/comunica-bundle.cjs),
 * which loads in 0.28 s instead of 0.49 s (0.1 s with V8's code cache, and without Comunica's own command
 * line and HTTP server, which the bundler leaves to load on first use), or, when that is missing (a bare `tsc`) or the environment
 * has DIPLOGRAPH_NO_BUNDLE (for profiles by package, bench/profile.ts), the package itself.
 */
export const ENGINE_BUNDLE = fileURLToPath(new URL('../../vendor/comunica.cjs', import.meta.url));

type ComunicaModule = typeof import('@comunica/query-sparql') & { internals: ComunicaInternals };

async function importComunica(): Promise<ComunicaModule> {
  if (process.env.DIPLOGRAPH_NO_BUNDLE || !existsSync(ENGINE_BUNDLE)) {
    // The same packages as the bundle's entry (src/query/comunica-bundle.cjs) exports, one by one.
    const require = createRequire(import.meta.url);
    const m = await import('@comunica/query-sparql');
    const iterators = require('asynciterator');
    return {
      ...m,
      internals: {
        ActionContext: require('@comunica/core').ActionContext,
        BindingsFactory: require('@comunica/utils-bindings-factory').BindingsFactory,
        MetadataValidationState: require('@comunica/utils-metadata').MetadataValidationState,
        fromIterator: iterators.fromIterator,
        TransformIterator: iterators.TransformIterator,
      },
    };
  }
  bundle = loadCached(ENGINE_BUNDLE);
  return bundle.exports as ComunicaModule;
}

/** The bundle as loaded, with V8's code cache (src/query/code-cache.ts); written after the first query if it had none. */
let bundle: CachedModule | undefined;

/** The engine, created on first use (loading it takes a moment, so only commands that query pay for it). */
function getEngine(): Promise<Engine> {
  engine ??= importComunica().then((m) => {
    internals = m.internals;
    return new m.QueryEngine();
  });
  return engine;
}

/** Loads the engine and what the views need; after it, {@link viewOf} can be called. */
export async function loadEngine(): Promise<void> {
  await getEngine();
}

type Options = Required<Pick<QueryOptions, 'name' | 'timeoutMs'>> & Pick<QueryOptions, 'dataset' | 'maxRows'>;

function optionsOf(opts: QueryOptionsArg | undefined): Options {
  const o = typeof opts === 'string' ? { name: opts } : (opts ?? {});
  return { name: o.name ?? 'query', timeoutMs: o.timeoutMs ?? DEFAULT_TIMEOUT_MS, dataset: o.dataset, maxRows: o.maxRows };
}

/** True when the dataset restricts the query (either list given, even empty). */
function restricts(dataset: Dataset | undefined): dataset is Dataset {
  return dataset !== undefined && (dataset.defaultGraphs !== undefined || dataset.namedGraphs !== undefined);
}

function endpointsOf(source: Source): Endpoint[] | undefined {
  if (typeof (source as Endpoint).endpoint === 'string') return [source as Endpoint];
  return Array.isArray((source as { endpoints?: unknown }).endpoints) ? (source as { endpoints: Endpoint[] }).endpoints : undefined;
}

function isEndpoint(source: Source): source is Endpoint | { endpoints: Endpoint[] } {
  return endpointsOf(source) !== undefined;
}

/** The endpoints' URLs, for messages. */
function where(source: Source): string {
  const list = endpointsOf(source) ?? [];
  return list.length === 1 ? `SPARQL endpoint ${list[0].endpoint}` : `SPARQL endpoints ${list.map((e) => e.endpoint).join(', ')}`;
}

/** The longest GET URL sent; a longer request goes as a form POST. */
const MAX_GET_URL = 4000;

/**
 * Comunica's fetch for endpoints: adds each endpoint's dataset (default-graph-uri, named-graph-uri) to
 * the requests sent to it, and refuses an answer that the store says is incomplete, which it sends
 * with HTTP 200: Virtuoso's `X-SQL-State: S1TAT` (stopped at its time limit) and `X-SPARQL-MaxRows`
 * (cut at its ResultSetMaxRows).
 */
function endpointFetch(endpoints: Endpoint[]): typeof fetch {
  const params = new Map<string, Array<[string, string]>>();
  for (const e of endpoints) {
    const list: Array<[string, string]> = [...(e.defaultGraphs ?? []).map((g) => ['default-graph-uri', g] as [string, string]), ...(e.namedGraphs ?? []).map((g) => ['named-graph-uri', g] as [string, string])];
    const previous = params.get(e.endpoint);
    if (previous && JSON.stringify(previous) !== JSON.stringify(list)) throw new UserError(`${e.endpoint}: the same endpoint is given twice with different graphs`);
    params.set(e.endpoint, list);
  }
  const send = (input: string | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input);
    const list = params.get(`${url.origin}${url.pathname}`) ?? [];
    if (!list.length) return fetch(url, init);
    if (init?.body instanceof URLSearchParams) {
      const body = new URLSearchParams(init.body);
      for (const [k, v] of list) body.append(k, v);
      return fetch(url, { ...init, body });
    }
    for (const [k, v] of list) url.searchParams.append(k, v);
    if (url.href.length <= MAX_GET_URL || (init?.method ?? 'GET') !== 'GET') return fetch(url, init);
    // Many named graphs make a URL too long for a GET: send the same parameters as a form POST.
    const body = new URLSearchParams(url.search);
    const headers = new Headers(init?.headers);
    headers.set('Content-Type', 'application/x-www-form-urlencoded');
    return fetch(`${url.origin}${url.pathname}`, { ...init, method: 'POST', headers, body });
  };
  return async (input, init) => {
    const response = await send(typeof input === 'string' || input instanceof URL ? input : input.url, init);
    if (response.headers.get('x-sql-state') === 'S1TAT') {
      await response.body?.cancel();
      throw new Error('the endpoint stopped the query at its time limit and answered with an incomplete result (X-SQL-State S1TAT)');
    }
    const cap = response.headers.get('x-sparql-maxrows');
    if (cap) {
      await response.body?.cancel();
      throw new Error(`the endpoint cut the answer at its limit of ${cap} rows (X-SPARQL-MaxRows; raise Virtuoso's ResultSetMaxRows)`);
    }
    return response;
  };
}

/**
 * The store as Comunica queries it locally: a {@link NativeStore} (dictionary-encoded ids, six sorted
 * permutation indexes) that holds every named graph as it is and, as its default graph, the RDF merge of
 * the stored default graph and every named graph, computed once (a triple that several graphs hold is in
 * it once). Comunica reaches it through a {@link NativeQuerySource}, which evaluates whole basic graph
 * patterns; a graph variable ranges over the named graphs only. Its `countQuads` counts by the index.
 */
export function unionDefaultGraphView(store: LocalGraph): NativeStore {
  if (!internals) throw new Error('unionDefaultGraphView: call loadEngine() first');
  return store instanceof NativeGraph ? store.native : NativeStore.fromN3(store);
}

/** The text sent: for endpoints, rewritten around known deviations of stores (see portable.ts). */
function textFor(query: string, source: Source): string {
  return isEndpoint(source) ? portable(query) : query;
}

/**
 * A read-only RDF/JS source over the dataset that a store's graphs form: the default graph is the
 * merge of the graphs `defaultGraphs` names (a triple is matched once), and `GRAPH` sees only the
 * graphs `namedGraphs` names. An IRI the store does not have is an empty graph.
 */
export class DatasetSource implements RDF.Source {
  private readonly defaults: RDF.NamedNode[];
  private readonly named: RDF.NamedNode[];

  constructor(private readonly store: ReadableGraph, dataset: Dataset) {
    const nodes = (iris: string[] | undefined) => [...new Set(iris ?? [])].map((iri) => factory.namedNode(iri));
    this.defaults = nodes(dataset.defaultGraphs);
    this.named = nodes(dataset.namedGraphs);
  }

  match(s?: RDF.Term | null, p?: RDF.Term | null, o?: RDF.Term | null, g?: RDF.Term | null): RDF.Stream {
    const pattern = [s ?? null, p ?? null, o ?? null] as const;
    let quads: Iterable<RDF.Quad>;
    if (g && g.termType === 'DefaultGraph') quads = this.merged(...pattern);
    else if (g) quads = this.named.some((n) => n.equals(g)) ? this.read(...pattern, g) : [];
    else quads = [...this.named.flatMap((n) => [...this.read(...pattern, n)]), ...this.merged(...pattern)];
    return Readable.from(quads, { objectMode: true }) as unknown as RDF.Stream;
  }

  private read(s: RDF.Term | null, p: RDF.Term | null, o: RDF.Term | null, g: RDF.Term): Iterable<RDF.Quad> {
    return this.store.readQuads(s as never, p as never, o as never, g as never);
  }

  private *merged(s: RDF.Term | null, p: RDF.Term | null, o: RDF.Term | null): Iterable<RDF.Quad> {
    const seen = new Set<string>();
    for (const graph of this.defaults) {
      for (const q of this.read(s, p, o, graph)) {
        if (this.defaults.length > 1) {
          const key = `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`;
          if (seen.has(key)) continue;
          seen.add(key);
        }
        yield factory.quad(q.subject, q.predicate, q.object);
      }
    }
  }
}

/** One view per store, rebuilt when the store's size has changed since it was built. */
const views = new WeakMap<LocalGraph, { size: number; view: NativeStore; source: NativeQuerySource }>();

/** The union-default-graph view of a store (built on first use, then kept for the store); after {@link loadEngine}. */
export function viewOf(store: LocalGraph): NativeStore {
  return viewEntry(store).view;
}

/** The native query source over a store's view (as Comunica is given it; for tests and explanations). */
export function querySourceOf(store: LocalGraph): NativeQuerySource {
  return viewEntry(store).source;
}

function viewEntry(store: LocalGraph): { size: number; view: NativeStore; source: NativeQuerySource } {
  let entry = views.get(store);
  if (!entry || entry.size !== store.size) {
    const view = unionDefaultGraphView(store);
    // What the native source does not evaluate itself, Comunica does, over a source of single patterns.
    const patterns = new NativeQuerySource(view, internals!, () => Promise.reject(new Error('unreachable')), true);
    const fallback: Fallback = async (operation) => {
      const e = await getEngine();
      return (await e.queryBindings(operation as never, { [QUERY_SOURCES]: [{ source: patterns, context: new internals!.ActionContext() }] } as never)) as unknown as BindingsStream;
    };
    views.set(store, (entry = { size: store.size, view, source: new NativeQuerySource(view, internals!, fallback) }));
  }
  return entry;
}

/** Comunica's context key of the sources already identified (the native source needs no identifying). */
const QUERY_SOURCES = '@comunica/bus-query-operation:querySources';

function context(source: Source, dataset?: Dataset): Record<string, unknown> {
  const endpoints = endpointsOf(source);
  if (endpoints) {
    if (!endpoints.length) throw new UserError('no SPARQL endpoint given');
    return { sources: [...new Set(endpoints.map((e) => e.endpoint))].map((value) => ({ type: 'sparql', value })), fetch: endpointFetch(endpoints) };
  }
  const store = source as LocalGraph;
  if (restricts(dataset)) return { sources: [new DatasetSource(store, dataset)] };
  return { [QUERY_SOURCES]: [{ source: viewEntry(store).source, context: new internals!.ActionContext() }] };
}

/**
 * The query to run: as given, or, when a dataset is given, without its FROM / FROM NAMED clauses
 * (the protocol's dataset takes precedence). Refuses a dataset for a remote endpoint.
 */
function prepared(query: string, source: Source, o: Options): string {
  if (!restricts(o.dataset)) return isEndpoint(source) ? textFor(query, source) : placeFilters(query);
  if (isEndpoint(source)) throw new UserError(`${o.name}: a dataset (default and named graph IRIs) can only be given for a local graph, not for the ${where(source)} (give each endpoint its graphs instead)`);
  const parsed = new SparqlParser().parse(query);
  if (parsed.type !== 'query' || !parsed.from) return query;
  delete parsed.from;
  return new SparqlGenerator().stringify(parsed);
}

function tooLarge(o: Options, what: string): UserError {
  return new UserError(`${o.name}: result too large: more than ${o.maxRows} ${what}; add LIMIT`);
}

/**
 * Checks a query's syntax and returns its form. `name` names the query in messages (a file name).
 * A syntax error becomes `name: line L, column C: SPARQL syntax error: ...`; SPARQL Update is refused.
 *
 * @example
 * queryForm('ASK { ?s ?p ?o }'); // 'ASK'
 */
export function queryForm(query: string, name = 'query'): QueryForm {
  return forms.get(query) ?? (parseQuery(query, name).queryType as QueryForm);
}

/**
 * A query parsed by sparqljs, checked as {@link queryForm} checks it (its form is remembered).
 *
 * @example
 * parseQuery('ASK { ?s ?p ?o }').queryType; // 'ASK'
 */
export function parseQuery(query: string, name = 'query'): import('sparqljs').Query {
  let parsed;
  try {
    parsed = new SparqlParser().parse(query);
  } catch (error) {
    if (error instanceof RangeError) throw new UserError(`${name}: the query is nested too deeply to be parsed; simplify it`, { cause: error });
    throw syntaxError(error, name, query);
  }
  if (parsed.type === 'update') throw new UserError(`${name}: SPARQL Update is not allowed here; only SELECT, ASK, CONSTRUCT and DESCRIBE`);
  if (forms.size >= 1000) forms.clear();
  if (query.length <= MAX_REMEMBERED_QUERY) forms.set(query, parsed.queryType as QueryForm);
  return parsed;
}

/** The longest query text whose form is remembered (1000 texts of a megabyte would be a gigabyte). */
const MAX_REMEMBERED_QUERY = 16 * 1024;

/**
 * The forms of the queries checked lately, by text: a stored query is run again and again (the
 * server, the benchmark), and parsing it took a quarter of the time of a small query.
 */
const forms = new Map<string, QueryForm>();

/** Line and column (1-based) of the first use of `prefix:` outside PREFIX declarations, comments and IRIs. */
function locatePrefixUse(text: string, prefix: string): { line: number; column: number } | undefined {
  const lines = text.split('\n');
  const use = new RegExp(`(^|[\\s(){}\\[\\];,./^|!])${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:`);
  for (let i = 0; i < lines.length; i++) {
    const code = lines[i].replace(/#.*$/, (m) => ' '.repeat(m.length)).replace(/<[^<>\s]*>/g, (m) => ' '.repeat(m.length));
    if (/^\s*PREFIX\s/i.test(code)) continue;
    const m = use.exec(code);
    if (m) return { line: i + 1, column: m.index + m[1].length + 1 };
  }
  return undefined;
}

/**
 * A sparqljs parse error as `name: line L, column C: SPARQL syntax error: expected ... but found "x"`.
 * `text` (the query) lets an undefined prefix be located too.
 */
export function syntaxError(error: unknown, name: string, text?: string): UserError {
  const e = error as { message?: string; hash?: { loc?: { first_line: number; first_column: number }; expected?: string[]; text?: string; token?: string } };
  const message = (e.message ?? String(error)).split('\n')[0];
  let where: { line: number; column: number } | undefined;
  let what: string;
  const loc = e.hash?.loc;
  if (loc) {
    where = { line: loc.first_line, column: loc.first_column + 1 };
    const expected = (e.hash?.expected ?? []).map((t) => t.replace(/^'(.*)'$/, '$1'));
    const list = expected.length > 8 ? `one of ${expected.slice(0, 8).join(', ')}, ...` : expected.length > 1 ? `one of ${expected.join(', ')}` : expected.join('');
    const found = e.hash?.token === 'EOF' ? 'the end of the query' : `"${e.hash?.text ?? e.hash?.token}"`;
    what = list ? `expected ${list} but found ${found}` : message;
  } else {
    const prefix = /^Unknown prefix: (\S*)/.exec(message);
    if (prefix) {
      where = text === undefined ? undefined : locatePrefixUse(text, prefix[1]);
      what = `undefined prefix "${prefix[1]}:" (declare it: PREFIX ${prefix[1]}: <...>)`;
    } else what = message;
  }
  const at = where ? `line ${where.line}, column ${where.column}: ` : '';
  return new UserError(`${name}: ${at}SPARQL syntax error: ${what}`, { cause: error });
}

function engineError(error: unknown, source: Source, name: string): UserError {
  if (error instanceof UserError) return error;
  const msg = messageOf(error).replace(/^.*?mediated over all rejecting actors:?\s*/i, '').slice(0, 300);
  if (isEndpoint(source)) {
    const reason = /fetch failed|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|ECONNRESET/.test(messageOf(error)) ? 'the endpoint cannot be reached' : msg;
    return new UserError(`${name}: ${where(source)}: ${reason}`, { cause: error });
  }
  return new UserError(`${name}: the query failed: ${msg}`, { cause: error });
}

/** Runs `work` with the engine, turning failures and timeouts into UserErrors. `stop` cancels the work on timeout. */
async function guarded<T>(source: Source, opts: Options, work: (e: Engine, stop: (cancel: () => void) => void) => Promise<T>): Promise<T> {
  const e = await getEngine();
  let cancel: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      cancel?.();
      reject(new UserError(`${opts.name}: no answer within ${opts.timeoutMs / 1000} s${isEndpoint(source) ? ` from ${(endpointsOf(source) ?? []).map((e) => e.endpoint).join(', ')}` : ''}; the query was stopped`));
    }, opts.timeoutMs);
  });
  try {
    return await Promise.race([work(e, (c) => (cancel = c)), timeout]);
  } catch (error) {
    throw engineError(error, source, opts.name);
  } finally {
    clearTimeout(timer);
    bundle?.keep();
  }
}

function checkForm(query: string, name: string, wanted: QueryForm[]): void {
  const form = queryForm(query, name);
  if (!wanted.includes(form)) throw new UserError(`${name}: a ${form} query, where ${wanted.join(' or ')} was expected`);
}

/**
 * Runs a SELECT query: the projected variables and the solutions, in the query's order.
 *
 * @example
 * const { rows } = await select('SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 1', store, { name: 'first.rq' });
 */
export async function select(query: string, source: Source, opts?: QueryOptionsArg): Promise<SelectResult> {
  const o = optionsOf(opts);
  checkForm(query, o.name, ['SELECT']);
  const text = prepared(query, source, o);
  return guarded(source, o, async (e, stop) => {
    const result = await e.query(text, context(source, o.dataset) as never);
    if (result.resultType !== 'bindings') throw new UserError(`${o.name}: not a SELECT query`);
    const meta = await result.metadata();
    const variables = (meta.variables as unknown as Array<RDF.Variable | { variable: RDF.Variable }>).map((v) => ('variable' in v ? v.variable : v).value);
    const stream = await result.execute();
    stop(() => stream.destroy());
    const rows: Row[] = [];
    const found = await stream.toArray(o.maxRows === undefined ? undefined : { limit: o.maxRows + 1 });
    if (o.maxRows !== undefined && found.length > o.maxRows) {
      stream.destroy();
      throw tooLarge(o, 'rows');
    }
    for (const b of found) {
      const row: Row = {};
      for (const v of variables) {
        const t = b.get(v);
        if (t) row[v] = t;
      }
      rows.push(row);
    }
    return { variables, rows };
  });
}

/** Runs an ASK query. */
export async function ask(query: string, source: Source, opts?: QueryOptionsArg): Promise<boolean> {
  const o = optionsOf(opts);
  checkForm(query, o.name, ['ASK']);
  const text = prepared(query, source, o);
  return guarded(source, o, (e) => e.queryBoolean(text, context(source, o.dataset) as never));
}

/** Runs a CONSTRUCT or DESCRIBE query; the quads are in the default graph, each once, sorted (the same answer in the same order every time). */
export async function construct(query: string, source: Source, opts?: QueryOptionsArg): Promise<RDF.Quad[]> {
  const o = optionsOf(opts);
  checkForm(query, o.name, ['CONSTRUCT', 'DESCRIBE']);
  const text = prepared(query, source, o);
  return guarded(source, o, async (e, stop) => {
    const quads = await e.queryQuads(text, context(source, o.dataset) as never);
    stop(() => quads.destroy());
    const found = await quads.toArray(o.maxRows === undefined ? undefined : { limit: o.maxRows + 1 });
    if (o.maxRows !== undefined && found.length > o.maxRows) {
      quads.destroy();
      throw tooLarge(o, 'triples');
    }
    // The same term objects whichever index (or the query's template) a term came from, in one order
    // (the branches of a UNION come interleaved as the indexes answer).
    const keyed = found.map((q) => ({ q: factory.fromQuad(q), k: `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)} ${termKey(q.graph)}` }));
    keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
    // The answer is an RDF graph, a set: a triple that several solutions make is in it once.
    return keyed.filter((x, i) => i === 0 || x.k !== keyed[i - 1].k).map((x) => x.q);
  });
}

/**
 * Runs a query of any read form, found by parsing it first.
 *
 * @example
 * const r = await run(text, store, 'queries/co-chairs.rq');
 * if (r.type === 'bindings') console.log(r.rows.length);
 */
export async function run(query: string, source: Source, opts?: QueryOptionsArg): Promise<QueryResult> {
  const o = optionsOf(opts);
  const form = queryForm(query, o.name);
  if (form === 'SELECT') return { type: 'bindings', ...(await select(query, source, o)) };
  if (form === 'ASK') return { type: 'boolean', value: await ask(query, source, o) };
  return { type: 'quads', quads: await construct(query, source, o) };
}
