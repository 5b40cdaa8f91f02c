/**
 * Evaluates the part of a query that Comunica hands the native source (src/query/native-source.ts) over
 * the store's integer ids (src/query/native-store.ts): basic graph patterns, joins, OPTIONAL (leftjoin),
 * UNION, FILTER, VALUES and the property paths made of IRIs, `|` and `^`, with SPARQL's semantics
 * (solutions are multisets; an unbound variable is compatible with any value; a FILTER keeps a solution
 * only when its expression is true, an error counts as false).
 *
 * Expressions evaluated here: `&&`, `||`, `!`, BOUND, sameTerm, isIRI/isBlank/isLiteral,
 * langMatches(lang(?x), "..."), and `=` / `!=` between terms that are not literals, or literals compared
 * as strings (xsd:string, language-tagged). Anything else (another function, a numeric or date comparison,
 * EXISTS, a path with `*`, `+`, `?` or `!`) is a sub-operation given back to Comunica whole (`fallback`),
 * so that its answer is Comunica's own.
 *
 * A solution is a row of `width` ids, one a variable of the whole operation; {@link UNBOUND} where unbound.
 * A term that is not in the store (from VALUES, a FILTER constant or Comunica's bindings) gets an id above
 * the store's, for this evaluation only.
 */
import type * as RDF from '@rdfjs/types';
import { termKey } from '../graph/iris.js';
import { factory } from '../vocab.js';
import { TooManyRows, UNBOUND, type IdPattern, type NativeStore, type PatternTerm } from './native-store.js';

/** The parts of Comunica's algebra that the evaluator reads. */
export interface Operation {
  type: string;
  input?: Operation | Operation[];
  patterns?: Operation[];
  subject?: RDF.Term;
  predicate?: RDF.Term | Operation;
  object?: RDF.Term;
  graph?: RDF.Term;
  expression?: Expression;
  variables?: RDF.Variable[];
  bindings?: Array<Record<string, RDF.Term>>;
  iri?: RDF.NamedNode;
  path?: Operation;
  metadata?: Record<string, unknown>;
}

interface Expression {
  type: 'expression';
  subType: string;
  operator?: string;
  term?: RDF.Term;
  args?: Expression[];
}

/** Solutions: `count` rows of `width` ids; `certain`: the variables bound in every row. */
export interface Table {
  ids: Uint32Array;
  count: number;
  certain: Uint8Array;
}

/** Comunica's bindings, as this module reads them: pairs of a variable and a term. */
export type Bindings = Iterable<[RDF.Variable, RDF.Term]>;

/** A stream of Comunica's bindings (an AsyncIterator). */
export interface BindingsStream {
  toArray(): Promise<Bindings[]>;
  map(f: (b: Bindings & { map(g: (t: RDF.Term) => RDF.Term): Bindings }) => unknown): BindingsStream;
}

/** Comunica's own answer to an operation, over the same store (as a source of single patterns). */
export type Fallback = (operation: Operation) => Promise<BindingsStream>;

/** Reads a stream of Comunica's bindings as plain solutions, by variable name (blank nodes as the store's). */
export async function solutionsOf(stream: { toArray(): Promise<Bindings[]> }): Promise<Array<Map<string, RDF.Term>>> {
  return (await stream.toArray()).map((b) => new Map([...b].map(([k, v]) => [k.value, deskolemized(v)] as [string, RDF.Term])));
}

/** Comunica's bindings with its skolemised blank nodes as the store's own (see {@link deskolemized}). */
export function deskolemizedStream(stream: BindingsStream): BindingsStream {
  return stream.map((b) => ([...b].some(([, t]) => t !== deskolemized(t)) ? b.map(deskolemized) : b));
}

/** A comparison this module does not make (of numbers, dates ...): the operation goes back to Comunica. */
class NotNative extends Error {}

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

/** true, false, or an error (SPARQL's three values of a FILTER expression). */
const TRUE = 1;
const FALSE = 0;
const ERROR = -1;

/** The operations evaluated here (each input too, checked by {@link Evaluator.native}). */
export const NATIVE_OPERATIONS = ['pattern', 'bgp', 'join', 'leftjoin', 'filter', 'union', 'values', 'path'] as const;

export class Evaluator {
  /** The variables of the operation, by name: their column. */
  readonly variables: RDF.Variable[] = [];
  private readonly column = new Map<string, number>();
  /** Terms that are not in the store, by key and by id (their id minus the store's term count). */
  private readonly foreignIds = new Map<string, number>();
  private readonly foreignTerms: RDF.Term[] = [];
  private readonly base: number;
  /** The most rows any step may make ({@link TooManyRows} beyond); by default no limit. */
  maxRows = Infinity;
  /** Derived per term id: its language tag in lower case, or null (not a literal), cached. */
  private readonly langs = new Map<number, string | null>();

  constructor(private readonly store: NativeStore, private readonly comunica: Fallback) {
    this.base = store.termCount;
  }

  /** Comunica's solutions of an operation, by variable name. */
  private async fallback(op: Operation): Promise<Array<Map<string, RDF.Term>>> {
    return solutionsOf(await this.comunica(op));
  }

  get width(): number {
    return this.variables.length;
  }

  /** The column of a variable, added when new. */
  variable(v: RDF.Variable): number {
    let n = this.column.get(v.value);
    if (n === undefined) {
      this.column.set(v.value, (n = this.variables.length));
      this.variables.push(v);
    }
    return n;
  }

  /** The id of any term: the store's, or one of this evaluation's. */
  idOf(term: RDF.Term): number {
    const known = this.store.idOf(term);
    if (known !== undefined) return known;
    const key = termKey(term);
    let id = this.foreignIds.get(key);
    if (id === undefined) {
      this.foreignIds.set(key, (id = this.base + this.foreignTerms.length));
      this.foreignTerms.push(term);
    }
    return id;
  }

  term(id: number): RDF.Term {
    return id < this.base ? this.store.term(id) : this.foreignTerms[id - this.base];
  }

  /** Registers every variable of an operation (so that all tables have one width), in order of appearance. */
  collect(op: Operation): void {
    const visit = (o: Operation) => {
      if (o.type === 'pattern' || o.type === 'path') {
        for (const t of [o.subject, o.object, o.graph]) if (t?.termType === 'Variable') this.variable(t);
        if (o.type === 'pattern' && o.predicate && 'termType' in o.predicate && o.predicate.termType === 'Variable') this.variable(o.predicate as RDF.Variable);
      }
      if (o.type === 'values') for (const v of o.variables ?? []) this.variable(v);
      for (const p of o.patterns ?? []) visit(p);
      const inputs = o.input === undefined ? [] : Array.isArray(o.input) ? o.input : [o.input];
      for (const i of inputs) visit(i);
    };
    visit(op);
  }

  /** Whether an operation (with all it contains) is evaluated here rather than given back to Comunica. */
  static native(op: Operation): boolean {
    switch (op.type) {
      case 'pattern':
        return [op.subject, op.predicate, op.object, op.graph].every((t) => t && 'termType' in t && t.termType !== 'Quad');
      case 'bgp':
        return (op.patterns ?? []).every(Evaluator.native);
      case 'join':
      case 'union':
        return (op.input as Operation[]).every(Evaluator.native);
      case 'leftjoin':
        return (op.input as Operation[]).every(Evaluator.native) && (!op.expression || nativeExpression(op.expression));
      case 'filter':
        return Evaluator.native(op.input as Operation) && nativeExpression(op.expression!);
      case 'values':
        return true;
      case 'path':
        return pathAlternatives(op) !== undefined;
      default:
        return false;
    }
  }

  /**
   * The rows in one order whatever the plan: by their terms' ids, the variables taken by name. (The
   * order in which solutions reach Comunica is the order of GROUP_CONCAT's values; the same question,
   * asked with a constant or with VALUES, gets the same answer.)
   */
  sorted(t: Table): Table {
    const w = this.width;
    const columns = this.variables.map((v, i) => [v.value, i] as [string, number]).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, i]) => i);
    const order = Array.from({ length: t.count }, (_, r) => r);
    order.sort((a, b) => {
      for (const c of columns) {
        const d = t.ids[a * w + c] - t.ids[b * w + c];
        if (d !== 0) return d;
      }
      return 0;
    });
    const ids = new Uint32Array(t.count * w);
    order.forEach((r, i) => ids.set(t.ids.subarray(r * w, r * w + w), i * w));
    return { ids, count: t.count, certain: t.certain };
  }

  /** A table of one row that binds nothing (the identity of joins). */
  unit(): Table {
    return { ids: new Uint32Array(this.width).fill(UNBOUND), count: 1, certain: new Uint8Array(this.width) };
  }

  /** A table of Comunica's solutions (bindings by variable name), their terms as ids. */
  table(rows: Array<Map<string, RDF.Term>>): Table {
    const w = this.width;
    const ids = new Uint32Array(rows.length * w).fill(UNBOUND);
    const certain = new Uint8Array(w).fill(1);
    rows.forEach((row, r) => {
      for (let v = 0; v < w; v++) {
        const t = row.get(this.variables[v].value);
        if (t) ids[r * w + v] = this.idOf(deskolemized(t));
        else certain[v] = 0;
      }
    });
    if (!rows.length) certain.fill(0);
    return { ids, count: rows.length, certain };
  }

  /** The solutions of an operation. */
  async evaluate(op: Operation, input?: Table): Promise<Table> {
    if (!Evaluator.native(op)) return this.join(input, this.table(await this.fallback(op)));
    const terms = bgpTerms(op);
    if (terms) return this.bgp(terms.map((t) => this.encode(t)), input);
    switch (op.type) {
      case 'join': {
        let t = input ?? this.unit();
        // The groups of patterns first (each joined by looking up the solutions so far), then the rest.
        const inputs = [...(op.input as Operation[])].sort((a, b) => Number(!bgpLike(a)) - Number(!bgpLike(b)));
        for (const i of inputs) {
          t = bgpLike(i) ? await this.evaluate(i, t) : this.join(t, await this.evaluate(i));
          if (t.count === 0) break;
        }
        return t;
      }
      case 'union': {
        const parts = await Promise.all((op.input as Operation[]).map((i) => this.evaluate(i)));
        return this.join(input, this.concat(parts));
      }
      case 'values': {
        const rows = (op.bindings ?? []).map((b) => new Map(Object.entries(b).map(([k, t]) => [k.replace(/^\?/, ''), t] as [string, RDF.Term])));
        return this.join(input, this.table(rows));
      }
      case 'path': {
        // `|`: the UNION of its alternatives.
        const parts = pathAlternatives(op)!.map((t) => this.bgp([this.encode(t)]));
        return this.join(input, this.concat(parts));
      }
      case 'filter': {
        // On its own solutions (its expression sees only its own variables), then joined.
        const t = await this.evaluate(op.input as Operation);
        try {
          return this.join(input, this.filter(t, op.expression!));
        } catch (error) {
          if (!(error instanceof NotNative)) throw error;
          return this.join(input, this.table(await this.fallback(op)));
        }
      }
      case 'leftjoin': {
        try {
          return this.join(input, await this.leftJoin(op));
        } catch (error) {
          if (!(error instanceof NotNative)) throw error;
          return this.join(input, this.table(await this.fallback(op)));
        }
      }
      default:
        throw new Error(`the native store cannot evaluate a ${op.type} operation`);
    }
  }

  /** A group of patterns, joined to `input` by looking up each row's bound variables. */
  private bgp(patterns: IdPattern[], input?: Table): Table {
    const w = this.width;
    const certain = input ? Uint8Array.from(input.certain) : new Uint8Array(w);
    const found = this.store.evaluate(patterns, w, input, input?.certain, this.maxRows);
    for (const p of patterns) for (const t of p) if ('variable' in t) certain[t.variable] = 1;
    return { ids: found.ids, count: found.count, certain };
  }

  /** OPTIONAL: each solution of the left side with the compatible ones of the right that pass the expression, or alone. */
  private async leftJoin(op: Operation): Promise<Table> {
    const [leftOp, rightOp] = op.input as Operation[];
    const left = await this.evaluate(leftOp);
    const w = this.width;
    let right: Table;
    let origin: Uint32Array;
    if (bgpLike(rightOp)) {
      const patterns = bgpTerms(rightOp)!.map((t) => this.encode(t));
      const found = this.store.evaluate(patterns, w, left, left.certain, this.maxRows);
      right = { ids: found.ids, count: found.count, certain: left.certain };
      origin = found.origin;
    } else {
      const joined = this.joinWithOrigin(left, await this.evaluate(rightOp));
      right = joined.table;
      origin = joined.origin;
    }
    const out: number[] = [];
    const matched = new Uint8Array(left.count);
    for (let i = 0; i < right.count; i++) {
      if (op.expression && this.truth(op.expression, right.ids, i * w) !== TRUE) continue;
      matched[origin[i]] = 1;
      for (let v = 0; v < w; v++) out.push(right.ids[i * w + v]);
    }
    // Left rows without a match, in with the rest (a multiset: the order does not matter).
    for (let r = 0; r < left.count; r++) if (!matched[r]) for (let v = 0; v < w; v++) out.push(left.ids[r * w + v]);
    return { ids: Uint32Array.from(out), count: out.length / Math.max(1, w) || 0, certain: left.certain };
  }

  /** The rows of a table for which the expression is true. */
  private filter(t: Table, expression: Expression): Table {
    const w = this.width;
    const out: number[] = [];
    let count = 0;
    for (let r = 0; r < t.count; r++) {
      if (this.truth(expression, t.ids, r * w) !== TRUE) continue;
      for (let v = 0; v < w; v++) out.push(t.ids[r * w + v]);
      count++;
    }
    return { ids: Uint32Array.from(out), count, certain: t.certain };
  }

  /** The multiset union of tables. */
  private concat(parts: Table[]): Table {
    const w = this.width;
    const count = parts.reduce((n, p) => n + p.count, 0);
    const ids = new Uint32Array(count * w);
    let at = 0;
    for (const p of parts) {
      ids.set(p.ids.subarray(0, p.count * w), at);
      at += p.count * w;
    }
    const certain = new Uint8Array(w).fill(1);
    for (let v = 0; v < w; v++) certain[v] = parts.every((p) => p.certain[v]) ? 1 : 0;
    return { ids, count, certain };
  }

  /** The join of two tables (compatible rows merged); `a` undefined: `b` as it is. */
  join(a: Table | undefined, b: Table): Table {
    return a === undefined ? b : this.joinWithOrigin(a, b).table;
  }

  /**
   * The join of two tables, hashing on the variables both bind in every row (the others are checked
   * row by row: unbound is compatible with anything); `origin[i]`: the row of `a` that row i extends.
   */
  private joinWithOrigin(a: Table, b: Table): { table: Table; origin: Uint32Array } {
    const w = this.width;
    const keys: number[] = [];
    for (let v = 0; v < w; v++) if (a.certain[v] && b.certain[v]) keys.push(v);
    const key = (ids: Uint32Array, base: number) => keys.map((v) => ids[base + v]).join(',');
    const buckets = new Map<string, number[]>();
    for (let r = 0; r < b.count; r++) {
      const k = key(b.ids, r * w);
      const list = buckets.get(k);
      if (list) list.push(r);
      else buckets.set(k, [r]);
    }
    const out: number[] = [];
    const origin: number[] = [];
    for (let r = 0; r < a.count; r++) {
      const list = buckets.get(key(a.ids, r * w));
      if (!list) continue;
      next: for (const s of list) {
        const row: number[] = [];
        for (let v = 0; v < w; v++) {
          const x = a.ids[r * w + v];
          const y = b.ids[s * w + v];
          if (x !== UNBOUND && y !== UNBOUND && x !== y) continue next;
          row.push(x === UNBOUND ? y : x);
        }
        out.push(...row);
        origin.push(r);
        if (origin.length > this.maxRows) throw new TooManyRows(this.maxRows);
      }
    }
    const certain = new Uint8Array(w);
    for (let v = 0; v < w; v++) certain[v] = a.certain[v] || b.certain[v] ? 1 : 0;
    return { table: { ids: Uint32Array.from(out), count: origin.length, certain }, origin: Uint32Array.from(origin) };
  }

  /** The value of a FILTER expression on a row: TRUE, FALSE or ERROR; NotNative for a comparison not made here. */
  private truth(e: Expression, ids: Uint32Array, base: number): number {
    if (e.subType !== 'operator') throw new NotNative();
    const args = e.args ?? [];
    switch (e.operator) {
      case '&&':
      case '||': {
        // SPARQL's logical-and / logical-or: the deciding value wins over an error ("false" for &&, "true" for ||).
        const decides = e.operator === '&&' ? FALSE : TRUE;
        const a = this.truth(args[0], ids, base);
        if (a === decides) return decides;
        const b = this.truth(args[1], ids, base);
        if (b === decides) return decides;
        return a === ERROR || b === ERROR ? ERROR : a;
      }
      case '!': {
        const a = this.truth(args[0], ids, base);
        return a === ERROR ? ERROR : a === TRUE ? FALSE : TRUE;
      }
      case 'bound':
        return ids[base + this.column.get(args[0].term!.value)!] === UNBOUND ? FALSE : TRUE;
      case 'isiri':
      case 'isuri':
      case 'isblank':
      case 'isliteral': {
        const id = this.value(args[0], ids, base);
        if (id === UNBOUND) return ERROR;
        const type = this.term(id).termType;
        return type === { isiri: 'NamedNode', isuri: 'NamedNode', isblank: 'BlankNode', isliteral: 'Literal' }[e.operator] ? TRUE : FALSE;
      }
      case 'sameterm': {
        const a = this.value(args[0], ids, base);
        const b = this.value(args[1], ids, base);
        if (a === UNBOUND || b === UNBOUND) return ERROR;
        return a === b ? TRUE : FALSE;
      }
      case 'langmatches': {
        const id = this.value(args[0].args![0], ids, base);
        if (id === UNBOUND) return ERROR;
        const tag = this.lang(id);
        if (tag === null) return ERROR;
        const range = (args[1].term as RDF.Literal).value.toLowerCase();
        if (range === '*') return tag !== '' ? TRUE : FALSE;
        return tag === range || tag.startsWith(`${range}-`) ? TRUE : FALSE;
      }
      case '=':
      case '!=': {
        const a = this.value(args[0], ids, base);
        const b = this.value(args[1], ids, base);
        if (a === UNBOUND || b === UNBOUND) return ERROR;
        const equal = this.equal(a, b);
        if (equal === ERROR) return ERROR;
        return (equal === TRUE) === (e.operator === '=') ? TRUE : FALSE;
      }
      default:
        throw new NotNative();
    }
  }

  /** RDFterm-equal, as SPARQL's `=` has it for terms other than numbers, dates and the like (NotNative for those). */
  private equal(a: number, b: number): number {
    const x = this.term(a);
    const y = this.term(b);
    if (x.termType !== 'Literal' || y.termType !== 'Literal') return a === b ? TRUE : FALSE;
    const kind = (l: RDF.Literal) => (l.language ? LANG_STRING : l.datatype.value);
    const [kx, ky] = [kind(x), kind(y)];
    const stringy = (k: string) => k === XSD_STRING || k === LANG_STRING;
    if (!stringy(kx) || !stringy(ky)) throw new NotNative();
    if (kx !== ky) return kx === LANG_STRING || ky === LANG_STRING ? FALSE : ERROR;
    return x.value === y.value && x.language.toLowerCase() === y.language.toLowerCase() ? TRUE : FALSE;
  }

  /** The term id an expression stands for: a variable's value (UNBOUND if unbound) or a constant's id. */
  private value(e: Expression, ids: Uint32Array, base: number): number {
    if (e.subType !== 'term') throw new NotNative();
    const t = e.term!;
    return t.termType === 'Variable' ? ids[base + this.column.get(t.value)!] : this.idOf(t);
  }

  /** The language tag (lower case) of a literal, '' for one without; null for another term. */
  private lang(id: number): string | null {
    let tag = this.langs.get(id);
    if (tag === undefined) {
      const t = this.term(id);
      this.langs.set(id, (tag = t.termType === 'Literal' ? t.language.toLowerCase() : null));
    }
    return tag;
  }

  /** A pattern of the store's: its terms as ids or variable columns (a term the store does not have: missing). */
  encode(terms: RDF.Term[]): IdPattern {
    return terms.map((t): PatternTerm => {
      if (t.termType === 'Variable') return { variable: this.variable(t as RDF.Variable) };
      const id = this.store.idOf(t);
      return id === undefined ? { missing: true } : { id };
    }) as unknown as IdPattern;
  }
}

/** Whether an expression is one evaluated here (every operator and argument). */
function nativeExpression(e: Expression): boolean {
  if (e.subType === 'term') return true;
  if (e.subType !== 'operator') return false;
  const args = e.args ?? [];
  const term = (a: Expression | undefined) => a?.subType === 'term';
  switch (e.operator) {
    case '&&':
    case '||':
    case '!':
      return args.every((a) => a.subType === 'operator' && nativeExpression(a));
    case 'bound':
      return args[0]?.term?.termType === 'Variable';
    case 'isiri':
    case 'isuri':
    case 'isblank':
    case 'isliteral':
      return term(args[0]);
    case 'sameterm':
    case '=':
    case '!=':
      return term(args[0]) && term(args[1]);
    case 'langmatches': {
      const [lang, range] = args;
      return lang?.subType === 'operator' && lang.operator === 'lang' && term(lang.args?.[0]) && range?.term?.termType === 'Literal' && !range.term.language && range.term.datatype.value === XSD_STRING;
    }
    default:
      return false;
  }
}

/** Whether an operation is a group of patterns (joined by looking up solutions). */
function bgpLike(op: Operation): boolean {
  return bgpTerms(op) !== undefined;
}

/**
 * The triple patterns (subject, predicate, object, graph) of a pattern, a BGP, a join of those or a path
 * of one IRI or its inverse; undefined for anything else.
 */
function bgpTerms(op: Operation): RDF.Term[][] | undefined {
  const terms: RDF.Term[][] = [];
  const visit = (o: Operation): boolean => {
    if (o.type === 'pattern') terms.push([o.subject!, o.predicate as RDF.Term, o.object!, o.graph ?? factory.defaultGraph()]);
    else if (o.type === 'bgp') return (o.patterns ?? []).every(visit);
    else if (o.type === 'join') return (o.input as Operation[]).every(visit);
    else if (o.type === 'path') {
      const one = pathAlternatives(o);
      if (!one || one.length !== 1 || (o.predicate as Operation).type === 'alt') return false;
      terms.push(one[0]);
    } else return false;
    return true;
  };
  if (!visit(op) || terms.some((t) => t.some((x) => x.termType === 'Quad'))) return undefined;
  return terms;
}

/**
 * The patterns a path stands for, one an alternative: an IRI, its inverse (`^`), or `|` of those (a
 * UNION of them); undefined for other paths.
 */
function pathAlternatives(op: Operation): RDF.Term[][] | undefined {
  const graph = op.graph ?? factory.defaultGraph();
  const one = (p: Operation): RDF.Term[] | undefined => {
    if (p.type === 'link') return [op.subject!, p.iri!, op.object!, graph];
    if (p.type === 'inv' && p.path?.type === 'link') return [op.object!, p.path.iri!, op.subject!, graph];
    return undefined;
  };
  const p = op.predicate as Operation;
  const list = p.type === 'alt' ? (p.input as Operation[]).map(one) : [one(p)];
  return list.every((x) => x !== undefined) ? (list as RDF.Term[][]) : undefined;
}

/** A term from Comunica's skolemised blank nodes back to the store's blank node. */
export function deskolemized(t: RDF.Term): RDF.Term {
  const skolem = (t as { skolemized?: RDF.NamedNode }).skolemized;
  if (t.termType === 'BlankNode' && skolem) {
    const m = /^urn:comunica_skolem:source_\d+:(.*)$/.exec(skolem.value);
    if (m) return factory.blankNode(m[1]);
  }
  return t;
}
