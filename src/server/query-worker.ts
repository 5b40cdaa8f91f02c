/**
 * A query worker of the QueryPool (query-pool.ts), run in a worker thread: it builds its own copy of
 * the store from the quads it is given once (`workerData`), loads the engine, says `ready`, then
 * answers one query at a time. The main thread enforces the timeout by terminating the thread, so a
 * query that never yields cannot freeze the server. The row cap is enforced here: collecting stops
 * at `maxRows + 1`, so a huge answer never fills the memory.
 *
 * Messages in: {@link WorkerJob}. Messages out: {@link WorkerReply}.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { Store } from 'n3';
import { UserError, messageOf } from '../errors.js';
import { run, type Dataset } from '../query/engine.js';
import { decodeQuads, encodeResult, transferList, type WireQuads, type WireResult } from './wire.js';

/** What a worker is started with. */
export interface WorkerData {
  quads: WireQuads;
  maxRows: number;
}

/** One query to answer. */
export interface WorkerJob {
  id: number;
  query: string;
  name: string;
  dataset?: Dataset;
}

/** `ready` once the store is built; then one answer per job. `heapBytes`: the worker's used heap. */
export type WorkerReply =
  | { type: 'ready'; heapBytes: number; quads: number; storeMs: number; engineMs: number }
  | { type: 'answer'; id: number; heapBytes: number; result: WireResult }
  | { type: 'failure'; id: number; heapBytes: number; user: boolean; message: string };

/** Longer than any timeout the pool enforces: the main thread stops a query, not the engine's timer. */
const NEVER_MS = 2_147_483_647;

const port = parentPort;
if (!port) throw new Error('query-worker.js runs as a worker thread of QueryPool');
const data = workerData as WorkerData;
const started = performance.now();
const store = new Store(decodeQuads(data.quads));
const storeMs = performance.now() - started;
const heap = () => getHeapStatistics().used_heap_size;

/** Queries run once at start: Comunica is loaded and its common paths compiled before the first real query. */
const WARM_UP = [
  'ASK { ?s ?p ?o }',
  'SELECT * WHERE { ?s ?p ?o } LIMIT 1',
  'SELECT ?s (COUNT(*) AS ?n) WHERE { VALUES ?s { <urn:x-diplograph:warm-up> } GRAPH ?g { ?s ?p ?o } OPTIONAL { ?o ?q ?r } FILTER(isIRI(?s)) } GROUP BY ?s ORDER BY ?s',
  'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1',
];
for (const query of WARM_UP) await run(query, store, { timeoutMs: NEVER_MS, maxRows: 1 });
const engineMs = performance.now() - started - storeMs;
port.postMessage({ type: 'ready', heapBytes: heap(), quads: store.size, storeMs: Math.round(storeMs), engineMs: Math.round(engineMs) } satisfies WorkerReply);

port.on('message', (job: WorkerJob) => {
  run(job.query, store, { name: job.name, dataset: job.dataset, maxRows: data.maxRows, timeoutMs: NEVER_MS }).then(
    (result) => {
      const wire = encodeResult(result);
      port.postMessage({ type: 'answer', id: job.id, heapBytes: heap(), result: wire } satisfies WorkerReply, transferList(wire));
    },
    (error: unknown) => {
      const user = error instanceof UserError;
      const message = user ? error.message : error instanceof Error ? (error.stack ?? error.message) : messageOf(error);
      port.postMessage({ type: 'failure', id: job.id, heapBytes: heap(), user, message } satisfies WorkerReply);
    },
  );
});
