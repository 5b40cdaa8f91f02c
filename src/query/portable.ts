/**
 * Rewrites a query, without changing its answers, so that SPARQL stores that deviate from the
 * standard in two known ways still answer it as the standard says. Used for queries sent to remote
 * endpoints (a stored query's parameters arrive as a one-row VALUES block at the top of WHERE):
 *
 * - An UNDEF column of a one-row top-level VALUES block is dropped: it binds nothing either way.
 *   (Virtuoso 7.2 fails with "SP031 ... no SPART_VARR_FIXED" when such a variable is used in a FILTER.)
 * - In a FILTER placed directly in an OPTIONAL of the top-level group, a variable that the one-row
 *   VALUES block binds to a term is replaced by that term. Such a filter is part of the left join and
 *   sees the outer solution, where the variable has exactly that value. (Virtuoso 7.2 evaluates these
 *   filters without the outer bindings.)
 *
 * @example
 * portable('SELECT * { VALUES (?home ?x) { (<urn:a> UNDEF) } ?m <urn:p> ?y OPTIONAL { ?m <urn:q> ?p FILTER(?p != ?home) } }');
 * // ... VALUES ?home { <urn:a> } ... FILTER(?p != <urn:a>) ...
 */
import type * as RDF from '@rdfjs/types';
import { Generator, Parser as SparqlParser } from 'sparqljs';

type Node = Record<string, unknown>;

function substitute(expr: unknown, bound: Map<string, RDF.Term>): unknown {
  if (Array.isArray(expr)) return expr.map((e) => substitute(e, bound));
  if (!expr || typeof expr !== 'object') return expr;
  const node = expr as Node;
  if (node.termType === 'Variable') return bound.get(node.value as string) ?? expr;
  if (node.termType) return expr;
  const out: Node = {};
  for (const [k, v] of Object.entries(node)) out[k] = substitute(v, bound);
  return out;
}

/** The query, rewritten as described in the module comment; the text unchanged when nothing applies. */
export function portable(query: string): string {
  let parsed: Node;
  try {
    parsed = new SparqlParser().parse(query) as unknown as Node;
  } catch {
    return query;
  }
  const where = parsed.where as Node[] | undefined;
  const values = where?.[0];
  if (parsed.type !== 'query' || values?.type !== 'values' || (values.values as unknown[]).length !== 1) return query;
  const row = (values.values as Array<Record<string, RDF.Term | undefined>>)[0];
  const bound = new Map<string, RDF.Term>();
  for (const [k, v] of Object.entries(row)) if (v) bound.set(k.replace(/^\?/, ''), v);
  let changed = Object.values(row).some((v) => v === undefined);
  const kept: Record<string, RDF.Term> = {};
  for (const [k, v] of Object.entries(row)) if (v) kept[k] = v;
  const rest = where!.slice(1).map((p) => {
    if (p.type !== 'optional') return p;
    const patterns = (p.patterns as Node[]).map((inner) => {
      if (inner.type !== 'filter') return inner;
      const expression = substitute(inner.expression, bound);
      if (JSON.stringify(expression) === JSON.stringify(inner.expression)) return inner;
      changed = true;
      return { ...inner, expression };
    });
    return { ...p, patterns };
  });
  if (!changed) return query;
  const head = Object.keys(kept).length ? [{ type: 'values', values: [kept] }] : [];
  return new Generator({ prefixes: parsed.prefixes as Record<string, string> }).stringify({ ...parsed, where: [...head, ...rest] } as never);
}
