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
import { UserError, messageOf } from '../errors.js';
import type { ArticleExtraction } from '../extract/model.js';
import { extractFile, type ArticleFailure, type FolderExtraction } from './corpus.js';
import { runInWorkers } from './pool.js';

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

async function extractInWorkers(files: string[], jobs: number, onArticle?: (done: number) => void): Promise<FolderExtraction> {
  const results = new Array<ArticleExtraction | undefined>(files.length);
  const failed = new Array<ArticleFailure | undefined>(files.length);
  let sent = 0;
  let done = 0;
  const onReply = (message: unknown) => {
    const reply = message as WorkerReply;
    if (reply.error) {
      const { message: text, user } = reply.error;
      if (!user) throw new Error(`${files[reply.index]}: ${text}`);
      failed[reply.index] = { file: files[reply.index], message: text };
    } else results[reply.index] = reply.extraction;
    done++;
    onArticle?.(done);
  };
  const next = () => (sent < files.length ? { message: { index: sent, path: files[sent++] } } : undefined);
  await runInWorkers({ worker: new URL('./extract-worker.js', import.meta.url), threads: jobs, next, onReply, what: 'an extraction worker', task: 'the corpus was extracted' });
  return {
    extractions: results.filter((x): x is ArticleExtraction => x !== undefined),
    failures: failed.filter((f): f is ArticleFailure => f !== undefined),
  };
}
