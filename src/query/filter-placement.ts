/**
 * A FILTER moved below the OPTIONALs of its group, where that gives the same answers: in a group made
 * of triple patterns, FILTERs and OPTIONALs only, a FILTER whose variables all occur in the group's own
 * triple patterns (so every solution binds them before any OPTIONAL is joined) is evaluated on those
 * patterns' solutions, in a group of their own, rather than after the OPTIONALs:
 *
 *     { A  FILTER(f)  OPTIONAL { B } }   →   { { A FILTER(f) }  OPTIONAL { B } }
 *
 * SPARQL 1.1 (18.2.2.6, 18.5) evaluates the first as Filter(f, LeftJoin(A, B)) and the second as
 * LeftJoin(Filter(f, A), B); they are equal when f's variables are bound by A in every solution (B only
 * adds bindings compatible with them, so f has the same value on a solution of A and on its extension).
 * A FILTER with EXISTS (which sees the whole solution) is left where it is. Comunica 5.4 does not move
 * such a FILTER itself (its push-down runs only for sources that accept FILTER), and evaluated it after
 * the OPTIONALs, on every solution of the group: `area-meetings` at 1M joined 100k solutions with three
 * OPTIONALs to keep 179.
 *
 * @example
 * placeFilters('SELECT * { ?s <p> ?o OPTIONAL { ?s <q> ?x } FILTER(?o = 1) }');
 * // 'SELECT * WHERE { { ?s <p> ?o . FILTER(?o = 1) } OPTIONAL { ?s <q> ?x . } }' (as sparqljs writes it)
 */
import { Generator as SparqlGenerator, Parser as SparqlParser } from 'sparqljs';

type Node = { type?: string; [key: string]: unknown };

/** The variables an expression mentions; undefined if it has EXISTS / NOT EXISTS (left in place). */
function expressionVariables(e: unknown, into = new Set<string>()): Set<string> | undefined {
  if (!e || typeof e !== 'object') return into;
  const n = e as Node & { termType?: string; value?: string; operator?: string; args?: unknown[] };
  if (n.termType === 'Variable') {
    into.add(n.value!);
    return into;
  }
  if (n.type === 'operation' && (n.operator === 'exists' || n.operator === 'notexists')) return undefined;
  if (n.type === 'aggregate') return undefined;
  for (const a of Array.isArray(n.args) ? n.args : []) if (!expressionVariables(a, into)) return undefined;
  if (n.type === 'functionCall' && !Array.isArray(n.args)) return undefined;
  return into;
}

/** The variables of a group's triple patterns (subjects, predicates and objects; paths' ends). */
function tripleVariables(bgps: Node[]): Set<string> {
  const vars = new Set<string>();
  for (const bgp of bgps) {
    for (const t of bgp.triples as Array<Record<string, { termType?: string; value?: string }>>) {
      for (const part of [t.subject, t.predicate, t.object]) if (part?.termType === 'Variable') vars.add(part.value!);
    }
  }
  return vars;
}

/** Rewrites the groups of a pattern list in place; true when something moved. */
function placeIn(patterns: Node[]): boolean {
  let moved = false;
  // Deeper groups first (OPTIONAL's, UNION's, GRAPH's, sub-SELECTs' and plain groups' patterns).
  for (const p of patterns) {
    if (Array.isArray(p.patterns)) moved = placeIn(p.patterns as Node[]) || moved;
    if (p.type === 'query' && Array.isArray(p.where)) moved = placeIn(p.where as Node[]) || moved;
  }
  const bgps = patterns.filter((p) => p.type === 'bgp');
  const optionals = patterns.filter((p) => p.type === 'optional');
  const filters = patterns.filter((p) => p.type === 'filter');
  if (!optionals.length || !filters.length || !bgps.length) return moved;
  // Only a group of triple patterns, FILTERs and OPTIONALs: anything else (BIND, VALUES, MINUS, UNION,
  // sub-groups) could bind a filter's variable or change what a solution is.
  if (patterns.some((p) => p.type !== 'bgp' && p.type !== 'optional' && p.type !== 'filter')) return moved;
  // Triple patterns after an OPTIONAL join with what it bound ({ A OPTIONAL { B } C } is not
  // { A C OPTIONAL { B } } when B and C share a variable): only a group whose triple patterns all come first.
  const firstOptional = patterns.findIndex((p) => p.type === 'optional');
  if (patterns.some((p, i) => p.type === 'bgp' && i > firstOptional)) return moved;
  const bound = tripleVariables(bgps);
  const early = filters.filter((f) => {
    const vars = expressionVariables(f.expression);
    return vars !== undefined && vars.size > 0 && [...vars].every((v) => bound.has(v));
  });
  if (!early.length) return moved;
  const rest = patterns.filter((p) => p.type !== 'bgp' && !early.includes(p));
  patterns.splice(0, patterns.length, { type: 'group', patterns: [...bgps, ...early] }, ...rest);
  return true;
}

/** The longest query text rewritten (and the most remembered). */
const MAX_TEXT = 16 * 1024;
const MAX_REMEMBERED = 500;
const placed = new Map<string, string>();

/** The query with its FILTERs moved below OPTIONALs where that gives the same answers; else the query as given. */
export function placeFilters(query: string): string {
  let out = placed.get(query);
  if (out !== undefined) return out;
  out = query;
  if (query.length <= MAX_TEXT && /\bOPTIONAL\b/i.test(query) && /\bFILTER\b/i.test(query)) {
    try {
      const parsed = new SparqlParser().parse(query) as unknown as Node;
      if (parsed.type === 'query' && Array.isArray(parsed.where) && placeIn(parsed.where as Node[])) out = new SparqlGenerator().stringify(parsed as never);
    } catch {
      out = query; // a query sparqljs cannot read goes to Comunica as it is (and gets its error there)
    }
  }
  if (placed.size >= MAX_REMEMBERED) placed.clear();
  placed.set(query, out);
  return out;
}
