/**
 * One node per real event. Articles report the same meeting in different words and with different
 * detail; each report is a Meeting of its article (`meeting/ARTICLE-N`). Here the reports of one
 * event, in different articles, are grouped, and the group becomes one node: the IRI of its first
 * report (articles in file-name order, then the report's number), so that the stored queries count
 * events, while each article's graph keeps the facts it reports about the event with their own
 * statements and sentences. The other reports' IRIs are kept as `owl:sameAs` the event.
 *
 * Two reports are of the same event when (docs/graph-semantics.md, "Events"):
 * - they come from different articles (an article's events are already told apart by the extractor);
 * - their kinds are the same, or one is the generic kind (dg:Meeting): a visit and the talks held
 *   during it stay two events (the extractor gives the talks as part of the visit);
 * - their ordinals (the 3rd dialogue) do not differ;
 * - their dates are nested: the days one allows are all within the other's (a day within its month,
 *   a month within its year, a day within a stated range). An undated report joins only on strong
 *   ground: the same ordinal, or the same persons (two at least) in a report published in the week the
 *   other's days end in;
 * - their places, when both are given, are the same or one lies in the other (Hanoi, Vietnam);
 * - their parties agree: the persons one names are all named by the other (when both name persons),
 *   likewise the countries, and they have two actors at least in common.
 * A report is joined to a group only when it agrees with every report of the group, and to the best
 * group when it agrees with several (the same kind before the generic one, the same days before
 * nested ones); when two groups are as good, the report is ambiguous and stays an event of its own.
 * Reports are taken the most precisely dated first, so that a report known to the year does not
 * bind two events that its year holds.
 */
import type * as RDF from '@rdfjs/types';
import type { ArticleExtraction, Meeting } from '../extract/model.js';
import type { Minter } from './iris.js';

/**
 * The first and the last day that an ISO date at its precision allows: 2018-03 is 2018-03-01 to
 * 2018-03-31, 2018 is 2018-01-01 to 2018-12-31, a day is itself.
 *
 * @example
 * dayRange('2024-02'); // { first: '2024-02-01', last: '2024-02-29' }
 */
export function dayRange(value: string): { first: string; last: string } | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return undefined;
  const [, y, month, day] = m;
  if (day) return { first: value, last: value };
  if (month) {
    const days = new Date(Date.UTC(Number(y), Number(month), 0)).getUTCDate();
    return { first: `${y}-${month}-01`, last: `${y}-${month}-${String(days).padStart(2, '0')}` };
  }
  return { first: `${y}-01-01`, last: `${y}-12-31` };
}

/** The first and last day of a meeting's date: the range the text states, or the days its date allows. */
export function meetingDays(m: Meeting): { first: string; last: string } | undefined {
  // (A date the text gives without its year counts by the days the publication date resolves it to.)
  const known = m.date?.value ? m.date : m.resolvedDate;
  const days = known?.value ? dayRange(known.value) : undefined;
  const first = known?.start ?? days?.first;
  const last = known?.end ?? days?.last;
  return first && last ? { first, last } : undefined;
}

/** The single-valued facts of an event, each stated by one report of the group: its lead for that fact. */
export type LeadFact = 'date' | 'label' | 'location' | 'ordinal' | 'partOf';

interface Report {
  x: ArticleExtraction;
  m: Meeting;
  order: number;
  days?: { first: string; last: string };
  /** Days between the first and the last day (undated: Infinity). */
  width: number;
  persons: Set<string>;
  countries: Set<string>;
  actors: Set<string>;
  /** The place key and the country it lies in, or the country key. */
  place?: { key: string; country?: string };
}

const DAY = 86_400_000;
const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / DAY;

function report(x: ArticleExtraction, m: Meeting, order: number): Report {
  const persons = new Set<string>();
  const countries = new Set<string>();
  const actors = new Set<string>();
  for (const map of [m.participants, m.involves, m.chairs, m.hosts]) {
    for (const k of map.keys()) {
      if (x.persons.has(k)) persons.add(k);
      else if (x.countries.has(k)) countries.add(k);
      else if (!x.organizations.has(k)) continue;
      actors.add(k);
    }
  }
  const [kind, key] = m.location?.key.split(':') ?? [];
  const place = kind === 'place' && x.places.has(key) ? { key: `place:${key}`, country: x.places.get(key)!.countryKey } : kind === 'country' ? { key: `country:${key}`, country: key } : undefined;
  const d = meetingDays(m);
  return { x, m, order, days: d, width: d ? days(d.first, d.last) : Infinity, persons, countries, actors, place };
}

/** The months (YYYY-MM) that a span of days touches. */
function months(d: { first: string; last: string }): string[] {
  const out: string[] = [];
  let [y, m] = d.first.split('-').map(Number);
  const [ly, lm] = d.last.split('-').map(Number);
  while ((y < ly || (y === ly && m <= lm)) && out.length < 10_000) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

const within = (a: Set<string>, b: Set<string>) => [...a].every((k) => b.has(k));
const nested = (a: Set<string>, b: Set<string>) => !a.size || !b.size || within(a, b) || within(b, a);

/** The week before an undated report's article was published: when its event took place, at the latest. */
function publishedWeek(r: Report): { first: string; last: string } | undefined {
  const p = r.x.article.published;
  if (!p || Number.isNaN(Date.parse(p))) return undefined;
  return { first: new Date(Date.parse(p) - 7 * DAY).toISOString().slice(0, 10), last: p };
}

/**
 * How well two reports agree that they tell one event: 0 when they cannot be one event, else a score
 * (higher is closer: the same kind, the same days).
 */
function agreement(a: Report, b: Report): number {
  if (a.x === b.x) return 0;
  const sameKind = a.m.kind === b.m.kind;
  if (!sameKind && a.m.kind !== 'meeting' && b.m.kind !== 'meeting') return 0;
  const ordinals = a.m.ordinal !== undefined && b.m.ordinal !== undefined;
  if (ordinals && a.m.ordinal !== b.m.ordinal) return 0;
  if (a.place && b.place && a.place.key !== b.place.key && !(a.place.country && a.place.country === b.place.country && (a.place.key.startsWith('country:') || b.place.key.startsWith('country:')))) return 0;
  if (!nested(a.persons, b.persons) || !nested(a.countries, b.countries)) return 0;
  if ([...a.actors].filter((k) => b.actors.has(k)).length < 2) return 0;
  let sameDays = false;
  if (a.days && b.days) {
    const inA = a.days.first <= b.days.first && b.days.last <= a.days.last;
    const inB = b.days.first <= a.days.first && a.days.last <= b.days.last;
    if (!inA && !inB) return 0;
    sameDays = inA && inB;
  } else if (!(ordinals && sameKind)) {
    // Undated: the same persons (two at least), the same kind, and the week before the undated report was published.
    if (!sameKind || a.persons.size < 2 || a.persons.size !== b.persons.size || !within(a.persons, b.persons)) return 0;
    const wa = a.days ?? publishedWeek(a);
    const wb = b.days ?? publishedWeek(b);
    if (!wa || !wb || wa.last < wb.first || wb.last < wa.first) return 0;
  }
  return 1 + (sameKind ? 2 : 0) + (sameDays ? 1 : 0);
}

/** The events of a corpus: which node each report is, and which report states each single-valued fact. */
export class Events {
  private readonly canonical = new Map<string, RDF.NamedNode>();
  private readonly own = new Map<string, RDF.NamedNode>();
  private readonly leadFacts = new Map<string, Set<LeadFact>>();
  private readonly partiesOf = new Map<string, Set<string>>();
  /** The number of events (groups of reports). */
  count = 0;
  /** The number of reports merged into another report's event. */
  merged = 0;

  /** @internal */
  add(group: Report[], mint: Minter): void {
    const sorted = group.slice().sort((a, b) => a.order - b.order);
    const node = mint.meeting(sorted[0].x.article.id, sorted[0].m.id);
    const participants = new Set(sorted.flatMap((r) => [...r.m.participants.keys()]));
    const pick = (score: (r: Report) => number | undefined): Report | undefined =>
      sorted.map((r) => ({ r, s: score(r) })).filter((c) => c.s !== undefined).sort((a, b) => a.s! - b.s! || a.r.order - b.r.order)[0]?.r;
    const lead: Record<LeadFact, Report | undefined> = {
      // the most precise days; without any, the first date as written ("Monday")
      // (a date the text states beats the same days read from a publication date)
      date: pick((r) => (r.days ? r.width + (r.m.date?.value ? 0 : 0.5) : r.m.date?.text ? 1e9 : undefined)),
      label: pick((r) => (r.m.label ? 0 : 1e6) - r.m.participants.size),
      location: pick((r) => (r.place ? (r.place.key.startsWith('place:') ? 0 : 1) : undefined)),
      ordinal: pick((r) => (r.m.ordinal !== undefined ? 0 : undefined)),
      partOf: pick((r) => (r.m.partOf ? 0 : undefined)),
    };
    for (const r of sorted) {
      const k = key(r.x.article.id, r.m.id);
      this.canonical.set(k, node);
      this.partiesOf.set(k, participants);
      if (r !== sorted[0]) this.own.set(k, mint.meeting(r.x.article.id, r.m.id));
      this.leadFacts.set(k, new Set((Object.keys(lead) as LeadFact[]).filter((f) => lead[f] === r)));
    }
    this.count++;
    this.merged += sorted.length - 1;
  }

  /** The node of the event a report tells. */
  node(articleId: string, meetingId: number): RDF.NamedNode {
    const n = this.canonical.get(key(articleId, meetingId));
    if (!n) throw new Error(`no event for meeting ${meetingId} of ${articleId}`);
    return n;
  }

  /** The report's own IRI when its event is another report's node (to be said owl:sameAs the event). */
  alias(articleId: string, meetingId: number): RDF.NamedNode | undefined {
    return this.own.get(key(articleId, meetingId));
  }

  /** Whether this report states the event's single-valued fact `fact` (every report of a one-report event does). */
  leads(articleId: string, meetingId: number, fact: LeadFact): boolean {
    return this.leadFacts.get(key(articleId, meetingId))?.has(fact) ?? false;
  }

  /** Whether some report of the event names this actor as a participant. */
  participant(articleId: string, meetingId: number, actor: string): boolean {
    return this.partiesOf.get(key(articleId, meetingId))?.has(actor) ?? false;
  }
}

const key = (articleId: string, meetingId: number) => `${articleId}\u0000${meetingId}`;

/**
 * Groups the reports of every article into events (see the module comment). The result depends only
 * on the set of articles and their file names, not on the order of `extractions`. With `merge` false,
 * every report is an event of its own (the per-article evaluation summaries: what each article says).
 */
export function sameEvents(extractions: ArticleExtraction[], mint: Minter, merge = true): Events {
  const articles = extractions.slice().sort((a, b) => (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0));
  const reports = articles.flatMap((x, i) => x.meetings.map((m) => report(x, m, i * 1_000_000 + m.id)));
  // The most precisely dated first; undated last.
  reports.sort((a, b) => a.width - b.width || a.order - b.order);
  const groups: { reports: Report[]; closed: boolean }[] = [];
  // Where to look, so that a large corpus is not compared pair by pair: a dated report agrees only with
  // reports whose days overlap its own (the months it spans); an undated one only with reports that have
  // all its persons (its rarest person's), or its ordinal and kind.
  const index = new Map<string, number[]>();
  const look = (k: string) => index.get(k) ?? [];
  const file = (k: string, g: number) => {
    const list = index.get(k);
    if (!list) index.set(k, [g]);
    else if (list[list.length - 1] !== g) list.push(g);
  };
  const keysOf = (r: Report): string[] => [
    ...(r.days ? months(r.days).map((m) => `month ${m}`) : []),
    ...[...r.persons].map((p) => `person ${p}`),
    ...(r.m.ordinal !== undefined ? [`ordinal ${r.m.kind} ${r.m.ordinal}`] : []),
  ];
  for (const r of reports) {
    let where: number[];
    if (r.days) where = months(r.days).flatMap((m) => look(`month ${m}`));
    else {
      const rarest = [...r.persons].map((p) => look(`person ${p}`)).sort((a, b) => a.length - b.length)[0] ?? [];
      where = [...rarest, ...(r.m.ordinal !== undefined ? look(`ordinal ${r.m.kind} ${r.m.ordinal}`) : [])];
    }
    let best = 0;
    let candidates: number[] = [];
    for (const i of new Set(where)) {
      const g = groups[i];
      if (g.closed) continue;
      const scores = g.reports.map((o) => agreement(r, o));
      if (scores.some((x) => x === 0)) continue;
      const score = Math.min(...scores);
      if (score > best) [best, candidates] = [score, [i]];
      else if (score === best) candidates.push(i);
    }
    const at = candidates.length === 1 && merge ? candidates[0] : groups.push({ reports: [], closed: candidates.length > 1 }) - 1;
    groups[at].reports.push(r);
    for (const k of keysOf(r)) file(k, at);
  }
  const events = new Events();
  for (const g of groups.sort((a, b) => Math.min(...a.reports.map((r) => r.order)) - Math.min(...b.reports.map((r) => r.order)))) events.add(g.reports, mint);
  return events;
}
