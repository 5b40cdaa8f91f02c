/**
 * A pool of query workers that answer SPARQL queries over their own copies of a store, so that a
 * query can really be stopped: Node cannot interrupt a synchronous loop, but it can kill a process.
 * Each worker is a child process (query-worker.ts) with its own V8 heap limit; it is sent the quads
 * once, at start (a term table and index arrays, wire.ts). Processes, not worker threads: a worker
 * thread that runs out of heap in some ways (one huge array or string) makes V8 abort the whole
 * process, server included (nodejs/node#47224); a child process that does dies alone.
 *
 * - Before a query goes to a worker, it passes the lexical screen (query-screen.ts): linear in its
 *   size, it refuses at once a query too large, too deeply nested, with too many operations, with
 *   SERVICE or an update. Parsing and everything else that grows with the query run in the worker.
 * - A query runs in an idle worker. The main process's timer enforces the timeout: on expiry the
 *   worker is killed, the query fails with a 503 HttpError, and a fresh worker replaces it.
 * - When every worker is busy, a query waits in a queue of at most `maxQueue`; beyond that it is
 *   refused at once with 503 "too many queries in progress" (Retry-After). The timeout counts from
 *   the moment a worker takes the query.
 * - The row cap (`maxRows`) is enforced in the worker, which stops collecting at `maxRows + 1`; so is
 *   the size cap (`maxAnswerBytes`): the main process never receives a larger answer.
 * - A worker that exceeds its heap (`maxMemoryMb`) dies; its query fails with 503 and it is replaced,
 *   as is one that dies of anything else (killed from outside, say).
 *
 * Errors: a malformed query, SPARQL Update, a failing query or a result over the cap reject with a
 * UserError (the message names the query and, for a syntax error, its line and column); timeout,
 * memory, a full queue and a closed pool reject with an HttpError of status 503.
 *
 * @example
 * const pool = await QueryPool.start(store.getQuads(null, null, null, null), { size: 2, timeoutMs: 5000, maxRows: 10000 });
 * const result = await pool.run('SELECT ?s WHERE { ?s ?p ?o } LIMIT 3');
 * const one = await pool.run('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }', { defaultGraphs: ['https://w3id.org/diplograph/id/article/000_e8b7f0acafe71e35'] });
 * await pool.close();
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type * as RDF from '@rdfjs/types';
import { UserError } from '../errors.js';
import { NODE_FLAGS } from '../node-flags.js';
import type { Dataset, QueryResult } from '../query/engine.js';
import { HttpError } from './http.js';
import type { WorkerData, WorkerJob, WorkerReply } from './query-worker.js';
import { SCREEN_DEFAULTS, screenQuery, type ScreenLimits } from './query-screen.js';
import { decodeResult, encodeQuads, type WireQuads } from './wire.js';

export interface PoolOptions extends Partial<ScreenLimits> {
  /** Worker processes, each with its own copy of the store. Default 2. */
  size?: number;
  /** Stop a query (terminate its worker) after this many milliseconds. Default 30 000. */
  timeoutMs?: number;
  /** The most rows (SELECT) or triples (CONSTRUCT/DESCRIBE) an answer may have. Default 10 000. */
  maxRows?: number;
  /** Queries that may wait for a worker; more are refused with 503. Default 16. */
  maxQueue?: number;
  /** The heap limit of each worker (V8 old generation), in MB. Default 512. */
  maxMemoryMb?: number;
  /** The largest answer, in bytes as the endpoint writes it (about): a larger one is refused in the worker (400). Default 16 MB. */
  maxAnswerBytes?: number;
  /**
   * When start() resolves: once every worker is ready (`all`, the default), or once the first is
   * (`first`): the others then start one after another in the background, so that on a small machine
   * they do not slow the first one down; queries wait in the queue for a worker meanwhile.
   */
  readyWhen?: 'all' | 'first';
}

export const POOL_DEFAULTS: Readonly<Required<PoolOptions>> = { size: 2, timeoutMs: 30_000, maxRows: 10_000, maxQueue: 16, maxMemoryMb: 512, maxAnswerBytes: 16 * 1024 * 1024, readyWhen: 'all', ...SCREEN_DEFAULTS };

/** A snapshot of the pool, for monitoring and tests. */
export interface PoolStats {
  /** Workers ready to take a query (busy or idle), and those starting (replacements). */
  workers: number;
  starting: number;
  busy: number;
  queued: number;
  /** Workers replaced after a timeout or a crash, since start. */
  replaced: number;
  /** The used heap of each ready worker, in bytes, as it last reported it (after its last answer). */
  heapBytes: number[];
  /** The process ids of the ready workers. */
  pids: number[];
  /** How long start() took to get every worker ready (store copied, engine loaded), in ms; with readyWhen `first`, the first worker. */
  startupMs: number;
  /** In the worker that started last: ms to build its store from the quads, then to load and warm up the engine. */
  lastStart: { storeMs: number; engineMs: number };
}

interface Job {
  id: number;
  query: string;
  name: string;
  dataset?: Dataset;
  resolve(result: QueryResult): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: ChildProcess;
  job?: Job;
  timer?: NodeJS.Timeout;
  heapBytes: number;
  /** Set when the pool terminates the worker itself, so its exit is not a crash. */
  retired?: boolean;
}

const WORKER_FILE = fileURLToPath(new URL('./query-worker.js', import.meta.url));

/** Kills a worker process; resolves once it has exited. */
function kill(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    worker.once('exit', () => done());
    worker.kill('SIGKILL');
  });
}

/** The last bytes a worker wrote to stderr, kept to tell why it died. */
const STDERR_KEPT = 4096;

function positiveInteger(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new UserError(`query pool: ${name} must be a whole number of at least ${min}, not ${value}`);
  return value;
}

/** Whether quads are given in wire form already (a NativeGraph's `toWire()`). */
function isWire(quads: Iterable<RDF.Quad> | WireQuads): quads is WireQuads {
  return (quads as WireQuads).ids instanceof Uint32Array && Array.isArray((quads as WireQuads).terms);
}

/** Runs SPARQL queries in killable worker threads. See the module comment for the behaviour. */
export class QueryPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private starting = 0;
  private replaced = 0;
  private nextId = 1;
  private closed = false;
  private startupMs = 0;
  private lastStart = { storeMs: 0, engineMs: 0 };

  /** The IRIs of the named graphs of the store, sorted (known once the quads are: before start() resolves). */
  graphs: readonly string[] = [];

  private constructor(private readonly data: Promise<WireQuads>, readonly limits: Readonly<Required<PoolOptions>>) {
    data.then((d) => {
      const graphs = new Set<number>();
      for (let i = 3; i < d.ids.length; i += 4) graphs.add(d.ids[i]);
      this.graphs = [...graphs].map((n) => d.terms[n]).filter((id) => id !== '' && !id.startsWith('_:')).sort();
    }, () => undefined);
  }

  /**
   * Starts `size` workers, each with a copy of `quads`, and resolves once all are ready. The quads may
   * still be coming (a promise: `serve` reads the graph file while the first worker loads the engine);
   * when they fail to come, start() rejects with their error.
   *
   * @example
   * const pool = await QueryPool.start(store.getQuads(null, null, null, null), { size: 4 });
   */
  static async start(quads: Iterable<RDF.Quad> | WireQuads | Promise<Iterable<RDF.Quad> | WireQuads>, options: PoolOptions = {}): Promise<QueryPool> {
    const o = { ...POOL_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as Required<PoolOptions>;
    positiveInteger('size', o.size, 1);
    positiveInteger('maxRows', o.maxRows, 1);
    positiveInteger('maxQueue', o.maxQueue, 0);
    positiveInteger('maxMemoryMb', o.maxMemoryMb, 16);
    for (const k of ['maxAnswerBytes', 'maxQueryBytes', 'maxDepth', 'maxOperations', 'maxOperators'] as const) positiveInteger(k, o[k], 1);
    if (!(o.timeoutMs > 0) || o.timeoutMs > 2_147_483_647) throw new UserError(`query pool: timeoutMs must be a positive number of milliseconds, not ${o.timeoutMs}`);
    const started = performance.now();
    const pool = new QueryPool(Promise.resolve(quads).then((q) => (isWire(q) ? q : encodeQuads(q))), o);
    try {
      const ready = o.readyWhen === 'first' ? pool.spawn() : Promise.all(Array.from({ length: o.size }, () => pool.spawn()));
      ready.catch(() => undefined); // judged below, after the quads: their failure is the one to report
      await pool.data;
      await ready;
      if (o.readyWhen === 'first') void pool.spawnRest(o.size - 1);
    } catch (error) {
      await pool.close();
      throw error;
    }
    pool.startupMs = Math.round(performance.now() - started);
    return pool;
  }

  /**
   * Answers a query (SELECT, ASK, CONSTRUCT or DESCRIBE) in a worker, over the union default graph,
   * or over `dataset` when given (default graph = merge of `defaultGraphs`, named graphs = exactly
   * `namedGraphs`; it takes precedence over FROM / FROM NAMED). `name` names the query in messages.
   * Rejects as described in the module comment; never resolves with a partial answer.
   */
  run(query: string, dataset?: Dataset, name = 'query'): Promise<QueryResult> {
    return new Promise((resolve, reject) => {
      if (this.closed) throw new HttpError(503, `${name}: the query service is shut down`);
      screenQuery(query, this.limits, name); // a query over the limits, SERVICE or an update are refused here, without a worker
      const job: Job = { id: this.nextId++, query, name, dataset, resolve, reject };
      const idle = this.slots.find((s) => !s.job);
      if (idle) return this.dispatch(idle, job);
      if (this.queue.length >= this.limits.maxQueue) {
        throw new HttpError(503, `${name}: too many queries in progress (${this.slots.filter((s) => s.job).length} running, ${this.queue.length} waiting); try again shortly`, { 'Retry-After': '1' });
      }
      this.queue.push(job);
    });
  }

  /** How the pool is doing now. */
  stats(): PoolStats {
    return {
      workers: this.slots.length,
      starting: this.starting,
      busy: this.slots.filter((s) => s.job).length,
      queued: this.queue.length,
      replaced: this.replaced,
      heapBytes: this.slots.map((s) => s.heapBytes),
      pids: this.slots.map((s) => s.worker.pid!),
      startupMs: this.startupMs,
      lastStart: this.lastStart,
    };
  }

  /** Terminates every worker; running and waiting queries reject with 503. Idempotent. */
  async close(): Promise<void> {
    this.closed = true;
    const stopped = new HttpError(503, 'the query service is shutting down');
    for (const job of this.queue.splice(0)) job.reject(stopped);
    const slots = this.slots.splice(0);
    for (const slot of slots) this.retire(slot, stopped);
    await Promise.all(slots.map((s) => kill(s.worker)));
  }

  /** Starts `n` more workers one after another (readyWhen `first`); one that cannot start is replaced as a crashed one is. */
  private async spawnRest(n: number): Promise<void> {
    for (let i = 0; i < n && !this.closed; i++) {
      try {
        await this.spawn();
      } catch {
        this.replace();
      }
    }
  }

  /** Starts one worker and resolves once it is ready (or rejects if it fails to start). */
  private spawn(): Promise<void> {
    this.starting++;
    const worker = fork(WORKER_FILE, [], {
      execArgv: [...NODE_FLAGS, `--max-old-space-size=${this.limits.maxMemoryMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    let stderr = '';
    worker.stderr!.setEncoding('utf8');
    worker.stderr!.on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-STDERR_KEPT)));
    worker.on('error', () => undefined); // a failed send to a dying worker; its exit says the rest
    // Started at once: it loads the engine while the quads are still being read.
    this.data.then(
      (quads) => worker.connected && worker.send({ type: 'start', quads, maxRows: this.limits.maxRows, maxAnswerBytes: this.limits.maxAnswerBytes } satisfies WorkerData),
      () => void kill(worker),
    );
    return new Promise<void>((resolve, reject) => {
      let slot: Slot | undefined;
      let started = false;
      worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'ready') {
          started = true;
          this.starting--;
          this.lastStart = { storeMs: reply.storeMs, engineMs: reply.engineMs };
          if (this.closed) {
            void kill(worker);
            return resolve();
          }
          slot = { worker, heapBytes: reply.heapBytes };
          this.slots.push(slot);
          resolve();
          return this.next(slot);
        }
        if (slot) this.answered(slot, reply);
      });
      // 'close', not 'exit': it comes once stderr is drained, so the reason V8 printed before aborting (heap
      // limit) is in `stderr` when the worker's end is judged; on 'exit' the last chunk may still be on its way.
      worker.on('close', (code, signal) => {
        const how = signal ? `signal ${signal}` : `exit code ${code}`;
        const last = stderr.trim().split('\n').filter((l) => l.trim() && !/^\s*at /.test(l)).pop() ?? '';
        if (!slot) {
          if (started) return; // closed while it started
          this.starting--;
          return reject(new Error(`query worker could not start (${how})${last ? `: ${last}` : ''}`));
        }
        if (slot.retired) return;
        const oom = /out of memory|heap limit|Allocation failed/i.test(stderr);
        const what = oom ? `needed more than ${this.limits.maxMemoryMb} MB of memory and was stopped; simplify the query or add LIMIT` : `the query worker stopped unexpectedly (${how})`;
        this.remove(slot);
        const job = slot.job;
        slot.job = undefined;
        clearTimeout(slot.timer);
        job?.reject(new HttpError(503, `${job.name}: ${what}`, { 'Retry-After': '1' }));
        if (!oom) process.stderr.write(`diplograph: query worker ${worker.pid} exited (${how})${last ? `: ${last}` : ''}\n`);
        this.replaced++;
        this.replace();
      });
    });
  }

  private dispatch(slot: Slot, job: Job): void {
    slot.job = job;
    slot.timer = setTimeout(() => this.timedOut(slot), this.limits.timeoutMs);
    slot.worker.send({ id: job.id, query: job.query, name: job.name, dataset: job.dataset } satisfies WorkerJob);
  }

  /** Gives a free worker the next waiting query, if any. */
  private next(slot: Slot): void {
    const job = this.queue.shift();
    if (job) this.dispatch(slot, job);
  }

  private answered(slot: Slot, reply: Exclude<WorkerReply, { type: 'ready' }>): void {
    const job = slot.job;
    if (!job || job.id !== reply.id) return;
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.heapBytes = reply.heapBytes;
    if (reply.type === 'answer') job.resolve(decodeResult(reply.result));
    else job.reject(reply.user ? new UserError(reply.message) : new Error(`query worker: ${reply.message}`));
    this.next(slot);
  }

  private timedOut(slot: Slot): void {
    const name = slot.job?.name ?? 'query';
    this.remove(slot);
    this.retire(slot, new HttpError(503, `${name}: no answer within ${this.limits.timeoutMs / 1000} s; the query was stopped; simplify the query or add LIMIT`, { 'Retry-After': '1' }));
    void kill(slot.worker);
    this.replaced++;
    this.replace();
  }

  /** Marks a worker as stopped by the pool and fails its query, if any, with `error`. */
  private retire(slot: Slot, error: HttpError): void {
    slot.retired = true;
    clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = undefined;
    job?.reject(error);
  }

  private remove(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
  }

  /** Starts a worker in place of one that was stopped; retries every second if it cannot start. */
  private replace(): void {
    if (this.closed) return;
    this.spawn().catch((error: unknown) => {
      process.stderr.write(`diplograph: ${error instanceof Error ? error.message : String(error)}; retrying in 1 s\n`);
      setTimeout(() => this.replace(), 1000).unref();
    });
  }
}
