/**
 * The local store as one of Comunica's query sources (its IQuerySource): by its selector shape it tells
 * Comunica that it evaluates triple patterns, basic graph patterns and joins of them itself, so Comunica
 * hands it each group of patterns of a query as one operation (as it hands a SPARQL endpoint a sub-query),
 * and the store answers it over integer ids (src/query/native-store.ts), making bindings only for the
 * solutions. Everything else (FILTER, OPTIONAL, UNION, paths, aggregates, ORDER BY, the result forms)
 * stays with Comunica, so every query is answered as before.
 *
 * The metadata of an answer carries its exact cardinality: a single pattern's count from the index; a
 * group's number of solutions, evaluated when Comunica asks (it plans its joins by these counts).
 */
import type * as RDF from '@rdfjs/types';
import { factory } from '../vocab.js';
import { DEFAULT_GRAPH_ID, type IdPattern, type NativeStore, type PatternTerm } from './native-store.js';

/** The few classes of Comunica's that answers are made of (the engine bundle's `internals`). */
export interface ComunicaInternals {
  ActionContext: new () => unknown;
  BindingsFactory: new (dataFactory: RDF.DataFactory) => { bindings(entries: Array<[RDF.Variable, RDF.Term]>): unknown };
  MetadataValidationState: new () => unknown;
  fromIterator<T>(source: Iterable<T>): { setProperty(name: string, value: unknown): void; destroy(): void };
}

/** The parts of Comunica's algebra that the source reads. */
interface Operation {
  type: string;
  input?: Operation | Operation[];
  patterns?: Operation[];
  subject?: RDF.Term;
  predicate?: RDF.Term;
  object?: RDF.Term;
  graph?: RDF.Term;
}

/** The operations the source evaluates (Comunica's algebra types). */
const ACCEPTED = ['pattern', 'bgp', 'join'] as const;

/** The triple patterns of an operation the source accepts, in their order; an Error for any other. */
function patternsOf(operation: Operation, into: Operation[] = []): Operation[] {
  if (operation.type === 'pattern') into.push(operation);
  else if (operation.type === 'bgp') for (const p of operation.patterns ?? []) patternsOf(p, into);
  else if (operation.type === 'join') for (const p of (operation.input as Operation[] | undefined) ?? []) patternsOf(p, into);
  else throw new Error(`the native store cannot evaluate a ${operation.type} operation (only ${ACCEPTED.join(', ')})`);
  return into;
}

/** The patterns over ids and the variables they bind (a variable's number is its place in the list). */
function encode(store: NativeStore, patterns: Operation[]): { idPatterns: IdPattern[]; variables: RDF.Variable[] } {
  const variables: RDF.Variable[] = [];
  const number = new Map<string, number>();
  const idPatterns = patterns.map((p) => {
    const terms = [p.subject!, p.predicate!, p.object!, p.graph ?? factory.defaultGraph()];
    return terms.map((t): PatternTerm => {
      if (t.termType === 'Variable') {
        let n = number.get(t.value);
        if (n === undefined) {
          number.set(t.value, (n = variables.length));
          variables.push(t);
        }
        return { variable: n };
      }
      const id = store.idOf(t);
      return id === undefined ? { missing: true } : { id };
    }) as unknown as IdPattern;
  });
  return { idPatterns, variables };
}

/** Comunica's query source over a {@link NativeStore}. */
export class NativeQuerySource {
  readonly referenceValue: NativeStore;
  private readonly bindingsFactory: { bindings(entries: Array<[RDF.Variable, RDF.Term]>): unknown };
  private readonly shape: unknown;

  constructor(private readonly store: NativeStore, private readonly comunica: ComunicaInternals) {
    this.referenceValue = store;
    this.bindingsFactory = new comunica.BindingsFactory(factory);
    this.shape = { type: 'disjunction', children: ACCEPTED.map((type) => ({ type: 'operation', operation: { operationType: 'type', type } })) };
  }

  async getSelectorShape(): Promise<unknown> {
    return this.shape;
  }

  async getFilterFactor(): Promise<number> {
    return 0;
  }

  queryBindings(operation: Operation): unknown {
    const patterns = patternsOf(operation);
    const { idPatterns, variables } = encode(this.store, patterns);
    const make = (ids: ArrayLike<number>, base: number) => this.bindingsFactory.bindings(variables.map((v, i) => [v, this.store.term(ids[base + i])]));
    let cardinality: number;
    let solutions: Iterable<unknown>;
    if (idPatterns.length === 1) {
      // One pattern: its range, read as Comunica pulls (a bind join may read only its count).
      const [pattern] = idPatterns;
      cardinality = this.store.countIds(pattern.map((t) => ('id' in t ? t.id : undefined)), 'variable' in pattern[3]);
      if (pattern.some((t) => 'missing' in t)) cardinality = 0;
      const store = this.store;
      solutions = (function* () {
        const at: Array<number | undefined> = pattern.map((t) => ('variable' in t ? t.variable : undefined));
        const row = new Uint32Array(variables.length);
        next: for (const quad of store.scan(pattern)) {
          for (let pos = 0; pos < 4; pos++) {
            const v = at[pos];
            if (v === undefined) continue;
            // The same variable twice in the pattern: the positions must hold the same term.
            if (at.indexOf(v) < pos && row[v] !== quad[pos]) continue next;
            row[v] = quad[pos];
          }
          yield make(row, 0);
        }
      })();
    } else {
      const found = this.store.evaluate(idPatterns, variables.length);
      cardinality = found.count;
      solutions = (function* () {
        for (let r = 0; r < found.count; r++) yield make(found.ids, r * found.width);
      })();
    }
    const it = this.comunica.fromIterator(solutions);
    it.setProperty('metadata', {
      state: new this.comunica.MetadataValidationState(),
      cardinality: { type: 'exact', value: cardinality },
      requestTime: 0,
      variables: variables.map((variable) => ({ variable, canBeUndef: false })),
    });
    return it;
  }

  queryQuads(operation: Operation): unknown {
    const [pattern, ...more] = patternsOf(operation);
    if (!pattern || more.length) throw new Error('the native store gives quads for a single pattern only');
    const { idPatterns } = encode(this.store, [pattern]);
    const store = this.store;
    return this.comunica.fromIterator((function* () {
      for (const q of store.scan(idPatterns[0])) {
        yield factory.quad(store.term(q[0]) as RDF.Quad_Subject, store.term(q[1]) as RDF.Quad_Predicate, store.term(q[2]) as RDF.Quad_Object, q[3] === DEFAULT_GRAPH_ID ? factory.defaultGraph() : (store.term(q[3]) as RDF.Quad_Graph));
      }
    })());
  }

  async queryBoolean(): Promise<boolean> {
    throw new Error('the native store answers no ASK operation as a whole');
  }

  async queryVoid(): Promise<void> {
    throw new Error('the native store is read-only');
  }

  toString(): string {
    return `NativeQuerySource(${this.store.size} quads)`;
  }
}
