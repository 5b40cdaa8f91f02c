/**
 * A query worker of the QueryPool (query-pool.ts), run as a child process (`fork`, with a V8 heap
 * limit): it loads the engine at once, gets the quads (the first message, {@link WorkerData}), builds its
 * own copy of the store (in the native store), says `ready`, then answers one query at a time. The main process enforces
 * the timeout by killing it, so a query that never yields cannot freeze the server, and a query that
 * exhausts the heap kills this process only (in a worker thread, V8 can abort the whole process:
 * nodejs/node#47224).
 *
 * Everything that grows with the query happens here, under the timeout and the memory limit: parsing,
 * the SERVICE check, the query, and the checks of the answer. The row cap: collecting stops at
 * `maxRows + 1`. The size cap: an answer larger than `maxAnswerBytes` (its terms, as the main process
 * will write them) is refused, so the main process never holds or writes a huge answer.
 *
 * Messages in: {@link WorkerData} once, then {@link WorkerJob}s. Messages out: {@link WorkerReply}.
 */
import { getHeapStatistics } from 'node:v8';
import type * as RDF from '@rdfjs/types';
import { UserError, messageOf } from '../errors.js';
import { loadEngine, parseQuery, run, type Dataset, type QueryResult } from '../query/engine.js';
import { refuseRemoteAccess } from '../query/policy.js';
import { NativeGraph } from '../query/native-graph.js';
import { NativeStore } from '../query/native-store.js';
import { encodeResult, type WireQuads, type WireResult } from './wire.js';

/** What a worker is started with (its first message). */
export interface WorkerData {
  type: 'start';
  quads: WireQuads;
  maxRows: number;
  maxAnswerBytes: number;
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

/** Longer than any timeout the pool enforces: the main process stops a query, not the engine's timer. */
const NEVER_MS = 2_147_483_647;

/** What one cell of an answer costs to write beyond its term (JSON's markup), and an unbound one. */
const CELL_BYTES = 64;
const EMPTY_CELL_BYTES = 8;

/** The deepest triple term (RDF 1.2) an answer may hold: the writers and the main process's decoding recurse once per level. */
export const MAX_TERM_NESTING = 16;

/** Queries run once at start: Comunica is loaded and its common paths compiled before the first real query. */
const WARM_UP = [
  'ASK { ?s ?p ?o }',
  'SELECT * WHERE { ?s ?p ?o } LIMIT 1',
  'SELECT ?s (COUNT(*) AS ?n) WHERE { VALUES ?s { <urn:x-diplograph:warm-up> } GRAPH ?g { ?s ?p ?o } OPTIONAL { ?o ?q ?r } FILTER(isIRI(?s)) } GROUP BY ?s ORDER BY ?s',
  'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1',
];

const heap = () => getHeapStatistics().used_heap_size;

function send(reply: WorkerReply): void {
  process.send!(reply);
}

/** How deeply a term nests triple terms (0 for an IRI, literal or blank node), without recursion. */
function nesting(term: RDF.Term): number {
  let deepest = 0;
  const stack: Array<[RDF.Term, number]> = [[term, 0]];
  while (stack.length) {
    const [t, depth] = stack.pop()!;
    if (t.termType !== 'Quad') continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > MAX_TERM_NESTING) return deepest;
    for (const part of [t.subject, t.predicate, t.object, t.graph]) stack.push([part, depth + 1]);
  }
  return deepest;
}

/** Refuses an answer whose terms nest too deeply, before it is encoded (which recurses). */
function checkNesting(result: QueryResult, name: string): void {
  const terms = result.type === 'bindings' ? result.rows.flatMap((row) => Object.values(row)) : result.type === 'quads' ? result.quads.flatMap((q) => [q.subject, q.object]) : [];
  for (const t of terms) {
    if (t.termType === 'Quad' && nesting(t) > MAX_TERM_NESTING) throw new UserError(`${name}: the answer has triple terms nested more than ${MAX_TERM_NESTING} levels deep`);
  }
}

/** About how many bytes the main process will write for an answer (the terms of every cell, with markup). */
export function answerBytes(wire: WireResult): number {
  if (wire.type === 'boolean') return 16;
  let bytes = 0;
  if (wire.type === 'bindings') {
    for (let i = 0; i < wire.cells.length; i++) bytes += wire.cells[i] < 0 ? EMPTY_CELL_BYTES : wire.terms[wire.cells[i]].length + CELL_BYTES;
  } else {
    for (let i = 0; i < wire.ids.length; i++) bytes += wire.terms[wire.ids[i]].length + 8;
  }
  return bytes;
}

async function main(data: WorkerData): Promise<void> {
  const started = performance.now();
  const store = new NativeGraph(NativeStore.fromWire(data.quads));
  const storeMs = performance.now() - started;
  await engineLoading;
  for (const query of WARM_UP) await run(query, store, { timeoutMs: NEVER_MS, maxRows: 1 });
  const engineMs = performance.now() - started - storeMs;
  send({ type: 'ready', heapBytes: heap(), quads: store.size, storeMs: Math.round(storeMs), engineMs: Math.round(engineMs) });

  const answer = async (job: WorkerJob): Promise<WireResult> => {
    refuseRemoteAccess(parseQuery(job.query, job.name), job.name);
    const result = await run(job.query, store, { name: job.name, dataset: job.dataset, maxRows: data.maxRows, timeoutMs: NEVER_MS });
    checkNesting(result, job.name);
    const wire = encodeResult(result);
    const bytes = answerBytes(wire);
    if (bytes > data.maxAnswerBytes) {
      throw new UserError(`${job.name}: result too large: more than ${Math.floor(data.maxAnswerBytes / 1048576)} MB; add LIMIT, or select fewer or shorter values`);
    }
    return wire;
  };
  process.on('message', (job: WorkerJob) => {
    answer(job).then(
      (result) => send({ type: 'answer', id: job.id, heapBytes: heap(), result }),
      (error: unknown) => {
        const user = error instanceof UserError;
        const overflow = error instanceof RangeError && /call stack/i.test(error.message);
        if (overflow) return send({ type: 'failure', id: job.id, heapBytes: heap(), user: true, message: `${job.name}: the query is nested too deeply to be answered; simplify it` });
        const message = user ? error.message : error instanceof Error ? (error.stack ?? error.message) : messageOf(error);
        send({ type: 'failure', id: job.id, heapBytes: heap(), user, message });
      },
    );
  });
}

if (!process.send) throw new Error('query-worker.js runs as a child process of QueryPool');
// The main process gone (even killed), this one has nothing left to do.
process.on('disconnect', () => process.exit(0));
const failed = (error: unknown) => {
  process.stderr.write(`query worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
};
process.once('message', (data: WorkerData) => {
  main(data).catch(failed);
});
// The engine loads while the quads are on their way (the main process may still be reading the graph).
const engineLoading = loadEngine();
engineLoading.catch(failed);
