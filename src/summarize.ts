/**
 * Per-article summaries in the evaluation format (see the README's "Evaluation"), computed by SPARQL
 * over each article's named graph of the built graph, never from the extractor's internal structures:
 * what the summary says is what the graph says.
 */
import type * as RDF from '@rdfjs/types';
import { mostSpecific } from './graph/ontology-graph.js';
import { DG_NS, PREFIXES } from './vocab.js';

/** Runs a SELECT query and returns its rows (variable name to term). */
export type SelectFn = (query: string) => Promise<Array<Record<string, RDF.Term | undefined>>>;

export interface MeetingSummary {
  type: string;
  label: string;
  date: string | null;
  dateText: string | null;
  location: string | null;
  participants: string[];
  chairs: string[];
}

export interface ArticleSummary {
  document: string;
  meetings: MeetingSummary[];
  persons: Array<{ name: string; titles: string[]; affiliation: string | null; country: string | null; aliases: string[] }>;
  organizations: Array<{ name: string; acronym: string | null; country: string | null; aliases: string[] }>;
  countries: string[];
  agreements: Array<{ name: string; acronym: string | null; parties: string[]; status: string; dateText: string | null }>;
  cooperationAreas: Array<{ label: string; altLabels: string[] }>;
}

const PREFIX_BLOCK = Object.entries(PREFIXES).map(([p, iri]) => `PREFIX ${p}: <${iri}>`).join('\n');

const Q = {
  meetings: `SELECT ?m ?kind ?label ?date ?dateText ?where WHERE {
    GRAPH ?g { ?m a ?kind ; rdfs:label ?label .
      VALUES ?kind { dg:Meeting dg:Dialogue dg:Conference dg:Teleconference dg:Visit dg:Talks dg:Call dg:Reception }
      OPTIONAL { ?m dg:date ?date } OPTIONAL { ?m dg:dateText ?dateText }
      OPTIONAL { ?m dg:location ?loc . ?loc rdfs:label ?where FILTER(langMatches(lang(?where), "en")) } } }`,
  roles: `SELECT ?m ?role ?name ?acronym WHERE {
    GRAPH ?g { ?m ?role ?a . VALUES ?role { dg:participant dg:chair } ?a rdfs:label ?name FILTER(langMatches(lang(?name), "en"))
      OPTIONAL { ?a dg:acronym ?acronym } } }`,
  body: `SELECT ?body WHERE { GRAPH ?g { ?doc schema:articleBody ?body } }`,
  persons: `SELECT ?p ?name ?rank ?position ?alias ?aff ?nat WHERE {
    GRAPH ?g { ?p a dg:Person ; rdfs:label ?name FILTER(langMatches(lang(?name), "en"))
      OPTIONAL { ?p dg:rank ?rank } OPTIONAL { ?p dg:position ?position } OPTIONAL { ?p skos:altLabel ?alias }
      OPTIONAL { ?p dg:affiliation/rdfs:label ?aff FILTER(langMatches(lang(?aff), "en")) }
      OPTIONAL { ?p dg:nationality/rdfs:label ?nat FILTER(langMatches(lang(?nat), "en")) } } }`,
  organizations: `SELECT ?o ?name ?acronym ?country ?alias WHERE {
    GRAPH ?g { ?o a dg:Organization ; rdfs:label ?name FILTER(langMatches(lang(?name), "en"))
      OPTIONAL { ?o dg:acronym ?acronym } OPTIONAL { ?o skos:altLabel ?alias }
      OPTIONAL { ?o dg:country/rdfs:label ?country FILTER(langMatches(lang(?country), "en")) } } }`,
  countries: `SELECT DISTINCT ?name WHERE { GRAPH ?g { ?c a dg:Country ; rdfs:label ?name FILTER(langMatches(lang(?name), "en")) } }`,
  agreements: `SELECT ?a ?name ?acronym ?status ?party ?dateText WHERE {
    GRAPH ?g { ?a dg:status ?s ; rdfs:label ?name FILTER(langMatches(lang(?name), "en"))
      OPTIONAL { ?a dg:acronym ?acronym } OPTIONAL { ?a dg:dateText ?dateText }
      OPTIONAL { ?a dg:party/rdfs:label ?party FILTER(langMatches(lang(?party), "en")) } }
    ?s skos:prefLabel ?status }`,
  areas: `SELECT ?area ?pref ?alt WHERE {
    GRAPH ?g { { ?x dg:discusses ?area } UNION { ?x dg:concerns ?area } }
    ?area skos:prefLabel ?pref FILTER(langMatches(lang(?pref), "en"))
    OPTIONAL { ?area skos:altLabel ?alt } }`,
};

const str = (t: RDF.Term | undefined): string | undefined => t?.value;
const sortStrings = (xs: Iterable<string>) => [...new Set(xs)].sort((a, b) => a.localeCompare(b));

const words = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/defense/g, 'defence').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
let folded = { body: '', text: '' };

/**
 * A party is named as the article names it: a body known by its acronym whose name the article never
 * writes ("ASEAN" in a text that never spells out the Association of Southeast Asian Nations) is listed
 * by that acronym. The name counts as written when its last two words are (so a spelling variant of the
 * full name still keeps it). The node and its labels in the graph stay the same.
 */
export function asWritten(label: string, acronym: string | undefined, body: string): string {
  if (!acronym || !body) return label;
  const tail = words(label).slice(-2).join(' ');
  // (The article's words are folded once for all its parties.)
  if (body !== folded.body) folded = { body, text: ` ${words(body).join(' ')} ` };
  const { text } = folded;
  if (!tail || text.includes(` ${tail} `)) return label;
  return text.includes(` ${words(acronym).join(' ')} `) ? acronym : label;
}

/** The summary of one article, given the article's IRI (its named graph) and its file name. */
export async function summarizeArticle(select: SelectFn, graph: string, file: string): Promise<ArticleSummary> {
  const run = (q: string) => select(`${PREFIX_BLOCK}\n${q.replace('WHERE {', `WHERE { VALUES ?g { <${graph}> }`)}`);
  const [meetingRows, roleRows, personRows, orgRows, countryRows, agreementRows, areaRows, bodyRows] = await Promise.all([
    run(Q.meetings), run(Q.roles), run(Q.persons), run(Q.organizations), run(Q.countries), run(Q.agreements), run(Q.areas), run(Q.body),
  ]);
  const body = bodyRows.map((r) => str(r.body) ?? '').join('\n');

  // A meeting is typed with its kind and the classes above it (a dialogue is also a dg:Meeting): its
  // type in the summary is the most specific.
  const kinds = new Map<string, string[]>();
  for (const r of meetingRows) kinds.set(str(r.m)!, [...(kinds.get(str(r.m)!) ?? []), str(r.kind)!]);
  const meetings = new Map<string, MeetingSummary>();
  for (const r of meetingRows) {
    const id = str(r.m)!;
    const kind = mostSpecific(kinds.get(id)!)!.slice(DG_NS.length).toLowerCase();
    const m = meetings.get(id) ?? { type: kind, label: str(r.label)!, date: null, dateText: null, location: null, participants: [], chairs: [] };
    if (r.date) m.date = r.date.value;
    if (r.dateText) m.dateText = r.dateText.value;
    if (r.where) m.location = r.where.value;
    meetings.set(id, m);
  }
  for (const r of roleRows) {
    const m = meetings.get(str(r.m)!);
    if (!m) continue;
    const list = str(r.role) === `${DG_NS}chair` ? m.chairs : m.participants;
    list.push(asWritten(str(r.name)!, str(r.acronym), body));
  }
  for (const m of meetings.values()) {
    m.participants = sortStrings(m.participants);
    m.chairs = sortStrings(m.chairs);
  }

  const persons = new Map<string, { name: string; titles: Set<string>; affiliation: string | null; country: string | null; aliases: Set<string> }>();
  for (const r of personRows) {
    const id = str(r.p)!;
    const p = persons.get(id) ?? { name: str(r.name)!, titles: new Set<string>(), affiliation: null, country: null, aliases: new Set<string>() };
    if (r.rank) p.titles.add(r.rank.value);
    if (r.position) p.titles.add(r.position.value);
    if (r.alias) p.aliases.add(r.alias.value);
    if (r.aff) p.affiliation = r.aff.value;
    if (r.nat) p.country = r.nat.value;
    persons.set(id, p);
  }
  const orgs = new Map<string, { name: string; acronym: string | null; country: string | null; aliases: Set<string> }>();
  for (const r of orgRows) {
    const id = str(r.o)!;
    const o = orgs.get(id) ?? { name: str(r.name)!, acronym: null, country: null, aliases: new Set<string>() };
    if (r.acronym) o.acronym = r.acronym.value;
    if (r.country) o.country = r.country.value;
    if (r.alias) o.aliases.add(r.alias.value);
    orgs.set(id, o);
  }
  const agreements = new Map<string, { name: string; acronym: string | null; parties: Set<string>; status: string; dateText: string | null }>();
  for (const r of agreementRows) {
    const id = str(r.a)!;
    const a = agreements.get(id) ?? { name: str(r.name)!, acronym: null, parties: new Set<string>(), status: str(r.status)!, dateText: null };
    if (r.acronym) a.acronym = r.acronym.value;
    if (r.dateText) a.dateText = r.dateText.value;
    if (r.party) a.parties.add(r.party.value);
    agreements.set(id, a);
  }
  const areas = new Map<string, { label: string; altLabels: Set<string> }>();
  for (const r of areaRows) {
    const id = str(r.area)!;
    const a = areas.get(id) ?? { label: str(r.pref)!, altLabels: new Set<string>() };
    if (r.alt) a.altLabels.add(r.alt.value);
    areas.set(id, a);
  }

  const byName = <T extends { name: string }>(xs: Iterable<T>) => [...xs].sort((a, b) => a.name.localeCompare(b.name));
  return {
    document: file,
    meetings: [...meetings.entries()].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([, m]) => m),
    persons: byName(persons.values()).map((p) => ({ name: p.name, titles: sortStrings(p.titles), affiliation: p.affiliation, country: p.country, aliases: sortStrings(p.aliases) })),
    organizations: byName(orgs.values()).map((o) => ({ name: o.name, acronym: o.acronym, country: o.country, aliases: sortStrings(o.aliases) })),
    countries: sortStrings(countryRows.map((r) => str(r.name)!)),
    agreements: byName(agreements.values()).map((a) => ({ name: a.name, acronym: a.acronym, parties: sortStrings(a.parties), status: a.status, dateText: a.dateText })),
    cooperationAreas: [...areas.values()].sort((a, b) => a.label.localeCompare(b.label)).map((a) => ({ label: a.label, altLabels: sortStrings(a.altLabels) })),
  };
}
