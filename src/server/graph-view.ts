/**
 * What the web pages show, read straight from the store (no SPARQL): labels, types, the facts about an
 * IRI and the links to it, the evidence sentences each fact was drawn from, the articles' text and
 * sentences, counts, a label search, the meetings for the timeline and the network of actors.
 *
 * The default graph is read as the union of the articles' graphs, as the SPARQL endpoint reads it: a
 * triple that several articles state is one fact, with the evidence of all of them.
 *
 * @example
 * const view = new GraphView(store, { base: DEFAULT_BASE, prefix: '/id/' });
 * view.label(factory.namedNode(`${DEFAULT_BASE}person/nguyen-chi-vinh`)); // 'Nguyen Chi Vinh'
 * view.href(`${DEFAULT_BASE}person/nguyen-chi-vinh`); // '/id/person/nguyen-chi-vinh'
 */
import type * as RDF from '@rdfjs/types';
import { Parser, Store } from 'n3';
import type { ReadableGraph } from '../query/native-graph.js';
import { termKey } from '../graph/iris.js';
import { loadOntologyFile } from '../ontology-files.js';
import { compactIri } from '../query/results.js';
import { AGREEMENT_KINDS, DCTERMS, DG, MEETING_KINDS, OA, PROV, RDF as RDFV, RDFS, SCHEMA, SKOS, factory } from '../vocab.js';

export interface Site {
  /** The base of the IRIs the store holds (those the server describes). */
  base: string;
  /** The path under which they are served, e.g. `/id/` (base + rest is served at prefix + rest). */
  prefix: string;
}

/** One evidence sentence: where a fact was read. */
export interface EvidenceSentence {
  iri: string;
  article: string;
  /** The sentence's number in its article (from its IRI, `#sN`). */
  n: number;
  exact: string;
  start?: number;
  end?: number;
}

/** A fact an article states: the triple, its rdf:Statement and the numbers of the sentences it was read in. */
export interface ArticleFact {
  statement: string;
  quad: RDF.Quad;
  sentences: number[];
}

export interface Kind {
  name: string;
  /** One of the kind, for headings (Person, Meeting, ...). */
  singular: string;
  /** The kind in URLs: /browse/SLUG. */
  slug: string;
  classes: RDF.NamedNode[];
}

/** The kinds of thing the site counts and searches, with the classes of each. */
export const KINDS: readonly Kind[] = [
  { name: 'Persons', singular: 'Person', slug: 'persons', classes: [DG.Person] },
  { name: 'Organizations', singular: 'Organization', slug: 'organizations', classes: [DG.Organization] },
  { name: 'Countries', singular: 'Country', slug: 'countries', classes: [DG.Country] },
  { name: 'Places', singular: 'Place', slug: 'places', classes: [DG.Place] },
  { name: 'Meetings', singular: 'Meeting', slug: 'meetings', classes: Object.values(MEETING_KINDS) },
  { name: 'Agreements', singular: 'Agreement', slug: 'agreements', classes: Object.values(AGREEMENT_KINDS) },
  { name: 'Cooperation areas', singular: 'Cooperation area', slug: 'cooperation-areas', classes: [DG.CooperationArea] },
  { name: 'Articles', singular: 'Article', slug: 'articles', classes: [DG.Article] },
];

const LABELS = [RDFS.label, SKOS.prefLabel, SKOS.altLabel];

export interface SearchHit {
  iri: string;
  label: string;
  kind: string;
}

export interface MeetingInfo {
  iri: string;
  label: string;
  kind: string;
  /** ISO date at the precision the text gives (YYYY, YYYY-MM or YYYY-MM-DD). */
  date?: string;
  dateText?: string;
  participants: string[];
}

export interface NetworkNode {
  iri: string;
  label: string;
  group: 'actor' | 'meeting' | 'agreement';
  degree: number;
}

export interface Network {
  nodes: NetworkNode[];
  edges: { source: string; target: string; predicate: string }[];
  /** How many nodes there were before the cut to the best-connected ones. */
  total: number;
}

const NETWORK_LINKS = [DG.participant, DG.chair, DG.host, DG.mentions, DG.party, DG.affiliation];

/** Sorts by a string key, locale-independent (the same order on every machine). */
function byKey<T>(key: (t: T) => string): (a: T, b: T) => number {
  return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

/** Text folded for search: lower case, without diacritics. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();
}

export class GraphView {
  private readonly ontology: Store;
  private evidenceIndex: Map<string, string[]> | undefined;
  private searchIndex: { folded: string; hit: SearchHit }[] | undefined;
  private kindOfClass: Map<string, string> | undefined;
  private labelIndex: { size: number; bySubject: Map<string, RDF.Literal[][]> } | undefined;

  constructor(readonly store: ReadableGraph, readonly site: Site) {
    this.ontology = new Store(new Parser().parse(loadOntologyFile('diplograph.ttl')));
  }

  /** The triples matching a pattern in the union of all graphs, each once. */
  triples(s: RDF.Term | null, p: RDF.Term | null, o: RDF.Term | null): RDF.Quad[] {
    const seen = new Set<string>();
    const out: RDF.Quad[] = [];
    for (const q of this.store.readQuads(s as never, p as never, o as never, null)) {
      const key = `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(factory.quad(q.subject, q.predicate, q.object));
    }
    return out;
  }

  private objects(s: RDF.Term, p: RDF.Term): RDF.Term[] {
    return this.triples(s, p, null).map((q) => q.object);
  }

  /** The values of a property of an IRI, each once, in the order of their keys (deterministic). */
  values(iri: string, p: RDF.Term): RDF.Term[] {
    return this.objects(factory.namedNode(iri), p).sort(byKey(termKey));
  }

  /** The IRIs whose property `p` has the IRI as value, each once, sorted. */
  subjectsWith(p: RDF.Term, iri: string): string[] {
    return [...new Set(this.triples(null, p, factory.namedNode(iri)).filter((q) => q.subject.termType === 'NamedNode').map((q) => q.subject.value))].sort();
  }

  /** The articles that name an IRI: the named graphs that type it, which are articles. */
  articlesOf(iri: string): string[] {
    const graphs = new Set(this.store.getGraphs(factory.namedNode(iri), RDFV.type, null).map((g) => g.value));
    return [...graphs].filter((g) => this.store.countQuads(factory.namedNode(g), RDFV.type, DG.Article, null) > 0).sort();
  }

  /** Whether the store says anything about the IRI (as subject, or as a named graph). */
  has(iri: string): boolean {
    const node = factory.namedNode(iri);
    return this.store.countQuads(node, null, null, null) > 0 || this.store.countQuads(null, null, null, node) > 0;
  }

  /** The local path of an IRI under the base (fragment kept); any other IRI as it is. */
  href(iri: string): string {
    const { base, prefix } = this.site;
    if (!iri.startsWith(base)) return iri;
    const [path, fragment] = iri.slice(base.length).split('#', 2);
    const encoded = path.split('/').map(encodeURIComponent).join('/');
    return `${prefix}${encoded}${fragment === undefined ? '' : `#${encodeURIComponent(fragment)}`}`;
  }

  /** Every label of an IRI (rdfs:label, skos:prefLabel, skos:altLabel), in every language. */
  labels(iri: string): { predicate: RDF.NamedNode; literal: RDF.Literal }[] {
    const node = factory.namedNode(iri);
    const out: { predicate: RDF.NamedNode; literal: RDF.Literal }[] = [];
    for (const p of LABELS) {
      for (const o of this.objects(node, p)) if (o.termType === 'Literal') out.push({ predicate: p, literal: o });
    }
    return out;
  }

  /** The best label of a term: English rdfs:label or skos:prefLabel, then any, then the ontology's, then a compact IRI. */
  label(term: RDF.Term | string): string {
    const t = typeof term === 'string' ? factory.namedNode(term) : term;
    if (t.termType !== 'NamedNode') return t.value;
    for (const found of this.labelLists(t.value)) {
      const en = found.find((l) => l.language === 'en') ?? found.find((l) => l.language === '') ?? found[0];
      if (en) return en.value;
    }
    const name = this.store.getObjects(t, SCHEMA.headline, null)[0] ?? this.store.getObjects(t, DCTERMS.identifier, null)[0];
    return name ? name.value : compactIri(t.value);
  }

  /**
   * The rdfs:label then skos:prefLabel literals of an IRI in the store, then in the ontology, each list
   * in the order `getObjects` gives them; indexed once (looking each IRI up over every named graph of a
   * large store took milliseconds), again when the store has changed.
   */
  private labelLists(iri: string): RDF.Literal[][] {
    if (this.labelIndex?.size !== this.store.size) {
      const bySubject = new Map<string, RDF.Literal[][]>();
      [this.store, this.ontology].forEach((source, i) => {
        for (const p of [RDFS.label, SKOS.prefLabel]) {
          const seen = new Set<string>();
          for (const q of source.readQuads(null, p, null, null)) {
            if (q.object.termType !== 'Literal' || q.subject.termType !== 'NamedNode') continue;
            const key = `${termKey(q.subject)} ${termKey(q.object)}`;
            if (seen.has(key)) continue;
            seen.add(key);
            let lists = bySubject.get(q.subject.value);
            if (!lists) bySubject.set(q.subject.value, (lists = [[], []]));
            lists[i].push(q.object);
          }
        }
      });
      this.labelIndex = { size: this.store.size, bySubject };
    }
    return this.labelIndex.bySubject.get(iri) ?? [];
  }

  /** The classes of an IRI. */
  types(iri: string): RDF.NamedNode[] {
    return this.objects(factory.namedNode(iri), RDFV.type).filter((t): t is RDF.NamedNode => t.termType === 'NamedNode');
  }

  /** The kind (Persons, Meetings, ...) of an IRI, or undefined. */
  kind(iri: string): string | undefined {
    if (!this.kindOfClass) {
      this.kindOfClass = new Map();
      for (const k of KINDS) for (const c of k.classes) this.kindOfClass.set(c.value, k.name);
    }
    // The first kind in KINDS order: a country is also typed dg:Place (and dg:Actor), and is a country.
    const kinds = new Set(this.types(iri).map((t) => this.kindOfClass!.get(t.value)));
    return KINDS.find((k) => kinds.has(k.name))?.name;
  }

  /** The facts about an IRI (it is their subject), without the provenance records. */
  outgoing(iri: string): RDF.Quad[] {
    return this.triples(factory.namedNode(iri), null, null).sort(byKey((q) => `${termKey(q.predicate)} ${termKey(q.object)}`));
  }

  /** The triples that point to an IRI, without the provenance records (rdf:Statement) that restate them. */
  incoming(iri: string): RDF.Quad[] {
    return this.triples(null, null, factory.namedNode(iri))
      .filter((q) => !q.predicate.equals(RDFV.subject) && !q.predicate.equals(RDFV.object) && !q.predicate.equals(OA.hasSource))
      .sort(byKey((q) => `${termKey(q.predicate)} ${termKey(q.subject)}`));
  }

  /** The sentences a fact was drawn from, in article and sentence order. */
  evidence(q: RDF.Quad): EvidenceSentence[] {
    if (!this.evidenceIndex) {
      this.evidenceIndex = new Map();
      for (const st of this.triples(null, RDFV.type, RDFV.Statement)) {
        const s = this.objects(st.subject, RDFV.subject)[0];
        const p = this.objects(st.subject, RDFV.predicate)[0];
        const o = this.objects(st.subject, RDFV.object)[0];
        if (!s || !p || !o) continue;
        const key = `${termKey(s)} ${termKey(p)} ${termKey(o)}`;
        const list = this.evidenceIndex.get(key) ?? [];
        for (const ev of this.objects(st.subject, PROV.wasDerivedFrom)) list.push(ev.value);
        this.evidenceIndex.set(key, list);
      }
    }
    const iris = this.evidenceIndex.get(`${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`) ?? [];
    return [...new Set(iris)].map((iri) => this.sentence(iri)).filter((e): e is EvidenceSentence => !!e).sort(byKey((e) => `${e.article} ${String(e.n).padStart(6, '0')}`));
  }

  /** One evidence sentence: its article, number, text and offsets. */
  sentence(iri: string): EvidenceSentence | undefined {
    const node = factory.namedNode(iri);
    const article = this.objects(node, OA.hasSource)[0];
    if (!article) return undefined;
    let exact = '';
    let start: number | undefined;
    let end: number | undefined;
    for (const sel of this.objects(node, OA.hasSelector)) {
      const e = this.objects(sel, OA.exact)[0];
      if (e) exact = e.value;
      const s = this.objects(sel, OA.start)[0];
      const f = this.objects(sel, OA.end)[0];
      if (s && f) {
        start = Number(s.value);
        end = Number(f.value);
      }
    }
    const n = Number(/#s(\d+)$/.exec(iri)?.[1] ?? 0);
    return { iri, article: article.value, n, exact, start, end };
  }

  /** An article's text, file name and evidence sentences (in text order). */
  article(iri: string): { body: string; identifier?: string; headline?: string; sentences: EvidenceSentence[] } {
    const node = factory.namedNode(iri);
    const body = this.objects(node, SCHEMA.articleBody)[0]?.value ?? '';
    const identifier = this.objects(node, DCTERMS.identifier)[0]?.value;
    const headline = this.objects(node, SCHEMA.headline)[0]?.value;
    const sentences = this.triples(null, OA.hasSource, node)
      .map((q) => this.sentence(q.subject.value))
      .filter((e): e is EvidenceSentence => !!e)
      .sort((a, b) => a.n - b.n);
    return { body, identifier, headline, sentences };
  }

  /** The facts an article's graph states, with the sentences of that article they were read in. */
  articleFacts(iri: string): ArticleFact[] {
    const graph = factory.namedNode(iri);
    const out: ArticleFact[] = [];
    for (const st of this.store.getQuads(null, RDFV.type, RDFV.Statement, graph)) {
      const [s] = this.store.getObjects(st.subject, RDFV.subject, graph);
      const [p] = this.store.getObjects(st.subject, RDFV.predicate, graph);
      const [o] = this.store.getObjects(st.subject, RDFV.object, graph);
      if (!s || !p || !o) continue;
      const sentences = this.store.getObjects(st.subject, PROV.wasDerivedFrom, graph).map((e) => Number(/#s(\d+)$/.exec(e.value)?.[1] ?? 0));
      out.push({ statement: st.subject.value, quad: factory.quad(s as RDF.Quad_Subject, p as RDF.Quad_Predicate, o as RDF.Quad_Object), sentences: sentences.sort((a, b) => a - b) });
    }
    return out.sort(byKey((f) => `${String(f.sentences[0] ?? 0).padStart(6, '0')} ${termKey(f.quad.subject)} ${termKey(f.quad.predicate)} ${termKey(f.quad.object)}`));
  }

  /** The IRIs of each kind, counted once each. */
  counts(): { kind: string; count: number }[] {
    return KINDS.map((k) => {
      const members = new Set<string>();
      for (const c of k.classes) for (const s of this.store.getSubjects(RDFV.type, c, null)) members.add(s.value);
      return { kind: k.name, count: members.size };
    });
  }

  /** The members of one kind, sorted by label. */
  members(kindName: string): SearchHit[] {
    const kind = KINDS.find((k) => k.name === kindName);
    if (!kind) return [];
    const iris = new Set<string>();
    for (const c of kind.classes) for (const s of this.store.getSubjects(RDFV.type, c, null)) if (s.termType === 'NamedNode') iris.add(s.value);
    return [...iris].map((iri) => ({ iri, label: this.label(iri), kind: kind.name })).sort(byKey((h) => `${fold(h.label)} ${h.iri}`));
  }

  /**
   * The things whose label, alternative label or acronym contains the text (case and diacritics
   * ignored), best first: exact matches, then prefixes, then the rest, each by label. At most `limit`.
   */
  search(text: string, limit = 100): { hits: SearchHit[]; total: number } {
    const q = fold(text.trim());
    if (!q) return { hits: [], total: 0 };
    if (!this.searchIndex) {
      this.searchIndex = [];
      for (const k of KINDS) {
        for (const hit of this.members(k.name)) {
          const names = new Set([hit.label, ...this.labels(hit.iri).map((l) => l.literal.value), ...this.objects(factory.namedNode(hit.iri), DG.acronym).map((t) => t.value)]);
          this.searchIndex.push({ folded: [...names].map(fold).join('\n'), hit });
        }
      }
    }
    const rank = (f: string) => (f.split('\n').includes(q) ? 0 : f.split('\n').some((n) => n.startsWith(q)) ? 1 : 2);
    const found = this.searchIndex.filter((e) => e.folded.includes(q)).map((e) => ({ r: rank(e.folded), hit: e.hit }));
    found.sort((a, b) => a.r - b.r || byKey<SearchHit>((h) => `${fold(h.label)} ${h.iri}`)(a.hit, b.hit));
    return { hits: found.slice(0, limit).map((f) => f.hit), total: found.length };
  }

  /** Every meeting, dated ones in time order first, then the undated by label. */
  meetings(): MeetingInfo[] {
    const kindOf = new Map(Object.entries(MEETING_KINDS).map(([name, c]) => [c.value, name]));
    const out: MeetingInfo[] = [];
    for (const hit of this.members('Meetings')) {
      const node = factory.namedNode(hit.iri);
      const kind = this.types(hit.iri).map((t) => kindOf.get(t.value)).find((k) => k && k !== 'meeting') ?? 'meeting';
      const date = this.objects(node, DG.date)[0]?.value ?? this.objects(node, DG.startDate)[0]?.value;
      const dateText = this.objects(node, DG.dateText)[0]?.value;
      const participants = this.objects(node, DG.participant).map((p) => p.value).sort();
      out.push({ iri: hit.iri, label: hit.label, kind, date, dateText, participants });
    }
    return out.sort(byKey((m) => `${m.date ?? '~'} ${fold(m.label)} ${m.iri}`));
  }

  /**
   * The network of actors, meetings and agreements (participant, chair, host, mentions, party,
   * affiliation), cut to the `max` best-connected nodes. A filter keeps the meetings (and agreements)
   * that it selects, the actors linked to them and the links among those: see NetworkFilter.
   */
  network(max = 150, filter: NetworkFilter = {}): Network {
    const groupOf = (iri: string): NetworkNode['group'] | undefined => {
      const k = this.kind(iri);
      if (k === 'Meetings') return 'meeting';
      if (k === 'Agreements') return 'agreement';
      if (k === 'Persons' || k === 'Organizations' || k === 'Countries') return 'actor';
      return undefined;
    };
    const kept = this.selectedEvents(filter);
    let edges: Network['edges'] = [];
    for (const p of NETWORK_LINKS) {
      for (const q of this.triples(null, p, null)) {
        if (q.object.termType !== 'NamedNode' || !groupOf(q.subject.value) || !groupOf(q.object.value)) continue;
        edges.push({ source: q.subject.value, target: q.object.value, predicate: p.value });
      }
    }
    if (kept) {
      const events = edges.filter((e) => !e.predicate.endsWith('#affiliation') && kept.has(e.source) && (groupOf(e.target) === 'actor' || kept.has(e.target)));
      const actors = new Set(events.flatMap((e) => [e.source, e.target]));
      edges = [...events, ...edges.filter((e) => e.predicate.endsWith('#affiliation') && actors.has(e.source) && actors.has(e.target))];
    }
    const degree = new Map<string, number>();
    for (const e of edges) for (const n of [e.source, e.target]) degree.set(n, (degree.get(n) ?? 0) + 1);
    const ranked = [...degree.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const top = new Set(ranked.slice(0, max).map(([iri]) => iri));
    const nodes = ranked
      .filter(([iri]) => top.has(iri))
      .map(([iri, d]) => ({ iri, label: this.label(iri), group: groupOf(iri)!, degree: d }))
      .sort(byKey((n) => n.iri));
    const keptEdges = edges.filter((e) => top.has(e.source) && top.has(e.target)).sort(byKey((e) => `${e.source} ${e.predicate} ${e.target}`));
    return { nodes, edges: keptEdges, total: degree.size };
  }

  /**
   * The meetings and agreements a filter selects, or undefined when it selects all. A meeting: of the
   * kind, dated within the years (an undated one is left out once years are given), with the partner
   * among its participants or the countries it involves. An agreement: when the kind is `agreement` or
   * no kind is given, no years are given, and the partner (if any) is a party; or when a selected
   * meeting mentions it.
   */
  selectedEvents(filter: NetworkFilter): Set<string> | undefined {
    const { partner, kind, from, to } = filter;
    if (!partner && !kind && from === undefined && to === undefined) return undefined;
    const out = new Set<string>();
    const partnerNode = partner ? factory.namedNode(partner) : undefined;
    const takesPart = (m: string) => [DG.participant, DG.chair, DG.host, DG.involves].some((p) => this.store.countQuads(factory.namedNode(m), p, partnerNode!, null) > 0);
    if (kind !== 'agreement') {
      for (const m of this.meetings()) {
        if (kind && m.kind !== kind) continue;
        if (from !== undefined || to !== undefined) {
          const year = m.date ? Number(m.date.slice(0, 4)) : undefined;
          if (year === undefined || (from !== undefined && year < from) || (to !== undefined && year > to)) continue;
        }
        if (partnerNode && !takesPart(m.iri)) continue;
        out.add(m.iri);
      }
      for (const m of [...out]) for (const a of this.objects(factory.namedNode(m), DG.mentions)) out.add(a.value);
    }
    if ((!kind || kind === 'agreement') && from === undefined && to === undefined) {
      for (const a of this.members('Agreements')) {
        if (!partnerNode || this.store.countQuads(factory.namedNode(a.iri), DG.party, partnerNode, null) > 0) out.add(a.iri);
      }
    }
    return out;
  }
}

/** What the network shows: the meetings of a kind (or agreements), within years, with a partner. */
export interface NetworkFilter {
  /** An actor's IRI: the meetings it took part in (or involved it), the agreements it is a party to. */
  partner?: string;
  /** A meeting kind (visit, talks, ...: the keys of MEETING_KINDS), or `agreement`. */
  kind?: string;
  /** The first and last year (inclusive) of the meetings' dates. */
  from?: number;
  to?: number;
}
