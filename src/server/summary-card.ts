/**
 * The summary card at the top of an entity's page: what an analyst asks first, read from the graph.
 * - a meeting: when (as written, and the days it spans), where, its kind, the larger meeting it was
 *   part of and the meetings within it, who took part on each side (a side is the country a participant
 *   represents: its nationality, its affiliation, or its organization's country), hosts and chairs, the
 *   areas discussed, the agreements mentioned with their status, and the articles;
 * - a person: offices (positions, ranks, affiliation, nationality), the meetings by date, the partners met;
 * - an organization or a country: its country or parent, its people, its meetings by date, its partners,
 *   the agreements it is a party to;
 * - an agreement: kind, status, parties, areas, the meetings that mention it;
 * - a cooperation area or a place: the meetings (and agreements) about it or held there.
 * Every value is escaped (html``); every node is a link to its page.
 */
import type * as RDF from '@rdfjs/types';
import { DG } from '../vocab.js';
import type { GraphView } from './graph-view.js';
import { html, join, type Html } from './html.js';

const PARTICIPATION = [DG.participant, DG.chair, DG.host];

function link(view: GraphView, iri: string): Html {
  return html`<a href="${view.href(iri)}">${view.label(iri)}</a>`;
}

function iris(terms: RDF.Term[]): string[] {
  return terms.filter((t) => t.termType === 'NamedNode').map((t) => t.value);
}

function links(view: GraphView, list: string[], none = '—'): Html {
  return list.length ? join(list.map((i) => link(view, i)), ', ') : html`<span class="none">${none}</span>`;
}

function text(view: GraphView, iri: string, p: RDF.Term): string[] {
  return view.values(iri, p).filter((t) => t.termType === 'Literal').map((t) => t.value);
}

/** A row of the card's list; left out when it has nothing to say. */
function row(name: string, value: Html | false): Html {
  return value ? html`<dt>${name}</dt><dd>${value}</dd>` : html``;
}

/** The date of a meeting as the text gives it, with the days it spans when they say more. */
export function meetingWhen(view: GraphView, iri: string): { sort: string; shown: string } | undefined {
  const date = text(view, iri, DG.date)[0];
  const start = text(view, iri, DG.startDate)[0];
  const end = text(view, iri, DG.endDate)[0];
  const written = text(view, iri, DG.dateText)[0];
  if (!date && !start && !written) return undefined;
  const span = start && end && start !== end ? `${start} – ${end}` : start && start !== date ? start : '';
  const parts = [date, span && date ? `(${span})` : span, written ? `“${written}”` : ''].filter(Boolean);
  return { sort: start ?? date ?? '~', shown: parts.join(' ') };
}

/** The most specific kind of a meeting or an agreement: the label of its class that no other class of it narrows. */
function kindOf(view: GraphView, iri: string, generic: RDF.NamedNode): string {
  const types = view.types(iri).filter((t) => t.value.startsWith(DG.Meeting.value.replace(/Meeting$/, '')));
  const specific = types.find((t) => !t.equals(generic)) ?? types[0];
  return specific ? view.label(specific) : '';
}

/** The side an actor is on in a meeting: the country it represents, or itself. */
export function sideOf(view: GraphView, actor: string): string {
  const kind = view.kind(actor);
  if (kind === 'Countries') return actor;
  if (kind === 'Persons') {
    const nationality = iris(view.values(actor, DG.nationality))[0];
    if (nationality) return nationality;
    const affiliation = iris(view.values(actor, DG.affiliation))[0];
    if (affiliation) return sideOf(view, affiliation);
    return actor;
  }
  if (kind === 'Organizations') return iris(view.values(actor, DG.country))[0] ?? actor;
  return actor;
}

/** The participants of a meeting (participant, chair, host), each once. */
function participantsOf(view: GraphView, meeting: string): string[] {
  return [...new Set(PARTICIPATION.flatMap((p) => iris(view.values(meeting, p))))].sort();
}

/** Meetings with their dates, in time order (undated last, by label). */
function byDate(view: GraphView, meetings: string[]): { iri: string; when?: { sort: string; shown: string } }[] {
  return [...new Set(meetings)]
    .map((iri) => ({ iri, when: meetingWhen(view, iri) }))
    .sort((a, b) => {
      const ka = `${a.when?.sort ?? '~'} ${view.label(a.iri)} ${a.iri}`;
      const kb = `${b.when?.sort ?? '~'} ${view.label(b.iri)} ${b.iri}`;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
}

function meetingList(view: GraphView, meetings: string[], role?: (m: string) => string): Html {
  const list = byDate(view, meetings);
  if (!list.length) return html`<span class="none">none</span>`;
  return html`<ol class="meetings-by-date">${list.map(
    (m) => html`<li><span class="when">${m.when?.shown ?? 'undated'}</span> ${link(view, m.iri)}${role && role(m.iri) ? html` <span class="role">${role(m.iri)}</span>` : ''}</li>`,
  )}</ol>`;
}

/** Partners met at meetings: the count of meetings with each, most first. */
function partnerList(view: GraphView, counts: Map<string, number>): Html | false {
  if (!counts.size) return false;
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || (view.label(a[0]) < view.label(b[0]) ? -1 : 1));
  return html`<ul class="partners">${sorted.map(([iri, n]) => html`<li>${link(view, iri)} <span class="count">${n === 1 ? '1 meeting' : `${n} meetings`}</span></li>`)}</ul>`;
}

function articlesRow(view: GraphView, iri: string): Html {
  const articles = view.articlesOf(iri);
  return row('Articles', articles.length ? html`<ul class="articles">${articles.map((a) => html`<li>${link(view, a)}</li>`)}</ul>` : false);
}

function meetingCard(view: GraphView, iri: string): Html {
  const when = meetingWhen(view, iri);
  const participants = participantsOf(view, iri);
  const hosts = new Set(iris(view.values(iri, DG.host)));
  const chairs = new Set(iris(view.values(iri, DG.chair)));
  const sides = new Map<string, string[]>();
  for (const p of participants) {
    const side = sideOf(view, p);
    sides.set(side, [...(sides.get(side) ?? []), ...(p === side ? [] : [p])]);
  }
  for (const c of iris(view.values(iri, DG.involves))) if (!sides.has(c)) sides.set(c, []);
  const hostSide = (side: string, members: string[]) => hosts.has(side) || members.some((m) => hosts.has(m));
  const orderedSides = [...sides.entries()].sort((a, b) => Number(hostSide(b[0], b[1])) - Number(hostSide(a[0], a[1])) || (view.label(a[0]) < view.label(b[0]) ? -1 : 1));
  const roles = (a: string) => [hosts.has(a) ? 'host' : '', chairs.has(a) ? 'chair' : ''].filter(Boolean);
  const sidesHtml = orderedSides.length
    ? html`<ul class="sides">${orderedSides.map(([side, members]) => {
        const tags = roles(side);
        return html`<li class="side"><strong>${link(view, side)}</strong>${tags.length ? html` <span class="role">${tags.join(', ')}</span>` : ''}${members.length
          ? html`: ${join(members.map((m) => html`${link(view, m)}${roles(m).length ? html` <span class="role">${roles(m).join(', ')}</span>` : ''}`), ', ')}`
          : ''}</li>`;
      })}</ul>`
    : false;
  const agreements = iris(view.values(iri, DG.mentions));
  const agreed = agreements.length
    ? html`<ul class="agreements">${agreements.map((a) => {
        const status = iris(view.values(a, DG.status)).map((s) => view.label(s));
        return html`<li>${link(view, a)}${status.length ? html` <span class="status">${status.join(', ')}</span>` : ''}</li>`;
      })}</ul>`
    : false;
  const areas = iris(view.values(iri, DG.discusses));
  const parent = iris(view.values(iri, DG.partOf));
  const parts = view.subjectsWith(DG.partOf, iri);
  const locations = iris(view.values(iri, DG.location));
  const ordinal = text(view, iri, DG.ordinal)[0];
  return html`<dl>
${row('Kind', html`${kindOf(view, iri, DG.Meeting)}${ordinal ? html` (no. ${ordinal})` : ''}`)}
${row('When', html`${when?.shown ?? html`<span class="none">not given</span>`}`)}
${row('Where', locations.length ? links(view, locations) : html`<span class="none">not given</span>`)}
${row('Part of', parent.length > 0 && links(view, parent))}
${row('Within it', parts.length > 0 && meetingList(view, parts))}
${row('Who, by side', sidesHtml)}
${row('Discussed', areas.length > 0 && links(view, areas))}
${row('Agreements', agreed)}
${articlesRow(view, iri)}
</dl>`;
}

/** The meetings an actor took part in (as participant, chair or host, or as a country involved), with its role in each. */
function meetingsOf(view: GraphView, actor: string): { meetings: string[]; role: (m: string) => string } {
  const hosted = new Set(view.subjectsWith(DG.host, actor));
  const chaired = new Set(view.subjectsWith(DG.chair, actor));
  const involved = new Set(view.subjectsWith(DG.involves, actor));
  const meetings = [...new Set([...PARTICIPATION.flatMap((p) => view.subjectsWith(p, actor)), ...involved])];
  const role = (m: string) => [hosted.has(m) ? 'host' : '', chaired.has(m) ? 'chair' : '', involved.has(m) && !participantsOf(view, m).includes(actor) ? 'involved' : ''].filter(Boolean).join(', ');
  return { meetings, role };
}

/** The partners an actor met: persons met, and the other sides, each with the number of meetings. */
function partnersOf(view: GraphView, actor: string, meetings: string[]): { persons: Map<string, number>; sides: Map<string, number> } {
  const own = sideOf(view, actor);
  const persons = new Map<string, number>();
  const sides = new Map<string, number>();
  for (const m of meetings) {
    const met = participantsOf(view, m).filter((p) => p !== actor);
    for (const p of met) if (view.kind(p) === 'Persons' && sideOf(view, p) !== own) persons.set(p, (persons.get(p) ?? 0) + 1);
    const others = new Set([...met.map((p) => sideOf(view, p)), ...iris(view.values(m, DG.involves))].filter((s) => s !== own && s !== actor && view.kind(s) !== 'Persons'));
    for (const s of others) sides.set(s, (sides.get(s) ?? 0) + 1);
  }
  return { persons, sides };
}

function personCard(view: GraphView, iri: string): Html {
  const positions = text(view, iri, DG.position);
  const ranks = text(view, iri, DG.rank);
  const affiliations = iris(view.values(iri, DG.affiliation));
  const nationality = iris(view.values(iri, DG.nationality));
  const { meetings, role } = meetingsOf(view, iri);
  const { persons, sides } = partnersOf(view, iri, meetings);
  return html`<dl>
${row('Offices', positions.length || ranks.length ? html`<ul class="offices">${[...ranks.map((r) => html`<li>${r} <span class="hint">rank</span></li>`), ...positions.map((p) => html`<li>${p}</li>`)]}</ul>` : false)}
${row('Affiliation', affiliations.length > 0 && links(view, affiliations))}
${row('Nationality', nationality.length > 0 && links(view, nationality))}
${row(`Meetings (${meetings.length})`, meetingList(view, meetings, role))}
${row('Persons met', partnerList(view, persons))}
${row('Partners met', partnerList(view, sides))}
${articlesRow(view, iri)}
</dl>`;
}

function actorCard(view: GraphView, iri: string): Html {
  const country = iris(view.values(iri, DG.country));
  const parent = iris(view.values(iri, DG.parentOrganization));
  const units = view.subjectsWith(DG.parentOrganization, iri);
  const people = [...new Set([...view.subjectsWith(DG.affiliation, iri), ...view.subjectsWith(DG.nationality, iri)])].filter((p) => view.kind(p) === 'Persons');
  const orgs = view.subjectsWith(DG.country, iri).filter((o) => view.kind(o) === 'Organizations');
  const acronyms = text(view, iri, DG.acronym);
  const { meetings, role } = meetingsOf(view, iri);
  const { sides } = partnersOf(view, iri, meetings);
  const agreements = view.subjectsWith(DG.party, iri);
  return html`<dl>
${row('Acronym', acronyms.length > 0 && html`${acronyms.join(', ')}`)}
${row('Country', country.length > 0 && links(view, country))}
${row('Part of', parent.length > 0 && links(view, parent))}
${row('Units', units.length > 0 && links(view, units))}
${row('Organizations', orgs.length > 0 && links(view, orgs))}
${row('People', people.length > 0 && links(view, people))}
${row(`Meetings (${meetings.length})`, meetingList(view, meetings, role))}
${row('Partners met', partnerList(view, sides))}
${row('Party to', agreements.length > 0 && links(view, agreements))}
${articlesRow(view, iri)}
</dl>`;
}

function agreementCard(view: GraphView, iri: string): Html {
  const status = iris(view.values(iri, DG.status));
  const parties = iris(view.values(iri, DG.party));
  const areas = iris(view.values(iri, DG.concerns));
  const written = text(view, iri, DG.dateText);
  const acronyms = text(view, iri, DG.acronym);
  const meetings = view.subjectsWith(DG.mentions, iri);
  return html`<dl>
${row('Kind', html`${kindOf(view, iri, DG.Agreement)}`)}
${row('Acronym', acronyms.length > 0 && html`${acronyms.join(', ')}`)}
${row('Status', status.length > 0 && html`<span class="status">${status.map((s) => view.label(s)).join(', ')}</span>`)}
${row('Date as written', written.length > 0 && html`${written.join('; ')}`)}
${row('Parties', parties.length ? links(view, parties) : html`<span class="none">not given</span>`)}
${row('Concerns', areas.length > 0 && links(view, areas))}
${row('Mentioned at', meetingList(view, meetings))}
${articlesRow(view, iri)}
</dl>`;
}

function areaCard(view: GraphView, iri: string): Html {
  const meetings = view.subjectsWith(DG.discusses, iri);
  const agreements = view.subjectsWith(DG.concerns, iri);
  return html`<dl>
${row(`Discussed at (${meetings.length})`, meetingList(view, meetings))}
${row('Agreements', agreements.length > 0 && links(view, agreements))}
</dl>`;
}

function placeCard(view: GraphView, iri: string): Html {
  const country = iris(view.values(iri, DG.country));
  const meetings = view.subjectsWith(DG.location, iri);
  return html`<dl>
${row('Country', country.length > 0 && links(view, country))}
${row(`Meetings held here (${meetings.length})`, meetingList(view, meetings))}
${articlesRow(view, iri)}
</dl>`;
}

/** The summary card of an entity, or nothing for a kind without one (classes, properties, concepts). */
export function summaryCard(view: GraphView, iri: string): Html {
  const kind = view.kind(iri);
  const card =
    kind === 'Meetings' ? meetingCard(view, iri)
    : kind === 'Persons' ? personCard(view, iri)
    : kind === 'Organizations' || kind === 'Countries' ? actorCard(view, iri)
    : kind === 'Agreements' ? agreementCard(view, iri)
    : kind === 'Cooperation areas' ? areaCard(view, iri)
    : kind === 'Places' ? placeCard(view, iri)
    : undefined;
  if (!card) return html``;
  return html`<section class="card" aria-label="Summary"><h2>Summary</h2>${card}</section>`;
}

