/**
 * A graph held only in a {@link NativeStore} (dictionary-encoded ids, sorted permutation indexes), read
 * as an N3 Store is read: the quads of the dataset as it was given (every named graph's quads and the
 * default graph's own triples, each once), not those of the merged default graph that the query engine
 * sees. It is what `diplograph query` and `serve` load a graph file into (src/graph/load.ts: N3's parser
 * feeds the store's term ids, no quad is kept), so that the graph is held once, in typed arrays, where an
 * N3 Store beside the native store took twice the memory.
 *
 * Only reading: `size`, `readQuads`/`getQuads`, `countQuads`, `getSubjects`, `getObjects`, `getGraphs`
 * ({@link ReadableGraph}, which an N3 Store also is). Terms come as rdf-data-factory terms; lists of
 * terms are distinct, in the order of the store's ids (first seen, first).
 *
 * @example
 * const graph = await loadGraph('data/graph.trig');
 * graph.getSubjects(RDF.type, DG.Article, null); // every article
 * await select(text, graph); // Comunica over graph.native, with no other copy made
 */
import type * as RDF from '@rdfjs/types';
import { factory } from '../vocab.js';
import { DEFAULT_GRAPH_ID, NativeStore } from './native-store.js';

/** A term given to a read: null or a variable for any. */
type Given = RDF.Term | null;

/** The reading part of an N3 Store that the project uses; an N3 Store and a {@link NativeGraph} both are one. */
export interface ReadableGraph {
  /** The number of quads. */
  readonly size: number;
  readQuads(s: Given, p: Given, o: Given, g: Given): Iterable<RDF.Quad>;
  getQuads(s: Given, p: Given, o: Given, g: Given): RDF.Quad[];
  countQuads(s: Given, p: Given, o: Given, g: Given): number;
  getSubjects(p: Given, o: Given, g: Given): RDF.Term[];
  getObjects(s: Given, p: Given, g: Given): RDF.Term[];
  getGraphs(s: Given, p: Given, o: Given): RDF.Term[];
}

const S = 0;
const P = 1;
const O = 2;
const G = 3;

export class NativeGraph implements ReadableGraph {
  readonly size: number;

  constructor(readonly native: NativeStore) {
    this.size = native.storedSize;
  }

  /** The ids of the terms given (undefined: any), or undefined when one is not in the store (nothing matches). */
  private ids(s: Given, p: Given, o: Given, g: Given): Array<number | undefined> | undefined {
    const out: Array<number | undefined> = [];
    for (const t of [s, p, o, g]) {
      if (!t || t.termType === 'Variable') out.push(undefined);
      else {
        const id = t.termType === 'DefaultGraph' ? DEFAULT_GRAPH_ID : this.native.idOf(t);
        if (id === undefined) return undefined;
        out.push(id);
      }
    }
    return out;
  }

  private term(id: number): RDF.Term {
    return id === DEFAULT_GRAPH_ID ? factory.defaultGraph() : this.native.term(id);
  }

  *readQuads(s: Given, p: Given, o: Given, g: Given): Generator<RDF.Quad> {
    const value = this.ids(s, p, o, g);
    if (!value) return;
    const n = this.native;
    for (const row of n.storedRows(value)) {
      yield factory.quad(this.term(n.idAt(row, S)) as RDF.Quad_Subject, this.term(n.idAt(row, P)) as RDF.Quad_Predicate, this.term(n.idAt(row, O)) as RDF.Quad_Object, this.term(n.idAt(row, G)) as RDF.Quad_Graph);
    }
  }

  getQuads(s: Given, p: Given, o: Given, g: Given): RDF.Quad[] {
    return [...this.readQuads(s, p, o, g)];
  }

  countQuads(s: Given, p: Given, o: Given, g: Given): number {
    const value = this.ids(s, p, o, g);
    if (!value) return 0;
    if (value.every((v) => v === undefined)) return this.size;
    // In a named graph every quad is one of the dataset's: counted by the index.
    if (value[G] !== undefined && value[G] !== DEFAULT_GRAPH_ID) return this.native.countIds(value, false);
    let n = 0;
    for (const _ of this.native.storedRows(value)) n++;
    return n;
  }

  /** The distinct ids at `pos` of the matching quads, in id order, as terms. */
  private distinct(pos: number, s: Given, p: Given, o: Given, g: Given): RDF.Term[] {
    const value = this.ids(s, p, o, g);
    if (!value) return [];
    const found = new Set<number>();
    for (const row of this.native.storedRows(value)) found.add(this.native.idAt(row, pos));
    return [...found].sort((a, b) => a - b).map((id) => this.term(id));
  }

  getSubjects(p: Given, o: Given, g: Given): RDF.Term[] {
    return this.distinct(S, null, p, o, g);
  }

  getObjects(s: Given, p: Given, g: Given): RDF.Term[] {
    return this.distinct(O, s, p, null, g);
  }

  getGraphs(s: Given, p: Given, o: Given): RDF.Term[] {
    return this.distinct(G, s, p, o, null);
  }

  /** The dataset in wire form, for the query workers (src/server/wire.ts). */
  toWire(): { terms: string[]; ids: Uint32Array } {
    return this.native.toWire();
  }

  /** The graph of quads (each kept once). */
  static fromQuads(quads: Iterable<RDF.Quad>): NativeGraph {
    return new NativeGraph(NativeStore.fromQuads(quads));
  }
}
