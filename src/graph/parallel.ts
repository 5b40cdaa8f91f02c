/**
 * Parallel extraction: article files are extracted by a pool of worker threads, each reading one
 * article at a time (the texts of the corpus are never all in memory as files), and the extractions
 * come back in file order, so the graph is byte-identical to a single-threaded build's. An article
 * that cannot be read (a UserError naming the file) is reported in `failures`, in file order, and the
 * others are still extracted; a programming error stops the whole extraction.
 *
 * @example
 * const { extractions, failures } = await extractFiles(articleFiles('data/documents'), { jobs: 2 });
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { UserError, messageOf } from '../errors.js';
import type { ArticleExtraction } from '../extract/model.js';
import { extractFile, type ArticleFailure, type FolderExtraction } from './corpus.js';

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

/** Extracts the files, in parallel when asked or when worth it; the results are in the order of `files`. */
export async function extractFiles(files: string[], options: ExtractOptions = {}): Promise<FolderExtraction> {
  const jobs = Math.max(1, Math.min(options.jobs ?? (files.length < PARALLEL_THRESHOLD ? 1 : defaultJobs()), files.length));
  if (jobs === 1) {
    const extractions: ArticleExtraction[] = [];
    const failures: ArticleFailure[] = [];
    files.forEach((f, i) => {
      try {
        extractions.push(extractFile(f));
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        failures.push({ file: f, message: messageOf(error) });
      }
      options.onArticle?.(i + 1);
    });
    return { extractions, failures };
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

function extractInWorkers(files: string[], jobs: number, onArticle?: (done: number) => void): Promise<FolderExtraction> {
  const results = new Array<ArticleExtraction | undefined>(files.length);
  const failed = new Array<ArticleFailure | undefined>(files.length);
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  let finished = false;
  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      if (finished) return;
      finished = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else {
        resolve({
          extractions: results.filter((x): x is ArticleExtraction => x !== undefined),
          failures: failed.filter((f): f is ArticleFailure => f !== undefined),
        });
      }
    };
    const feed = (w: Worker) => {
      if (next < files.length) {
        w.postMessage({ index: next, path: files[next] });
        next++;
      }
    };
    for (let j = 0; j < jobs; j++) {
      const w = new Worker(new URL('./extract-worker.js', import.meta.url));
      workers.push(w);
      w.on('message', (reply: WorkerReply) => {
        if (finished) return;
        if (reply.error) {
          const { message, user } = reply.error;
          if (!user) return finish(new Error(`${files[reply.index]}: ${message}`));
          failed[reply.index] = { file: files[reply.index], message };
        } else results[reply.index] = reply.extraction;
        done++;
        onArticle?.(done);
        feed(w);
        if (done === files.length) finish();
      });
      w.on('error', (error) => finish(error));
      w.on('exit', (code) => {
        if (!finished) finish(new Error(`an extraction worker stopped (exit code ${code}) before the corpus was extracted`));
      });
      for (let k = 0; k < IN_FLIGHT; k++) feed(w);
    }
  });
}
