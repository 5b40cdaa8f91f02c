/**
 * Answers of SPARQL engines, read from the W3C formats they write (SPARQL 1.1 Query Results JSON for
 * SELECT and ASK, N-Triples for CONSTRUCT), and compared the way test/interop-arq.test.ts compares
 * Jena's with ours: the same variables, the same multiset of rows with terms compared exactly
 * (datatypes, language tags), GROUP_CONCAT values compared as sorted lists (the aggregate has no
 * defined order), rows in the same order of their ORDER BY keys (ties in any order), and isomorphic
 * graphs for CONSTRUCT.
 *
 * @example
 * const problem = differences(text, readAnswer('a/q.srj'), readAnswer('b/q.srj'), { emptyConcat: true });
 * if (problem) console.log(`answers differ: ${problem}`);
 */
import { existsSync, readFileSync } from 'node:fs';
import type * as RDF from '@rdfjs/types';
import { Parser } from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import { Parser as SparqlParser } from 'sparqljs';
import { termKey } from '../src/graph/iris.js';
import type { Row } from '../src/query/engine.js';
import { factory } from '../src/vocab.js';

interface JsonTerm {
  type: string;
  value: string;
  datatype?: string;
  'xml:lang'?: string;
}

/** The SPARQL 1.1 Query Results JSON format. */
export interface JsonResults {
  head: { vars?: string[] };
  results?: { bindings: Array<Record<string, JsonTerm>> };
  boolean?: boolean;
}

/** One engine's answer to one query. */
export type Answer =
  | { type: 'bindings'; variables: string[]; rows: Row[] }
  | { type: 'boolean'; value: boolean }
  | { type: 'quads'; quads: RDF.Quad[] };

/** A term of the W3C SPARQL 1.1 Query Results JSON format. */
export function termOf(t: JsonTerm): RDF.Term {
  if (t.type === 'uri') return factory.namedNode(t.value);
  if (t.type === 'bnode') return factory.blankNode(t.value);
  if (t['xml:lang']) return factory.literal(t.value, t['xml:lang']);
  return factory.literal(t.value, t.datatype ? factory.namedNode(t.datatype) : undefined);
}

/** An answer from SPARQL JSON results text. */
export function answerFromJson(text: string): Answer {
  const json = JSON.parse(text) as JsonResults;
  if (typeof json.boolean === 'boolean') return { type: 'boolean', value: json.boolean };
  const rows = (json.results?.bindings ?? []).map((b) => Object.fromEntries(Object.entries(b).map(([v, t]) => [v, termOf(t)])));
  return { type: 'bindings', variables: json.head.vars ?? [], rows };
}

/** The answer an engine wrote as `BASE.srj` (SELECT, ASK) or `BASE.nt` (CONSTRUCT, DESCRIBE). */
export function readAnswer(base: string): Answer | undefined {
  if (existsSync(`${base}.srj`)) return answerFromJson(readFileSync(`${base}.srj`, 'utf8'));
  if (existsSync(`${base}.nt`)) return { type: 'quads', quads: new Parser({ format: 'application/n-triples' }).parse(readFileSync(`${base}.nt`, 'utf8')) };
  return undefined;
}

/** The number of rows (or triples) of an answer; 1 for ASK. */
export function sizeOf(a: Answer): number {
  return a.type === 'bindings' ? a.rows.length : a.type === 'quads' ? a.quads.length : 1;
}

type Concats = Map<string, { separator: string; distinct: boolean }>;

/** The variables a GROUP_CONCAT binds anywhere in the query (sub-SELECTs too), with their separators. */
export function groupConcats(node: unknown, found: Concats = new Map()): Concats {
  if (Array.isArray(node)) node.forEach((n) => groupConcats(n, found));
  else if (node && typeof node === 'object') {
    const o = node as { expression?: { type?: string; aggregation?: string; separator?: string; distinct?: boolean }; variable?: RDF.Variable };
    if (o.expression?.type === 'aggregate' && o.expression.aggregation === 'group_concat' && o.variable) {
      found.set(o.variable.value, { separator: o.expression.separator ?? ' ', distinct: !!o.expression.distinct });
    }
    Object.values(node).forEach((v) => groupConcats(v, found));
  }
  return found;
}

/**
 * A row as text: each variable's term, a GROUP_CONCAT value with its parts sorted (and, when
 * `concatLexical`, without its language tag or datatype).
 */
export function rowKey(row: Row, variables: string[], concat: Map<string, { separator: string }>, concatLexical = false): string {
  return variables.map((v) => {
    const t = row[v];
    if (!t) return '';
    const sep = concat.get(v)?.separator;
    if (sep === undefined || t.termType !== 'Literal') return termKey(t);
    const sorted = t.value.split(sep).sort().join(sep);
    return termKey(concatLexical ? factory.literal(sorted) : factory.literal(sorted, t.language || t.datatype));
  }).join('\t');
}

/** An ORDER BY expression, as sparqljs parses it. */
export type Expr = { termType?: string; value?: string; type?: string; operator?: string; args?: Expr[] };

/** The value of an ORDER BY expression for a row: variables, STR, COALESCE, BOUND, ! and constants (what the stored queries use). */
export function orderValue(e: Expr, row: Row, query: string): RDF.Term | undefined {
  if (e.termType === 'Variable') return row[e.value!];
  if (e.termType === 'Literal' || e.termType === 'NamedNode') return e as unknown as RDF.Term;
  if (e.type === 'operation' && e.operator === 'str') {
    const v = orderValue(e.args![0], row, query);
    return v && factory.literal(v.value);
  }
  if (e.type === 'operation' && e.operator === 'bound') return factory.literal(String(orderValue(e.args![0], row, query) !== undefined), XSD_BOOLEAN);
  if (e.type === 'operation' && e.operator === '!') {
    const v = orderValue(e.args![0], row, query);
    return v && factory.literal(String(v.value !== 'true'), XSD_BOOLEAN);
  }
  if (e.type === 'operation' && e.operator === 'coalesce') {
    for (const a of e.args!) {
      const v = orderValue(a, row, query);
      if (v) return v;
    }
    return undefined;
  }
  throw new Error(`${query}: ORDER BY ${JSON.stringify(e)} is not supported; teach orderValue() about it`);
}

/** The sequence of ORDER BY keys of the rows. */
export function orderKeys(rows: Row[], order: Array<{ expression: Expr }>, query: string): string[] {
  return rows.map((row) => order.map((o) => {
    const v = orderValue(o.expression, row, query);
    return v ? termKey(v) : '';
  }).join('\t'));
}

/**
 * Reads a GROUP_CONCAT(DISTINCT ...) of the outer SELECT that `answer` leaves unbound as "": Jena up
 * to 6.2 leaves the aggregate of no values unbound where SPARQL 1.1 (§18.5.1.7) and Comunica give ""
 * (apache/jena#4240). Changes the rows in place.
 */
export function emptyConcatsAsEmptyStrings(query: string, answer: Answer): void {
  if (answer.type !== 'bindings') return;
  const outer = groupConcats((new SparqlParser().parse(query) as { variables?: unknown }).variables);
  for (const row of answer.rows) for (const [v, c] of outer) if (c.distinct && !row[v]) row[v] = factory.literal('');
}

/**
 * The verdict for answers that differ only in the language tag or datatype of GROUP_CONCAT values:
 * SPARQL 1.1 makes them simple literals (Comunica, Jena); Oxigraph keeps a language tag that all the
 * concatenated values share.
 */
export const SAME_BUT_CONCAT = 'same rows; GROUP_CONCAT values typed differently (a shared language tag kept)';

/** The verdict for answers that differ only in that Oxigraph gave xsd:integer for values of a type derived from it. */
export const SAME_BUT_INTEGERS = 'same rows; integers of a derived type (xsd:nonNegativeInteger) given as xsd:integer';

const XSD_NS = 'http://www.w3.org/2001/XMLSchema#';
const XSD_BOOLEAN = factory.namedNode(`${XSD_NS}boolean`);
const DERIVED_INTEGERS = new Set(['nonNegativeInteger', 'positiveInteger', 'nonPositiveInteger', 'negativeInteger', 'long', 'int', 'short', 'byte',
  'unsignedLong', 'unsignedInt', 'unsignedShort', 'unsignedByte'].map((t) => XSD_NS + t));

/**
 * The answer with every literal of a datatype derived from xsd:integer retyped as xsd:integer, which
 * is how Oxigraph 0.5 stores them (it does not keep the datatype the data gives, which RDF 1.1 literal
 * identity asks for); comparing with it after this tells that apart from a real difference.
 */
export function derivedIntegersAsIntegers(answer: Answer): Answer {
  if (answer.type !== 'bindings') return answer;
  const retype = (t: RDF.Term) => (t.termType === 'Literal' && DERIVED_INTEGERS.has(t.datatype.value) ? factory.literal(t.value, factory.namedNode(`${XSD_NS}integer`)) : t);
  return { ...answer, rows: answer.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, t]) => [k, retype(t)]))) };
}

/**
 * Why two answers to `query` differ, in one line, or undefined when they are the same answer (see
 * the module comment).
 */
export function differences(query: string, a: Answer, b: Answer): string | undefined {
  if (a.type !== b.type) return `one is ${a.type}, the other ${b.type}`;
  if (a.type === 'boolean') return a.value === (b as typeof a).value ? undefined : `${a.value} against ${(b as typeof a).value}`;
  if (a.type === 'quads') {
    const other = (b as typeof a).quads;
    if (a.quads.length !== other.length) return `${a.quads.length} triples against ${other.length}`;
    const triples = (qs: RDF.Quad[]) => qs.map((x) => factory.quad(x.subject, x.predicate, x.object));
    return isomorphic(triples(a.quads), triples(other)) ? undefined : 'the graphs are not isomorphic';
  }
  const other = b as typeof a;
  if (a.variables.join(' ') !== other.variables.join(' ')) return `variables ${a.variables.join(' ')} against ${other.variables.join(' ')}`;
  if (a.rows.length !== other.rows.length) return `${a.rows.length} rows against ${other.rows.length}`;
  const parsed = new SparqlParser().parse(query) as { order?: Array<{ expression: Expr }> };
  const concat = groupConcats(parsed);
  const sorted = (rows: Row[], lexical: boolean) => rows.map((r) => rowKey(r, a.variables, concat, lexical)).sort();
  const x = sorted(a.rows, true);
  const y = sorted(other.rows, true);
  const i = x.findIndex((k, n) => k !== y[n]);
  if (i >= 0) {
    const [fa, fb] = [x[i].split('\t'), y[i].split('\t')];
    const c = fa.findIndex((f, n) => f !== fb[n]);
    return `rows differ, e.g. ?${a.variables[c]} = ${fa[c].slice(0, 120) || 'unbound'} against ${fb[c]?.slice(0, 120) || 'unbound'}`;
  }
  if (parsed.order?.length) {
    const ka = orderKeys(a.rows, parsed.order, 'query');
    const kb = orderKeys(other.rows, parsed.order, 'query');
    const j = ka.findIndex((k, n) => k !== kb[n]);
    if (j >= 0) return `rows in another ORDER BY order from row ${j + 1}`;
  }
  const exact = (rows: Row[]) => sorted(rows, false).join('\n');
  if (exact(a.rows) !== exact(other.rows)) return `${SAME_BUT_CONCAT}`;
  return undefined;
}
