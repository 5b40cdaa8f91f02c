/**
 * The vocabularies diplograph uses, as RDF/JS terms. Business code never spells an IRI string:
 * it takes terms from here. `test/vocab.test.ts` checks that every `dg:` term used here is declared
 * in `ontology/diplograph.ttl`, and the reverse.
 *
 * @example
 * import { DG, RDF } from './vocab.js';
 * quad(meeting, RDF.type, DG.Dialogue);
 */
import { DataFactory } from 'rdf-data-factory';
import type * as RDFJS from '@rdfjs/types';

export const factory = new DataFactory();

/** The ontology namespace. */
export const DG_NS = 'https://w3id.org/diplograph/ontology#';
/** The ontology document itself. */
export const DG_ONTOLOGY = 'https://w3id.org/diplograph/ontology';
/** Default base of every IRI the build mints (actors, meetings, agreements, areas, articles). */
export const DEFAULT_BASE = 'https://w3id.org/diplograph/id/';

export const PREFIXES: Readonly<Record<string, string>> = {
  dg: DG_NS,
  dgr: DEFAULT_BASE,
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  prov: 'http://www.w3.org/ns/prov#',
  oa: 'http://www.w3.org/ns/oa#',
  schema: 'https://schema.org/',
  org: 'http://www.w3.org/ns/org#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  dcterms: 'http://purl.org/dc/terms/',
  sh: 'http://www.w3.org/ns/shacl#',
};

type Terms<K extends string> = { readonly [P in K]: RDFJS.NamedNode };

function namespace<K extends string>(base: string, names: readonly K[]): Terms<K> {
  const out = {} as Record<K, RDFJS.NamedNode>;
  for (const n of names) out[n] = factory.namedNode(base + n);
  return out;
}

/** Every class, property and individual of the diplograph ontology. */
export const DG_TERMS = [
  // classes
  'Actor', 'Person', 'Organization', 'Country', 'Place',
  'Meeting', 'Dialogue', 'Conference', 'Teleconference', 'Visit', 'Talks', 'Call', 'Reception',
  'Agreement', 'FrameworkAgreement', 'MemorandumOfUnderstanding', 'JointVisionStatement', 'JointStatement',
  'Convention', 'LetterOfIntent', 'Charter', 'Declaration', 'PolicyDocument',
  'CooperationArea', 'AgreementStatus', 'Article', 'Evidence', 'Correction', 'CorrectionAction',
  // object properties
  'participant', 'involves', 'chair', 'host', 'location', 'discusses', 'mentions', 'partOf',
  'party', 'status', 'concerns', 'affiliation', 'nationality', 'country', 'parentOrganization',
  'action', 'node', 'duplicate', 'factSubject',
  // datatype properties
  'date', 'startDate', 'endDate', 'dateText', 'ordinal', 'rank', 'position', 'acronym', 'newLabel',
  // annotation properties
  'factPredicate', 'factObject',
  // individuals: agreement status, and the concept schemes
  'Signed', 'Concluded', 'Negotiated', 'Proposed', 'InForce', 'Mentioned', 'AgreementStatusScheme',
  // individuals: correction actions
  'Merge', 'Remove', 'Add', 'Relabel',
] as const;
export type DgTerm = (typeof DG_TERMS)[number];
export const DG: Terms<DgTerm> = namespace(DG_NS, DG_TERMS);

export const RDF = namespace(PREFIXES.rdf, ['type', 'Statement', 'subject', 'predicate', 'object', 'value', 'first', 'rest', 'nil'] as const);
export const RDFS = namespace(PREFIXES.rdfs, ['label', 'comment', 'subClassOf', 'subPropertyOf', 'domain', 'range'] as const);
export const OWL = namespace(PREFIXES.owl, ['sameAs'] as const);
export const XSD = namespace(PREFIXES.xsd, ['string', 'date', 'dateTime', 'gYearMonth', 'gYear', 'integer', 'nonNegativeInteger'] as const);
export const SKOS = namespace(PREFIXES.skos, ['Concept', 'ConceptScheme', 'prefLabel', 'altLabel', 'inScheme', 'broader', 'narrower', 'topConceptOf', 'hasTopConcept', 'notation'] as const);
export const PROV = namespace(PREFIXES.prov, ['Entity', 'Agent', 'Activity', 'wasDerivedFrom', 'wasGeneratedBy', 'generatedAtTime', 'wasAttributedTo'] as const);
export const OA = namespace(PREFIXES.oa, ['SpecificResource', 'TextQuoteSelector', 'TextPositionSelector', 'hasSource', 'hasSelector', 'exact', 'prefix', 'suffix', 'start', 'end'] as const);
export const SCHEMA = namespace(PREFIXES.schema, ['NewsArticle', 'headline', 'datePublished', 'publisher', 'url', 'articleBody', 'name'] as const);
/** The SPARQL service description vocabulary: the dataset catalog `diplograph push` writes. */
export const SD = namespace('http://www.w3.org/ns/sparql-service-description#', ['Dataset', 'NamedGraph', 'defaultGraph', 'namedGraph', 'name'] as const);
export const DCTERMS = namespace(PREFIXES.dcterms, ['identifier', 'source', 'title', 'publisher', 'created'] as const);

/** The language tag of the English text the articles are written in. */
export const EN = 'en';
/** The language tag of Vietnamese labels (names with their diacritics). */
export const VI = 'vi';

/** The kinds of meeting, with the summary label the evaluation format uses for each. */
export const MEETING_KINDS = {
  meeting: DG.Meeting,
  dialogue: DG.Dialogue,
  conference: DG.Conference,
  teleconference: DG.Teleconference,
  visit: DG.Visit,
  talks: DG.Talks,
  call: DG.Call,
  reception: DG.Reception,
} as const;
export type MeetingKind = keyof typeof MEETING_KINDS;

export const AGREEMENT_KINDS = {
  agreement: DG.Agreement,
  'framework agreement': DG.FrameworkAgreement,
  'memorandum of understanding': DG.MemorandumOfUnderstanding,
  'joint vision statement': DG.JointVisionStatement,
  'joint statement': DG.JointStatement,
  convention: DG.Convention,
  'letter of intent': DG.LetterOfIntent,
  charter: DG.Charter,
  declaration: DG.Declaration,
  'policy document': DG.PolicyDocument,
} as const;
export type AgreementKind = keyof typeof AGREEMENT_KINDS;

export const AGREEMENT_STATUSES = {
  signed: DG.Signed,
  concluded: DG.Concluded,
  negotiated: DG.Negotiated,
  proposed: DG.Proposed,
  'in force': DG.InForce,
  mentioned: DG.Mentioned,
} as const;
export type AgreementStatus = keyof typeof AGREEMENT_STATUSES;
