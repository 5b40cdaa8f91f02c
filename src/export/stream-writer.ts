/**
 * Streaming RDF output: the canonical, deterministic serialization of src/export/rdf-writer.ts written
 * to a file or a stream in batches, waiting for the stream to drain, so the output text is never held
 * whole in memory (only the sorted graph is). Files are written to a temporary file and renamed.
 *
 * @example
 * await writeQuadsAtomic('out/graph.nt', store.getQuads(null, null, null, null), 'ntriples');
 */
import type * as RDF from '@rdfjs/types';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Writer } from 'n3';
import type { ReadableGraph } from '../query/native-graph.js';
import { UserError } from '../errors.js';
import { writeStreamAtomic } from '../io.js';
import { PREFIXES } from '../vocab.js';
import { termKey } from '../graph/iris.js';
import { canonicalQuads, RDF_FORMATS, type RdfFormat } from './rdf-writer.js';

const N3_FORMAT: Record<RdfFormat, string> = { turtle: 'Turtle', trig: 'TriG', ntriples: 'N-Triples', nquads: 'N-Quads' };

/** Whether quads are given as a store (read subject by subject) rather than as a list. */
function isGraph(quads: Iterable<RDF.Quad> | ReadableGraph): quads is ReadableGraph {
  return typeof (quads as ReadableGraph).getSubjects === 'function' && typeof (quads as ReadableGraph).getGraphs === 'function';
}

/** Quads serialized between two flushes to the stream. */
const BATCH = 5000;

const rank = (k: string) => (k.startsWith('<') ? 0 : k.startsWith('_:') ? 1 : 2);
/** The order canonicalQuads gives graphs and subjects. */
const byKey = (a: string, b: string) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);

/**
 * The canonical order of a store's quads, one subject at a time: graphs and subjects are sorted, and
 * each subject's quads sorted as canonicalQuads does, so the sequence is the same as
 * canonicalQuads(all quads) without a sort index of the whole graph.
 */
export function* canonicalStoreQuads(store: ReadableGraph, keepGraphs: boolean): Generator<RDF.Quad> {
  const sortTerms = <T extends RDF.Term>(terms: T[]) => terms.map((t) => ({ t, k: termKey(t) })).sort((x, y) => byKey(x.k, y.k)).map((e) => e.t);
  const graphs = sortTerms(store.getGraphs(null, null, null));
  if (keepGraphs) {
    for (const g of graphs) {
      for (const s of sortTerms(store.getSubjects(null, null, g))) yield* canonicalQuads(store.getQuads(s, null, null, g), true);
    }
    return;
  }
  // The graphs merged: each subject's quads are gathered from the graphs it occurs in (a lookup over every graph per subject would cost graphs × subjects).
  const where = new Map<string, { s: RDF.Quad_Subject; graphs: RDF.Quad_Graph[] }>();
  for (const g of graphs) {
    for (const s of store.getSubjects(null, null, g)) {
      const k = termKey(s);
      const entry = where.get(k);
      if (entry) entry.graphs.push(g as RDF.Quad_Graph);
      else where.set(k, { s: s as RDF.Quad_Subject, graphs: [g as RDF.Quad_Graph] });
    }
  }
  const keys = [...where.keys()].sort(byKey);
  for (const k of keys) {
    const { s, graphs: in_ } = where.get(k)!;
    where.delete(k);
    yield* canonicalQuads(in_.flatMap((g) => store.getQuads(s, null, null, g)), false);
  }
}

/**
 * Writes the canonical serialization of `quads` to `out` (not ended), with back-pressure; same bytes as
 * serializeQuads. From a store (an N3 Store or a graph in the native store), the quads are taken in
 * canonical order subject by subject (no sorted copy of the graph).
 */
export async function streamQuads(quads: Iterable<RDF.Quad> | ReadableGraph, format: RdfFormat, out: Writable): Promise<void> {
  if (!N3_FORMAT[format]) throw new UserError(`unknown RDF format "${format}" (use ${RDF_FORMATS.join(', ')})`);
  const keepGraphs = format === 'trig' || format === 'nquads';
  const sorted: Iterable<RDF.Quad> = isGraph(quads) ? canonicalStoreQuads(quads, keepGraphs) : canonicalQuads(quads, keepGraphs);
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
  let i = 0;
  for (const q of sorted) {
    writer.addQuad(q);
    if (++i % BATCH === 0) await flush();
  }
  await new Promise<void>((resolve, reject) => writer.end((error: Error | null) => (error ? reject(error) : resolve())));
  await flush();
}

/** Streams the canonical serialization into `path` through a temporary file, flushed and renamed when complete. */
export async function writeQuadsAtomic(path: string, quads: Iterable<RDF.Quad> | ReadableGraph, format: RdfFormat): Promise<void> {
  await writeStreamAtomic(path, (out) => streamQuads(quads, format, out));
}
