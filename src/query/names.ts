/**
 * Parameters by name, and no silent emptiness: a parameter that takes a node of the graph (an actor,
 * a meeting, a cooperation area, or any node) accepts its IRI or any of its names (rdfs:label,
 * skos:prefLabel, skos:altLabel, dg:acronym, in any language), ignoring case and diacritics:
 * `partner=Germany`, `partner="Viet Nam"`, `meeting=meeting/003_99a181e7a6755caf-1`. A name that
 * several nodes have is an error that lists them; a name or an IRI that names nothing of the kind is an
 * error that says so and suggests the closest ones. Checked against the graph the query will run over.
 *
 * A value is taken as a name when it has no `/`, no `:` and no `<`: `country/france`, `dg:chair` and
 * `<https://...>` are IRIs, `France` and `Viet Nam` names.
 *
 * @example
 * const given = resolveParams(getQuery('partner-meetings'), { partner: 'viet nam' }, store);
 * // { partner: '<https://w3id.org/diplograph/id/country/vietnam>' }
 */
import type * as RDF from '@rdfjs/types';
import type { ReadableGraph } from './native-graph.js';
import { UserError } from '../errors.js';
import { closest, fold } from '../suggest.js';
import { DEFAULT_BASE, DG, OWL, PREFIXES, RDF as RDFV, RDFS, SKOS, factory } from '../vocab.js';
import { paramTerm, type ParamType, type QueryParam, type StoredQuery } from './stored-queries.js';

/** The parameter types whose values are nodes of the graph, with the class each must be an instance of. */
export const NODE_TYPES: Partial<Record<ParamType, { cls?: RDF.NamedNode; what: string }>> = {
  iri: { what: 'node' },
  actor: { cls: DG.Actor, what: 'actor (person, organization or country)' },
  meeting: { cls: DG.Meeting, what: 'meeting' },
  area: { cls: DG.CooperationArea, what: 'cooperation area' },
};

const NAME_PREDICATES = [RDFS.label, SKOS.prefLabel, SKOS.altLabel, DG.acronym];

/** Whether a value of a node parameter is a name rather than an IRI. */
export function isName(p: QueryParam, value: string): boolean {
  return NODE_TYPES[p.type] !== undefined && !/[/:<]/.test(value);
}

interface Candidate {
  node: RDF.NamedNode;
  names: string[];
}

/** The nodes a parameter may name, with their names; once per store and class. */
const cache = new WeakMap<ReadableGraph, Map<string, Candidate[]>>();

function candidates(store: ReadableGraph, cls: RDF.NamedNode | undefined): Candidate[] {
  let byClass = cache.get(store);
  if (!byClass) cache.set(store, (byClass = new Map()));
  const key = cls?.value ?? '';
  let list = byClass.get(key);
  if (list) return list;
  const nodes = new Map<string, RDF.NamedNode>();
  const subjects = cls ? store.getSubjects(RDFV.type, cls, null) : NAME_PREDICATES.flatMap((p) => store.getSubjects(p, null, null));
  for (const s of subjects) if (s.termType === 'NamedNode') nodes.set(s.value, s);
  list = [...nodes.values()].sort((a, b) => (a.value < b.value ? -1 : 1)).map((node) => ({
    node,
    names: [...new Set(NAME_PREDICATES.flatMap((p) => store.getObjects(node, p, null)).filter((o) => o.termType === 'Literal').map((o) => o.value))],
  }));
  byClass.set(key, list);
  return list;
}

/** A node as a user would write it: its path under the base, or its IRI; with its first name. */
function shown(c: Candidate, base: string): string {
  const prefix = Object.entries(PREFIXES).find(([p, ns]) => p !== 'dgr' && c.node.value.startsWith(ns) && /^[\w-]+$/.test(c.node.value.slice(ns.length)));
  const id = c.node.value.startsWith(base) ? c.node.value.slice(base.length) : prefix ? `${prefix[0]}:${c.node.value.slice(prefix[1].length)}` : `<${c.node.value}>`;
  return c.names.length ? `${id} ("${c.names[0]}")` : id;
}

/** The closest candidates to a name or an IRI, by their names and their IRIs' paths. */
function suggestions(word: string, list: Candidate[], base: string): string {
  const keyed = new Map<string, Candidate>();
  for (const c of list) {
    for (const n of c.names) if (!keyed.has(n)) keyed.set(n, c);
    const path = c.node.value.startsWith(base) ? c.node.value.slice(base.length) : c.node.value;
    if (!keyed.has(path)) keyed.set(path, c);
  }
  const near = new Set(closest(word, keyed.keys(), 12, false).map((k) => keyed.get(k)!));
  const top = [...near].slice(0, 3).map((c) => shown(c, base));
  return top.length ? `; did you mean ${top.join(', or ')}?` : '';
}

function resolveOne(p: QueryParam, value: string, store: ReadableGraph, base: string, what = `parameter "${p.name}"`): string {
  const kind = NODE_TYPES[p.type]!;
  const list = candidates(store, kind.cls);
  if (isName(p, value)) {
    const wanted = fold(value);
    const found = wanted ? list.filter((c) => c.names.some((n) => fold(n) === wanted)) : [];
    if (found.length === 1) return `<${found[0].node.value}>`;
    if (found.length > 1) {
      throw new UserError(`${what}: "${value}" is ambiguous: it names ${found.length} ${kind.what === 'node' ? 'nodes' : `${kind.what.replace(/ \(.*/, '')}s`}: ${found.slice(0, 8).map((c) => shown(c, base)).join(', ')}; give one of them by its IRI`);
    }
    throw new UserError(`${what}: no ${kind.what} in the graph is named "${value}"${suggestions(value, list, base)}`);
  }
  // An IRI: with a path under the graph's base (which `serve --base` may have changed).
  const path = !/^<|^[A-Za-z][\w.-]*:/.test(value) ? value.replace(/^\/+/, '') : undefined;
  const node = path !== undefined ? factory.namedNode(base + path) : paramTerm(p, value) as RDF.NamedNode;
  const known = (n: RDF.Term) => kind.cls ? store.countQuads(n, RDFV.type, kind.cls, null) > 0
    : store.countQuads(n, null, null, null) + store.countQuads(null, n, null, null) + store.countQuads(null, null, n, null) > 0;
  // A report merged into an event, or a node merged by a correction, stands for the node it is owl:sameAs.
  const same = store.getObjects(node, OWL.sameAs, null).find((o) => o.termType === 'NamedNode' && known(o));
  if (same) return `<${same.value}>`;
  if (known(node)) return `<${node.value}>`;
  const problem = kind.cls && store.countQuads(node, null, null, null) > 0 ? `is in the graph but is no ${kind.what}` : `names no ${kind.what} in the graph`;
  throw new UserError(`${what}: <${node.value}> ${problem}${suggestions(path ?? node.value, list, base)}`);
}

/**
 * A node of the graph given by a name or an IRI (as a node parameter takes it), checked: an error that
 * starts with `what` when it names nothing, or several nodes.
 *
 * @example
 * resolveNode('merge: the node to keep', 'Ngo Xuan Lich', store); // <https://w3id.org/diplograph/id/person/ngo-xuan-lich>
 */
export function resolveNode(what: string, value: string, store: ReadableGraph, type: ParamType = 'iri', base = DEFAULT_BASE): RDF.NamedNode {
  const iri = resolveOne({ name: what, type, description: '' }, value, store, base, what);
  return factory.namedNode(iri.slice(1, -1));
}

/**
 * The given parameter values with every node parameter's value (a name or an IRI) checked against
 * the store and given as `<IRI>`; the other values as they are. Defaults are not checked (they are the
 * query's own). `base` is the base of the graph's IRIs, for paths such as `country/france`.
 */
export function resolveParams(q: StoredQuery, given: Record<string, string>, store: ReadableGraph, base = DEFAULT_BASE): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(given)) {
    const p = q.params.find((x) => x.name === name);
    out[name] = p && NODE_TYPES[p.type] ? resolveOne(p, value, store, base) : value;
  }
  return out;
}

/** Whether the values given need the graph to be bound: a name among them. */
export function hasNames(q: StoredQuery, given: Record<string, string>): boolean {
  return Object.entries(given).some(([name, value]) => {
    const p = q.params.find((x) => x.name === name);
    return p !== undefined && isName(p, value);
  });
}

/** Whether some value given is of a node parameter (and so is checked against the graph). */
export function hasNodes(q: StoredQuery, given: Record<string, string>): boolean {
  return Object.keys(given).some((name) => NODE_TYPES[q.params.find((x) => x.name === name)?.type as ParamType] !== undefined);
}

/**
 * The values a form offers for a node parameter of a class (actor, meeting, area): each node once, by
 * a name that names it alone and reads as a name (the preferred one when it does: `preferred(iri)`),
 * else by its path under the base; sorted by value. Each resolves back to its node. None for `iri`.
 */
export function nameChoices(p: QueryParam, store: ReadableGraph, base: string, preferred: (iri: string) => string): { value: string; iri: string }[] {
  const cls = NODE_TYPES[p.type]?.cls;
  if (!cls) return [];
  const list = candidates(store, cls);
  const owners = new Map<string, number>();
  for (const c of list) for (const f of new Set(c.names.map(fold))) owners.set(f, (owners.get(f) ?? 0) + 1);
  const usable = (n: string) => fold(n) !== '' && owners.get(fold(n)) === 1 && isName(p, n);
  const out = list.map((c) => {
    const names = [preferred(c.node.value), ...c.names];
    const value = names.find(usable) ?? (c.node.value.startsWith(base) ? c.node.value.slice(base.length) : c.node.value);
    return { value, iri: c.node.value };
  });
  return out.sort((a, b) => (fold(a.value) < fold(b.value) ? -1 : fold(a.value) > fold(b.value) ? 1 : a.iri < b.iri ? -1 : 1));
}
