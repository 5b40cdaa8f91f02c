/**
 * Parallel extraction: article files are extracted by a pool of worker threads, each reading one
 * article at a time (the texts of the corpus are never all in memory as files), and the extractions
 * come back in file order, so the graph is byte-identical to a single-threaded build's.
 *
 * @example
 * const extractions = await extractFiles(articleFiles('data/documents'), { jobs: 2 });
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { UserError } from '../errors.js';
import type { ArticleExtraction } from '../extract/model.js';
import { extractFile } from './corpus.js';

export interface ExtractOptions {
  /** Worker threads; 1 extracts in this thread. Default: the number of cores (in this thread for small corpora). */
  jobs?: number;
  /** Called after each article is extracted (in completion order), with the number done so far. */
  onArticle?: (done: number) => void;
}

/** Below this many articles, the default (no `jobs`) extracts in this thread: starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 32;

/** The number of worker threads a build uses by default: the cores of the machine. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** Extracts the files, in parallel when asked or when worth it; the result is in the order of `files`. */
export async function extractFiles(files: string[], options: ExtractOptions = {}): Promise<ArticleExtraction[]> {
  const jobs = Math.max(1, Math.min(options.jobs ?? (files.length < PARALLEL_THRESHOLD ? 1 : defaultJobs()), files.length));
  if (jobs === 1) {
    return files.map((f, i) => {
      const x = extractFile(f);
      options.onArticle?.(i + 1);
      return x;
    });
  }
  return extractInWorkers(files, jobs, options.onArticle);
}

interface WorkerReply {
  index: number;
  extraction?: ArticleExtraction;
  error?: { message: string; user: boolean; exitCode: number };
}

/** Two articles in flight per worker, so that a worker never waits for its next file. */
const IN_FLIGHT = 2;

function extractInWorkers(files: string[], jobs: number, onArticle?: (done: number) => void): Promise<ArticleExtraction[]> {
  const results = new Array<ArticleExtraction | undefined>(files.length);
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  let finished = false;
  // The error of the first bad file in file order (as a single-threaded build reports it), once every file before it is done.
  let firstError: { index: number; error: Error } | undefined;
  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      if (finished) return;
      finished = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve(results as ArticleExtraction[]);
    };
    const limit = () => firstError?.index ?? files.length;
    const feed = (w: Worker) => {
      if (next < limit()) {
        w.postMessage({ index: next, path: files[next] });
        next++;
      }
    };
    const settle = () => {
      if (firstError) {
        for (let i = 0; i < firstError.index; i++) if (!results[i]) return;
        finish(firstError.error);
      } else if (done === files.length) finish();
    };
    for (let j = 0; j < jobs; j++) {
      const w = new Worker(new URL('./extract-worker.js', import.meta.url));
      workers.push(w);
      w.on('message', (reply: WorkerReply) => {
        if (finished) return;
        if (reply.error) {
          const { message, user, exitCode } = reply.error;
          const error = user ? new UserError(message, { exitCode }) : new Error(`${files[reply.index]}: ${message}`);
          if (!firstError || reply.index < firstError.index) firstError = { index: reply.index, error };
        } else {
          results[reply.index] = reply.extraction;
          done++;
          onArticle?.(done);
        }
        feed(w);
        settle();
      });
      w.on('error', (error) => finish(error));
      w.on('exit', (code) => {
        if (!finished) finish(new Error(`an extraction worker stopped (exit code ${code}) before the corpus was extracted`));
      });
      for (let k = 0; k < IN_FLIGHT; k++) feed(w);
    }
  });
}
