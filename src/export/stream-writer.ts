/**
 * Streaming RDF output: the canonical, deterministic serialization of src/export/rdf-writer.ts written
 * to a file or a stream in batches, waiting for the stream to drain, so the output text is never held
 * whole in memory (only the sorted graph is). Files are written to a temporary file and renamed.
 *
 * @example
 * await writeQuadsAtomic('out/graph.nt', store.getQuads(null, null, null, null), 'ntriples');
 */
import type * as RDF from '@rdfjs/types';
import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Writer } from 'n3';
import { UserError } from '../errors.js';
import { tempPathFor } from '../io.js';
import { PREFIXES } from '../vocab.js';
import { canonicalQuads, RDF_FORMATS, type RdfFormat } from './rdf-writer.js';

const N3_FORMAT: Record<RdfFormat, string> = { turtle: 'Turtle', trig: 'TriG', ntriples: 'N-Triples', nquads: 'N-Quads' };

/** Quads serialized between two flushes to the stream. */
const BATCH = 5000;

/** Writes the canonical serialization of `quads` to `out` (not ended), with back-pressure; same bytes as serializeQuads. */
export async function streamQuads(quads: Iterable<RDF.Quad>, format: RdfFormat, out: Writable): Promise<void> {
  if (!N3_FORMAT[format]) throw new UserError(`unknown RDF format "${format}" (use ${RDF_FORMATS.join(', ')})`);
  const keepGraphs = format === 'trig' || format === 'nquads';
  const sorted = canonicalQuads(quads, keepGraphs);
  const pretty = format === 'turtle' || format === 'trig';
  let pending: string[] = [];
  // The N3 writer keeps its state (current subject, predicate, graph) between quads; it writes into `pending`.
  const sink = { write: (chunk: string, _enc?: unknown, done?: () => void) => { pending.push(chunk); done?.(); return true; }, end: (done?: () => void) => done?.() };
  const writer = new Writer(sink as never, { format: N3_FORMAT[format], prefixes: pretty ? { ...PREFIXES } : undefined, end: false } as never);
  const flush = async () => {
    if (!pending.length) return;
    const text = pending.join('');
    pending = [];
    if (!out.write(text)) await once(out, 'drain');
  };
  for (let i = 0; i < sorted.length; i++) {
    writer.addQuad(sorted[i]);
    if (i % BATCH === BATCH - 1) await flush();
  }
  sorted.length = 0;
  await new Promise<void>((resolve, reject) => writer.end((error: Error | null) => (error ? reject(error) : resolve())));
  await flush();
}

/** Streams the canonical serialization into `path` through a temporary file, renamed when complete. */
export async function writeQuadsAtomic(path: string, quads: Iterable<RDF.Quad>, format: RdfFormat): Promise<void> {
  const { dirname } = await import('node:path');
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tempPathFor(path);
  const out = createWriteStream(tmp);
  try {
    await streamQuads(quads, format, out);
    out.end();
    await once(out, 'finish');
    renameSync(tmp, path);
  } catch (error) {
    out.destroy();
    rmSync(tmp, { force: true });
    throw error;
  }
}
