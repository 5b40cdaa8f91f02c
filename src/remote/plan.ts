/**
 * What `diplograph push` writes, decided before anything is sent: the remote graphs, their names and
 * their triples.
 *
 * - Each article's named graph goes to a graph of the same name (the article IRI), or, with a graph
 *   base B, to `B` + `article/<slug>`.
 * - The dataset's default graph, as the embedded engine sees it (the RDF merge, a set, of the TriG's
 *   default graph, i.e. the concept schemes, and every article graph), goes to one more graph, the
 *   union graph `<base>graph/default`. A store's own default graph is not used: Virtuoso's holds its
 *   system graphs and counts a triple once per graph that holds it.
 * - A catalog graph `<base>graph/dataset` describes the dataset in the SPARQL service description
 *   vocabulary: `<base>graph/dataset a sd:Dataset; sd:defaultGraph <union>; sd:namedGraph <article graph>...`,
 *   so that `diplograph query --dataset` finds the graphs, and the next push knows which graphs it
 *   wrote before (and drops those of articles that are gone).
 * - Split in parts (`part k of n`, for federation): the articles, sorted by IRI, are cut into n
 *   contiguous runs, and every triple of the union graph goes to exactly one part: the TriG default
 *   graph's triples to part 1, an article triple to the first part (in order) whose articles hold it.
 *   So the parts' union graphs are disjoint and together are the whole union graph.
 */
import type * as RDF from '@rdfjs/types';
import { UserError } from '../errors.js';
import { termKey } from '../graph/iris.js';
import { DEFAULT_BASE, RDF as RDFV, SD, factory } from '../vocab.js';

/** One graph to write: its remote name and its triples (in the default graph, distinct, sorted). */
export interface PlannedGraph {
  name: string;
  /** What it holds: one article's graph, the union graph, or the catalog. */
  role: 'article' | 'union' | 'catalog';
  /** The article IRI, for an article's graph. */
  article?: string;
  triples: RDF.Quad[];
}

/** Every graph one push writes, and the dataset it makes. */
export interface PushPlan {
  /** The article graphs, sorted by name, then the union graph, then the catalog. */
  graphs: PlannedGraph[];
  /** The union graph's name: the `default-graph-uri` for queries. */
  unionGraph: string;
  /** The catalog graph's name, also the IRI of the sd:Dataset it describes. */
  catalogGraph: string;
  /** The article graphs' names: the `named-graph-uri`s for queries. */
  namedGraphs: string[];
}

/** How graphs are named, and which part of the graph is pushed. */
export interface PlanOptions {
  /** Names the graphs `<graphBase>article/<slug>` and `<graphBase>graph/default`. Default: the article IRIs and DEFAULT_BASE. */
  graphBase?: string;
  /** Push only part `index` (1-based) of `count`. */
  part?: { index: number; count: number };
}

const tripleKey = (q: RDF.Quad): string => `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`;

/** A graph base as given by the user: an absolute http(s) IRI ending in `/` or `#`. */
export function checkGraphBase(base: string): string {
  if (!/^https?:\/\/[^\s<>"{}|\\^`]+[/#]$/.test(base)) throw new UserError(`--graph-base: "${base}" must be an http(s) IRI ending with / or #`, { exitCode: 2 });
  return base;
}

/** The remote name of an article's graph. */
export function graphName(article: string, graphBase?: string): string {
  if (graphBase === undefined) return article;
  const slug = /\/article\/([^/#?]+)$/.exec(article)?.[1];
  return `${graphBase}article/${slug ?? encodeURIComponent(article)}`;
}

function distinctSorted(quads: Iterable<RDF.Quad>): RDF.Quad[] {
  const byKey = new Map<string, RDF.Quad>();
  for (const q of quads) {
    const k = tripleKey(q);
    if (!byKey.has(k)) byKey.set(k, q.graph.termType === 'DefaultGraph' ? q : factory.quad(q.subject, q.predicate, q.object));
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, q]) => q);
}

/** Decides the graphs to write for a graph's quads (named graphs = articles, default graph = shared data). */
export function planPush(quads: Iterable<RDF.Quad>, opts: PlanOptions = {}): PushPlan {
  const shared: RDF.Quad[] = [];
  const byArticle = new Map<string, RDF.Quad[]>();
  for (const q of quads) {
    if (q.graph.termType === 'DefaultGraph') shared.push(q);
    else if (q.graph.termType === 'NamedNode') {
      let list = byArticle.get(q.graph.value);
      if (!list) byArticle.set(q.graph.value, (list = []));
      list.push(q);
    } else throw new UserError(`the graph has a graph named by a blank node (${q.graph.value}); push needs IRIs as graph names`);
  }
  for (const q of [...shared, ...[...byArticle.values()].flat()]) {
    if (q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode') {
      // A store relabels blank nodes on every upload, so pushed data could not be compared or replaced reliably.
      throw new UserError(`the graph has blank nodes (e.g. _:${q.subject.termType === 'BlankNode' ? q.subject.value : q.object.value}); push needs a graph without them`);
    }
  }
  const articles = [...byArticle.keys()].sort();
  const { index, count } = opts.part ?? { index: 1, count: 1 };
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 1 || index > count) throw new UserError(`--part: ${index}/${count} is not a part k/n with 1 <= k <= n`, { exitCode: 2 });
  const partOf = (i: number): number => Math.floor((i * count) / Math.max(articles.length, 1)) + 1;
  const owner = new Map<string, number>();
  for (const q of shared) owner.set(tripleKey(q), 1);
  articles.forEach((a, i) => {
    for (const q of byArticle.get(a)!) if (!owner.has(tripleKey(q))) owner.set(tripleKey(q), partOf(i));
  });
  const base = opts.graphBase ?? DEFAULT_BASE;
  const graphs: PlannedGraph[] = articles
    .filter((_, i) => partOf(i) === index)
    .map((a) => ({ name: graphName(a, opts.graphBase), role: 'article' as const, article: a, triples: distinctSorted(byArticle.get(a)!) }))
    .sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  const union = distinctSorted([...shared, ...[...byArticle.values()].flat()].filter((q) => owner.get(tripleKey(q)) === index));
  const unionGraph = `${base}graph/default`;
  const catalogGraph = `${base}graph/dataset`;
  const clash = graphs.find((g) => g.name === unionGraph || g.name === catalogGraph);
  if (clash) throw new UserError(`the article graph ${clash.name} has the name of the union or catalog graph`);
  const c = factory.namedNode(catalogGraph);
  const catalog = distinctSorted([
    factory.quad(c, RDFV.type, SD.Dataset),
    factory.quad(c, SD.defaultGraph, factory.namedNode(unionGraph)),
    ...graphs.flatMap((g) => [factory.quad(c, SD.namedGraph, factory.namedNode(g.name)), factory.quad(factory.namedNode(g.name), RDFV.type, SD.NamedGraph), factory.quad(factory.namedNode(g.name), SD.name, factory.namedNode(g.name))]),
  ]);
  return {
    graphs: [...graphs, { name: unionGraph, role: 'union', triples: union }, { name: catalogGraph, role: 'catalog', triples: catalog }],
    unionGraph,
    catalogGraph,
    namedGraphs: graphs.map((g) => g.name),
  };
}
