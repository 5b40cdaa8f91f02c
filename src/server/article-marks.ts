/**
 * The names and events an article's graph says were read in it, found again in its text, so that the
 * article page can mark them inline and link each to its page. The graph keeps the offsets of the
 * sentences (oa:TextPositionSelector), not of the names, so each node's names in the article's own
 * graph (rdfs:label, skos:altLabel, dg:acronym; for a cooperation area its labels in the concept
 * scheme) are looked for in the text: whole words only; acronyms and capitalised names as written,
 * other names case-insensitively, with defence/defense and a plural -s. A meeting is marked on the
 * words that name its kind (talks, visit, dialogue, ...) in the first sentence it was read in that has
 * them, and on its date as written. Overlaps go to the longer mention; the result is deterministic.
 */
import type * as RDF from '@rdfjs/types';
import { DG, RDF as RDFV, RDFS, SKOS, factory } from '../vocab.js';
import type { EvidenceSentence, GraphView } from './graph-view.js';

/** One mention in the text: [start, end) in the article body, the node it names and its kind. */
export interface Mention {
  start: number;
  end: number;
  iri: string;
  /** person, organization, country, place, agreement, area, meeting or date. */
  kind: string;
}

const KIND_OF: Record<string, string> = {
  Persons: 'person',
  Organizations: 'organization',
  Countries: 'country',
  Places: 'place',
  Agreements: 'agreement',
  'Cooperation areas': 'area',
  Meetings: 'meeting',
};

/** The words that name a meeting of each kind (by the local name of its class). */
const EVENT_WORDS: Record<string, string[]> = {
  Meeting: ['meeting', 'meetings', 'met', 'talks'],
  Dialogue: ['dialogue', 'dialog'],
  Conference: ['conference', 'meeting'],
  Teleconference: ['teleconference', 'video conference', 'videoconference', 'online talks', 'online meeting', 'phone call'],
  Visit: ['visit', 'visits', 'visited', 'visiting', 'trip', 'working trip'],
  Talks: ['talks', 'held talks', 'met'],
  Call: ['phone call', 'call', 'phone talks', 'telephone'],
  Reception: ['received', 'receiving', 'reception', 'welcomed', 'hosted'],
};

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A name as a pattern: whole words; defence/defense alike; as written when it has capitals, else any case (with a plural s). */
function namePattern(name: string): RegExp | undefined {
  const trimmed = name.trim();
  if (trimmed.length < 2 || trimmed.length > 200) return undefined;
  const body = escapeRegExp(trimmed).replace(/defen[cs]e/gi, (m) => `${m[0]}efen[cs]e`).replace(/\s+/g, '\\s+');
  const capitalised = /\p{Lu}/u.test(trimmed);
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${capitalised ? '' : 's?'}(?![\\p{L}\\p{N}])`, capitalised ? 'gu' : 'giu');
}

function findAll(text: string, names: Iterable<string>, iri: string, kind: string, from = 0, to = text.length): Mention[] {
  const out: Mention[] = [];
  const slice = text.slice(from, to);
  for (const name of names) {
    const re = namePattern(name);
    if (!re) continue;
    for (const m of slice.matchAll(re)) out.push({ start: from + m.index!, end: from + m.index! + m[0].length, iri, kind });
  }
  return out;
}

function literals(view: GraphView, node: RDF.NamedNode, predicates: RDF.NamedNode[], graph: RDF.Term | null): string[] {
  return predicates.flatMap((p) => view.store.getObjects(node, p, graph)).filter((o) => o.termType === 'Literal').map((o) => o.value);
}

/** The mentions of the article's nodes in its text, without overlaps, in text order. */
export function articleMentions(view: GraphView, iri: string, body: string, sentences: EvidenceSentence[]): Mention[] {
  const graph = factory.namedNode(iri);
  const nodes = new Set<string>();
  for (const q of view.store.readQuads(null, null, null, graph)) {
    for (const t of [q.subject, q.object]) if (t.termType === 'NamedNode' && !t.value.startsWith(`${iri}#`) && t.value !== iri) nodes.add(t.value);
  }
  const found: Mention[] = [];
  for (const n of [...nodes].sort()) {
    const kindName = view.kind(n);
    const kind = kindName && KIND_OF[kindName];
    if (!kind) continue;
    const node = factory.namedNode(n);
    if (kind === 'meeting') {
      found.push(...meetingMentions(view, node, body, sentences, graph));
      continue;
    }
    // the names the article's graph gives it; an area's phrasings are in the concept scheme, outside the article's graph
    const names = new Set(literals(view, node, [RDFS.label, SKOS.prefLabel, SKOS.altLabel, DG.acronym], kind === 'area' ? null : graph));
    found.push(...findAll(body, names, n, kind));
  }
  // longer mentions first; then earlier; then by IRI: the same text, the same marks
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || (a.iri < b.iri ? -1 : a.iri > b.iri ? 1 : 0));
  const placed: Mention[] = [];
  for (const m of found) if (!placed.some((p) => m.start < p.end && p.start < m.end)) placed.push(m);
  return placed.sort((a, b) => a.start - b.start);
}

/** A meeting's mentions: the words of its kind in the first sentence of its own that has them, and its date as written. */
function meetingMentions(view: GraphView, node: RDF.NamedNode, body: string, sentences: EvidenceSentence[], graph: RDF.NamedNode): Mention[] {
  const classes = view.store.getObjects(node, RDFV.type, graph).map((c) => c.value.replace(/^.*#/, ''));
  const words = [...new Set(classes.flatMap((c) => EVENT_WORDS[c] ?? []))];
  const own = new Set(view.evidence(factory.quad(node, RDFV.type, DG.Meeting)).map((e) => e.iri));
  for (const c of view.store.getObjects(node, RDFV.type, graph)) for (const e of view.evidence(factory.quad(node, RDFV.type, c as RDF.NamedNode))) own.add(e.iri);
  const out: Mention[] = [];
  for (const s of sentences) {
    if (!own.has(s.iri) || s.start === undefined || s.end === undefined) continue;
    const hits = findAll(body, words, node.value, 'meeting', s.start, s.end).sort((a, b) => a.start - b.start);
    if (hits.length) {
      out.push(hits[0]);
      break;
    }
  }
  const written = view.store.getObjects(node, DG.dateText, graph).map((t) => t.value);
  out.push(...findAll(body, written, node.value, 'date').slice(0, 1));
  return out;
}
