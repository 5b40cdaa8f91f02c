/**
 * A worker thread of the chunked SHACL validation (src/graph/validate.ts): it compiles the project's
 * shapes once, is sent chunks of the graph, and posts back the results about each chunk's own subjects.
 * Chunks are validated one after the other, in the order they come.
 */
import { parentPort } from 'node:worker_threads';
import { unpack, validateChunk, type ChunkJob, type ChunkReply } from './validate.js';

let queue = Promise.resolve();

parentPort?.on('message', (job: ChunkJob) => {
  queue = queue.then(async () => {
    let reply: ChunkReply;
    try {
      reply = { index: job.index, results: await validateChunk(unpack(job.packed), new Set(job.own)) };
    } catch (error) {
      reply = { index: job.index, error: error instanceof Error ? error.message : String(error) };
    }
    parentPort!.postMessage(reply);
  });
});
