/**
 * A private, throw-away OpenLink Virtuoso 7 for the tests: `virtuoso-t +foreground` as a child of
 * this process, with its own temporary folder (database, log, ini) and free loopback ports for SQL
 * and HTTP. `stop()` kills it by its PID and removes the folder.
 *
 * A fresh database has the user dba with password dba. The anonymous /sparql endpoint stays read-only
 * (no GRANT SPARQL_UPDATE); writes go through /sparql-graph-crud-auth and /sparql-auth with HTTP Digest.
 */
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { TEMP_PREFIX } from '../../src/remote/push.js';

/** Debian's Virtuoso server binary. */
export const VIRTUOSO = '/usr/bin/virtuoso-t';


/** A running private Virtuoso: its URLs, credentials, PID and folder. */
export interface Virtuoso {
  /** `http://127.0.0.1:PORT` */
  base: string;
  /** The SPARQL query endpoint: `${base}/sparql`. */
  sparql: string;
  /** The Graph Store Protocol endpoint with Digest auth: `${base}/sparql-graph-crud-auth`. */
  gsp: string;
  /** SPARQL Update with Digest auth: `${base}/sparql-auth`. */
  update: string;
  user: string;
  password: string;
  pid: number;
  dir: string;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (bind port 0, read it, release it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function ini(dir: string, sqlPort: number, httpPort: number, maxRows: number): string {
  const db = join(dir, 'db');
  return `[Database]
DatabaseFile = ${db}/virtuoso.db
ErrorLogFile = ${db}/virtuoso.log
LockFile = ${db}/virtuoso.lck
TransactionFile = ${db}/virtuoso.trx
xa_persistent_file = ${db}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = ${db}/virtuoso-temp.db
TransactionFile = ${db}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:${sqlPort}
DisableUnixSocket = 1
MaxClientConnections = 8
CheckpointInterval = 0
CaseMode = 2
MaxSortedTopRows = 1000000
DirsAllowed = .
ThreadsPerQuery = 2
AsyncQueueMaxThreads = 4
NumberOfBuffers = 10000
MaxDirtyBuffers = 7500

[HTTPServer]
ServerPort = 127.0.0.1:${httpPort}
ServerRoot = ${join(dir, 'vsp')}
MaxClientConnections = 20
ServerThreads = 20
EnabledDavVSP = 0
HTTPProxyEnabled = 0
KeepAliveTimeout = 10
MaxKeepAlives = 20

[SPARQL]
ResultSetMaxRows = ${maxRows}
MaxQueryExecutionTime = 0
MaxQueryCostEstimationTime = 0
DefaultQuery = SELECT 1 WHERE {}
`;
}

async function ready(url: string, child: ChildProcess, log: () => string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`virtuoso-t exited (${child.exitCode ?? child.signalCode}): ${log().slice(-600)}`);
    try {
      const r = await fetch(`${url}/sparql?query=${encodeURIComponent('ASK {}')}`, { signal: AbortSignal.timeout(1000) });
      await r.arrayBuffer();
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`virtuoso-t did not answer on ${url} within ${ms / 1000} s: ${log().slice(-600)}`);
}

/**
 * Starts a private Virtuoso and waits until its SPARQL endpoint answers. `maxRows` is its
 * ResultSetMaxRows (Debian's default is 10000; here 1000000 unless given).
 */
export async function startVirtuoso(opts: { maxRows?: number } = {}): Promise<Virtuoso> {
  const dir = mkdtempSync(join(tmpdir(), 'diplograph-virtuoso-'));
  mkdirSync(join(dir, 'db'));
  mkdirSync(join(dir, 'vsp'));
  const [sqlPort, httpPort] = [await freePort(), await freePort()];
  writeFileSync(join(dir, 'virtuoso.ini'), ini(dir, sqlPort, httpPort, opts.maxRows ?? 1_000_000));
  const child = spawn(VIRTUOSO, ['+foreground', '+configfile', join(dir, 'virtuoso.ini')], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4000)));
  child.stderr!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${httpPort}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await ready(base, child, () => out, 30000);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    base, sparql: `${base}/sparql`, gsp: `${base}/sparql-graph-crud-auth`, update: `${base}/sparql-auth`,
    user: 'dba', password: 'dba', pid: child.pid!, dir, stop,
  };
}

/** What the proxy does with one request: pass it on, answer it with an error status, or drop the connection. */
export type Fault = 'pass' | { status: number; message: string } | 'close';

export interface FaultyProxy {
  /** `http://127.0.0.1:PORT`: use it in place of the server's base URL. */
  base: string;
  /** The requests seen so far: method and path with query. */
  requests: Array<{ method: string; url: string; body: string }>;
  close(): Promise<void>;
}

/**
 * A small HTTP proxy on 127.0.0.1 in front of a server, which lets `decide` fail chosen requests:
 * with an error response, or by closing the connection before any answer (a server gone mid-way).
 */
export function faultyProxy(target: string, decide: (req: { method: string; url: string; body: string }, n: number) => Fault): Promise<FaultyProxy> {
  const requests: FaultyProxy['requests'] = [];
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const seen = { method: req.method ?? 'GET', url: req.url ?? '/', body: body.toString('utf8') };
      requests.push(seen);
      const fault = decide(seen, requests.length);
      if (fault === 'close') return void req.socket.destroy();
      if (fault !== 'pass') {
        res.writeHead(fault.status, { 'Content-Type': 'text/plain' });
        return void res.end(fault.message);
      }
      const url = new URL(req.url ?? '/', target);
      const forward = httpRequest(url, { method: req.method, headers: { ...req.headers, host: url.host } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forward.on('error', () => req.socket.destroy());
      forward.end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      resolve({ base, requests, close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }) });
    });
  });
}

/** The rows of a SELECT sent to the store's endpoint as a form POST, as SPARQL JSON bindings. */
export async function sparqlJson(endpoint: string, query: string): Promise<Array<Record<string, { value: string }>>> {
  const r = await fetch(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/sparql-results+json' }, body: new URLSearchParams({ query }) });
  assert.equal(r.status, 200, await r.clone().text());
  return ((await r.json()) as { results: { bindings: Array<Record<string, { value: string }>> } }).results.bindings;
}

/** Triples per graph in the store, system graphs left out. */
export async function graphCounts(v: Virtuoso): Promise<Record<string, number>> {
  const rows = await sparqlJson(v.sparql, 'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g');
  const out: Record<string, number> = {};
  for (const r of rows) if (r.g.value.startsWith('https://w3id.org/diplograph/') || r.g.value.startsWith(TEMP_PREFIX)) out[r.g.value] = Number(r.n.value);
  return Object.fromEntries(Object.entries(out).sort());
}
