/**
 * The store that the engine queries locally: every term of the graph encoded once as an integer id (a
 * term dictionary), every quad as four ids in typed-array columns, and six sorted permutations of the
 * quads (GSPO, GPOS, GOSP for a known graph; SPOG, POSG, OSPG for any graph), in which the quads that
 * match a pattern's bound terms are one contiguous range found by binary search, and counted by its length.
 *
 * It holds the dataset as Jena TDB and Virtuoso hold a quad store with a union default graph
 * (src/query/engine.ts): every named graph as it is and, as the default graph (id 0), the RDF merge of
 * the stored default graph and every named graph (a triple that several graphs hold is in it once).
 * A graph variable ranges over the named graphs only, as SPARQL's `GRAPH ?g` does.
 *
 * {@link NativeStore.evaluate} answers a basic graph pattern as a whole, over the ids: the patterns in
 * an order chosen by their index counts (the smallest first, then always one that shares a variable
 * with those before it, the smallest of those), each joined to the solutions so far by looking up its
 * range for each solution (an index nested-loop join); terms are looked up only for the answer.
 *
 * A store is built from parsed quads (NativeStoreBuilder: src/graph/load.ts parses a file straight into
 * one, with its own dictionary of N3 term ids), from an N3 Store (its own dictionary, read in place), or
 * from the wire form the query workers of `serve` are sent. It also knows which of its rows are the
 * dataset as given (every named graph's quads, the default graph's own triples), for src/query/native-graph.ts.
 *
 * @example
 * const native = NativeStore.fromQuads(n3store.readQuads(null, null, null, null), n3store.size);
 * native.countQuads(null, rdfType, null, factory.defaultGraph()); // the triples with rdf:type in the merged default graph
 */
import type * as RDF from '@rdfjs/types';
import { termFromId, termToId } from 'n3';
import { factory } from '../vocab.js';

/** A position of a quad: subject, predicate, object, graph. */
const S = 0;
const P = 1;
const O = 2;
const G = 3;

/** The six orders: first those for a bound graph, then those for any graph. */
const ORDERS: ReadonlyArray<readonly number[]> = [
  [G, S, P, O],
  [G, P, O, S],
  [G, O, S, P],
  [S, P, O, G],
  [P, O, S, G],
  [O, S, P, G],
];

/** The index for each set of bound positions (a bit a position), found once. */
const INDEX_FOR: number[] = [];

/** An unbound variable in a solution. */
export const UNBOUND = 0xffffffff;

/** The id of the default graph (the merged one). */
export const DEFAULT_GRAPH_ID = 0;

/** A term of a pattern: a known id, a variable (its column in the solutions), or a term the store does not have. */
export type PatternTerm = { id: number } | { variable: number } | { missing: true };

/** A pattern over ids: subject, predicate, object, graph; a graph variable matches named graphs only. */
export type IdPattern = readonly [PatternTerm, PatternTerm, PatternTerm, PatternTerm];

/** Solutions: `width` ids per solution, one after another. */
export interface Solutions {
  width: number;
  count: number;
  ids: Uint32Array;
}

/** Thrown when an evaluation given a budget of rows would make more. */
export class TooManyRows extends Error {
  constructor(readonly budget: number) {
    super(`more than ${budget} solutions`);
  }
}

/** The positions given (a bit a position) of ids or undefined (any), and the ids, 0 where not given. */
function boundPositions(value: ReadonlyArray<number | undefined>): { bound: number; v: number[] } {
  let bound = 0;
  const v = [0, 0, 0, 0];
  for (let pos = 0; pos < 4; pos++) {
    if (value[pos] !== undefined) {
      bound |= 1 << pos;
      v[pos] = value[pos]!;
    }
  }
  return { bound, v };
}

/** Stable counting sort of `perm` by the values of `column` (all below `k`). */
function sortBy(perm: Uint32Array, column: Uint32Array, k: number): Uint32Array {
  const counts = new Uint32Array(k + 1);
  for (let i = 0; i < perm.length; i++) counts[column[perm[i]] + 1]++;
  for (let i = 1; i <= k; i++) counts[i] += counts[i - 1];
  const out = new Uint32Array(perm.length);
  for (let i = 0; i < perm.length; i++) out[counts[column[perm[i]]]++] = perm[i];
  return out;
}

/** A growable array of unsigned 32-bit ints. */
class IdList {
  ids: Uint32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.ids = new Uint32Array(Math.max(16, capacity));
  }
  push(x: number): void {
    if (this.length === this.ids.length) {
      const bigger = new Uint32Array(this.ids.length * 2);
      bigger.set(this.ids);
      this.ids = bigger;
    }
    this.ids[this.length++] = x;
  }
  /** The ids, trimmed to their length. */
  done(): Uint32Array {
    return this.ids.length === this.length ? this.ids : this.ids.slice(0, this.length);
  }
}

/** The terms of a store by id, and back: id 0 is the default graph. */
interface Dictionary {
  readonly size: number;
  term(id: number): RDF.Term;
  idOf(term: RDF.Term): number | undefined;
}

/**
 * A dictionary built here: every term once, as its N3 term id (`termToId`: an IRI as it is, `_:b1`,
 * `"text"@en`, `"12"^^http://www.w3.org/2001/XMLSchema#integer`; the empty string for the default graph,
 * id 0). A term object is made only when an answer needs it, then kept.
 */
export class KeyDictionary implements Dictionary {
  /** The terms' N3 ids, by id. */
  readonly keys: string[];
  private readonly ids: Map<string, number>;
  private made: Array<RDF.Term | undefined> = [];
  /** `keys`: terms already numbered (distinct, the default graph's '' first), as {@link NativeStore.toWire} gives them. */
  constructor(keys: string[] = ['']) {
    this.keys = keys;
    this.ids = new Map(keys.map((k, i) => [k, i]));
    if (keys[DEFAULT_GRAPH_ID] !== '' || this.ids.size !== keys.length) throw new Error('a dictionary\'s terms are distinct, the default graph first');
  }
  get size(): number {
    return this.keys.length;
  }
  /** The id of a term given by its N3 id, numbered when new. */
  addKey(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
    }
    return id;
  }
  add(t: RDF.Term): number {
    return this.addKey(termToId(t as never) as string);
  }
  term(id: number): RDF.Term {
    // Sized once the dictionary is complete, so that the array stays dense.
    if (this.made.length < this.keys.length) this.made = Object.assign(new Array<RDF.Term | undefined>(this.keys.length), this.made);
    return (this.made[id] ??= id === DEFAULT_GRAPH_ID ? factory.defaultGraph() : (termFromId(this.keys[id], factory as never) as RDF.Term));
  }
  idOf(term: RDF.Term): number | undefined {
    return this.ids.get(termToId(term as never) as string);
  }
}

/** The parts of an N3 Store (n3 2.x) that hold its terms as numbers: entity strings by id, and back. */
interface N3Internals {
  _graphs: Record<string, { subjects: Record<string, Record<string, Record<string, unknown>>> }>;
  _entities: Record<number, string>;
  _entityIndex: { _id: number };
  _termFromId(entity: string): RDF.Term;
  _termToNumericId(term: RDF.Term): number | undefined;
}

/**
 * The N3 Store's own dictionary (its entity ids, less one, so that the default graph, its entity 1, is
 * id 0): no term is copied, and a term object is made only when an answer needs it.
 */
class N3Dictionary implements Dictionary {
  private readonly made: Array<RDF.Term | undefined>;
  constructor(private readonly n3: N3Internals, readonly size: number) {
    this.made = new Array(size);
  }
  term(id: number): RDF.Term {
    return (this.made[id] ??= id === DEFAULT_GRAPH_ID ? factory.defaultGraph() : this.n3._termFromId(this.n3._entities[id + 1]));
  }
  idOf(term: RDF.Term): number | undefined {
    const n = this.n3._termToNumericId(term);
    // A term added to the N3 store after this copy was made is not in the copy.
    return n === undefined || n - 1 >= this.size ? undefined : n - 1;
  }
}

/** Whether an N3 Store exposes the internals that {@link NativeStore.fromN3} reads (checked, not assumed). */
function n3Internals(store: unknown): N3Internals | undefined {
  const s = store as Partial<N3Internals>;
  return s && typeof s._graphs === 'object' && typeof s._entities === 'object' && typeof s._entityIndex?._id === 'number' && typeof s._termFromId === 'function' && typeof s._termToNumericId === 'function' ? (s as N3Internals) : undefined;
}

/** The rows of `perm` left after dropping each row equal (on `columns`) to the one before it; `merge(kept, dropped)` is told of each. */
function unique(perm: Uint32Array, columns: Uint32Array[], merge?: (kept: number, dropped: number) => void): Uint32Array {
  let n = 0;
  next: for (let i = 0; i < perm.length; i++) {
    const r = perm[i];
    if (n > 0) {
      const prev = perm[n - 1];
      let same = true;
      for (const c of columns) if (c[r] !== c[prev]) same = false;
      if (same) {
        merge?.(prev, r);
        continue next;
      }
    }
    perm[n++] = r;
  }
  return perm.subarray(0, n);
}

/** 0, 1, ... n-1. */
function identity(n: number): Uint32Array {
  const perm = new Uint32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  return perm;
}

/**
 * Quad columns being filled: the named graphs' quads, and every triple for the merged default graph
 * (with a mark on those that the default graph itself holds).
 */
class Columns {
  readonly named: IdList[];
  readonly merged: IdList[];
  /** Per merged triple: 1 when it is a triple of the stored default graph. */
  readonly own: IdList;
  constructor(expected: number) {
    this.named = [new IdList(expected), new IdList(expected), new IdList(expected), new IdList(expected)];
    this.merged = [new IdList(expected), new IdList(expected), new IdList(expected)];
    this.own = new IdList(expected);
  }
  add(s: number, p: number, o: number, g: number): void {
    this.merged[S].push(s);
    this.merged[P].push(p);
    this.merged[O].push(o);
    this.own.push(g === DEFAULT_GRAPH_ID ? 1 : 0);
    if (g !== DEFAULT_GRAPH_ID) {
      this.named[S].push(s);
      this.named[P].push(p);
      this.named[O].push(o);
      this.named[G].push(g);
    }
  }
  /**
   * The columns of the store: the named graphs' quads (each once, in graph, subject, predicate, object
   * order), then the merged default graph's triples, each once; and per row whether the dataset as given
   * holds it (every named graph's quad, and the default graph's own triples, not those of the merge).
   */
  done(termCount: number): { columns: Uint32Array[]; stored: Uint8Array } {
    const nm = this.named.map((l) => l.done());
    let np = identity(nm[0].length);
    for (const c of [O, P, S, G]) np = sortBy(np, nm[c], termCount);
    np = unique(np, nm);
    const m = this.merged.map((l) => l.done());
    const own = this.own.ids;
    let perm = identity(m[0].length);
    for (const c of [O, P, S]) perm = sortBy(perm, m[c], termCount);
    perm = unique(perm, m, (kept, dropped) => (own[kept] |= own[dropped]));
    const n = np.length;
    const rows = n + perm.length;
    const columns = [new Uint32Array(rows), new Uint32Array(rows), new Uint32Array(rows), new Uint32Array(rows)];
    const stored = new Uint8Array(rows);
    for (let i = 0; i < n; i++) {
      const r = np[i];
      for (let c = 0; c < 4; c++) columns[c][i] = nm[c][r];
      stored[i] = 1;
    }
    for (let i = 0; i < perm.length; i++) {
      const r = perm[i];
      columns[S][n + i] = m[S][r];
      columns[P][n + i] = m[P][r];
      columns[O][n + i] = m[O][r];
      columns[G][n + i] = DEFAULT_GRAPH_ID;
      stored[n + i] = own[r];
    }
    return { columns, stored };
  }
}

/** Adds quads to a store being built: terms numbered in a {@link KeyDictionary} as they come. */
export class NativeStoreBuilder {
  private readonly dictionary: KeyDictionary;
  private readonly columns: Columns;
  constructor(expected = 0) {
    this.dictionary = new KeyDictionary();
    this.columns = new Columns(expected);
  }
  /** Adds a quad. */
  add(s: RDF.Term, p: RDF.Term, o: RDF.Term, g: RDF.Term): void {
    const d = this.dictionary;
    this.columns.add(d.add(s), d.add(p), d.add(o), d.add(g));
  }
  /** The id of a term given by its N3 id (`termToId`). */
  addKey(key: string): number {
    return this.dictionary.addKey(key);
  }
  /** Adds a quad of terms already numbered (by {@link addKey}). */
  addIds(s: number, p: number, o: number, g: number): void {
    this.columns.add(s, p, o, g);
  }
  done(): NativeStore {
    const { columns, stored } = this.columns.done(this.dictionary.size);
    return NativeStore.of(this.dictionary, columns, stored);
  }
}

export class NativeStore {
  private readonly dictionary: Dictionary;
  /** The columns: subject, predicate, object and graph id of each quad. */
  private readonly columns: Uint32Array[];
  /** The six permutations of the quads' row numbers, in ORDERS' order. */
  private readonly indexes: Uint32Array[];
  /** The number of quads, the merged default graph's included. */
  readonly size: number;
  /** Per row: 1 when the dataset as given holds it (not a triple that only the merged default graph adds). */
  private readonly stored: Uint8Array;
  /** Counts already made, by pattern (the store never changes). */
  private readonly counts = new Map<string, number>();

  private constructor(dictionary: Dictionary, columns: Uint32Array[], stored: Uint8Array) {
    this.dictionary = dictionary;
    this.columns = columns;
    this.stored = stored;
    this.size = columns[0].length;
    const identity = new Uint32Array(this.size);
    for (let i = 0; i < this.size; i++) identity[i] = i;
    this.indexes = ORDERS.map((order) => {
      let perm: Uint32Array = identity;
      for (let c = order.length - 1; c >= 0; c--) perm = sortBy(perm, columns[order[c]], dictionary.size);
      return perm;
    });
  }

  /**
   * The store of a dataset: its quads (each once, as a store gives them; `expected`, their number if known,
   * sizes the arrays) with the merge of every graph added as the default graph.
   */
  static fromQuads(quads: Iterable<RDF.Quad>, expected = 0): NativeStore {
    const builder = new NativeStoreBuilder(expected);
    for (const q of quads) builder.add(q.subject, q.predicate, q.object, q.graph);
    return builder.done();
  }

  /** The store of the quads of a wire form ({@link toWire}: its terms numbered, four ids a quad). */
  static fromWire(wire: { terms: string[]; ids: Uint32Array }): NativeStore {
    const builder = new NativeStoreBuilder(wire.ids.length / 4);
    const id = Uint32Array.from(wire.terms, (key) => builder.addKey(key));
    const ids = wire.ids;
    for (let i = 0; i < ids.length; i += 4) builder.addIds(id[ids[i]], id[ids[i + 1]], id[ids[i + 2]], id[ids[i + 3]]);
    return builder.done();
  }

  /** @internal A store of built columns (see {@link NativeStoreBuilder}). */
  static of(dictionary: Dictionary, columns: Uint32Array[], stored: Uint8Array): NativeStore {
    return new NativeStore(dictionary, columns, stored);
  }

  /**
   * The store of an N3 Store's dataset, read from the N3 Store's indexes by number (its terms are not
   * copied: the dictionary is the N3 Store's own); any other store (or an N3 version without those
   * internals) is read quad by quad, as {@link fromQuads}.
   */
  static fromN3(store: { size: number; readQuads(s: null, p: null, o: null, g: null): Iterable<RDF.Quad> }): NativeStore {
    const n3 = n3Internals(store);
    if (!n3) return NativeStore.fromQuads(store.readQuads(null, null, null, null), store.size);
    const dictionary = new N3Dictionary(n3, n3._entityIndex._id);
    const columns = new Columns(store.size);
    for (const graphKey in n3._graphs) {
      const g = Number(graphKey) - 1;
      const subjects = n3._graphs[graphKey].subjects;
      for (const subjectKey in subjects) {
        const s = Number(subjectKey) - 1;
        const predicates = subjects[subjectKey];
        for (const predicateKey in predicates) {
          const p = Number(predicateKey) - 1;
          for (const objectKey in predicates[predicateKey]) columns.add(s, p, Number(objectKey) - 1, g);
        }
      }
    }
    const { columns: built, stored } = columns.done(dictionary.size);
    return new NativeStore(dictionary, built, stored);
  }

  /** The id of a term, or undefined when the store does not have it. */
  idOf(term: RDF.Term): number | undefined {
    return term.termType === 'DefaultGraph' ? DEFAULT_GRAPH_ID : this.dictionary.idOf(term);
  }

  /** The term of an id. */
  term(id: number): RDF.Term {
    return this.dictionary.term(id);
  }

  /**
   * The index for the bound positions (a bit a position), and how many of its leading columns they are:
   * the order whose first columns are exactly the bound positions.
   */
  private indexFor(bound: number): number {
    return (INDEX_FOR[bound] ??= this.findIndex(bound));
  }

  private findIndex(bound: number): number {
    const graphBound = (bound & (1 << G)) !== 0;
    for (let i = graphBound ? 0 : 3; i < (graphBound ? 3 : 6); i++) {
      const order = ORDERS[i];
      let k = 0;
      while (k < 4 && bound & (1 << order[k])) k++;
      let rest = 0;
      for (let j = k; j < 4; j++) rest |= bound & (1 << order[j]);
      if (rest === 0) return i;
    }
    throw new Error(`no index for the bound positions ${bound}`);
  }

  /** The range [from, to) of index `index` whose rows have `values` in the order's first `k` columns. */
  private range(index: number, values: number[], k: number): [number, number] {
    const perm = this.indexes[index];
    if (k === 0) return [0, perm.length];
    const order = ORDERS[index];
    const c0 = this.columns[order[0]];
    const c1 = this.columns[order[1]];
    const c2 = this.columns[order[2]];
    const c3 = this.columns[order[3]];
    const v0 = values[0];
    const v1 = values[1];
    const v2 = values[2];
    const v3 = values[3];
    // -1, 0 or 1: the row against the values, on the first k columns.
    const cmp = (row: number): number => {
      let d = c0[row] - v0;
      if (d !== 0 || k === 1) return d;
      d = c1[row] - v1;
      if (d !== 0 || k === 2) return d;
      d = c2[row] - v2;
      if (d !== 0 || k === 3) return d;
      return c3[row] - v3;
    };
    let lo = 0;
    let hi = perm.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(perm[mid]) < 0) lo = mid + 1;
      else hi = mid;
    }
    const from = lo;
    hi = perm.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(perm[mid]) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return [from, lo];
  }

  /** The rows whose positions in `bound` (a bit a position) hold `value[position]`: the index, its range. */
  private lookup(bound: number, value: number[], index = this.indexFor(bound)): { perm: Uint32Array; from: number; to: number } {
    const order = ORDERS[index];
    const values: number[] = [];
    for (const pos of order) if (bound & (1 << pos)) values.push(value[pos]);
    const [from, to] = this.range(index, values, values.length);
    return { perm: this.indexes[index], from, to };
  }

  /**
   * The number of quads that match ids (undefined: any); `namedOnly` leaves out the default graph's, as a
   * graph variable does. Exact, from the lengths of two ranges at most.
   */
  countIds(value: Array<number | undefined>, namedOnly: boolean): number {
    const key = `${value.join(',')}|${namedOnly ? 1 : 0}`;
    let n = this.counts.get(key);
    if (n !== undefined) return n;
    const { bound, v } = boundPositions(value);
    const all = this.lookup(bound, v);
    n = all.to - all.from;
    if (namedOnly && value[G] === undefined) {
      v[G] = DEFAULT_GRAPH_ID;
      const defaults = this.lookup(bound | (1 << G), v);
      n -= defaults.to - defaults.from;
    } else if (namedOnly && value[G] === DEFAULT_GRAPH_ID) n = 0;
    if (this.counts.size >= 100_000) this.counts.clear();
    this.counts.set(key, n);
    return n;
  }

  /**
   * As RDF/JS `countQuads`: the quads that match the terms given (null, undefined or a variable: any;
   * no graph given: every graph, the default one included).
   */
  countQuads(s?: RDF.Term | null, p?: RDF.Term | null, o?: RDF.Term | null, g?: RDF.Term | null): number {
    const value: Array<number | undefined> = [];
    for (const t of [s, p, o, g]) {
      if (!t || t.termType === 'Variable') value.push(undefined);
      else {
        const id = this.idOf(t);
        if (id === undefined) return 0;
        value.push(id);
      }
    }
    return this.countIds(value, false);
  }

  /** The count of a pattern's known terms, its variables free (a graph variable: named graphs only). */
  private patternCount(pattern: IdPattern): number {
    const value: Array<number | undefined> = [];
    for (const t of pattern) {
      if ('missing' in t) return 0;
      value.push('id' in t ? t.id : undefined);
    }
    return this.countIds(value, 'variable' in pattern[G]);
  }

  /** The order in which to join the patterns: the smallest first, then always a connected one, the smallest. */
  plan(patterns: readonly IdPattern[], certain?: Uint8Array): IdPattern[] {
    const counts = patterns.map((p) => this.patternCount(p));
    const left = patterns.map((_, i) => i);
    const bound = new Set<number>();
    certain?.forEach((b, v) => b && bound.add(v));
    const order: IdPattern[] = [];
    while (left.length) {
      let best = -1;
      let bestConnected = false;
      for (const i of left) {
        const connected = patterns[i].some((t) => 'variable' in t && bound.has(t.variable));
        if (best < 0 || (connected && !bestConnected) || (connected === bestConnected && counts[i] < counts[best])) {
          best = i;
          bestConnected = connected;
        }
      }
      left.splice(left.indexOf(best), 1);
      order.push(patterns[best]);
      for (const t of patterns[best]) if ('variable' in t) bound.add(t.variable);
    }
    return order;
  }

  /**
   * The solutions of a basic graph pattern over `width` variables (numbered 0 .. width-1): every
   * assignment of ids to the variables under which every pattern matches a quad, joined to the solutions
   * `input` (each row `width` ids, {@link UNBOUND} for a variable it leaves unbound; default: one row,
   * nothing bound), of which the variables marked in `certain` are bound in every row (those are looked
   * up by the index; another one bound in a row is checked). A pattern with a term the store does not
   * have has no match. `origin[i]`: the input row that solution i extends. A step that would make more
   * than `maxRows` solutions throws {@link TooManyRows}.
   */
  evaluate(patterns: readonly IdPattern[], width: number, input?: { ids: Uint32Array; count: number }, certain?: Uint8Array, maxRows = Infinity): Solutions & { origin: Uint32Array } {
    let rows: Uint32Array = input ? input.ids : new Uint32Array(width).fill(UNBOUND);
    let count = input ? input.count : 1;
    let origin: Uint32Array = new Uint32Array(count);
    for (let i = 0; i < count; i++) origin[i] = i;
    if (patterns.some((p) => p.some((t) => 'missing' in t))) return { width, count: 0, ids: new Uint32Array(0), origin: new Uint32Array(0) };
    const isBound = certain ? Uint8Array.from(certain) : new Uint8Array(width);
    const plan = this.plan(patterns, isBound);
    const cols = this.columns;
    for (let step = 0; step < plan.length && count > 0; step++) {
      const pattern = plan[step];
      // Which positions are bound (a known id, or a variable bound in every row), which variables this pattern binds.
      let bound = 0;
      const fromRow: Array<number | undefined> = [undefined, undefined, undefined, undefined];
      const value = [0, 0, 0, 0];
      const binds: Array<[number, number]> = []; // [position, variable] of the variables bound here
      const repeats: Array<[number, number]> = []; // [position, earlier position]: the same new variable twice
      for (let pos = 0; pos < 4; pos++) {
        const t = pattern[pos];
        if ('id' in t) {
          bound |= 1 << pos;
          value[pos] = t.id;
        } else if ('variable' in t) {
          if (isBound[t.variable]) {
            bound |= 1 << pos;
            fromRow[pos] = t.variable;
          } else {
            const earlier = binds.find(([, v]) => v === t.variable);
            if (earlier) repeats.push([pos, earlier[0]]);
            else binds.push([pos, t.variable]);
          }
        }
      }
      const index = this.indexFor(bound);
      const order = ORDERS[index];
      const perm = this.indexes[index];
      const k = order.filter((pos) => bound & (1 << pos)).length;
      const values = new Array<number>(k).fill(0);
      const namedOnly = 'variable' in pattern[G];
      const out = new IdList(Math.min(count * 2, 1 << 18) * width);
      const outOrigin = new IdList(Math.min(count * 2, 1 << 18));
      let produced = 0;
      for (let r = 0; r < count; r++) {
        const base = r * width;
        for (let pos = 0; pos < 4; pos++) if (fromRow[pos] !== undefined) value[pos] = rows[base + fromRow[pos]!];
        if (namedOnly && fromRow[G] !== undefined && value[G] === DEFAULT_GRAPH_ID) continue;
        for (let j = 0; j < k; j++) values[j] = value[order[j]];
        const [from, to] = this.range(index, values, k);
        candidates: for (let i = from; i < to; i++) {
          const q = perm[i];
          if (namedOnly && cols[G][q] === DEFAULT_GRAPH_ID) continue;
          for (const [pos, earlier] of repeats) if (cols[pos][q] !== cols[earlier][q]) continue candidates;
          // A variable that this row already binds (after an OPTIONAL) must hold the same term.
          for (const [pos, variable] of binds) {
            const was = rows[base + variable];
            if (was !== UNBOUND && was !== cols[pos][q]) continue candidates;
          }
          for (let v = 0; v < width; v++) out.push(rows[base + v]);
          const start = out.length - width;
          for (const [pos, variable] of binds) out.ids[start + variable] = cols[pos][q];
          outOrigin.push(origin[r]);
          if (++produced > maxRows) throw new TooManyRows(maxRows);
        }
      }
      for (const [, variable] of binds) isBound[variable] = 1;
      rows = out.ids;
      origin = outOrigin.ids;
      count = produced;
    }
    return { width, count, ids: rows, origin };
  }

  /** The quads (as ids) that match a single pattern, lazily, in index order. */
  *scan(pattern: IdPattern): Generator<Uint32Array> {
    if (pattern.some((t) => 'missing' in t)) return;
    let bound = 0;
    const value = [0, 0, 0, 0];
    pattern.forEach((t, pos) => {
      if ('id' in t) {
        bound |= 1 << pos;
        value[pos] = t.id;
      }
    });
    const namedOnly = 'variable' in pattern[G];
    const { perm, from, to } = this.lookup(bound, value);
    const cols = this.columns;
    const quad = new Uint32Array(4);
    for (let i = from; i < to; i++) {
      const q = perm[i];
      if (namedOnly && cols[G][q] === DEFAULT_GRAPH_ID) continue;
      quad[S] = cols[S][q];
      quad[P] = cols[P][q];
      quad[O] = cols[O][q];
      quad[G] = cols[G][q];
      yield quad;
    }
  }

  /** The number of quads of the dataset as given: each named graph's, and the default graph's own triples. */
  get storedSize(): number {
    let n = 0;
    for (let i = 0; i < this.stored.length; i++) n += this.stored[i];
    return n;
  }

  /**
   * The rows of the quads of the dataset as given (not the triples the merge adds to the default graph)
   * that hold the ids given (undefined: any; DEFAULT_GRAPH_ID as the graph: the default graph's own
   * triples), in the order of an index: with nothing given, by graph, subject, predicate, object.
   */
  *storedRows(value: ReadonlyArray<number | undefined>): Generator<number> {
    const { bound, v } = boundPositions(value);
    // Nothing given: graph by graph (GSPO), as an N3 Store reads.
    const { perm, from, to } = this.lookup(bound, v, bound === 0 ? 0 : this.indexFor(bound));
    const stored = this.stored;
    for (let i = from; i < to; i++) if (stored[perm[i]]) yield perm[i];
  }

  /** The id at a position (0 subject, 1 predicate, 2 object, 3 graph) of a row. */
  idAt(row: number, pos: number): number {
    return this.columns[pos][row];
  }

  /**
   * The dataset as given, in wire form (src/server/wire.ts): the terms' N3 ids by id, and four ids a quad
   * (its stored rows, in graph, subject, predicate, object order); {@link fromWire} builds the store again.
   */
  toWire(): { terms: string[]; ids: Uint32Array } {
    if (!(this.dictionary instanceof KeyDictionary)) throw new Error('toWire: a store over an N3 Store\'s dictionary');
    const ids = new Uint32Array(this.storedSize * 4);
    let i = 0;
    for (const row of this.storedRows([undefined, undefined, undefined, undefined])) for (let pos = 0; pos < 4; pos++) ids[i++] = this.columns[pos][row];
    return { terms: this.dictionary.keys, ids };
  }

  /** In a JSON dump of a query plan (Comunica's explain), its size rather than its arrays. */
  toJSON(): string {
    return `NativeStore(${this.size} quads, ${this.dictionary.size} terms)`;
  }

  /** The number of distinct terms (the default graph included). */
  get termCount(): number {
    return this.dictionary.size;
  }
}
