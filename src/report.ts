/**
 * The report of `diplograph run`: what was built, what needs an analyst's attention, and where the
 * answers to the stored queries are.
 *
 * Needs attention:
 * - an article with no publication date (none in its text, its `.source` or its page);
 * - an event (meeting) with no date;
 * - an event with only one side: its participants (and the countries and organizations they speak
 *   for) belong to fewer than two sides, a side being a country, or an international organization
 *   that belongs to none (a person counts for their nationality or their organization's country);
 * - a name seen only once (one sentence of one article) that looks like a known actor: a person or
 *   organization named more than once, of the same kind, whose name is one or two letters away
 *   (accents, case and punctuation aside): a likely misspelling, or two names of one actor.
 *
 * Everything is listed in file and event order, so the same build gives the same report.
 */
import type * as RDF from '@rdfjs/types';
import { DG, RDF as RDFNS } from './vocab.js';
import type { ArticleExtraction, Meeting } from './extract/model.js';
import { meetingLabel } from './graph/build.js';
import { articleSlug } from './graph/iris.js';
import { fold, levenshtein } from './suggest.js';

/** The counts of what was built. */
export interface Counts {
  articles: number;
  events: number;
  actors: number;
  persons: number;
  organizations: number;
  countries: number;
  agreements: number;
  quads: number;
}

/** What was built: distinct actors and agreements (one actor in several articles counts once). */
export function countsOf(extractions: ArticleExtraction[], quads: RDF.Quad[]): Counts {
  // Counted in the graph: the reports of one event in several articles are one meeting (graph/events.ts),
  // and corrections may merge nodes.
  const typed = new Map<string, Set<string>>();
  for (const q of quads) {
    if (!q.predicate.equals(RDFNS.type)) continue;
    let set = typed.get(q.object.value);
    if (!set) typed.set(q.object.value, (set = new Set()));
    set.add(q.subject.value);
  }
  const count = (c: RDF.NamedNode) => typed.get(c.value)?.size ?? 0;
  const persons = count(DG.Person);
  const organizations = count(DG.Organization);
  const countries = count(DG.Country);
  return {
    articles: extractions.length,
    events: count(DG.Meeting),
    actors: persons + organizations + countries,
    persons,
    organizations,
    countries,
    agreements: count(DG.Agreement),
    quads: quads.length,
  };
}

/** An event, as the report names it. */
export interface EventRef {
  /** The meeting's path under the base: `meeting/ARTICLE-N`. */
  id: string;
  label: string;
  file: string;
}

/** A name seen once that looks like a known actor's. */
export interface LookAlike {
  name: string;
  kind: 'person' | 'organization';
  file: string;
  like: string;
  /** How many times the known actor is named (sentences, over all articles). */
  mentions: number;
}

export interface Attention {
  undatedArticles: string[];
  undatedEvents: EventRef[];
  oneSided: EventRef[];
  lookAlikes: LookAlike[];
}

/** The sides of an event: see the module's comment. */
function sidesOf(x: ArticleExtraction, m: Meeting): Set<string> {
  const sides = new Set<string>();
  const orgSide = (key: string) => x.organizations.get(key)?.countryKey ?? key;
  for (const key of [...m.participants.keys(), ...m.involves.keys(), ...m.chairs.keys(), ...m.hosts.keys()]) {
    if (x.countries.has(key)) sides.add(key);
    else if (x.organizations.has(key)) sides.add(orgSide(key));
    else {
      const p = x.persons.get(key);
      const side = p?.nationality?.key ?? (p?.affiliation ? (x.countries.has(p.affiliation.key) ? p.affiliation.key : orgSide(p.affiliation.key)) : undefined);
      if (side) sides.add(side);
    }
  }
  return sides;
}

/** How far two names may be and still look alike: one letter in a short name, two from ten letters on. */
function alike(a: string, b: string): boolean {
  if (a === b) return true;
  const limit = Math.min(a.length, b.length) >= 10 ? 2 : 1;
  return Math.abs(a.length - b.length) <= limit && levenshtein(a, b) <= limit;
}

function lookAlikes(extractions: ArticleExtraction[]): LookAlike[] {
  interface Seen { key: string; name: string; kind: 'person' | 'organization'; mentions: number; files: string[] }
  const seen = new Map<string, Seen>();
  for (const x of extractions) {
    for (const a of [...x.persons.values(), ...x.organizations.values()]) {
      const id = `${a.kind} ${a.key}`;
      const s = seen.get(id) ?? { key: a.key, name: a.name, kind: a.kind, mentions: 0, files: [] };
      s.mentions += a.evidence.length;
      if (!s.files.includes(x.article.file)) s.files.push(x.article.file);
      seen.set(id, s);
    }
  }
  const all = [...seen.values()];
  const known = all.filter((s) => s.mentions > 1 || s.files.length > 1);
  const out: LookAlike[] = [];
  for (const s of all) {
    if (s.mentions > 1 || s.files.length > 1) continue;
    const name = fold(s.name);
    const like = known.filter((k) => k.kind === s.kind && k.key !== s.key && alike(name, fold(k.name)))
      .sort((a, b) => levenshtein(name, fold(a.name)) - levenshtein(name, fold(b.name)) || b.mentions - a.mentions || a.name.localeCompare(b.name))[0];
    if (like) out.push({ name: s.name, kind: s.kind, file: s.files[0], like: like.name, mentions: like.mentions });
  }
  return out;
}

/** What needs attention in a build, as the module's comment says. */
export function attentionOf(extractions: ArticleExtraction[]): Attention {
  const undatedEvents: EventRef[] = [];
  const oneSided: EventRef[] = [];
  for (const x of extractions) {
    for (const m of x.meetings) {
      const ref = { id: `meeting/${articleSlug(x.article.id)}-${m.id}`, label: meetingLabel(m, x), file: x.article.file };
      if (!m.date?.value && !m.date?.start && !m.resolvedDate?.value) undatedEvents.push(ref);
      if (sidesOf(x, m).size < 2) oneSided.push(ref);
    }
  }
  return {
    undatedArticles: extractions.filter((x) => !x.article.published).map((x) => x.article.file),
    undatedEvents,
    oneSided,
    lookAlikes: lookAlikes(extractions),
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The lines of a list: all with `all`, else the first `shown` and how many more. */
function listed<T>(items: T[], line: (x: T) => string, all: boolean, shown = 5): string[] {
  const lines = (all ? items : items.slice(0, shown)).map((x) => `    ${line(x)}`);
  if (!all && items.length > shown) lines.push(`    ... and ${items.length - shown} more (--verbose lists them all)`);
  return lines;
}

/** The "Needs attention" section: each kind of item with its count, then the items (at most 5 of each unless `all`). */
export function formatAttention(a: Attention, all: boolean): string {
  const event = (e: EventRef) => `${e.id}  ${e.label}  (${e.file})`;
  const sections: string[] = [];
  if (a.undatedArticles.length) sections.push(`  ${plural(a.undatedArticles.length, 'article')} with no date (none in the text or its .source):`, ...listed(a.undatedArticles, (f) => f, all));
  if (a.undatedEvents.length) sections.push(`  ${plural(a.undatedEvents.length, 'event')} with no date:`, ...listed(a.undatedEvents, event, all));
  if (a.oneSided.length) sections.push(`  ${plural(a.oneSided.length, 'event')} with only one side known (no partner identified):`, ...listed(a.oneSided, event, all));
  if (a.lookAlikes.length) {
    sections.push(`  ${plural(a.lookAlikes.length, 'name')} seen only once that look${a.lookAlikes.length === 1 ? 's' : ''} like a known actor:`,
      ...listed(a.lookAlikes, (l) => `"${l.name}" (${l.file}) looks like the ${l.kind} "${l.like}" (named ${plural(l.mentions, 'time')})`, all));
  }
  return `Needs attention:\n${sections.length ? sections.join('\n') : '  nothing'}\n`;
}

/** The "Built" line: articles, events, actors, agreements, quads. */
export function formatCounts(c: Counts): string {
  return `${plural(c.articles, 'article')}, ${plural(c.events, 'event')}, ${plural(c.actors, 'actor')} (${plural(c.persons, 'person')}, ${plural(c.organizations, 'organization')}, ${plural(c.countries, 'country', 'countries')}), ${plural(c.agreements, 'agreement')}; ${plural(c.quads, 'quad')}`;
}
