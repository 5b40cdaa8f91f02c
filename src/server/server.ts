/**
 * The HTTP server of `diplograph serve` (node:http only): the SPARQL endpoint at `/sparql`, the
 * Linked Data descriptions of the graph's IRIs (under `/id/` for the default base, or under the
 * path of `base`), and the web UI: home, search, lists, stored queries (and their answers as files,
 * `/queries/NAME.csv`), timeline and network (`/network.json` for its script), any answer as a file
 * (`/download/answer.csv?query=`), with its stylesheet and bundled scripts under `/assets/`. Every response has `Access-Control-Allow-Origin: *`.
 * SPARQL queries (the endpoint's and the stored queries' pages) run in the worker processes of a
 * QueryPool that the server starts and closes.
 *
 * @example
 * const server = await startServer({ store, port: 0 });
 * console.log(server.url); // http://127.0.0.1:PORT/
 * await server.close();
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { NativeGraph, type ReadableGraph } from '../query/native-graph.js';
import type { QueryResult } from '../query/engine.js';
import { projectRoot } from '../ontology-files.js';
import { DEFAULT_BASE } from '../vocab.js';
import { GraphView } from './graph-view.js';
import { HTML_HEADERS, html, page } from './html.js';
import { HttpError, negotiate, send, sendError } from './http.js';
import { handleLinkedData, servedPath } from './linked-data.js';
import { boundStoredQuery, browsePage, homePage, queriesPage, queryPage, searchPage, sparqlPage, storedQuery, type QueryRunner } from './site-pages.js';
import { networkJson, networkPage, timelinePage } from './explore-pages.js';
import { downloadName, sendDownload } from './downloads.js';
import { UserError } from '../errors.js';
import { POOL_DEFAULTS, QueryPool, type PoolOptions } from './query-pool.js';
import { handleSparql, type EndpointOptions } from './sparql-endpoint.js';

export const DEFAULTS = {
  port: 3000,
  host: '127.0.0.1',
  timeoutMs: POOL_DEFAULTS.timeoutMs,
  maxRows: POOL_DEFAULTS.maxRows,
  maxBodyBytes: 1024 * 1024,
  workers: POOL_DEFAULTS.size,
  maxConnections: 256,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  idleTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  maxHeaderBytes: 16 * 1024,
} as const;

/**
 * How the server protects itself from slow and greedy clients (all have defaults, see DEFAULTS):
 * a connection beyond `maxConnections` is closed at once; a client that has not sent its whole
 * request head within `headersTimeoutMs` (slowloris) gets 408 and is disconnected, as is one whose
 * whole request takes longer than `requestTimeoutMs`; a connection that sends nothing for
 * `idleTimeoutMs` is closed, an idle keep-alive one after `keepAliveTimeoutMs`; a request head over
 * `maxHeaderBytes` (a huge Accept, say) gets 431.
 */
export interface ConnectionLimits {
  maxConnections?: number;
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  idleTimeoutMs?: number;
  keepAliveTimeoutMs?: number;
  maxHeaderBytes?: number;
}

export interface ServerOptions extends Partial<Omit<EndpointOptions, 'pool'>>, Omit<PoolOptions, 'size'>, ConnectionLimits {
  store: ReadableGraph;
  /** Query worker threads (the pool's size). Default 2. */
  workers?: number;
  port?: number;
  host?: string;
  /**
   * The base of the IRIs the store holds, which the server describes: under `/id/` for the default
   * (https://w3id.org/diplograph/id/), otherwise under the base's own path.
   */
  base?: string;
  /**
   * Answers kept for the graph as it is (src/query/answer-cache.ts): the web UI's stored-query pages
   * look a bound query up here first (the page then says so) and keep a fresh answer with `keep`.
   */
  answers?: AnswerStore;
}

/** Answers kept for the served graph: lookup by the exact query text, and keeping one. */
export interface AnswerStore {
  get(query: string): QueryResult | undefined;
  keep(query: string, result: QueryResult): void;
}

/** The paths of the web UI and the endpoint; a base whose path starts with one of them cannot be served. */
export const RESERVED_PATHS = ['/sparql', '/assets/', '/search', '/browse/', '/queries', '/timeline', '/network', '/download/'];

/** The files under /assets: the stylesheet, and the scripts `npm run build` bundles from web/client into dist/web. */
const ASSETS: Record<string, { file: string; type: string }> = {
  '/assets/style.css': { file: 'web/style.css', type: 'text/css; charset=utf-8' },
  '/assets/sparql-editor.js': { file: 'dist/web/sparql-editor.js', type: 'text/javascript; charset=utf-8' },
  '/assets/network.js': { file: 'dist/web/network.js', type: 'text/javascript; charset=utf-8' },
};
const assetCache = new Map<string, string>();

function asset(path: string): { body: string; type: string } | undefined {
  const a = ASSETS[path];
  if (!a) return undefined;
  let body = assetCache.get(a.file);
  if (body === undefined) {
    const file = join(projectRoot(), a.file);
    if (!existsSync(file)) throw new HttpError(404, `not found: ${path} (run npm run build to bundle the scripts)`);
    assetCache.set(a.file, (body = readFileSync(file, 'utf8')));
  }
  return { body, type: a.type };
}


export interface RunningServer {
  server: Server;
  /** The server's root URL, e.g. http://127.0.0.1:3000/ */
  url: string;
  /** The pool that answers the server's SPARQL queries (usable by other handlers too). */
  pool: QueryPool;
  /** Stops listening and terminates the query workers. */
  close(): Promise<void>;
}

/** True when the request failed because its client went away (an aborted body, a reset connection). */
function clientGone(req: IncomingMessage, error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return req.socket.destroyed || code === 'ECONNRESET' || code === 'ECONNABORTED' || (error instanceof Error && error.message === 'aborted');
}

/** The request handler, for tests and embedding; `pool` answers the SPARQL queries. */
export function requestHandler(options: ServerOptions & { pool: QueryPool }): (req: IncomingMessage, res: ServerResponse) => void {
  const base = options.base ?? DEFAULT_BASE;
  const prefix = servedPath(base);
  if (RESERVED_PATHS.some((r) => prefix.startsWith(r))) throw new Error(`the base ${base} would be served under ${prefix}, a path of the web UI`);
  const view = new GraphView(options.store, { base, prefix });
  const endpoint: EndpointOptions = { pool: options.pool, maxBodyBytes: options.maxBodyBytes ?? DEFAULTS.maxBodyBytes, htmlPage: (query, answer) => sparqlPage(view, query, answer) };
  const runQuery: QueryRunner = async (query) => {
    const kept = options.answers?.get(query);
    if (kept) return { ...kept, fromCache: true };
    const result = await options.pool.run(query);
    options.answers?.keep(query, result);
    return result;
  };
  const htmlPage = (req: IncomingMessage, res: ServerResponse, body: string, status = 200) => send(req, res, status, 'text/html; charset=utf-8', body, HTML_HEADERS);
  const ui = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const path = url.pathname;
    const a = asset(path);
    if (a) {
      send(req, res, 200, a.type, a.body, { 'Cache-Control': 'public, max-age=3600', 'X-Content-Type-Options': 'nosniff' });
      return true;
    }
    if (path === '/') htmlPage(req, res, homePage(view, options.store.size));
    else if (path === '/search') htmlPage(req, res, searchPage(view, url.searchParams.get('q') ?? ''));
    else if (path.startsWith('/browse/')) htmlPage(req, res, browsePage(view, path.slice('/browse/'.length)));
    else if (path === '/queries' || path === '/queries/') htmlPage(req, res, queriesPage());
    else if (path.startsWith('/queries/') && downloadName(path.slice('/queries/'.length))) {
      const [name, ext] = downloadName(path.slice('/queries/'.length))!;
      const q = storedQuery(name);
      let result;
      try {
        result = await runQuery(boundStoredQuery(view, q, url.searchParams));
      } catch (error) {
        throw error instanceof UserError ? new HttpError(/no answer within/.test(error.message) ? 503 : 400, error.message) : error;
      }
      await sendDownload(req, res, result, name, ext);
    } else if (path.startsWith('/download/')) {
      const file = downloadName(path.slice('/download/'.length));
      const query = url.searchParams.get('query');
      if (!file || file[0] !== 'answer') throw new HttpError(404, `not found: ${path} (downloads are /download/answer.csv, .json, .tsv, .xml, .ttl or .nt with query=...)`);
      if (!query?.trim()) throw new HttpError(400, 'no query: give the query parameter (query=...)');
      let result;
      try {
        result = await options.pool.run(query);
      } catch (error) {
        throw error instanceof UserError ? new HttpError(400, error.message) : error;
      }
      await sendDownload(req, res, result, 'answer', file[1]);
    } else if (path.startsWith('/queries/')) {
      const name = path.slice('/queries/'.length);
      if (!/^[\w.-]+$/.test(name)) throw new HttpError(404, `not found: no stored query "${name}" (see /queries)`);
      const { status, body } = await queryPage(view, name, url.searchParams, runQuery);
      htmlPage(req, res, body, status);
    } else if (path === '/timeline') {
      const { status, body } = timelinePage(view, url.searchParams);
      htmlPage(req, res, body, status);
    } else if (path === '/network') {
      const { status, body } = networkPage(view, url.searchParams);
      htmlPage(req, res, body, status);
    } else if (path === '/network.json') send(req, res, 200, 'application/json; charset=utf-8', networkJson(view, url.searchParams), { 'X-Content-Type-Options': 'nosniff' });
    else return false;
    return true;
  };
  return (req, res) => {
    const answer = async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === '/sparql') return handleSparql(req, res, url, endpoint);
      const isUiPath = url.pathname === '/' || RESERVED_PATHS.some((r) => url.pathname.startsWith(r.replace(/\/$/, '')));
      if (isUiPath) {
        if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, `method ${req.method} is not allowed on ${url.pathname} (use GET)`, { Allow: 'GET, HEAD' });
        if (await ui(req, res, url)) return;
      }
      if (url.pathname.startsWith(prefix)) return handleLinkedData(req, res, url, view);
      throw new HttpError(404, `not found: ${url.pathname} (the SPARQL endpoint is /sparql; resources are under ${prefix})`);
    };
    answer().catch((error: unknown) => {
      // A client that has gone (closed the connection while it sent its body or waited) needs no
      // answer, and its leaving is no error of the server's: nothing is logged.
      if (res.headersSent || clientGone(req, error)) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) {
        const wantsHtml = negotiate(req.headers.accept, ['text/plain', 'text/html']) === 'text/html' && error.status !== 405;
        if (wantsHtml) return send(req, res, error.status, 'text/html; charset=utf-8', page({ title: `${error.status}` }, html`<p class="error" role="alert">${error.message}</p>`), { ...HTML_HEADERS, ...error.headers });
        return sendError(req, res, error);
      }
      process.stderr.write(`diplograph serve: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      sendError(req, res, new HttpError(500, 'internal error'));
    });
  };
}

/** What the server serves: the graph, its base, the answers kept for it. */
export type ServedGraph = Pick<ServerOptions, 'store' | 'base' | 'answers'>;

/**
 * Starts the query workers and the server (port 0: any free port); resolves once it listens (after the
 * first worker is ready with `readyWhen: 'first'`). The graph may be given as a promise (`graph`, in
 * place of `store`, `base` and `answers`): the workers start, and load the engine, while it is read.
 */
export async function startServer(options: ServerOptions | (Omit<ServerOptions, keyof ServedGraph> & { graph: Promise<ServedGraph> })): Promise<RunningServer> {
  const { timeoutMs, maxRows, maxQueue, maxMemoryMb, maxAnswerBytes, maxQueryBytes, maxDepth, maxOperations, maxOperators, readyWhen } = options;
  const limits = { timeoutMs, maxRows, maxQueue, maxMemoryMb, maxAnswerBytes, maxQueryBytes, maxDepth, maxOperations, maxOperators, readyWhen };
  const graph: Promise<ServedGraph> = 'graph' in options ? options.graph : Promise.resolve(options);
  const quads = graph.then(({ store }) => (store instanceof NativeGraph ? store.toWire() : store.getQuads(null, null, null, null)));
  const pool = await QueryPool.start(quads, { size: options.workers, ...limits });
  const served: ServerOptions = { ...options, ...(await graph) };
  const limit = <K extends keyof ConnectionLimits>(k: K): number => options[k] ?? DEFAULTS[k];
  const headersTimeout = limit('headersTimeoutMs');
  const server = createServer(
    {
      headersTimeout,
      requestTimeout: Math.max(limit('requestTimeoutMs'), headersTimeout),
      keepAliveTimeout: limit('keepAliveTimeoutMs'),
      maxHeaderSize: limit('maxHeaderBytes'),
      // how often Node checks the two timeouts above (its default, 30 s, would let a slow client stay that long)
      connectionsCheckingInterval: Math.max(100, Math.min(1000, headersTimeout / 2)),
    },
    requestHandler({ ...served, pool }),
  );
  server.maxConnections = limit('maxConnections');
  // a connection waiting for a query's answer is idle too: never close it before the query's own timeout
  server.timeout = Math.max(limit('idleTimeoutMs'), (options.timeoutMs ?? DEFAULTS.timeoutMs) + 5000);
  const host = options.host ?? DEFAULTS.host;
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => void pool.close().finally(() => reject(error));
    server.once('error', failed);
    server.listen(options.port ?? DEFAULTS.port, host, () => {
      server.off('error', failed);
      const { port } = server.address() as AddressInfo;
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({
        server,
        url: `http://${shown}:${port}/`,
        pool,
        close: async () => {
          await Promise.all([
            new Promise<void>((done) => {
              server.close(() => done());
              server.closeAllConnections();
            }),
            pool.close(),
          ]);
        },
      });
    });
  });
}
