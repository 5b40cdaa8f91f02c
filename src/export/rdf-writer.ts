/**
 * Deterministic RDF serialization: the same quads give the same bytes, whatever order they came in.
 * Quads are deduplicated and sorted by graph, subject, predicate and object; Turtle and N-Triples
 * hold the merge of all graphs, TriG and N-Quads keep the named graphs.
 */
import type * as RDF from '@rdfjs/types';
import { Writer } from 'n3';
import { UserError } from '../errors.js';
import { termKey } from '../graph/iris.js';
import { PREFIXES, factory } from '../vocab.js';

export type RdfFormat = 'turtle' | 'trig' | 'ntriples' | 'nquads';

const N3_FORMAT: Record<RdfFormat, string> = { turtle: 'Turtle', trig: 'TriG', ntriples: 'N-Triples', nquads: 'N-Quads' };

export const RDF_FORMATS = Object.keys(N3_FORMAT) as RdfFormat[];

/** Deduplicated quads in canonical order; for triple formats the graphs are merged into the default graph. */
export function canonicalQuads(quads: Iterable<RDF.Quad>, keepGraphs: boolean): RDF.Quad[] {
  const seen = new Map<string, { key: string[]; quad: RDF.Quad }>();
  for (const q of quads) {
    const graph = keepGraphs ? q.graph : factory.defaultGraph();
    const key = [termKey(graph), termKey(q.subject), termKey(q.predicate), termKey(q.object)];
    const id = key.join(' ');
    if (!seen.has(id)) seen.set(id, { key, quad: keepGraphs ? q : factory.quad(q.subject, q.predicate, q.object) });
  }
  const rank = (k: string) => (k.startsWith('<') ? 0 : k.startsWith('_:') ? 1 : 2);
  const cmp = (a: string, b: string) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
  return [...seen.values()]
    .sort((x, y) => cmp(x.key[0], y.key[0]) || cmp(x.key[1], y.key[1]) || (x.key[2] === y.key[2] ? 0 : x.key[2] === `<${PREFIXES.rdf}type>` ? -1 : y.key[2] === `<${PREFIXES.rdf}type>` ? 1 : cmp(x.key[2], y.key[2])) || cmp(x.key[3], y.key[3]))
    .map((e) => e.quad);
}

/** Serializes quads in a format, deterministically. */
export function serializeQuads(quads: Iterable<RDF.Quad>, format: RdfFormat): Promise<string> {
  if (!N3_FORMAT[format]) throw new UserError(`unknown RDF format "${format}" (use ${RDF_FORMATS.join(', ')})`);
  const keepGraphs = format === 'trig' || format === 'nquads';
  const sorted = canonicalQuads(quads, keepGraphs);
  const pretty = format === 'turtle' || format === 'trig';
  const writer = new Writer({ format: N3_FORMAT[format], prefixes: pretty ? { ...PREFIXES } : undefined });
  writer.addQuads(sorted);
  return new Promise((resolve, reject) => writer.end((error, result) => (error ? reject(error) : resolve(result))));
}
