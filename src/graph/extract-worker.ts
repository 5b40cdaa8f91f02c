/**
 * A worker thread of the parallel extraction (src/graph/parallel.ts): it is sent article file paths
 * with their position, reads and extracts each one, and posts back the extraction or the error.
 */
import { parentPort } from 'node:worker_threads';
import { UserError } from '../errors.js';
import { extractFile } from './corpus.js';

/** A job: extract the file at `path`, the `index`-th of the folder. */
export interface ExtractJob {
  index: number;
  path: string;
}

parentPort?.on('message', (job: ExtractJob) => {
  try {
    parentPort!.postMessage({ index: job.index, extraction: extractFile(job.path) });
  } catch (error) {
    const user = error instanceof UserError;
    parentPort!.postMessage({
      index: job.index,
      error: { message: error instanceof Error ? error.message : String(error), user, exitCode: user ? error.exitCode : 1 },
    });
  }
});
