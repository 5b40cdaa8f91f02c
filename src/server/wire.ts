/**
 * The compact form in which quads and query results cross the boundary between the main thread and
 * the query workers: a table of distinct terms (as N3 term ids: `<iri>` without brackets, `_:b`,
 * `"lexical"@lang`, `"lexical"^^datatype`) and typed arrays of indexes into it; a term that occurs
 * a thousand times is sent once.
 *
 * @example
 * const wire = encodeQuads(store.getQuads(null, null, null, null));
 * const quads = decodeQuads(wire); // equal terms, in the same order
 */
import type * as RDF from '@rdfjs/types';
import { termFromId, termToId } from 'n3';
import type { QueryResult } from '../query/engine.js';
import { factory } from '../vocab.js';

/** Quads as a term table and four indexes (subject, predicate, object, graph) per quad. */
export interface WireQuads {
  terms: string[];
  ids: Uint32Array;
}

/** A query result in wire form. `cells` holds `count` rows of one index per variable; -1 stands for unbound. */
export type WireResult =
  | { type: 'bindings'; variables: string[]; terms: string[]; count: number; cells: Int32Array }
  | { type: 'boolean'; value: boolean }
  | ({ type: 'quads' } & WireQuads);

/** Distinct terms, numbered in the order they are first seen. */
class TermTable {
  readonly terms: string[] = [];
  private readonly index = new Map<string, number>();

  add(term: RDF.Term): number {
    const id = termToId(term as never) as string;
    let n = this.index.get(id);
    if (n === undefined) {
      n = this.terms.length;
      this.index.set(id, n);
      this.terms.push(id);
    }
    return n;
  }
}

function term(id: string): RDF.Term {
  return termFromId(id, factory as never) as RDF.Term;
}

/** Quads in wire form. */
export function encodeQuads(quads: Iterable<RDF.Quad>): WireQuads {
  const table = new TermTable();
  const ids: number[] = [];
  for (const q of quads) ids.push(table.add(q.subject), table.add(q.predicate), table.add(q.object), table.add(q.graph));
  return { terms: table.terms, ids: Uint32Array.from(ids) };
}

/** The quads of a wire form. */
export function decodeQuads(wire: WireQuads): RDF.Quad[] {
  const terms = wire.terms.map(term);
  const quads: RDF.Quad[] = [];
  for (let i = 0; i < wire.ids.length; i += 4) {
    quads.push(factory.quad(terms[wire.ids[i]] as RDF.Quad_Subject, terms[wire.ids[i + 1]] as RDF.Quad_Predicate, terms[wire.ids[i + 2]] as RDF.Quad_Object, terms[wire.ids[i + 3]] as RDF.Quad_Graph));
  }
  return quads;
}

/** A query result in wire form. */
export function encodeResult(result: QueryResult): WireResult {
  if (result.type === 'boolean') return result;
  if (result.type === 'quads') return { type: 'quads', ...encodeQuads(result.quads) };
  const table = new TermTable();
  const cells = new Int32Array(result.rows.length * result.variables.length);
  let i = 0;
  for (const row of result.rows) {
    for (const v of result.variables) cells[i++] = row[v] ? table.add(row[v]) : -1;
  }
  return { type: 'bindings', variables: result.variables, terms: table.terms, count: result.rows.length, cells };
}

/** The query result of a wire form. */
export function decodeResult(wire: WireResult): QueryResult {
  if (wire.type === 'boolean') return { type: 'boolean', value: wire.value };
  if (wire.type === 'quads') return { type: 'quads', quads: decodeQuads(wire) };
  const terms = wire.terms.map(term);
  const width = wire.variables.length;
  const rows: Array<Record<string, RDF.Term>> = [];
  for (let r = 0; r < wire.count; r++) {
    const row: Record<string, RDF.Term> = {};
    for (let c = 0; c < width; c++) {
      const n = wire.cells[r * width + c];
      if (n >= 0) row[wire.variables[c]] = terms[n];
    }
    rows.push(row);
  }
  return { type: 'bindings', variables: wire.variables, rows };
}
