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
import { Evaluator, NATIVE_OPERATIONS, deskolemizedStream, solutionsOf, type Bindings, type Fallback, type Operation, type Table } from './native-eval.js';

export { solutionsOf, type Fallback };
import { DEFAULT_GRAPH_ID, TooManyRows, UNBOUND, type NativeStore } from './native-store.js';

/** The few classes of Comunica's that answers are made of (the engine bundle's `internals`). */
export interface ComunicaInternals {
  ActionContext: new () => unknown;
  BindingsFactory: new (dataFactory: RDF.DataFactory) => { bindings(entries: Array<[RDF.Variable, RDF.Term]>): unknown };
  MetadataValidationState: new () => unknown;
  fromIterator<T>(source: Iterable<T>): { setProperty(name: string, value: unknown): void; destroy(): void };
  TransformIterator: new (source: () => Promise<unknown>, options: { autoStart: boolean }) => { setProperty(name: string, value: unknown): void; destroy(error?: unknown): void };
}

/**
 * The operations the shape offers Comunica: all that the evaluator takes but FILTER. A source that
 * accepts filters makes Comunica's filter push-down copy a filter into join entries that do not bind all
 * of its variables (a filter on ?name pushed beside the entry that binds ?name too), where it then
 * rejects every solution; so FILTERs stay with Comunica (those inside OPTIONAL, as its expression, do not).
 */
/** The most solutions evaluated to count an answer before Comunica reads it (see queryBindings). */
const METADATA_BUDGET = 200_000;

const SHAPE_OPERATIONS = NATIVE_OPERATIONS.filter((type) => type !== 'filter');

/** Comunica's query source over a {@link NativeStore}. */
export class NativeQuerySource {
  readonly referenceValue: NativeStore;
  private readonly bindingsFactory: { bindings(entries: Array<[RDF.Variable, RDF.Term]>): unknown };
  private readonly shape: unknown;

  /**
   * `fallback` answers the sub-operations the store does not evaluate (through Comunica); `patternsOnly`:
   * a source of single patterns (the one `fallback` queries), for which Comunica does all the rest.
   */
  constructor(private readonly store: NativeStore, private readonly comunica: ComunicaInternals, private readonly fallback: Fallback, patternsOnly = false) {
    this.referenceValue = store;
    this.bindingsFactory = new comunica.BindingsFactory(factory);
    const types = patternsOnly ? ['pattern'] : SHAPE_OPERATIONS;
    this.shape = { type: 'disjunction', children: types.map((type) => ({ type: 'operation', operation: { operationType: 'type', type }, joinBindings: !patternsOnly })) };
  }

  async getSelectorShape(): Promise<unknown> {
    return this.shape;
  }

  async getFilterFactor(): Promise<number> {
    return 0;
  }

  queryBindings(operation: Operation, _context?: unknown, options?: { joinBindings?: { bindings: { toArray(): Promise<Bindings[]> } } }): unknown {
    // A single pattern is read lazily, in index order (a bind join may read only its count, or ask the
    // same pattern again for each of its solutions); anything else is evaluated whole (see Evaluator).
    if (operation.type === 'pattern' && !options?.joinBindings) return this.scanPattern(operation);
    const evaluator = new Evaluator(this.store, this.fallback);
    const pushed = options?.joinBindings ? solutionsOf(options.joinBindings.bindings) : Promise.resolve(undefined);
    // Every variable first (the pushed solutions' too), so that all tables have the same width.
    const prepared = pushed.then((rows) => {
      for (const row of rows ?? []) for (const name of row.keys()) evaluator.variable(factory.variable(name));
      evaluator.collect(operation);
      return rows && evaluator.table(rows);
    });
    const solve = async () => evaluator.sorted(await evaluator.evaluate(operation, await prepared));
    // Comunica asks for the metadata (the number of solutions) before it plans a join, and may then push
    // solutions in rather than read this answer: it is counted by evaluating it within a budget of rows;
    // beyond that (a cross product of patterns that only the rest of the query connects), the count is an
    // estimate and the answer is evaluated only if it is read.
    let solved: Promise<Table> | undefined;
    const metadata = (async () => {
      evaluator.maxRows = options?.joinBindings ? Infinity : METADATA_BUDGET;
      let cardinality: { type: string; value: number };
      let certain: Uint8Array | undefined;
      try {
        const table = await solve();
        solved = Promise.resolve(table);
        cardinality = { type: 'exact', value: table.count };
        certain = table.certain;
      } catch (error) {
        if (!(error instanceof TooManyRows)) throw error;
        solved = undefined;
        cardinality = { type: 'estimate', value: error.budget * 100 };
      }
      evaluator.maxRows = Infinity;
      return {
        state: new this.comunica.MetadataValidationState(),
        cardinality,
        requestTime: 0,
        variables: evaluator.variables.map((variable, v) => ({ variable, canBeUndef: !certain?.[v] })),
      };
    })();
    const it = new this.comunica.TransformIterator(async () => {
      await metadata;
      // Too large to count within the budget, and read after all: Comunica's own evaluation, streamed
      // (a cross product is not made whole in memory; a LIMIT or the row cap stops it early).
      if (!solved && !options?.joinBindings) return deskolemizedStream(await this.fallback(operation));
      const found = await (solved ?? (solved = solve()));
      const w = evaluator.width;
      const variables = evaluator.variables;
      const bindings = this.bindingsFactory;
      return this.comunica.fromIterator((function* () {
        for (let r = 0; r < found.count; r++) {
          const entries: Array<[RDF.Variable, RDF.Term]> = [];
          for (let v = 0; v < w; v++) {
            const id = found.ids[r * w + v];
            if (id !== UNBOUND) entries.push([variables[v], evaluator.term(id)]);
          }
          yield bindings.bindings(entries);
        }
      })());
    }, { autoStart: false });
    metadata.then((m) => it.setProperty('metadata', m), (error) => it.destroy(error));
    return it;
  }

  /** One pattern: its range, read as Comunica pulls (a bind join may read only its count). */
  private scanPattern(operation: Operation): unknown {
    const evaluator = new Evaluator(this.store, this.fallback);
    evaluator.collect(operation);
    const pattern = evaluator.encode([operation.subject!, operation.predicate as RDF.Term, operation.object!, operation.graph ?? factory.defaultGraph()]);
    const variables = evaluator.variables;
    const missing = pattern.some((t) => 'missing' in t);
    const cardinality = missing ? 0 : this.store.countIds(pattern.map((t) => ('id' in t ? t.id : undefined)), 'variable' in pattern[3]);
    const store = this.store;
    const bindings = this.bindingsFactory;
    const solutions = (function* () {
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
        yield bindings.bindings(variables.map((variable, v) => [variable, store.term(row[v])]));
      }
    })();
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
    if (operation.type !== 'pattern') throw new Error(`the native store gives quads for a single pattern only, not for a ${operation.type} operation`);
    const pattern = new Evaluator(this.store, this.fallback).encode([operation.subject!, operation.predicate as RDF.Term, operation.object!, operation.graph ?? factory.defaultGraph()]);
    const store = this.store;
    return this.comunica.fromIterator((function* () {
      for (const q of store.scan(pattern)) {
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
