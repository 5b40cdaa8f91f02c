/**
 * Synthetic diplograph datasets of any size, shaped like the graph `diplograph build` writes
 * (data/graph.trig): one named graph per article holding the article, its sentences as evidence
 * (quote and position selectors), its meetings (kind, label, date, date text, participants, chairs,
 * place, areas discussed, agreements mentioned, ordinal), the persons, organizations, countries,
 * places and agreements it names, each typed with its class and the classes above it, and one
 * rdf:Statement per fact pointing to its sentence; the default graph holds the cooperation-area scheme
 * of ontology/areas.ttl and the agreement statuses, and the ontology is in a named graph of its own.
 *
 * Entities are shared across articles as in the real graph (a person named by two articles is
 * described in both graphs), with pools that grow with the size. Everything is drawn from a seeded
 * PRNG, so one seed and one size always give the same dataset.
 *
 * @example
 * const quads = syntheticDataset(100_000, 42); // at least 100 000 quads
 */
import type * as RDF from '@rdfjs/types';
import { Parser } from 'n3';
import { dayRange } from '../src/graph/build.js';
import { ontologyQuads, withSuperclasses } from '../src/graph/ontology-graph.js';
import { loadOntologyFile } from '../src/ontology-files.js';
import { seededRandom } from '../src/random.js';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, DCTERMS, DEFAULT_BASE, DG, MEETING_KINDS, OA, PROV, RDF as RDFNS, RDFS, SCHEMA, SKOS, XSD, factory } from '../src/vocab.js';


/** The seeded PRNG of the generators (src/random.ts). */
export const prng = seededRandom;

const WORDS = ['defence', 'cooperation', 'maritime', 'security', 'training', 'dialogue', 'strategic', 'partnership', 'delegation', 'minister',
  'bilateral', 'regional', 'exchange', 'peacekeeping', 'navy', 'army', 'visit', 'agreement', 'talks', 'relations', 'joint', 'forces', 'sea', 'border'];
const GIVEN = ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu', 'Alice', 'Pierre', 'Kenji', 'Maria', 'John', 'Anna', 'Hiroshi', 'Claire', 'David', 'Linh'];
const FAMILY = ['Vinh', 'Chien', 'Quyet', 'Rufo', 'Weston', 'Tanaka', 'Dubois', 'Schmidt', 'Garcia', 'Smith', 'Sato', 'Martin', 'Phong', 'Lich'];
const RANKS = ['General', 'Lieutenant General', 'Senior Lieutenant General', 'Major General', 'Admiral', 'Colonel'];
const POSITIONS = ['Deputy Minister of Defence', 'Minister of National Defence', 'Ambassador', 'Chief of the General Staff', 'Director General for International Relations'];

interface Pools {
  countries: RDF.NamedNode[];
  orgs: RDF.NamedNode[];
  persons: RDF.NamedNode[];
  places: RDF.NamedNode[];
  agreements: RDF.NamedNode[];
  areas: RDF.NamedNode[];
}

const id = (path: string) => factory.namedNode(`${DEFAULT_BASE}${path}`);
const en = (text: string) => factory.literal(text, 'en');
const typed = (value: string | number, dt: RDF.NamedNode) => factory.literal(String(value), dt);

/** The default graph: the area scheme and the agreement-status concepts of the real ontology. */
function conceptQuads(): RDF.Quad[] {
  const areas = new Parser().parse(loadOntologyFile('areas.ttl'));
  const statuses = new Parser().parse(loadOntologyFile('diplograph.ttl')).filter((q) =>
    Object.values(AGREEMENT_STATUSES).some((s) => q.subject.equals(s)) || q.subject.equals(DG.AgreementStatusScheme));
  return [...areas, ...statuses].map((q) => factory.quad(q.subject, q.predicate, q.object));
}

/**
 * The parameters the benchmark gives the stored queries over a synthetic graph: their defaults, except
 * where a default names a node of the seed graph that a synthetic graph does not have (a question about
 * a node that is not there has no answer, and measures nothing but the engine's start): there the first
 * meeting of the first article, which every synthetic graph has, with its facts and their evidence.
 */
export const BENCH_PARAMS: Readonly<Record<string, Record<string, string>>> = {
  evidence: { subject: 'meeting/a000001-1' },
  'meeting-participants': { meeting: 'meeting/a000001-1' },
};

/**
 * Ad-hoc queries, not stored ones, of the kinds users type into the SPARQL endpoint (issue 14), answered
 * by every engine beside the stored queries: a property path, a FILTER on a label, an OPTIONAL chain, an
 * aggregate over all facts and a DESCRIBE. Each is deterministic (ORDER BY, or a graph).
 */
export const ADHOC_QUERIES: ReadonlyArray<{ name: string; text: string }> = [
  {
    name: 'adhoc-path',
    text: `PREFIX dg: <https://w3id.org/diplograph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?meeting ?placeName WHERE { ?meeting dg:location/rdfs:label ?placeName } ORDER BY ?meeting ?placeName`,
  },
  {
    name: 'adhoc-label-filter',
    text: `PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?s ?label WHERE { ?s rdfs:label ?label FILTER(CONTAINS(LCASE(STR(?label)), "defence")) } ORDER BY ?label ?s`,
  },
  {
    name: 'adhoc-optional-chain',
    text: `PREFIX dg: <https://w3id.org/diplograph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?meeting ?date ?place ?placeName WHERE {
  ?meeting a dg:Meeting .
  OPTIONAL { ?meeting dg:date ?date }
  OPTIONAL { ?meeting dg:location ?place OPTIONAL { ?place rdfs:label ?placeName } }
} ORDER BY ?meeting ?date ?place ?placeName`,
  },
  {
    name: 'adhoc-aggregate',
    text: `SELECT ?p (COUNT(*) AS ?facts) (COUNT(DISTINCT ?s) AS ?subjects) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY DESC(?facts) ?p`,
  },
  {
    name: 'adhoc-describe',
    text: `DESCRIBE <https://w3id.org/diplograph/id/meeting/a000001-1>`,
  },
];

/**
 * At least `minQuads` quads (a few hundred more at most: articles are generated whole), deterministic
 * for a given `seed`.
 */
export function syntheticDataset(minQuads: number, seed = 1): RDF.Quad[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const some = <T>(xs: readonly T[], min: number, max: number): T[] => {
    const n = min + Math.floor(rand() * (max - min + 1));
    return [...new Set(Array.from({ length: n }, () => pick(xs)))];
  };
  const quads = conceptQuads();
  const articlesWanted = Math.max(1, Math.round(minQuads / 800));
  // Pools grow with the corpus, as a larger news archive names more people and bodies.
  const scale = Math.max(1, Math.sqrt(articlesWanted));
  const pools: Pools = {
    countries: [id('country/vietnam'), id('country/france'), ...Array.from({ length: Math.min(190, 10 + Math.round(scale * 4)) }, (_, i) => id(`country/c${i}`))],
    orgs: Array.from({ length: 10 + Math.round(scale * 8) }, (_, i) => id(`org/o${i}`)),
    persons: Array.from({ length: 20 + Math.round(scale * 30) }, (_, i) => id(`person/p${i}`)),
    places: Array.from({ length: 5 + Math.round(scale * 3) }, (_, i) => id(`place/l${i}`)),
    agreements: Array.from({ length: 5 + Math.round(scale * 6) }, (_, i) => id(`agreement/a${i}`)),
    areas: quads.filter((q) => q.predicate.equals(RDFNS.type) && q.object.equals(DG.CooperationArea)).map((q) => q.subject as RDF.NamedNode),
  };
  const label = (node: RDF.NamedNode) => {
    const n = Number(/\d+$/.exec(node.value)?.[0] ?? 0);
    if (node.value.includes('/person/')) return `${GIVEN[n % GIVEN.length]} ${FAMILY[(n * 7) % FAMILY.length]} ${n}`;
    if (node.value.endsWith('country/vietnam')) return 'Vietnam';
    if (node.value.endsWith('country/france')) return 'France';
    return `${node.value.split('/').slice(-2, -1)[0]} ${WORDS[n % WORDS.length]} ${n}`;
  };
  quads.push(...ontologyQuads());
  for (let a = 0; quads.length < minQuads; a++) {
    const first = quads.length;
    const file = `a${String(a).padStart(6, '0')}`;
    const g = id(`article/${file}`);
    const add = (s: RDF.Quad_Subject, p: RDF.NamedNode, o: RDF.Term) => quads.push(factory.quad(s, p, o as RDF.Quad_Object, g));
    const year = 2015 + Math.floor(rand() * 10);
    const month = 1 + Math.floor(rand() * 12);
    const sentences = 6 + Math.floor(rand() * 8);
    const body: string[] = [];
    let offset = 0;
    for (let s = 1; s <= sentences; s++) {
      const text = `${some(WORDS, 8, 16).join(' ')}.`;
      const ev = id(`article/${file}#s${s}`);
      add(ev, RDFNS.type, OA.SpecificResource);
      add(ev, RDFNS.type, DG.Evidence);
      add(ev, OA.hasSource, g);
      add(ev, OA.hasSelector, id(`article/${file}#s${s}-text`));
      add(ev, OA.hasSelector, id(`article/${file}#s${s}-pos`));
      add(id(`article/${file}#s${s}-text`), RDFNS.type, OA.TextQuoteSelector);
      add(id(`article/${file}#s${s}-text`), OA.exact, factory.literal(text));
      add(id(`article/${file}#s${s}-pos`), RDFNS.type, OA.TextPositionSelector);
      add(id(`article/${file}#s${s}-pos`), OA.start, typed(offset, XSD.nonNegativeInteger));
      add(id(`article/${file}#s${s}-pos`), OA.end, typed(offset + text.length, XSD.nonNegativeInteger));
      body.push(text);
      offset += text.length + 1;
    }
    add(g, RDFNS.type, SCHEMA.NewsArticle);
    add(g, RDFNS.type, DG.Article);
    add(g, DCTERMS.identifier, factory.literal(`${file}.txt`));
    add(g, SCHEMA.headline, en(body[0]));
    add(g, SCHEMA.articleBody, en(body.join(' ')));
    add(g, SCHEMA.publisher, factory.literal(pick(['Vietnam News Agency', 'VOV World', 'Nhan Dan'])));
    add(g, SCHEMA.datePublished, typed(`${year}-${String(month).padStart(2, '0')}-15`, XSD.date));
    let facts = 0;
    const fact = (s: RDF.NamedNode, p: RDF.NamedNode, o: RDF.Term) => {
      add(s, p, o);
      const st = id(`article/${file}#f-${facts++}`);
      add(st, RDFNS.type, RDFNS.Statement);
      add(st, RDFNS.subject, s);
      add(st, RDFNS.predicate, p);
      add(st, RDFNS.object, o);
      add(st, PROV.wasDerivedFrom, id(`article/${file}#s${1 + Math.floor(rand() * sentences)}`));
    };
    const named = { persons: new Set<RDF.NamedNode>(), orgs: new Set<RDF.NamedNode>(), countries: new Set<RDF.NamedNode>([pools.countries[0]]), places: new Set<RDF.NamedNode>(), agreements: new Set<RDF.NamedNode>() };
    const meetings = 1 + Math.floor(rand() * 3);
    for (let m = 1; m <= meetings; m++) {
      const meeting = id(`meeting/${file}-${m}`);
      const [kind, cls] = pick(Object.entries(MEETING_KINDS));
      add(meeting, RDFNS.type, cls);
      const partner = rand() < 0.15 ? pools.countries[1] : pick(pools.countries.slice(2));
      const people = some(pools.persons, 1, 4);
      fact(meeting, RDFS.label, en(`${kind} between ${label(people[0])} and ${label(partner)}`));
      if (rand() < 0.7) {
        const date = rand() < 0.5 ? typed(`${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`, XSD.date) : typed(`${year}-${String(month).padStart(2, '0')}`, XSD.gYearMonth);
        fact(meeting, DG.date, date);
        const days = dayRange(date.value)!;
        fact(meeting, DG.startDate, typed(days.first, XSD.date));
        fact(meeting, DG.endDate, typed(days.last, XSD.date));
      }
      if (rand() < 0.6) fact(meeting, DG.dateText, factory.literal(`${['early', 'mid', 'late'][Math.floor(rand() * 3)]} ${year}`));
      for (const p of [pools.countries[0], partner, ...people, ...(rand() < 0.5 ? [pick(pools.orgs)] : [])]) {
        fact(meeting, DG.participant, p);
        (p.value.includes('/person/') ? named.persons : p.value.includes('/org/') ? named.orgs : named.countries).add(p);
      }
      for (const c of people.slice(0, rand() < 0.4 ? 2 : 0)) fact(meeting, DG.chair, c);
      if (rand() < 0.6) {
        const place = pick(pools.places);
        named.places.add(place);
        fact(meeting, DG.location, place);
      }
      for (const area of some(pools.areas, 1, 4)) fact(meeting, DG.discusses, area);
      for (const ag of rand() < 0.5 ? some(pools.agreements, 1, 2) : []) {
        named.agreements.add(ag);
        fact(meeting, DG.mentions, ag);
      }
      if (rand() < 0.2) add(meeting, DG.ordinal, typed(1 + Math.floor(rand() * 5), XSD.integer));
    }
    for (const p of named.persons) {
      const n = Number(/\d+$/.exec(p.value)![0]);
      add(p, RDFNS.type, DG.Person);
      fact(p, RDFS.label, en(label(p)));
      if (n % 3 === 0) add(p, SKOS.altLabel, en(label(p).split(' ')[1]));
      const home = n % 4 === 0 ? pools.countries[1] : pools.countries[n % pools.countries.length];
      named.countries.add(home);
      fact(p, DG.nationality, home);
      fact(p, DG.affiliation, n % 2 ? pools.orgs[n % pools.orgs.length] : home);
      if (n % 2) named.orgs.add(pools.orgs[n % pools.orgs.length]);
      fact(p, DG.position, en(POSITIONS[n % POSITIONS.length]));
      if (n % 3 !== 1) fact(p, DG.rank, en(RANKS[n % RANKS.length]));
    }
    for (const o of named.orgs) {
      add(o, RDFNS.type, DG.Organization);
      add(o, RDFS.label, en(label(o)));
      if (Number(/\d+$/.exec(o.value)![0]) % 5 === 0) fact(o, DG.acronym, factory.literal(`O${/\d+$/.exec(o.value)![0]}`));
    }
    for (const pl of named.places) {
      const country = pools.countries[Number(/\d+$/.exec(pl.value)![0]) % pools.countries.length];
      named.countries.add(country);
      add(pl, RDFNS.type, DG.Place);
      add(pl, RDFS.label, en(label(pl)));
      add(pl, DG.country, country);
    }
    for (const ag of named.agreements) {
      const n = Number(/\d+$/.exec(ag.value)![0]);
      add(ag, RDFNS.type, Object.values(AGREEMENT_KINDS)[n % Object.values(AGREEMENT_KINDS).length]);
      fact(ag, RDFS.label, en(label(ag)));
      fact(ag, DG.party, pools.countries[0]);
      fact(ag, DG.party, pools.countries[n % pools.countries.length]);
      named.countries.add(pools.countries[n % pools.countries.length]);
      fact(ag, DG.status, Object.values(AGREEMENT_STATUSES)[n % Object.values(AGREEMENT_STATUSES).length]);
    }
    for (const c of named.countries) {
      add(c, RDFNS.type, DG.Country);
      add(c, RDFS.label, en(label(c)));
      if (c.equals(pools.countries[0])) add(c, RDFS.label, factory.literal('Việt Nam', 'vi'));
    }
    // As the build has it: every typed node's superclasses too.
    quads.push(...withSuperclasses(quads.splice(first)));
  }
  return quads;
}
