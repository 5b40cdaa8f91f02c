/**
 * A set of quads for rdf-validate-shacl (RDF/JS DatasetCore), indexed by subject, predicate and
 * object. The validator asks many small questions ("the labels of this node", "the types of that
 * value"); @rdfjs/dataset answers each with a new indexed dataset, which was most of the validation
 * time. Here a match is a plain list of the quads it selects, read from the smallest index that
 * applies. Quads are a set: a quad added twice (the same fact from several articles) counts once.
 *
 * @example
 * const data = new QuadIndex(quads);
 * for (const q of data.match(node, RDFS.label, null)) console.log(q.object.value);
 */
import type * as RDF from '@rdfjs/types';

type Term = RDF.Term | null | undefined;

/**
 * The key of a term: equal keys for equal terms (RDF/JS `equals`), whatever the implementation. An IRI
 * is its own key (no IRI begins with `_:`, `"` or `?`), so that the key is the term's own string. (Not
 * termKey of src/graph/iris.ts, which wraps an IRI in <> and so makes a new string at every lookup:
 * with it, validating the 1,000-article corpus took 14.6-15.5 s instead of 11.4-12.6 s.)
 */
function keyOf(t: RDF.Term): string {
  switch (t.termType) {
    case 'NamedNode':
      return t.value;
    case 'BlankNode':
      return `_:${t.value}`;
    case 'Literal':
      return t.language ? `"${t.value}"@${t.language}` : `"${t.value}"^^${t.datatype.value}`;
    case 'DefaultGraph':
      return '';
    case 'Variable':
      return `?${t.value}`;
    default:
      return `<<${keyOf(t.subject)} ${keyOf(t.predicate)} ${keyOf(t.object)} ${keyOf(t.graph)}>>`;
  }
}

/** Graph, subject and predicate keys hold no space (IRIs and blank node labels do not), so the object, last, may. */
const quadKey = (q: RDF.Quad) => `${keyOf(q.graph)} ${keyOf(q.subject)} ${keyOf(q.predicate)} ${keyOf(q.object)}`;

/** Whether the quad fits the pattern (an absent term fits anything). */
function fits(q: RDF.Quad, s: Term, p: Term, o: Term, g: Term): boolean {
  return (!s || q.subject.equals(s)) && (!p || q.predicate.equals(p)) && (!o || q.object.equals(o)) && (!g || q.graph.equals(g));
}

/** The quads of one match: a list, read once or a few times, and never indexed. */
class QuadList implements RDF.DatasetCore {
  constructor(private readonly quads: RDF.Quad[]) {}

  get size(): number {
    return this.quads.length;
  }

  add(quad: RDF.Quad): this {
    if (!this.has(quad)) this.quads.push(quad);
    return this;
  }

  delete(quad: RDF.Quad): this {
    const i = this.quads.findIndex((q) => q.equals(quad));
    if (i >= 0) this.quads.splice(i, 1);
    return this;
  }

  has(quad: RDF.Quad): boolean {
    return this.quads.some((q) => q.equals(quad));
  }

  match(s?: Term, p?: Term, o?: Term, g?: Term): RDF.DatasetCore {
    return new QuadList(this.quads.filter((q) => fits(q, s, p, o, g)));
  }

  [Symbol.iterator](): Iterator<RDF.Quad> {
    return this.quads[Symbol.iterator]();
  }
}

/** The indexes, two levels deep: subject then predicate, predicate then object, object then subject. */
type IndexName = 'sp' | 'po' | 'os';
type Index = Map<string, Map<string, RDF.Quad[]>>;

const INDEX_KEYS: Record<IndexName, (q: RDF.Quad) => [string, string]> = {
  sp: (q) => [keyOf(q.subject), keyOf(q.predicate)],
  po: (q) => [keyOf(q.predicate), keyOf(q.object)],
  os: (q) => [keyOf(q.object), keyOf(q.subject)],
};

export class QuadIndex implements RDF.DatasetCore {
  private readonly all = new Map<string, RDF.Quad>();
  /**
   * Each index is made when a match first needs it, and kept up to date from then on: the validator
   * makes many small datasets (its results) that are never matched, and asks the data few kinds of
   * questions.
   */
  private readonly indexes = new Map<IndexName, Index>();

  constructor(quads?: Iterable<RDF.Quad>) {
    if (quads) for (const q of quads) this.add(q);
  }

  get size(): number {
    return this.all.size;
  }

  add(quad: RDF.Quad): this {
    const k = quadKey(quad);
    if (this.all.has(k)) return this;
    this.all.set(k, quad);
    for (const [name, index] of this.indexes) push(index, INDEX_KEYS[name](quad), quad);
    return this;
  }

  delete(quad: RDF.Quad): this {
    const k = quadKey(quad);
    const stored = this.all.get(k);
    if (!stored) return this;
    this.all.delete(k);
    for (const [name, index] of this.indexes) pull(index, INDEX_KEYS[name](stored), stored);
    return this;
  }

  has(quad: RDF.Quad): boolean {
    return this.all.has(quadKey(quad));
  }

  match(s?: Term, p?: Term, o?: Term, g?: Term): RDF.DatasetCore {
    const from = s ? this.lookUp('sp', s, p) : o ? (p ? this.lookUp('po', p, o) : this.lookUp('os', o)) : p ? this.lookUp('po', p) : [...this.all.values()];
    return new QuadList(from.filter((q) => fits(q, s, p, o, g)));
  }

  [Symbol.iterator](): Iterator<RDF.Quad> {
    return this.all.values();
  }

  /** The quads under `first` in an index, and under `second` if given. */
  private lookUp(name: IndexName, first: RDF.Term, second?: Term): RDF.Quad[] {
    let index = this.indexes.get(name);
    if (!index) {
      this.indexes.set(name, (index = new Map()));
      for (const q of this.all.values()) push(index, INDEX_KEYS[name](q), q);
    }
    const level = index.get(keyOf(first));
    if (!level) return [];
    if (second) return level.get(keyOf(second)) ?? [];
    return [...level.values()].flat();
  }
}

function push(index: Index, [first, second]: [string, string], quad: RDF.Quad): void {
  let level = index.get(first);
  if (!level) index.set(first, (level = new Map()));
  const list = level.get(second);
  if (list) list.push(quad);
  else level.set(second, [quad]);
}

function pull(index: Index, [first, second]: [string, string], quad: RDF.Quad): void {
  const level = index.get(first)!;
  const list = level.get(second)!;
  list.splice(list.indexOf(quad), 1);
  if (!list.length) level.delete(second);
  if (!level.size) index.delete(first);
}
