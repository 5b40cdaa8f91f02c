/**
 * From extractions to RDF: one named graph per article (named by the article's IRI) holding the
 * article node, its facts, the evidence sentences as Web Annotation selectors, and one rdf:Statement
 * per fact that points to the sentences it came from, and every typed node's superclasses in our
 * ontology (ontology-graph.ts). The default graph holds the cooperation-area concept scheme and the
 * agreement-status concepts; the ontology is in a named graph of its own.
 */
import type * as RDF from '@rdfjs/types';
import { Parser } from 'n3';
import type { ArticleExtraction, Evidence, Meeting } from '../extract/model.js';
import { loadOntologyFile } from '../ontology-files.js';
import {
  AGREEMENT_KINDS, AGREEMENT_STATUSES, DCTERMS, DG, EN, MEETING_KINDS, OA, OWL, PROV, RDF as RDFNS, RDFS, SCHEMA, SKOS, VI, XSD, DEFAULT_BASE, factory,
} from '../vocab.js';
import { Minter, rebaseTerm } from './iris.js';
import { dayRange, sameEvents, type Events, type LeadFact } from './events.js';
import { ontologyQuads, withSuperclasses } from './ontology-graph.js';
import { unifyAgreements, unifyNames } from './resolve.js';

const quad = factory.quad.bind(factory);
const literal = factory.literal.bind(factory);
const en = (s: string) => literal(s, EN);
const int = (n: number) => literal(String(n), XSD.integer);
const nonNeg = (n: number) => literal(String(n), XSD.nonNegativeInteger);

/** The xsd datatype of an ISO date at its precision. */
function dateLiteral(value: string): RDF.Literal {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return literal(value, XSD.date);
  if (/^\d{4}-\d{2}$/.test(value)) return literal(value, XSD.gYearMonth);
  return literal(value, XSD.gYear);
}

export { dayRange };

const KIND_LABEL: Record<string, string> = {
  meeting: 'Meeting', dialogue: 'Dialogue', conference: 'Conference', teleconference: 'Teleconference', visit: 'Visit', talks: 'Talks',
  call: 'Phone call', reception: 'Reception',
};

/** Builds the quads of all articles. Articles are processed in the order given (sort them for stable output). */
export function buildDataset(extractions: ArticleExtraction[], base: string = DEFAULT_BASE, options: DatasetOptions = {}): RDF.Quad[] {
  const out: RDF.Quad[] = [];
  for (const chunk of datasetChunks(extractions, base, options)) for (const q of chunk) out.push(q);
  return out;
}

export interface DatasetOptions {
  /** Make the reports of one event in several articles one node (events.ts; default true). */
  mergeEvents?: boolean;
}

/** The same quads as buildDataset, one chunk at a time (the schemes, then each article's graph), after cross-article resolution. */
export function* datasetChunks(extractions: ArticleExtraction[], base: string = DEFAULT_BASE, options: DatasetOptions = {}): Generator<RDF.Quad[]> {
  const mint = new Minter(base);
  unifyAgreements(extractions);
  unifyNames(extractions);
  const events = sameEvents(extractions, mint, options.mergeEvents ?? true);
  yield schemeQuads(base);
  yield ontologyQuads();
  for (const x of extractions) yield withSuperclasses(articleQuads(x, mint, events));
}

const schemes = new Map<string, RDF.Quad[]>();

/** The concept schemes the graph refers to: cooperation areas (re-based if needed) and agreement statuses; parsed once per base. */
function schemeQuads(base: string): RDF.Quad[] {
  let quads = schemes.get(base);
  if (!quads) schemes.set(base, (quads = parseSchemes(base)));
  return quads;
}

function parseSchemes(base: string): RDF.Quad[] {
  const rebase = (t: RDF.Term): RDF.Term => rebaseTerm(t, base);
  const areas = new Parser().parse(loadOntologyFile('areas.ttl'));
  const out = areas.map((q) => quad(rebase(q.subject) as RDF.Quad_Subject, q.predicate, rebase(q.object) as RDF.Quad_Object));
  const onto = new Parser().parse(loadOntologyFile('diplograph.ttl'));
  const statuses = new Set(Object.values(AGREEMENT_STATUSES).map((t) => t.value).concat(DG.AgreementStatusScheme.value));
  for (const q of onto) if (statuses.has(q.subject.value)) out.push(quad(q.subject, q.predicate, q.object));
  return out;
}

function articleQuads(x: ArticleExtraction, mint: Minter, events: Events): RDF.Quad[] {
  const id = x.article.id;
  const g = mint.article(id);
  const out: RDF.Quad[] = [];
  const usedSentences = new Set<number>();
  const plain = (s: RDF.Quad_Subject, p: RDF.Quad_Predicate, o: RDF.Quad_Object) => out.push(quad(s, p, o, g));
  /** A fact, with a statement that says which sentences it came from. */
  const fact = (s: RDF.Quad_Subject, p: RDF.Quad_Predicate, o: RDF.Quad_Object, evidence: Evidence) => {
    out.push(quad(s, p, o, g));
    if (!evidence.length) return;
    const st = mint.statement(id, s, p, o);
    plain(st, RDFNS.type, RDFNS.Statement);
    plain(st, RDFNS.subject, s);
    plain(st, RDFNS.predicate, p);
    plain(st, RDFNS.object, o);
    for (const n of evidence) {
      plain(st, PROV.wasDerivedFrom, mint.sentence(id, n));
      usedSentences.add(n);
    }
  };
  const actor = (key: string): RDF.NamedNode | undefined => {
    if (x.persons.has(key)) return mint.entity('person', key);
    if (x.organizations.has(key)) return mint.entity('org', key);
    if (x.countries.has(key)) return mint.entity('country', key);
    return undefined;
  };
  const place = (ref: string): RDF.NamedNode | undefined => {
    const [kind, key] = ref.split(':');
    if (kind === 'place' && x.places.has(key)) return mint.entity('place', key);
    if (kind === 'country' && x.countries.has(key)) return mint.entity('country', key);
    return undefined;
  };

  // The article.
  plain(g, RDFNS.type, DG.Article);
  plain(g, RDFNS.type, SCHEMA.NewsArticle);
  plain(g, DCTERMS.identifier, literal(x.article.file));
  if (x.article.headline) plain(g, SCHEMA.headline, en(x.article.headline));
  if (x.article.published) plain(g, SCHEMA.datePublished, literal(x.article.published, XSD.date));
  if (x.article.publisher) plain(g, SCHEMA.publisher, literal(x.article.publisher));
  if (x.article.url) plain(g, SCHEMA.url, factory.namedNode(x.article.url));
  plain(g, SCHEMA.articleBody, en(x.article.text));

  for (const c of x.countries.values()) {
    const s = mint.entity('country', c.key);
    fact(s, RDFNS.type, DG.Country, c.evidence);
    fact(s, RDFS.label, en(c.name), c.evidence);
    if (c.key === 'vietnam') fact(s, RDFS.label, literal('Việt Nam', VI), c.evidence);
    for (const [alias, ev] of c.aliases) fact(s, SKOS.altLabel, en(alias), ev);
  }
  for (const p of x.places.values()) {
    const s = mint.entity('place', p.key);
    fact(s, RDFNS.type, DG.Place, p.evidence);
    fact(s, RDFS.label, en(p.name), p.evidence);
    if (p.countryKey) fact(s, DG.country, mint.entity('country', p.countryKey), p.evidence);
  }
  for (const o of x.organizations.values()) {
    const s = mint.entity('org', o.key);
    fact(s, RDFNS.type, DG.Organization, o.evidence);
    fact(s, RDFS.label, en(o.name), o.evidence);
    if (o.acronym) fact(s, DG.acronym, literal(o.acronym), o.evidence);
    for (const [alias, ev] of o.aliases) fact(s, SKOS.altLabel, en(alias), ev);
    if (o.countryKey && x.countries.has(o.countryKey)) fact(s, DG.country, mint.entity('country', o.countryKey), o.evidence);
    if (o.parentKey && x.organizations.has(o.parentKey)) fact(s, DG.parentOrganization, mint.entity('org', o.parentKey), o.evidence);
  }
  for (const p of x.persons.values()) {
    const s = mint.entity('person', p.key);
    fact(s, RDFNS.type, DG.Person, p.evidence);
    fact(s, RDFS.label, en(p.name), p.evidence);
    if (p.nativeName) fact(s, RDFS.label, literal(p.nativeName, VI), p.evidence);
    for (const [alias, ev] of p.aliases) fact(s, SKOS.altLabel, en(alias), ev);
    for (const [rank, ev] of p.ranks) fact(s, DG.rank, en(rank), ev);
    for (const [pos, ev] of p.positions) fact(s, DG.position, en(pos), ev);
    if (p.affiliation) {
      // An organization or a country, never a person that happens to share the key ("A", "a").
      const a = x.organizations.has(p.affiliation.key) ? mint.entity('org', p.affiliation.key) : x.countries.has(p.affiliation.key) ? mint.entity('country', p.affiliation.key) : undefined;
      if (a) fact(s, DG.affiliation, a, p.affiliation.evidence);
    }
    if (p.nationality && x.countries.has(p.nationality.key)) fact(s, DG.nationality, mint.entity('country', p.nationality.key), p.nationality.evidence);
  }
  for (const a of x.agreements.values()) {
    const s = mint.entity('agreement', a.key);
    fact(s, RDFNS.type, AGREEMENT_KINDS[a.kind], a.evidence);
    fact(s, RDFS.label, en(a.name), a.evidence);
    for (const alias of a.aliases ?? []) fact(s, SKOS.altLabel, en(alias), a.evidence);
    if (a.acronym) fact(s, DG.acronym, literal(a.acronym), a.evidence);
    fact(s, DG.status, AGREEMENT_STATUSES[a.status], a.statusEvidence);
    if (a.dateText) fact(s, DG.dateText, literal(a.dateText), a.evidence);
    for (const [k, ev] of a.parties) {
      const party = actor(k);
      if (party) fact(s, DG.party, party, ev);
    }
    for (const [area, ev] of a.areas) fact(s, DG.concerns, mint.entity('area', area), ev);
  }
  for (const m of x.meetings) {
    // The node of the event this report tells: its own, or that of the event's first report in another
    // article (events.ts). A single-valued fact of an event is stated by one report, its lead for it.
    const s = events.node(id, m.id);
    const leads = (f: LeadFact) => events.leads(id, m.id, f);
    const alias = events.alias(id, m.id);
    if (alias) fact(alias, OWL.sameAs, s, m.evidence);
    fact(s, RDFNS.type, MEETING_KINDS[m.kind], m.evidence);
    if (leads('label')) fact(s, RDFS.label, en(meetingLabel(m, x)), m.evidence);
    if (m.ordinal !== undefined && leads('ordinal')) fact(s, DG.ordinal, int(m.ordinal), m.evidence);
    const dev = m.dateEvidence ?? m.evidence;
    if (leads('date')) {
      if (m.date?.value) fact(s, DG.date, dateLiteral(m.date.value), dev);
      // Every dated meeting has a first and a last day as xsd:date, which sort in time order whatever the
      // precision of dg:date: the range the text states, or the days its date allows.
      // A date the text gives without its year is resolved against the article's publication date: it
      // has no dg:date (the text does not state one) but sorts by its days.
      const known = m.date?.value ? m.date : m.resolvedDate;
      const days = known?.value ? dayRange(known.value) : undefined;
      const start = known?.start ?? days?.first;
      const end = known?.end ?? days?.last;
      if (start) fact(s, DG.startDate, literal(start, XSD.date), dev);
      if (end) fact(s, DG.endDate, literal(end, XSD.date), dev);
      if (m.date?.text) fact(s, DG.dateText, literal(m.date.text), dev);
    }
    if (m.location && leads('location')) {
      const loc = place(m.location.key);
      if (loc) fact(s, DG.location, loc, m.location.evidence);
    }
    for (const [k, ev] of m.participants) {
      const a = actor(k);
      if (a) fact(s, DG.participant, a, ev);
    }
    for (const [k, ev] of m.involves) {
      const a = actor(k);
      if (a && !events.participant(id, m.id, k)) fact(s, DG.involves, a, ev);
    }
    for (const [k, ev] of m.chairs) {
      const a = actor(k);
      if (a) fact(s, DG.chair, a, ev);
    }
    for (const [k, ev] of m.hosts) {
      const a = actor(k);
      if (a) fact(s, DG.host, a, ev);
    }
    for (const [area, ev] of m.areas) fact(s, DG.discusses, mint.entity('area', area), ev);
    for (const [k, ev] of m.agreements) if (x.agreements.has(k)) fact(s, DG.mentions, mint.entity('agreement', k), ev);
    if (m.partOf && leads('partOf')) fact(s, DG.partOf, events.node(id, m.partOf.id), m.partOf.evidence);
  }

  // The evidence sentences, as Web Annotation specific resources with quote and position selectors.
  for (const n of [...usedSentences].sort((a, b) => a - b)) {
    const sentence = x.sentences[n - 1];
    const ev = mint.sentence(id, n);
    const quote = mint.sentence(id, n, 'text');
    const pos = mint.sentence(id, n, 'pos');
    plain(ev, RDFNS.type, DG.Evidence);
    plain(ev, RDFNS.type, OA.SpecificResource);
    plain(ev, OA.hasSource, g);
    plain(ev, OA.hasSelector, quote);
    plain(ev, OA.hasSelector, pos);
    plain(quote, RDFNS.type, OA.TextQuoteSelector);
    plain(quote, OA.exact, literal(sentence.text));
    plain(pos, RDFNS.type, OA.TextPositionSelector);
    plain(pos, OA.start, nonNeg(sentence.start));
    plain(pos, OA.end, nonNeg(sentence.end));
  }
  return out;
}

/** A readable label: the event's own name where the text gives one, else its kind and who met. */
export function meetingLabel(m: Meeting, x: ArticleExtraction): string {
  if (m.label) {
    const label = m.label.replace(/\s+/g, ' ').trim();
    return label.charAt(0).toUpperCase() + label.slice(1);
  }
  const names = [...m.participants.keys()]
    .map((k) => x.persons.get(k)?.name)
    .filter((n): n is string => !!n);
  const others = [...m.participants.keys()].map((k) => x.countries.get(k)?.name ?? x.organizations.get(k)?.name).filter((n): n is string => !!n);
  const who = names.length ? names : others;
  const kind = KIND_LABEL[m.kind];
  if (!who.length) return `${kind} reported in ${x.article.file}`;
  const list = who.length === 1 ? who[0] : `${who.slice(0, -1).join(', ')} and ${who[who.length - 1]}`;
  return m.kind === 'visit' ? `${kind} by ${list}` : `${kind} between ${list}`;
}
