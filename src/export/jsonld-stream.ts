/**
 * Compacted JSON-LD of a whole store, streamed: the top-level nodes (the default graph's subjects and
 * the named graphs, in the order jsonld.fromRDF gives them: by id) are compacted a chunk at a time and
 * written as they come, so neither the expanded document nor the output text is ever whole in memory.
 * The bytes are those of toJsonLd (src/export/jsonld.ts): every top-level node compacts on its own.
 *
 * @example
 * await writeJsonLdAtomic('graph.jsonld', await loadGraph('data/graph.trig'));
 */
import type * as RDF from '@rdfjs/types';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import jsonld from 'jsonld';
import type { ReadableGraph } from '../query/native-graph.js';
import { writeStreamAtomic } from '../io.js';
import { factory } from '../vocab.js';
import { documentLoader, localContext, toJsonLd } from './jsonld.js';
import { serializeQuads } from './rdf-writer.js';

/** Top-level nodes compacted together. */
const CHUNK = 200;

const indent = (json: string, n: number) => json.replace(/\n/g, `\n${' '.repeat(n)}`);

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/** Writes the store as compacted JSON-LD to `out` (not ended): the same bytes as toJsonLd(all quads). `chunk`: top-level nodes per compaction. */
export async function streamJsonLd(store: ReadableGraph, out: Writable, chunk = CHUNK): Promise<void> {
  const dg = factory.defaultGraph();
  const graphs = store.getGraphs(null, null, null).filter((g) => g.termType !== 'DefaultGraph');
  const subjects = store.getSubjects(null, null, dg);
  const blank = [...graphs, ...subjects].some((t) => t.termType !== 'NamedNode');
  const ids = [...new Set([...subjects, ...graphs].map((t) => t.value))].sort();
  // Small graphs (where compaction may drop the top-level @graph) and blank nodes: the whole document at once.
  if (blank || ids.length <= Math.max(chunk, 1)) {
    await write(out, await toJsonLd(store.getQuads(null, null, null, null)));
    return;
  }
  const isGraph = new Set(graphs.map((g) => g.value));
  const context = localContext();
  let first = true;
  for (let i = 0; i < ids.length; i += chunk) {
    const quads: RDF.Quad[] = [];
    for (const id of ids.slice(i, i + chunk)) {
      const node = factory.namedNode(id);
      quads.push(...store.getQuads(node, null, null, dg));
      if (isGraph.has(id)) quads.push(...store.getQuads(null, null, null, node));
    }
    const expanded = await jsonld.fromRDF(await serializeQuads(quads, 'nquads'), { format: 'application/n-quads', useNativeTypes: false });
    const doc = (await jsonld.compact(expanded, context as never, { documentLoader, graph: true } as never)) as unknown as Record<string, unknown>;
    if (first) await write(out, `{\n  "@context": ${indent(JSON.stringify(doc['@context'], null, 2), 2)},\n  "@graph": [\n`);
    const nodes = doc['@graph'] as unknown[];
    await write(out, nodes.map((n, k) => `${first && k === 0 ? '' : ',\n'}    ${indent(JSON.stringify(n, null, 2), 4)}`).join(''));
    first = false;
  }
  await write(out, '\n  ]\n}\n');
}

/** Streams the compacted JSON-LD of the store into `path` through a temporary file, flushed and renamed when complete. */
export async function writeJsonLdAtomic(path: string, store: ReadableGraph): Promise<void> {
  await writeStreamAtomic(path, (out) => streamJsonLd(store, out));
}
