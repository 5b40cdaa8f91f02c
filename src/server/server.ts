/**
 * The HTTP server of `diplograph serve` (node:http only): the SPARQL endpoint at `/sparql` and the
 * Linked Data descriptions under `/id/`. Every response has `Access-Control-Allow-Origin: *`.
 * SPARQL queries run in the worker threads of a QueryPool that the server starts and closes.
 *
 * @example
 * const server = await startServer({ store, port: 0 });
 * console.log(server.url); // http://127.0.0.1:PORT/
 * await server.close();
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Store } from 'n3';
import { DEFAULT_BASE } from '../vocab.js';
import { HttpError, send, sendError } from './http.js';
import { handleLinkedData } from './linked-data.js';
import { POOL_DEFAULTS, QueryPool, type PoolOptions } from './query-pool.js';
import { handleSparql, type EndpointOptions } from './sparql-endpoint.js';

export const DEFAULTS = { port: 3000, host: '127.0.0.1', timeoutMs: POOL_DEFAULTS.timeoutMs, maxRows: POOL_DEFAULTS.maxRows, maxBodyBytes: 1024 * 1024, workers: POOL_DEFAULTS.size } as const;

export interface ServerOptions extends Partial<Omit<EndpointOptions, 'pool'>>, Omit<PoolOptions, 'size'> {
  store: Store;
  /** Query worker threads (the pool's size). Default 2. */
  workers?: number;
  port?: number;
  host?: string;
  /** The base of the IRIs served under /id/ (the store's IRIs must use it). Default https://w3id.org/diplograph/id/. */
  base?: string;
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

/** The request handler, for tests and embedding; `pool` answers the SPARQL queries. */
export function requestHandler(options: ServerOptions & { pool: QueryPool }): (req: IncomingMessage, res: ServerResponse) => void {
  const endpoint: EndpointOptions = { pool: options.pool, maxBodyBytes: options.maxBodyBytes ?? DEFAULTS.maxBodyBytes };
  const base = options.base ?? DEFAULT_BASE;
  return (req, res) => {
    const answer = async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === '/sparql') return handleSparql(req, res, url, endpoint);
      if (url.pathname.startsWith('/id/')) return handleLinkedData(req, res, url, options.store, base);
      if (url.pathname === '/') {
        return send(req, res, 200, 'text/plain; charset=utf-8', 'diplograph: the SPARQL endpoint is /sparql; resources are described under /id/\n');
      }
      throw new HttpError(404, `not found: ${url.pathname} (the SPARQL endpoint is /sparql; resources are under /id/)`);
    };
    answer().catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) return sendError(req, res, error);
      process.stderr.write(`diplograph serve: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      sendError(req, res, new HttpError(500, 'internal error'));
    });
  };
}

/** Starts the query workers and the server (port 0: any free port); resolves once it listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { timeoutMs, maxRows, maxQueue, maxMemoryMb } = options;
  const pool = await QueryPool.start(options.store.getQuads(null, null, null, null), { size: options.workers, timeoutMs, maxRows, maxQueue, maxMemoryMb });
  const server = createServer(requestHandler({ ...options, pool }));
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
