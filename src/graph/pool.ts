/**
 * A pool of worker threads for a batch of jobs: the jobs are made one at a time, when a worker can
 * take one (two in flight per worker, so that a worker never waits for its next job), and each reply
 * is handed over as it comes. The pool is used by the parallel extraction (src/graph/parallel.ts) and
 * the chunked SHACL validation (src/graph/validate.ts).
 *
 * @example
 * await runInWorkers({ worker: new URL('./w.js', import.meta.url), threads: 2, what: 'a worker', task: 'the work was done',
 *   next: () => (i < n ? { message: i++ } : undefined), onReply: (reply) => replies.push(reply) });
 */
import { Worker, type ResourceLimits, type Transferable } from 'node:worker_threads';

/** A job for a worker: the message, and what it hands over (transfers) instead of copying. */
export interface PoolJob {
  message: unknown;
  transfer?: Transferable[];
}

export interface PoolOptions {
  /** The worker module: it answers each message it is sent with one message. */
  worker: URL;
  threads: number;
  /** The next job, or undefined when there is none left. */
  next: () => PoolJob | undefined;
  /** Takes a reply; throwing stops the pool, which then rejects with that error. */
  onReply: (reply: unknown) => void;
  /** For the error when a worker stops early: "<what> stopped (exit code N) before <task>". */
  what: string;
  task: string;
  resourceLimits?: ResourceLimits;
}

/** Jobs a worker has at a time: one it works on, one waiting. */
const IN_FLIGHT = 2;

/** Runs every job in the workers; resolves when each has been answered, and the workers are stopped. */
export function runInWorkers(options: PoolOptions): Promise<void> {
  const workers: Worker[] = [];
  let pending = 0;
  let exhausted = false;
  let finished = false;
  return new Promise((resolve, reject) => {
    const finish = (error?: unknown) => {
      if (finished) return;
      finished = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve();
    };
    const feed = (w: Worker) => {
      const job = exhausted ? undefined : options.next();
      if (!job) {
        exhausted = true;
        return;
      }
      pending++;
      w.postMessage(job.message, job.transfer);
    };
    for (let j = 0; j < options.threads && !exhausted; j++) {
      const w = new Worker(options.worker, options.resourceLimits ? { resourceLimits: options.resourceLimits } : undefined);
      workers.push(w);
      w.on('message', (reply: unknown) => {
        if (finished) return;
        pending--;
        try {
          options.onReply(reply);
        } catch (error) {
          return finish(error);
        }
        feed(w);
        if (exhausted && pending === 0) finish();
      });
      w.on('error', (error) => finish(error));
      w.on('exit', (code) => {
        if (!finished) finish(new Error(`${options.what} stopped (exit code ${code}) before ${options.task}`));
      });
      for (let k = 0; k < IN_FLIGHT; k++) feed(w);
    }
    if (exhausted && pending === 0) finish();
  });
}
