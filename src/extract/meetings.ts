/**
 * Meetings: the events an article reports as having taken place. A sentence names an event by a verb
 * ("met with", "co-chaired", "hosted a reception for", "talked over the phone with", "visited",
 * "attended") or by a noun phrase ("the third Vietnam-France defence strategy and cooperation dialogue",
 * "the visit to Vietnam by Prime Minister Edouard Philippe in November 2018"). "The event", "the
 * meeting" and the like refer back to the article's main event. Planned or invited events are skipped;
 * photo captions never create an event.
 */
import type { MeetingKind } from '../vocab.js';
import type { ActorRef, SentenceAnalysis } from './analyze.js';
import { AT_EVENT_CAPTION, INVERTED_SPEECH, PLANNED_AFTER, PLANNED_BEFORE, SPEECH, kindOfNoun, nounMentions, verbEvents, type EventMention } from './event-mentions.js';
import { addEvidence, type DateValue, type Meeting, type Organization, type Person } from './model.js';
import { inYear } from './dates.js';
import { countryOfForm } from './actors.js';
import { ordinalOf, SHIP_PREFIXES, SHIP_PREFIX_COUNTRY } from './lexicon.js';
import { execAll, slug } from './tokens.js';

/** The kinds, most telling first: a teleconference that is also called a meeting is a teleconference. */
const KIND_PRIORITY: MeetingKind[] = ['teleconference', 'call', 'dialogue', 'reception', 'conference', 'talks', 'visit', 'meeting'];

/** Persons and other actors in [from, to) of the sentence, outside names of organizations and agreements. */
function actorsIn(a: SentenceAnalysis, from: number, to: number, kinds: ActorRef['kind'][] = ['person']): ActorRef[] {
  return a.actors.filter((x) => x.start >= from && x.end <= to && kinds.includes(x.kind) && !x.nested);
}

/** The end of the clause that starts at `from`: a semicolon, or ", while/but/which ...". */
function clauseEnd(text: string, from: number): number {
  const rest = text.slice(from);
  // (", Gao said, citing the 37th joint patrol ...": the words of a speaker and what they cite are clauses of their own.)
  const m = /;|, (?:while|but|as|which|thus|who|whose|where|during which|citing|recalling|referring to)\b|\s(?:where|during which)\s|, (?:\p{Lu}[\p{L}-]+ ){1,2}(?:said|added|noted|stressed)\b/u.exec(rest);
  return m ? from + m.index : text.length;
}

function clauseStart(text: string, at: number): number {
  // Within the 600 characters before: a clause is shorter, and a run-on line stays linear.
  const from = Math.max(0, at - 600);
  const before = text.slice(from, at);
  let best = from;
  for (const m of execAll(/;\s|\bthat\s|\bwhen\s|\bwhile\s|\b(?:after|during|before|following) which\s/g, before)) best = from + m.index + m[0].length;
  return best;
}

/** A person named by role ("the Lao officer", "he"), in lowercase: "the General Department" is a body's name. */
const ROLE_SUBJECT = /\b(?:[Hh]e|[Ss]he|[Tt]he [Cc]ommanding [Oo]fficer|[Tt]he \p{Lu}{3,6}(?=\s+(?:was|is|also|has|had|then|later|held|met|called|visited|paid|said|toured|laid|attended)\b)|[Tt]he (?:(?:[a-z-]+|\p{Lu}[\p{Ll}]+(?=\s+\p{L}))\s+){0,3}(?:[Vv]ice-|[Dd]eputy-)?(?:[Oo]fficer|[Mm]inister|[Mm]antri|[Oo]fficial|[Gg]eneral|[Dd]iplomat|[Ll]eader|[Hh]ead|[Ee]nvoy|[Aa]mbassador|[Aa]dmiral|[Ss]ecretary|[Gg]uests?|[Hh]ost|[Vv]isitors?|[Cc]ommander|[Cc]hief|[Dd]elegation))\b(?!\s+(?:Department|Staff|Command|Directorate|Secretariat))/u;
/** Role words that say nothing of a title: "the German guest" is any German. */
const GENERIC_ROLES = new Set(['he', 'she', 'guest', 'guests', 'visitor', 'visitors', 'host', 'officer', 'official', 'leader', 'diplomat', 'envoy', 'delegate', 'delegation']);
/** "The two ministers", "both sides", "they": the persons of the event in scope. */
const GROUP_SUBJECT = /\b(?:the two|both|the) (?:(?:deputy|vice|defen[cs]e|army|navy|naval|military|senior|foreign) ){0,2}(?:ministers|sides|leaders|officials|generals|delegations|chiefs|heads|defence chiefs|defense chiefs|navies|armies|forces|coast guards|border guards|militaries|air forces)\b|^\s*(?:they|the two)\b|\b(?:they|the two) (?:also |then |later )?$/i;
/** Words before an event that frames the one a clause tells: "as part of his official visit to France". */
/** A verb joined to the one before by "and" ("met X and separately met Y"). */
const JOINED_BY_AND = /\band\s+(?:also\s+|then\s+|later\s+|separately\s+|subsequently\s+)?$/;
const FRAME_BEFORE = /\b(?:as (?:a )?part of|on the occasion of|within the framework of|in the framework of|during|on the (?:sidelines?|margins?) of)\s*$/i;
/** "The two ministers last met ...", "had previously met": an earlier meeting. */
/** "Since the two ministers met on the sidelines of ...": a meeting before the one reported. */
const SINCE_LEAD = /\b[Ss]ince\s+(?:[\p{L}'’-]+\s+){1,4}$/u;
/** "Last April, the two sides held their annual talks": a date before the verb that says the event is past. */
const lastDated = (a: SentenceAnalysis, from: number, to: number) => a.dates.some((d) => d.start >= from && d.end <= to && /^last\b/i.test(d.date.text));
const LAST_TIME = /\b(?:last|previously|first|once|earlier)\s+$/i;
/** Words that open a sentence about an event before the one reported: "Earlier, he held talks with ...". */
const EARLIER_LEAD = /^\s*(?:earlier|previously|before that|prior to (?:that|this|the \w+)|before the \w+|the day before|on the same day|the same day|later|afterwards|after that)\b/i;
/**
 * Whether a date of the sentence can date an event: "since 2016" starts a period, and the date of a
 * dateline ("HANOI, May 6, 2025 - ...") is when the article was written.
 */
function datesEvent(text: string, d: { start: number; end: number }): boolean {
  if (/^since\b/i.test(text.slice(d.start))) return false;
  // "the agreement ... signed by Vietnam and Indonesia in 2022": the document's date, not an event's.
  if (/\b(?:signed|concluded|adopted|ratified|inked)(?:\s+by\s+(?:[\p{Lu}][\p{L}.'-]*|and|the)(?:\s+(?:[\p{Lu}][\p{L}.'-]*|and|the)){0,6})?\s+(?:(?:in|on)\s+)?$/u.test(text.slice(Math.max(0, d.start - 80), d.start))) return false;
  return !(/^\s*(?:\p{Lu}[\p{L}.'-]*\s*){1,4},\s*(?:on\s+)?$/u.test(text.slice(0, d.start)) && /^\s*(?:[-–—(:]|\(\w+\))/.test(text.slice(d.end)));
}

/** Whether a date told again agrees with an event's: unknown on either side, the same at the coarser precision, or a day within its range. */
function datesAgree(event: DateValue | undefined, again: DateValue): boolean {
  if (!event?.value || !again.value) return true;
  const n = Math.min(event.value.length, again.value.length);
  if (event.value.slice(0, n) === again.value.slice(0, n)) return true;
  return event.start !== undefined && event.end !== undefined && again.value >= event.start && again.value <= event.end;
}

/** Whether two dates may be one day: they agree, or, unresolved, they are not two different weekdays. */
function sameDay(x: DateValue, y: DateValue): boolean {
  if (x.value && y.value) return datesAgree(x, y);
  const day = (d: DateValue) => /^(?:on |last |this )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i.exec(d.text)?.[1].toLowerCase();
  return !day(x) || !day(y) || day(x) === day(y);
}

/** Bodies whose members meet at a gathering named after them. */
const MULTILATERAL: Array<[RegExp, string]> = [
  [/\bASEAN\b/, 'association-of-southeast-asian-nations'], [/\b(?:EU|European Union)\b/, 'european-union'], [/\b(?:UN|United Nations)\b/, 'united-nations'],
];
/** The name of a gathering of a body: "ASEAN Chiefs of Defence Forces' Meeting", "Shangri-La Dialogue". */
const GATHERING = /\b(?:Meeting|Conference|Summit|Forum|Dialogue|Retreat|Session|Symposium|Congress|Expo|Exhibition)\b[^]{0,20}$/;
/** A gathering's name without its edition, case and punctuation: "12th ASEAN Defence Ministers' Meeting-Plus" ~ "ASEAN Defence Ministers Meeting Plus". */
const gatheringName = (x: string) => x.replace(/^(?:\d+(?:st|nd|rd|th)|(?:19|20)\d{2})\s+/, '').toLowerCase().replace(/[^\p{L}\d]+/gu, '');
/** Words for a ship, and for where ships call. */
const SHIP = new RegExp(`\\b(?:[Ss]hips?|[Vv]essels?|[Ff]rigates?|[Cc]orvettes?|[Dd]estroyers?|[Ss]ubmarines?|[Cc]ruisers?|[Bb]oats?|[Cc]utters?|[Ff]lotilla|[Ff]leet|[Ss]quadron|[Tt]ask (?:[Gg]roup|[Ff]orce)|${SHIP_PREFIXES.join('|')})\\b`);
/** A ship named with its navy's prefix at the start of a clause: "INS X undertook ...", "..., HMAS Y ...". */
/** The name of a navy, or of a force that sends ships. */
/**
 * The year written in the name of an event a sentence tells: "the Army-to-Army Staff Talks 2025", "the forum
 * "Army-2023"", "the 2020 ADMM Retreat", "MILEX-2025". Not a year naming a plan, a vision or a chairmanship
 * ("the ASEAN Year 2020", "Vision 2030", "the cooperation plan for 2026").
 */
const EVENT_NAME_NOUNS = '(?:Talks|Dialogue|Consultations?|Meeting|Conference|Summit|Forum|Retreat|Symposium|Seminar|Workshop|Exercise|Drills?|Exhibition|Expo|Show|Games|Competition|Exchange|Patrol)';
const NAME_YEAR_AFTER = new RegExp(`\\b${EVENT_NAME_NOUNS}\\s+((?:19|20)\\d{2})\\b(?![-–/]\\d)`, 'u');
const NAME_YEAR_HYPHEN = /(?<![\p{L}-])(?!(?:Vision|Agenda|Strategy|Plan|Chair|Year)-)\p{Lu}[\p{L}]{2,}-((?:19|20)\d{2})\b(?![-–/]\d)/u;
const NAME_YEAR_BEFORE = new RegExp(`\\b[Tt]he ((?:19|20)\\d{2}) (?:\\p{Lu}[\\p{L}'’-]*\\s+|\\([^)]{1,12}\\)\\s+|of\\s+|and\\s+){0,8}?${EVENT_NAME_NOUNS}\\b`, 'u');
function yearOfReportedName(a: SentenceAnalysis | undefined): string | undefined {
  if (!a) return undefined;
  for (const re of [NAME_YEAR_AFTER, NAME_YEAR_HYPHEN, NAME_YEAR_BEFORE]) {
    const m = re.exec(a.text);
    if (m) return m[1];
  }
  return undefined;
}

const NAVY = /\b(?:Navy|Naval Forces?|Maritime Self-Defen[cs]e Force|Coast Guard)\b/;
const SHIP_PREFIX_IN = new RegExp(`\\b(${SHIP_PREFIXES.join('|')})\\s+\\p{Lu}`, 'u');
/** "a Vietnamese frigate", "the Indian naval ship": the demonym of a ship's country. */
const SHIP_DEMONYM = /\b(\p{Lu}\p{L}+)\s+(?:naval\s+|navy\s+|training\s+|patrol\s+|coast guard\s+)?(?:ship|vessel|frigate|warship|corvette|destroyer|cutter)s?\b/u;
const SHIP_PREFIX_AT = new RegExp(`^(?:the\\s+)?(?:[\\p{L}-]+\\s+){0,3}?(${SHIP_PREFIXES.join('|')})\\s+\\p{Lu}`, 'u');
/** "JS Izumo in 2019": a ship named with its prefix, and the year it called. */
const SHIP_IN_YEAR = new RegExp(`\\b(${SHIP_PREFIXES.join('|')})\\s+((?:\\p{Lu}[\\p{L}-]*\\s+){1,3})in\\s+((?:19|20)\\d{2})\\b`, 'gu');
const SHIP_NAMED = new RegExp(`^\\s*(?:[^,]*,\\s*)?(?:${SHIP_PREFIXES.join('|')})\\s+\\p{Lu}`, 'u');
const PORT = /^[^.;]{0,80}\b(?:[Pp]ort|[Hh]arbou?r|[Nn]aval [Bb]ase|[Bb]ase|[Bb]ay|[Pp]ier|[Ww]harf)\b/;
/** Modifiers that make an event noun a different event: "a separate meeting", "the recent phone talks". */
const OTHER_EVENT = /\b(?:last|previous|earlier|former|past|recent|separate|another|other)\b/i;

export interface MeetingContext {
  analyses: SentenceAnalysis[];
  persons: Map<string, Person>;
  organizations: Map<string, Organization>;
  /** Record each event's trace (see Meeting.trace); off by default, as builds do not need it. */
  trace?: boolean;
  /** The day the article was written (its date line, else the `.source` date), if known: YYYY-MM-DD. */
  written?: string;
}

/** "the ninth Vietnam-China Border Defence Friendship Exchange": an exchange named and counted, an event of several activities. */
const namedExchange = (m: Meeting) => m.ordinal !== undefined && /\bExchange\b/.test(m.label);

/** The meetings of an article, with participants, chairs, hosts, dates, places, areas and agreements. */
export function extractMeetings(ctx: MeetingContext): Meeting[] {
  const meetings: Meeting[] = [];
  const kindHints = new Map<Meeting, Set<MeetingKind>>();
  let main: Meeting | undefined;
  let lastVisit: Meeting | undefined;
  let lastSubject: string | undefined;

  const create = (kind: MeetingKind, si: number, label: string): Meeting => {
    const m: Meeting = {
      id: meetings.length + 1, kind, label, participants: new Map(), involves: new Map(), chairs: new Map(), hosts: new Map(), areas: new Map(), agreements: new Map(), evidence: [si], trace: [],
    };
    meetings.push(m);
    if (tracing) note(m, si, `new ${kind} event${label ? ` "${label}"` : ''}`);
    kindHints.set(m, new Set([kind]));
    return m;
  };
  /** The rule being applied, for the trace of each event. */
  let rule = '';
  const tracing = ctx.trace === true;
  const note = (m: Meeting, si: number, did: string) => {
    if (tracing && !m.trace.some((t) => t.sentence === si && t.rule === rule && t.did === did)) m.trace.push({ sentence: si, rule, did });
  };
  /** Adds a participant, chair or host, noting the rule that did. */
  const addRole = (m: Meeting, role: 'participants' | 'chairs' | 'hosts', key: string, ...sis: number[]) => {
    if (tracing && !m[role].has(key)) note(m, sis[0], `${role === 'participants' ? 'participant' : role === 'chairs' ? 'chair' : 'host'} ${key}`);
    addEvidence(m[role], key, ...sis);
  };
  const hint = (m: Meeting, kind: MeetingKind, si: number) => {
    if (tracing && !kindHints.get(m)!.has(kind)) note(m, si, `type hint: ${kind}`);
    kindHints.get(m)!.add(kind);
    if (!m.evidence.includes(si)) m.evidence.push(si);
  };
  const participate = (m: Meeting, refs: ActorRef[], si: number) => {
    for (const r of refs) addRole(m, 'participants', r.key, si);
  };
  /** The article is about a phone call: its headline or a sentence says so. */
  // ("Readout of the Minister's call with his Vietnamese counterpart": a headline of a call, not a courtesy or port call.)
  const phoneArticle = ctx.analyses.some((a) => (/\b(?:(?:tele)?phone (?:call|talks|conversation)|phone|telephone)\b/i.test(a.text) && (a.sentence.role === 'headline' || /\b(?:the|a) (?:phone |telephone )?call\b/i.test(a.text))) ||
    (a.sentence.role === 'headline' && /(?<!\b(?:courtesy|port|farewell|introductory|protocol|video)\s)\bcall (?:with|between)\b/i.test(a.text)));
  /** Events made from a photo caption ("X and Y at the dialogue"): the body names them properly later. */
  const fromCaption = new Set<Meeting>();
  const anchored = (m: Meeting) => m.label !== '' || m.ordinal !== undefined || m.date !== undefined ||
    (!fromCaption.has(m) && [...m.participants.keys()].some((k) => ctx.persons.has(k)));
  /** The navy (or coast guard) of a country that the article names, else the country if it names that. */
  const navyOf = (country: string | undefined): { key: string; kind: 'organization' | 'country' } | undefined => {
    if (!country) return undefined;
    const c = slug(country);
    // (Its country is the body's, or a word of its name: "Royal Brunei Navy".)
    const of = (o: Organization) => o.countryKey === c || o.name.split(/\s+/).some((w) => { const f = countryOfForm(w); return f !== undefined && slug(f) === c; });
    const navy = [...ctx.organizations.entries()].find(([, o]) => of(o) && NAVY.test(o.name));
    if (navy) return { key: navy[0], kind: 'organization' };
    return ctx.analyses.some((x) => x.actors.some((y) => y.kind === 'country' && y.key === c)) ? { key: c, kind: 'country' } : undefined;
  };
  /**
   * The navy of the ships a span of a sentence names: a navy named in it ("a ship of the X Navy", "a Vietnam People's Navy
   * frigate"), a ship's prefix ("INS X", "VPNS Y") or a demonym ("a Vietnamese frigate"). A subject that says none of
   * these ("the ship", "she", "the Prairial") is the ship of the port call reported, or of the one foreign navy named.
   */
  const shipNavy = (a: SentenceAnalysis, from: number, to: number, subject: boolean): { key: string; kind: 'organization' | 'country' } | undefined => {
    const span = a.text.slice(from, to);
    const named = a.actors.find((x) => x.kind === 'organization' && x.start >= from && x.end <= to && NAVY.test(ctx.organizations.get(x.key)?.name ?? ''));
    if (named) return { key: named.key, kind: 'organization' };
    const prefix = SHIP_PREFIX_IN.exec(span);
    if (prefix) return navyOf(SHIP_PREFIX_COUNTRY[prefix[1]]);
    const demonym = SHIP_DEMONYM.exec(span);
    const country = demonym ? countryOfForm(demonym[1]) : undefined;
    if (country) return navyOf(country);
    if (!subject || a.actors.some((x) => x.start >= from && x.end <= to && !(x.kind === 'country' && SHIP.test(span)))) return undefined;
    const navies = (m: Meeting | undefined) => [...(m?.participants.keys() ?? [])].filter((k) => NAVY.test(ctx.organizations.get(k)?.name ?? ''));
    const foreign = [...ctx.organizations.entries()].filter(([, o]) => o.countryKey !== undefined && o.countryKey !== 'vietnam' && NAVY.test(o.name)).map(([k]) => k);
    const own = main?.kind === 'visit' && navies(main).length === 1 ? navies(main) : foreign.length === 1 ? foreign : [];
    return own.length === 1 ? { key: own[0], kind: 'organization' } : undefined;
  };
  /** The countries of a visit's visitors (persons' nationalities, bodies' countries, countries). */
  const sideOf = (k: string): string | undefined => ctx.persons.get(k)?.nationality?.key ?? ctx.organizations.get(k)?.countryKey ?? (ctx.persons.has(k) || ctx.organizations.has(k) ? undefined : k);
  /** Whether a person is of the visitors' side of a visit (or nothing says otherwise). */
  const ofVisitors = (visit: Meeting, person: string): boolean => {
    const sides = new Set([...visit.participants.keys()].map(sideOf).filter((c): c is string => c !== undefined));
    const own = sideOf(person);
    return !own || !sides.size || sides.has(own);
  };
  /** The ", who ... ," spans of each sentence, found once. */
  const relativeSpans = new Map<SentenceAnalysis, number[][]>();
  const setDate = (m: Meeting, a: SentenceAnalysis, from: number, to: number, near: number) => {
    if (m.date) return;
    // "Giang, who arrived in India on June 6, also met ...": a date in a relative clause dates what the clause tells.
    let relatives = relativeSpans.get(a);
    if (!relatives) relativeSpans.set(a, (relatives = execAll(/,\s*(?:who|which)\s[^,;]*,/g, a.text).map((r) => [r.index, r.index + r[0].length])));
    const ds = a.dates.filter((d) => d.start >= from && d.end <= to && datesEvent(a.text, d) &&
      !relatives.some(([s, e]) => d.start >= s && d.end <= e && !(near >= s && near <= e)));
    if (!ds.length) return;
    let d = ds.sort((x, y) => Math.abs(x.start - near) - Math.abs(y.start - near))[0];
    // "on Friday, July 11, 2025": the day written in full right after the weekday.
    const full = !d.date.value || d.date.value.length < 10 ? ds.find((x) => x !== d && x.start >= d.end && x.start - d.end <= 3 && x.date.value) : undefined;
    if (full) d = full;
    m.date = { ...d.date };
    m.dateEvidence = [a.sentence.index];
    if (tracing) note(m, a.sentence.index, `date "${d.date.text}"${d.date.value ? ` = ${d.date.value}` : ''}`);
  };
  /** "the situation in Myanmar", "peace in the region": a place talked about, not where the event was. */
  const TOPIC_IN = /\b(?:situation|situations|developments?|tensions?|crisis|conflicts?|war|peace|stability|instability|violence|fighting|elections?|operations?|missions?)\s+in\s+(?:the\s+)?$/;
  const setPlace = (m: Meeting, a: SentenceAnalysis, from: number, to: number) => {
    if (m.location) return;
    for (const p of a.places) {
      // "in Hanoi", "docked at Manila's port", "in the southern province of Tay Ninh".
      if (TOPIC_IN.test(a.text.slice(Math.max(0, p.start - 40), p.start))) continue;
      if (p.start >= from && p.end <= to && (/\b(?:[Ii]n|at|At)\s*$/.test(a.text.slice(Math.max(0, p.start - 6), p.start)) ||
        /\bin (?:the )?(?:[a-z-]+ )?(?:province|city|town|district|region) of\s*$/.test(a.text.slice(Math.max(0, p.start - 50), p.start)))) {
        m.location = { key: `place:${p.key}`, evidence: [a.sentence.index] };
        return;
      }
    }
    // "held in France", "in Vietnam for": a country as the place.
    for (const c of a.actors) {
      if (c.kind === 'country' && !c.nested && c.start >= from && c.end <= to && /\b[Ii]n\s+$/.test(a.text.slice(Math.max(0, c.start - 4), c.start)) &&
        !TOPIC_IN.test(a.text.slice(Math.max(0, c.start - 40), c.start))) {
        m.location = { key: `country:${c.key}`, evidence: [a.sentence.index] };
        return;
      }
    }
  };

  /** Persons in the order the article last mentioned them (the most recent last). */
  const seen: string[] = [];
  /**
   * "The two ministers": the persons of the event in scope, or (when it has fewer than two, as a visit told in passing
   * by its bodies) of the last event told with two persons or more, or of the main event.
   */
  const twoPersons = (told: Meeting | undefined, at: number): ActorRef[] => {
    const inScope = personRefs(told, at);
    if (inScope.length >= 2) return inScope;
    const last = [...meetings].reverse().find((m) => !background.has(m) && personRefs(m, at).length >= 2);
    return last ? personRefs(last, at) : inScope;
  };
  const personRefs = (m: Meeting | undefined, at: number): ActorRef[] =>
    m ? [...m.participants.keys()].filter((k) => ctx.persons.has(k)).map((key) => ({ key, kind: 'person' as const, start: at, end: at, nested: false })) : [];
  /**
   * The person a role reference means: "the guest" and "the visitor" are the main event's non-host
   * participant, "the host" its host; "the Vietnamese defence minister", "the Lao officer", "the
   * ambassador" the most recently mentioned person whose nationality and titles fit the words.
   */
  const resolveRole = (phrase: string): string | undefined => {
    // "the COAS": the person whose office the article wrote with that acronym ("Chief of the Army Staff (COAS)").
    const acronym = /^[Tt]he (\p{Lu}{3,6})$/u.exec(phrase.trim())?.[1];
    if (acronym) {
      const holders = [...ctx.persons.values()].filter((p) => [...p.positions.keys()].some((t) => t.includes(`(${acronym})`)));
      return holders.length === 1 ? holders[0].key : undefined;
    }
    const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
    const persons = (m: Meeting | undefined) => (m ? [...m.participants.keys()].filter((k) => ctx.persons.has(k)) : []);
    if (/\b(?:guests?|visitors?|visiting|delegation)\b/.test(phrase.toLowerCase()) && main) {
      const guests = persons(main).filter((k) => !main!.hosts.has(k));
      if (guests.length === 1) return guests[0];
    }
    if (/\bhost\b/i.test(phrase) && main && main.hosts.size === 1) return [...main.hosts.keys()][0];
    const demonym = phrase.split(/\s+/).map((w) => countryOfForm(w.replace(/['’]s$/, ''))).find(Boolean);
    const role = words[words.length - 1];
    for (let i = seen.length - 1; i >= 0; i--) {
      const p = ctx.persons.get(seen[i]);
      if (!p) continue;
      if (demonym && p.nationality?.key !== slug(demonym)) continue;
      const titles = [...p.ranks.keys(), ...p.positions.keys()].join(' ').toLowerCase().replace(/defense/g, 'defence').replace(/\bnaval\b/g, 'navy');
      // "the deputy defence minister": every word of the role is in the person's titles.
      const roleWords = words.filter((w) => !countryOfForm(w.replace(/['\u2019]s$/, '').replace(/^./, (c) => c.toUpperCase())) && !['the', 'his', 'her', 'their'].includes(w))
        .map((w) => w.replace(/defense/, 'defence').replace(/^naval$/, 'navy').replace(/s$/, ''));
      if (role && !GENERIC_ROLES.has(role) && titles && !roleWords.every((w) => titles.includes(w))) continue;
      return p.key;
    }
    // "the Vietnamese minister" when the only Vietnamese named ("his Vietnamese counterpart General X") has no such title.
    if (demonym) {
      const of = [...new Set(seen)].filter((k) => ctx.persons.get(k)?.nationality?.key === slug(demonym));
      if (of.length === 1) return of[0];
    }
    return undefined;
  };
  /**
   * The event already told in which all these persons (two at least) took part, the last one told, of a
   * kind that fits ("meeting" fits any): a later sentence about the same persons meeting refers back to it.
   */
  const toldWith = (people: string[], kind: MeetingKind): Meeting | undefined => {
    if (new Set(people).size < 2) return undefined;
    return [...meetings].reverse().find((m) => !gatherings.has(m) && people.every((k) => inIt(m, k)) && (kind === 'meeting' || kindHints.get(m)!.has(kind)));
  };
  // (One met "with his counterparts from Japan, Germany and Norway" is in the meeting with that country, where no one else of it is.)
  const inIt = (m: Meeting, k: string) => {
    if (m.participants.has(k)) return true;
    const c = ctx.persons.get(k)?.nationality?.key;
    return c !== undefined && counterpartMeetings.has(m) && m.participants.has(c) && ![...m.participants.keys()].some((x) => ctx.persons.get(x)?.nationality?.key === c);
  };
  /** Meetings with a country's counterpart, told before the counterpart is named ("met his counterparts from A, B and C"). */
  const counterpartMeetings = new Set<Meeting>();
  /** Cooperation areas of sentences before any event was found: the main event's, at the end. */
  const orphanAreas: Array<[string, number]> = [];
  let pending: string[] = [];
  /** The other events of "met A, B and C" (one each), by the first: what frames the first frames them. */
  const siblings = new Map<Meeting, Meeting[]>();
  /** Events told in passing with a year before the article's ("his first trip to Vietnam in 2019"). */
  const dated = new Set<Meeting>();
  /** Events told as background, before the one reported; and gatherings on whose sidelines the reported ones took place. */
  const background = new Set<Meeting>();
  const gatherings = new Set<Meeting>();
  /** Events told as a welcome ceremony ("hosted an official welcome ceremony for ..."). */
  const welcomes = new Set<Meeting>();
  /** The event the article is telling about at this point: the one the last sentence with an event was about. */
  let focus: Meeting | undefined;

  for (const a of ctx.analyses) {
    const si = a.sentence.index;
    const text = a.text;
    if (a.sentence.role === 'headline') continue;
    /** Events told first in this sentence are meetings[createdBefore ..]. */
    const createdBefore = meetings.length;
    const focusBefore = focus;
    // The persons of the sentence before count as seen; this sentence's count from the next one on.
    for (const key of pending) {
      const at = seen.indexOf(key);
      if (at >= 0) seen.splice(at, 1);
      seen.push(key);
    }
    pending = a.actors.filter((x) => x.kind === 'person').map((x) => x.key);
    const orgSpans = a.actors.filter((x) => x.kind === 'organization');
    const nouns = nounMentions(text, orgSpans);
    if (a.sentence.role === 'caption') {
      if (tracing) rule = 'caption: "at the <event>" names who took part';
      // Captions never create events, but "X at the meeting" shows who took part.
      // ("at the dialogue" after a reception and a dialogue were told: the dialogue, not the main event.)
      const toldOfKind = (kind: MeetingKind) => (kind === 'meeting' ? undefined : [...meetings].reverse().find((m) => m !== main && m.kind === kind));
      const at = AT_EVENT_CAPTION.exec(text);
      if (at) {
        const kind = kindOfNoun(at[0].replace(/^at the /i, ''));
        if (!main) fromCaption.add(main = create(kind, si, ''));
        participate(toldOfKind(kind) ?? main, a.actors.filter((x) => !x.nested), si);
      }
      if (!main) {
        const n = nouns.find((x) => x.anaphoric && x.kind !== 'meeting');
        if (n) main = create(n.kind, si, '');
      }
      if (main) for (const n of nouns) if (n.anaphoric && !toldOfKind(n.kind)) hint(main, n.kind, si);
      continue;
    }

    let scope: Meeting | undefined;
    /** The visit the sentence says it reports from: "During his visit to Vietnam, ...". */
    let framed: Meeting | undefined;
    const handled = new Set<EventMention>();

    // 0. "During his visit to Vietnam, Maire ...": the visit that frames what the sentence reports.
    for (const n of nouns) {
      if (tracing) rule = `frame: "during ${n.det} ${n.phrase}"`;
      if (n.kind !== 'visit' || !/\bduring\s*$/i.test(n.lead) || !['his', 'her', 'their'].includes(n.det)) continue;
      // (The visitor named after the phrase that opens the sentence; else the one named before it: "Khoa thanked the
      // Lao side for its coordination during his visit to Laos last August".)
      const before = /^\W*(?:\p{Lu}\p{L}*\s+){0,3}during\s*$/iu.test(n.lead) ? undefined : actorsIn(a, 0, n.start).slice(-1)[0];
      const visitor = before ?? a.actors.find((x) => x.kind === 'person' && x.start > n.end);
      const dest = /^\s*to (?:the )?(\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)*)/u.exec(n.after)?.[1];
      const known = [...meetings].reverse().find((m) => m.kind === 'visit' && (!visitor || m.participants.has(visitor.key)) && (!dest || m.label.includes(dest)));
      const v = known ?? create('visit', si, dest ? `visit to ${dest}` : 'visit');
      framed = v;
      if (visitor) participate(v, [visitor], si);
      if (dest && !v.location) {
        const c = a.actors.find((x) => x.kind === 'country' && x.start > n.end && x.start - n.end <= 8);
        if (c) v.location = { key: `country:${c.key}`, evidence: [si] };
      }
      if (!v.evidence.includes(si)) v.evidence.push(si);
      lastVisit = v;
      handled.add(n);
    }

    // 0b. A gathering of a body told as the event itself: "led a delegation to the 18th ASEAN Defence Ministers' Meeting
    // (ADMM) in Vientiane on November 20", "The 15th ASEAN Navy Chiefs' Meeting was held via videoconference".
    /** Verbs this step has read (", which he co-chaired yesterday with X"): the verb step leaves them. */
    const verbsRead = new Set<number>();
    for (const o of a.actors) {
      if (o.kind !== 'organization' || o.nested) continue;
      const org = ctx.organizations.get(o.key);
      // ("the 12th Malaysia-Vietnam Defence Cooperation Committee (MVDCC) meeting": a body's meeting named after it.)
      const bodyMeeting = /^(\s*\([^)]*\))?\s+(meeting|session|conference|consultation)\b/.exec(text.slice(o.end, o.end + 40));
      if (!org || !(GATHERING.test(org.name) || GATHERING.test(text.slice(o.start, o.end)) || bodyMeeting)) continue;
      const oEnd = bodyMeeting ? o.end + bodyMeeting[0].length : o.end;
      const before = text.slice(Math.max(0, o.start - 60), o.start);
      const after = text.slice(oEnd, oEnd + 80);
      // ", which he co-chaired yesterday with X": the text says it took place, whatever came before.
      const which = /^\s*,\s*which\s+(he|she|they|\p{Lu}[\p{L}-]*)\s+(?:also\s+)?((?:co-)?chaired|attended|opened|held)\b/u.exec(after);
      const ord = /\b(\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\s+$/i.exec(before);
      const held = /^\s*(?:\([^)]*\)\s*)?(?:(?:was|were|is) (?:held|convened|opened|organi[sz]ed|hosted)|took place|kicked off|opened)\b/.test(after);
      const ledTo = /\bdelegations? to (?:the )?(?:\d{1,2}(?:st|nd|rd|th)\s+)?$/i.test(before);
      // (Attending one is read with the verb; its sidelines, a future one or a mechanism are not this event.)
      if (!(ord || held || ledTo || which) || (!which && /\battend\w*\s+(?:the\s+)?(?:\S+\s+)?$|\b(?:sidelines?|margins?|framework|mechanism) of (?:the )?(?:\S+\s+)?$/i.test(before)) ||
        // ("the 19th ADMM and the ADMM-Plus would be held in Kuala Lumpur": past a second name, the verb is still theirs.)
        (!which && (PLANNED_BEFORE.test(before) || PLANNED_AFTER.test(after) || PLANNED_AFTER.test(after.replace(/^\s*and (?:the )?(?:\p{Lu}[\p{L}-]*\s*)+/u, ' ')))) ||
        // ("The ADMM Retreat ... is the first ADMM meeting under ...": what an event told already is, no other.)
        (!which && /(?:^|,)\s*(?:is|was)\s+the\s+(?:\S+\s+)?$/.test(before) && nouns.some((m) => m.end <= o.start && m.start < 25))) continue;
      if (tracing) rule = 'gathering: a numbered or held meeting of a body is an event';
      const label = `${ord ? `${ord[1]} ` : ''}${text.slice(o.start, o.end).replace(/\s*\([^)]*\)$/, '')}${bodyMeeting ? ` ${bodyMeeting[2]}` : ''}`;
      const n = ord ? ordinalOf(ord[1]) : undefined;
      const target = meetings.find((m) => m.label === label || (n !== undefined && m.ordinal === n && m.label.endsWith(text.slice(o.start, o.end)))) ?? create('conference', si, label);
      if (n !== undefined) target.ordinal ??= n;
      const cEnd = clauseEnd(text, o.end);
      if (/\b(?:via video|by video|online|virtually|teleconference)/i.test(text.slice(o.end, cEnd + 20))) hint(target, 'teleconference', si);
      if (!target.evidence.includes(si)) target.evidence.push(si);
      if (ledTo) {
        const cs = clauseStart(text, o.start);
        participate(target, a.actors.filter((x) => x.kind === 'person' && !x.nested && x.start >= cs && x.end <= o.start).slice(0, 1), si);
        const dem = /\b(\p{Lu}[\p{L}]+) delegations? to (?:the )?(?:\S+\s+)?$/u.exec(before)?.[1];
        const c = dem ? countryOfForm(dem) : undefined;
        if (c) addRole(target, 'participants', slug(c), si);
      }
      // "Earlier on November 13, General X joined his counterparts at the 21st ADMM": who joined it, and when.
      const cs = clauseStart(text, o.start);
      const joined = /\b(?:joined|attended|participated|took part)\b/.test(text.slice(cs, o.start));
      if (joined) participate(target, a.actors.filter((x) => x.kind === 'person' && !x.nested && x.start >= cs && x.end <= o.start).slice(0, 1), si);
      // "... was held in Manila with the attendance of Major General X": who attended it.
      const attendance = /\bwith the (?:attendance|participation|presence) of\b/.exec(text.slice(oEnd, cEnd));
      if (attendance) {
        const from = oEnd + attendance.index + attendance[0].length;
        // (The persons, and the bodies or countries only where no person is named: "Director of the Operations Department".)
        const named = a.actors.filter((x) => !x.nested && x.start >= from && x.end <= cEnd);
        participate(target, named.some((x) => x.kind === 'person') ? named.filter((x) => x.kind === 'person') : named, si);
      }
      if (which) {
        // "which he co-chaired ... with X": he (the sentence's subject, or the name) and X.
        const wStart = oEnd + which.index;
        const wEnd = clauseEnd(text, wStart + which[0].length);
        const he = /^\p{Lu}/u.test(which[1]) ? a.actors.find((x) => x.kind === 'person' && x.start >= wStart && x.start < wStart + which[0].length) : a.actors.find((x) => x.kind === 'person' && !x.nested && x.end <= o.start);
        const withAt = /\bwith\s/.exec(text.slice(wStart, wEnd));
        const others = withAt ? a.actors.filter((x) => x.kind === 'person' && !x.nested && x.start >= wStart + withAt.index && x.end <= wEnd) : [];
        for (const p of [...(he ? [he] : []), ...others]) {
          addRole(target, 'participants', p.key, si);
          if (/chaired/.test(which[2])) addRole(target, 'chairs', p.key, si);
        }
        for (const v of verbEvents(text)) if (v.start >= wStart && v.start <= wStart + which[0].length) verbsRead.add(v.start);
        setDate(target, a, wStart, wEnd, wStart);
      }
      setDate(target, a, joined ? cs : o.end, cEnd, o.end);
      setPlace(target, a, o.end, cEnd);
      // "..., which took place in Kuala Lumpur on November 1, 2025": where and when the gathering was.
      const tookPlace = /^\s*(?:\([^)]*\)\s*)?,\s*which (?:took place|was held|opened|was convened|kicked off)\b/.exec(text.slice(o.end));
      if (tookPlace) {
        const tEnd = clauseEnd(text, o.end + tookPlace[0].length);
        setDate(target, a, o.end + tookPlace[0].length, tEnd, o.end + tookPlace[0].length);
        setPlace(target, a, o.end + tookPlace[0].length, tEnd);
      }
      main ??= target;
      scope ??= target;
    }

    // 0c. "X led a delegation to the Czech Republic, Slovakia and Hungary from June 9 to 16": X's visit there.
    const ledTo = !/delegation/.test(text) ? null : /\b(?:led|leads|leading|headed|heads|heading)\s+(?:an?|the|his|her)\s+(?:[\p{L}-]+\s+){0,4}?delegation\s+to\s+(?:the\s+)?(?=\p{Lu})/u.exec(text);
    const ledCountry = ledTo ? a.actors.find((x) => x.kind === 'country' && !x.nested && x.start === ledTo.index + ledTo[0].length) : undefined;
    if (ledTo && ledCountry && !PLANNED_BEFORE.test(text.slice(0, ledTo.index))) {
      if (tracing) rule = `visit: "${ledTo[0]}${text.slice(ledCountry.start, ledCountry.end)}"`;
      const leader = a.actors.filter((x) => x.kind === 'person' && !x.nested && x.start >= clauseStart(text, ledTo.index) && x.end <= ledTo.index).slice(0, 1);
      const v = [...meetings].reverse().find((m) => m.kind === 'visit' && m.location?.key === `country:${ledCountry.key}` && (!leader.length || m.participants.has(leader[0].key))) ??
        create('visit', si, `visit to ${text.slice(ledCountry.start, ledCountry.end)}`);
      v.location ??= { key: `country:${ledCountry.key}`, evidence: [si] };
      participate(v, leader, si);
      setDate(v, a, ledCountry.end, clauseEnd(text, ledCountry.end), ledCountry.end);
      if (!v.evidence.includes(si)) v.evidence.push(si);
      main ??= v;
      lastVisit = v;
      scope ??= v;
      for (const n of nouns) if (n.start >= ledTo.index && n.start <= ledCountry.end + 80) handled.add(n);
    }

    // "During the exchange, ...": the event told, which frames what the sentence reports.
    const duringNoun = nouns.find((n) => n.anaphoric && n.start < 40 && /^\s*(?:during|in the course of)\s*$/i.test(n.lead));
    const duringTold = duringNoun && (focus ?? main) && kindHints.get((focus ?? main)!)!.has(duringNoun.kind) ? (focus ?? main) : undefined;
    // "the ninth Border Defence Friendship Exchange": a named exchange holds the talks told in it as events of their own.
    const exchangeTold = !duringTold && main && namedExchange(main) ? main : undefined;
    // 1. Events named by a verb.
    const claimed: Array<[number, number]> = [];
    /** The subject of the last verb of the sentence, for a verb joined to it by "and". */
    let verbSubjects: ActorRef[] | undefined;
    const verbs = verbEvents(text);
    for (const v of verbs) {
      if (verbsRead.has(v.start)) continue;
      if (tracing) rule = `verb ${v.role}: "${text.slice(v.start, v.end)}"`;
      const cStart = clauseStart(text, v.start);
      const cEnd = clauseEnd(text, v.end);
      let subjects = actorsIn(a, cStart, v.start);
      // "The delegation met with X and visited Y": a verb joined by "and" shares the subject of the verb before.
      if (verbSubjects && JOINED_BY_AND.test(text.slice(Math.max(0, v.start - 20), v.start))) subjects = verbSubjects;
      const subjectText = text.slice(cStart, v.start);
      const group = subjects.length ? null : GROUP_SUBJECT.exec(subjectText);
      if (group) {
        // "The two ministers": the persons of the event in scope; "the two sides", "the two navies": all its parties.
        // ("Following the dialogue, the two officials ...": the event the opening phrase names, the last of its kind reported.)
        const opening = nouns.find((n) => n.anaphoric && n.start < 40 && n.end <= v.start && /^\s*(?:following|after|at the end of|at|during)\s*$/i.test(n.lead));
        const openingTold = opening ? [...meetings].reverse().find((m) => !background.has(m) && !gatherings.has(m) && kindHints.get(m)!.has(opening.kind)) : undefined;
        const inScope = scope ?? openingTold ?? focus ?? main;
        const all = (m: Meeting) => [...m.participants.keys()].map((key) => ({ key, kind: (ctx.persons.has(key) ? 'person' : 'organization') as ActorRef['kind'], start: cStart, end: cStart, nested: false }));
        // "The two navies": the bodies among the parties of the event in scope, or of the main event.
        const bodies = (m: Meeting | undefined) => (m ? all(m).filter((x) => /\b(?:Navy|Army|Forces?|Guard|Corps|Fleet|Command|Region)\b/.test(ctx.organizations.get(x.key)?.name ?? '')) : []);
        // "The two coast guards": the two bodies of that kind the article has named so far, when it has named two.
        const head = /\b(coast guard|border guard|nav|arm|air force)(?:ies|y|s)\b/i.exec(group[0])?.[1];
        const named = head ? [...ctx.organizations.values()].filter((o) => new RegExp(`\\b${head.replace(/^nav$/i, 'Navy').replace(/^arm$/i, 'Army')}`, 'i').test(o.name) && Math.min(...o.evidence) <= si) : [];
        if (named.length === 2) subjects = named.map((o) => ({ key: o.key, kind: 'organization' as const, start: cStart, end: cStart, nested: false }));
        else subjects = /\b(?:navies|forces|armies|guards|militaries)\b/i.test(group[0]) && (bodies(inScope).length || bodies(main).length)
          ? (bodies(inScope).length ? bodies(inScope) : bodies(main))
          : /\b(?:sides|delegations|navies|forces|countries|armies)\b/i.test(group[0]) && inScope ? all(inScope)
          : /\b(?:ministers|leaders|officials|generals|chiefs|heads)\b/i.test(group[0]) ? twoPersons(inScope, cStart) : personRefs(inScope, cStart);
      }
      const role = subjects.length ? null : ROLE_SUBJECT.exec(subjectText);
      if (role) {
        // ("the delegation" is its head, never merely the last speaker.)
        // (Never someone of another country than the role says: "the Vietnamese minister" is not the Indian host.)
        const demonymOf = role[0].split(/\s+/).map((w) => countryOfForm(w.replace(/['’]s$/, ''))).find(Boolean);
        // (Nor the last speaker whose titles say otherwise: "the commander" is not Colonel X, a speaker of no command.)
        const roleWord = role[0].toLowerCase().split(/\s+/).pop()!;
        const last = lastSubject ? ctx.persons.get(lastSubject) : undefined;
        const titled = last ? [...last.ranks.keys(), ...last.positions.keys()].join(' ').toLowerCase() : '';
        const fallback = lastSubject && (!demonymOf || last?.nationality?.key === slug(demonymOf)) &&
          (GENERIC_ROLES.has(roleWord) || !titled || titled.includes(roleWord)) ? lastSubject : undefined;
        // (An acronym, "the COAS", is its holder or no one: never the last speaker.)
        const key = resolveRole(role[0]) ?? (/delegation/i.test(role[0]) || /^[Tt]he \p{Lu}{3,6}$/u.test(role[0]) ? undefined : fallback);
        if (key) subjects = [{ key, kind: 'person', start: cStart, end: cStart, nested: false }];
        // ("the Serbian Minister of Defence had visited Vietnam in 2019": no person named, the country the role is of.)
        else if (demonymOf && v.role === 'visit' && /^[Tt]he\b/.test(role[0])) subjects = [{ key: slug(demonymOf), kind: 'country', start: cStart, end: cStart, nested: false }];
      }
      // (Not the one who tells of it: "..., Navy spokesperson Commander X said.")
      // (Nor those of the next verb joined by "and": "paid a courtesy call on the minister and held talks with X".)
      const nextVerb = verbs.find((w) => w.start > v.end && JOINED_BY_AND.test(text.slice(v.end, w.start)));
      // ("presided over by X, with the presence of Y": Y attends, not chairs.)
      const presence = v.role === 'chaired-by' || v.role === 'chair' ? /,?\s*(?:with|in) the (?:presence|attendance|participation) of\b/.exec(text.slice(v.end, cEnd)) : null;
      const objectsEnd = presence ? v.end + presence.index : nextVerb && nextVerb.start < cEnd ? nextVerb.start : cEnd;
      const objectsAll = actorsIn(a, v.end, objectsEnd, ['person', 'organization', 'country']).filter((x) => !(x.kind === 'person' && /^\s*(?:said|says|told|added|noted)\b/.test(text.slice(x.end, x.end + 12))));
      const objects = objectsAll.filter((x) => x.kind === 'person');
      // "the Lang Son Border Guard Command held annual talks with the Chongzuo Border Detachment": bodies as the parties.
      if (!subjects.length && !group && !role && v.role === 'meet' && !objects.length) {
        const bodies = a.actors.filter((x) => x.kind === 'organization' && !x.nested && x.start >= cStart && x.end <= v.start);
        if (bodies.length) {
          subjects = bodies;
          objects.push(...objectsAll.filter((x) => x.kind === 'organization' && !x.nested));
        }
      }
      // "paid a courtesy visit to (the leaders of) the City People's Committee": with no person named, the body met.
      // (Or the body and the one who led it: "held a working session with the X Department, led by its Director Y".)
      if (v.role === 'meet' || v.role === 'host') {
        const body = objectsAll.find((x) => x.kind === 'organization' && !x.nested && /^\s*(?:the\s+)?(?:(?:leaders?|leadership|representatives?|officials?|heads?|command)\s+of\s+(?:the\s+)?)?$/i.test(text.slice(v.end, x.start)));
        if (body && (!objects.length || /^\s*,?\s*(?:led|headed) by\b/.test(text.slice(body.end)))) objects.push(body);
        // "held working sessions with the X Department and the Y Institute": each body listed.
        if (body && !objects.some((o) => o.kind === 'person') && /s with$/.test(text.slice(v.start, v.end))) {
          let end = body.end;
          for (const x of objectsAll) {
            if (x.start < end || x.kind !== 'organization' || x.nested) continue;
            if (!/^\s*(?:,|,?\s*and)\s*(?:the\s+)?$/.test(text.slice(end, x.start))) break;
            objects.push(x);
            end = x.end;
          }
        }
      }
      // "had bilateral meetings with his counterparts from Japan, Australia and India": the countries, one by one.
      // ("met his counterparts from Japan, Germany and Norway": the same.)
      const counterparts = !objects.length && v.role === 'meet' && /s with$|^met(?: with)?$/.test(text.slice(v.start, v.end)) && /^\s*(?:his|her|their|the)\s+(?:[a-z]+\s+)?counterparts\s+(?:from|of)\s/.test(text.slice(v.end));
      if (counterparts) objects.push(...objectsAll.filter((x) => x.kind === 'country' && !x.nested));
      // "received the German guest", "met his Lao counterpart": the person the role words mean.
      const objectRole = objects.length ? null : /^\s*(?:the|his|her|their)\s+(?:[\p{L}-]+\s+){0,3}(?:guest|visitor|counterpart|officer|official|minister|general|ambassador|envoy|delegation head|delegation|admiral)\b/iu.exec(text.slice(v.end, cEnd));
      // "A reception was hosted by X for the Singaporean minister": the guest, named by role.
      const forRole = v.role === 'hosted-by' ? /\bfor\s+((?:the|his|her)\s+(?:[\p{L}-]+\s+){0,3}(?:guest|visitor|counterpart|officer|official|minister|general|ambassador|envoy|delegation|admiral))\b/iu.exec(text.slice(v.end, cEnd)) : null;
      const guestKey = forRole ? resolveRole(forRole[1]) : undefined;
      if (guestKey && !objects.some((o) => o.key === guestKey)) subjects = [...subjects, { key: guestKey, kind: 'person', start: v.end, end: v.end, nested: false }];
      if (objectRole && v.role !== 'visit') {
        const key = /counterpart/i.test(objectRole[0]) ? undefined : resolveRole(objectRole[0].trim());
        if (key && !subjects.some((x) => x.key === key)) objects.push({ key, kind: 'person', start: v.end, end: v.end, nested: false });
      }
      const nounBefore = v.role === 'chaired-by' || v.role === 'attended-by' ? [...nouns].reverse().find((n) => n.end <= v.start && n.start >= cStart && !n.anaphoric) : undefined;
      // (A verb that holds its own event noun, "held a passing exercise", names no other after it.)
      // (Nor is an event that frames the one told, "as part of his official visit".)
      // (Nor one that another verb after this one names: "held talks ... and witnessed a joint patrol".)
      const nounAfter = v.role === 'hold' ? undefined : nouns.find((n) => n.start >= v.end && n.start - v.end < 90 && n.start < cEnd && !(FRAME_BEFORE.test(n.lead) && n.kind !== v.kind) &&
        !verbs.some((w) => w !== v && w.start >= v.end && w.end <= n.start));
      // "The seminar ... opened on June 3, presided over by X": the event the passive clause is about, told before.
      // ("Chaired by X, the meeting discussed ...": the event the sentence goes on to name.)
      const refBefore = (v.role === 'chaired-by' || v.role === 'attended-by') && !nounBefore
        ? [...nouns].reverse().find((n) => n.end <= v.start && n.start >= cStart && n.anaphoric) ??
          (/^\s*$/.test(text.slice(0, v.start)) ? nouns.find((n) => n.anaphoric && n.start > v.end && /,\s*(?:the|this)\s*$/.test(text.slice(v.end, n.start).slice(-12))) : undefined)
        : undefined;
      let kind = v.kind;
      // "X today spoke with Y" in an article about a phone call is that call.
      if (/^(?:spoke|speaks|talked)\b/.test(text.slice(v.start, v.end)) && phoneArticle) kind = 'call';
      // "attended the 19th ASEAN Chiefs of Defence Forces' Meeting": a gathering of a body is a conference.
      const gathering = v.role === 'attend' && !nounAfter ? objectsAll.find((x) => x.kind === 'organization' && (GATHERING.test(text.slice(x.start, x.end)) || GATHERING.test(ctx.organizations.get(x.key)?.name ?? ''))) : undefined;
      if (gathering) kind = 'conference';
      // "The department and the attaché office launched an exchange ...", "The frigate of the French Navy docked at ...": bodies act.
      if (v.role === 'hold' || v.role === 'dock' || ((v.role === 'attend' || v.role === 'host') && !subjects.length)) {
        // "Two vessels from the X Navy and two from the Y Navy took part in the patrol": bodies take part too.
        const bodies = actorsIn(a, cStart, v.start, ['person', 'organization', 'country']);
        // "the frigate and two vessels of the X Navy held a drill": the frigate told before is its navy's.
        // ("INS X undertook a passage exercise": a ship named with its navy's prefix, on the port call told.)
        if (lastVisit && (/\bthe (?:frigate|ship|vessel|warship|destroyer|corvette|cutter)\b/i.test(subjectText) || SHIP_NAMED.test(subjectText))) {
          for (const k of lastVisit.participants.keys()) if (ctx.organizations.has(k) && !bodies.some((b) => b.key === k)) bodies.push({ key: k, kind: 'organization', start: cStart, end: cStart, nested: false });
        }
        if (bodies.length || !group) subjects = bodies;
        // "Ho Chi Minh City welcomed the Royal Navy's patrol vessel X": the ship's bodies call at the port.
        if (v.role === 'dock' && /^(?:welcomed|received|hosted)/.test(text.slice(v.start))) {
          subjects = actorsIn(a, v.end, clauseEnd(text, v.end), ['organization', 'country']).slice(0, 2);
        }
      }
      /** "conducted the 36th joint patrol": the event noun inside the verb phrase names the event. */
      // ("hosted a deck reception": the reception the verb names is its own too.)
      const ownNoun = v.role === 'hold' || (v.role === 'host' && v.kind === 'reception') ? nouns.find((n) => n.start >= v.start && n.end <= v.end) : undefined;
      if (ownNoun) handled.add(ownNoun);
      // An arrival is a port call when a ship arrives, or when it is at a port.
      // A person's arrival in another country starts a visit: "Giang, who arrived in India on June 6, ...".
      // ("arrived in Seoul": a city of the gazetteer stands for its country.)
      // (Unless the sentence names the visit and where it goes: "arrived in Hanoi, beginning a visit to Vietnam".)
      const arrivedAt = v.role === 'dock' && /^arriv/.test(text.slice(v.start)) && !/\bvisit to\b/.test(text.slice(v.end)) ? a.places.find((p) => p.country && p.start >= v.end && p.start - v.end <= 5) : undefined;
      const arrivedIn = v.role === 'dock' && /^arriv/.test(text.slice(v.start))
        ? a.actors.find((x) => x.kind === 'country' && !x.nested && x.start >= v.end && x.start - v.end <= 5) ?? (arrivedAt ? { key: slug(arrivedAt.country!), kind: 'country' as const, start: arrivedAt.start, end: arrivedAt.end, nested: false } : undefined)
        : undefined;
      const arrivingPerson = arrivedIn && subjects.find((x) => x.kind === 'person' && ctx.persons.get(x.key)?.nationality?.key !== arrivedIn.key);
      // ("The VCG delegation arrived in Manila on Monday": a delegation's arrival starts its visit.)
      const delegationArrived = v.role === 'dock' && /^arriv/.test(text.slice(v.start)) && /\bdelegation\b/i.test(subjectText) && a.places.some((p) => p.start >= v.end && p.start - v.end <= 5);
      if (v.role === 'dock' && /^(?:arriv|called)/.test(text.slice(v.start)) && !SHIP.test(subjectText) && !PORT.test(text.slice(v.end, v.end + 80)) && !arrivingPerson && !delegationArrived) continue;
      // ("A training ship of the navy called at Chittagong in 2023": a port call told in passing, an earlier one.)
      // ("..., after the patrol vessel Y docked here in July 2024": the same.)
      const verbClause = v.role === 'dock' ? [clauseStart(text, v.start), clauseEnd(text, v.end)] : [0, 0];
      const calledEarlier = v.role === 'dock' && main !== undefined && (/^called/.test(text.slice(v.start)) || /\b(?:after|following|since)\s+[^,;]{0,80}$/i.test(text.slice(verbClause[0], v.start)) ||
        // ("In March 2018, the aircraft carrier USS X made a port call in Da Nang": a port call of a year before the article's.)
        (ctx.written !== undefined && a.dates.some((d) => d.date.value !== undefined && d.date.value.slice(0, 4) < ctx.written!.slice(0, 4) &&
          d.end <= verbClause[1] && d.start >= verbClause[0] && datesEvent(text, d))));
      // "It is the fourth time the squadron has called at Cam Ranh": the port call told, counted.
      if ((v.role === 'dock' || v.role === 'visit') && main && /\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)) time\b[^.;]{0,80}?\b(?:has|have|had)\s+$/i.test(text.slice(0, v.start))) continue;
      if (v.role === 'hold') kind = kindOfNoun(/(\S+)$/.exec(text.slice(v.start, v.end))![1].replace(/s$/, '').replace(/^(?:exercise|drill|patrol)$/, 'joint $&'));
      // "activities chaired by the ministry": only an event is chaired.
      // "called on the minister" is a courtesy call; "called on Vietnam to support ..." is a request.
      if (v.role === 'meet' && /^call/.test(text.slice(v.start, v.end)) && (!objects.length || /^[^.;]{0,60}?\bto\s+[a-z]/.test(text.slice(v.end)))) continue;
      // "welcomed" and "hosted" make a reception only with a guest named; "received certificates" is none.
      if (v.role === 'host' && /^(?:welcomed|hosted)$/.test(text.slice(v.start, v.end)) && !objects.length) continue;
      if (v.role === 'host' && /^receive/.test(text.slice(v.start, v.end)) && !objectsAll.length && /^\s+(?:(?:a|an|the|their|his|her|its)\s+)?[a-z]/.test(text.slice(v.end))) continue;
      // "The ADMM-Plus was attended by A and B": the gathering told before, named by its body.
      const gatheringBefore = (v.role === 'chaired-by' || v.role === 'attended-by') && !nounBefore && !refBefore ? (() => {
        const org = [...a.actors].reverse().find((x) => x.kind === 'organization' && !x.nested && x.start >= cStart && x.end <= v.start);
        if (!org) return undefined;
        const names = [text.slice(org.start, org.end), ctx.organizations.get(org.key)?.name, ctx.organizations.get(org.key)?.acronym].filter((n): n is string => !!n);
        return [...meetings].reverse().find((m) => (gatherings.has(m) || m.kind === 'conference') && names.some((n) => gatheringName(m.label).includes(gatheringName(n))));
      })() : undefined;
      // ("Also present were A and B": the event told.)
      const presentWere = v.role === 'attended-by' && /^\s*(?:Also\s+)?(?:present|attending)\s+$/i.test(text.slice(0, v.start)) ? focus ?? main : undefined;
      if ((v.role === 'chaired-by' || v.role === 'attended-by') && !nounBefore && !refBefore && !gatheringBefore && !presentWere && !/\b(?:it|which|the (?:event|meeting|dialogue|conference|talks|session|consultation|forum))\s+(?:was\s+|were\s+)?$/i.test(text.slice(cStart, v.start))) continue;
      if (nounBefore) {
        // "The 13th ... Dialogue took place ..., co-chaired by A and B": the event the clause is about.
        kind = nounBefore.kind;
        handled.add(nounBefore);
      }
      if (nounAfter && (v.role === 'chair' || v.role === 'attend')) kind = nounAfter.kind;
      // "welcomed X to Canberra for the fourth ... Defence Ministers' Meeting": the named event, not a reception.
      if (nounAfter && v.role === 'host' && !nounAfter.anaphoric && (nounAfter.ordinal !== undefined || /\p{Lu}/u.test(nounAfter.modifiers)) &&
        /\bfor\s*$/.test(text.slice(v.end, nounAfter.start).replace(/\s*(?:the|an?)\s*$/, ''))) kind = nounAfter.kind;
      // "The first meeting ... took place via videoconference on March 3, co-chaired by ...": held online.
      if (nounBefore?.kind !== 'dialogue' && /held virtually|held online|via video|(?:took place|was held|were held) (?:online|virtually|by video)/i.test(text.slice(nounBefore ? nounBefore.end : v.end, Math.min(text.length, cEnd + 30)))) kind = 'teleconference';
      let target: Meeting | undefined;
      /** Whether the words before the verb tell an event already past: "last", "Since they met", "Last April,". */
      const toldAsPast = () => LAST_TIME.test(text.slice(cStart, v.start)) || SINCE_LEAD.test(text.slice(cStart, v.start)) || lastDated(a, cStart, v.start);
      // "had bilateral meetings with A, B and C": one meeting with each.
      // "received Belarusian Minister A and Israeli Director General B": guests of different countries, one meeting each.
      const nations = objects.map((o) => {
        const p = ctx.persons.get(o.key);
        return p?.nationality?.key ?? (p?.affiliation ? ctx.organizations.get(p.affiliation.key)?.countryKey : undefined);
      });
      const apart = (v.role === 'meet' || v.role === 'host') && nations.every(Boolean) && new Set(nations).size === objects.length;
      // ("met separately with A, B and C", "separately received A and B": the same.)
      const separately = /^\s*separately\b/.test(text.slice(v.end)) || /\bseparately\s+$/.test(text.slice(Math.max(0, v.start - 12), v.start));
      // ("called on Minister A and Permanent Secretary B": a courtesy call on each.)
      const callsOn = v.role === 'meet' && /^(?:called on|calls on|calling on|paid (?:a |his |her )?courtesy (?:calls?|visits?) (?:on|to))\b/.test(text.slice(v.start, v.end + 1));
      // ("A and B paid courtesy calls on C and on D": A and B call on each.)
      if ((v.role === 'meet' || v.role === 'host') && (apart || counterparts || separately || callsOn || /\b(?:meetings|working sessions|separate (?:bilateral )?talks) with$/.test(text.slice(v.start, v.end))) && objects.length >= 2 &&
        (subjects.length === 1 || (callsOn && subjects.length > 1 && subjects.every((x) => x.kind === 'person')))) {
        const told: Meeting[] = [];
        for (const o of objects) {
          const each = toldWith([subjects[0].key, o.key], kind) ?? create(kind, si, '');
          told.push(each);
          if (counterparts) counterpartMeetings.add(each);
          participate(each, [...(callsOn ? subjects : subjects.slice(0, 1)), o], si);
          if (v.role === 'host') addRole(each, 'hosts', subjects[0].key, si);
          if (!each.evidence.includes(si)) each.evidence.push(si);
          setDate(each, a, cStart, cEnd, v.start);
          if (!each.partOf && focus && gatherings.has(focus)) each.partOf = { id: focus.id, evidence: [si] };
          // (A courtesy call paid while a visit is told is part of it.)
          if (!each.partOf && callsOn && lastVisit && lastVisit !== each && !dated.has(lastVisit)) each.partOf = { id: lastVisit.id, evidence: [si] };
          scope ??= each;
          main ??= each;
        }
        siblings.set(told[0], told.slice(1));
        claimed.push([v.start, cEnd]);
        lastSubject = subjects[0].key;
        continue;
      }
      // The same persons meeting again in the text ("Meeting Kihara, Chien proposed ..."): the event already told.
      // (The one who met is the subject after the opening phrase.)
      const opening = !subjects.length && /^\s*$/.test(text.slice(0, v.start)) ? /^[^,;]{1,120},\s*/.exec(text.slice(v.end)) : null;
      const openingSubject = opening ? a.actors.filter((x) => x.kind === 'person' && x.start === v.end + opening[0].length) : [];
      // "hosted a welcome ceremony for the delegation, after which the two sides held talks": one event, the talks.
      const ceremony = group && scope && welcomes.has(scope) && /\b(?:after|following) which\b/.test(text.slice(0, v.start)) ? scope : undefined;
      const again = (v.role === 'meet' || v.role === 'host') && !EARLIER_LEAD.test(text) && !a.dates.some((d) => d.start >= cStart && d.end <= cEnd && datesEvent(text, d))
        ? toldWith([...subjects, ...objects, ...openingSubject].filter((x) => x.kind === 'person').map((x) => x.key), kind) : undefined;
      // "The two sides signed a memorandum": a signing is an event of its own only as the article's first event, or
      // where the clause gives it its own place or day ("signed ... in Budapest on October 18").
      const signedHere = v.role === 'sign' && /^(?:signed|inked)$/.test(text.slice(v.start, v.end));
      const signatories = subjects.filter((x) => x.kind === 'person').length >= 2 || (group !== null && subjects.length >= 2);
      const ownDay = a.dates.some((d) => d.start >= v.end && d.end <= cEnd && datesEvent(text, d) && (d.date.value ? d.date.value.length === 10 : /\d{1,2}(?!\d)|day\b/.test(d.date.text)));
      // ("POF and the General Department signed a Letter of Intent ..., witnessed by A and B": a ceremony told as an event.)
      const witnessedBy = signedHere ? /,?\s*witnessed by\b/.exec(text.slice(v.end, cEnd + 200)) : null;
      // ("a few months after they signed a memorandum in Hanoi in January 2024": a time told by a signing, no event.)
      const signedBefore = signedHere && main !== undefined && /\b(?:after|before|since|when)\s+(?:[a-z]+\s+){0,2}$/i.test(text.slice(Math.max(0, v.start - 40), v.start));
      if (signedHere && !witnessedBy && (signedBefore || !signatories || (main && !ownDay && !a.places.some((p) => p.start >= v.end && p.end <= cEnd)))) {
        // "During the talks on Wednesday, A and B signed a letter of intent": those who signed took part in the talks.
        if (duringTold) participate(duringTold, subjects.filter((x) => x.kind === 'person'), si);
        continue;
      }
      // "The two sides also exchanged views on ...": what was said at the event told; "Ms A and Gen B exchanged views": a meeting of theirs.
      if (/^exchanged views$/.test(text.slice(v.start, v.end)) && (group || subjects.filter((x) => x.kind === 'person').length < 2)) continue;
      // "signed ... in Jakarta in March 2023, during a state visit by ...": the visit is the event, the document its outcome.
      if (signedHere && !witnessedBy && main && /^[^.;]*?,?\s*during (?:a|an|the|his|her|their) (?:[\p{L}-]+ ){0,3}visit\b/u.test(text.slice(v.end))) continue;
      // (", attended by X" after "hosted a deck reception": the event the sentence has just told.)
      const toldHere = v.role === 'attended-by' && nounBefore && scope && claimed.some(([s, e]) => nounBefore.start >= s && nounBefore.end <= e) ? scope : undefined;
      // ("A reception was hosted onboard on 12 November, attended by X": the event the noun names, a new one.)
      const namedHere = !toldHere && v.role === 'attended-by' && nounBefore && (nounBefore.det === 'a' || nounBefore.det === 'an') && /^,\s*$/.test(text.slice(0, v.start).slice(-2)) ? nounBefore : undefined;
      if (toldHere) {
        target = toldHere;
      } else if (namedHere) {
        target = create(namedHere.kind, si, namedHere.phrase);
        handled.add(namedHere);
        if (lastVisit && !dated.has(lastVisit)) target.partOf = { id: lastVisit.id, evidence: [si] };
      } else if (gatheringBefore) {
        target = gatheringBefore;
      } else if (presentWere) {
        target = presentWere;
      } else if (ceremony) {
        target = ceremony;
        hint(target, kind, si);
      } else if (again && again !== main) {
        target = again;
        hint(target, kind, si);
      } else if (v.role === 'visit') {
        // "visited the Naval High Command": the bodies a visitor went to, during the visit under way.
        const visited = actorsIn(a, v.end, cEnd, ['organization', 'country']);
        // "after Admiral X visited Hanoi in November 2024": a visit to a city of another country than the visitor's.
        const city = visited.length ? undefined : a.places.find((p) => p.start >= v.end && p.start - v.end <= 5 && p.country);
        const visitor = subjects.find((x) => x.kind === 'person');
        // ("a delegation of Vietnam's Ministry of National Defence had visited Athens": the bodies the delegation is of.)
        const delegates = !visitor && /\bdelegation\b/i.test(subjectText) ? a.actors.filter((x) => (x.kind === 'organization' || x.kind === 'country') && !x.nested && x.start >= cStart && x.end <= v.start) : [];
        const delegatesOf = delegates.map((x) => (x.kind === 'country' ? x.key : ctx.organizations.get(x.key)?.countryKey)).find(Boolean);
        const abroad = city && (visitor ? ctx.persons.get(visitor.key)?.nationality?.key !== slug(city.country!) : delegatesOf !== undefined && delegatesOf !== slug(city.country!));
        if (delegates.length && !subjects.length) subjects = delegates;
        // "The squadron last visited the port in June 2019": an earlier visit of the parties of the one told.
        const lastTime = !visited.length && !abroad && main && main.kind === 'visit' && /\b(?:last|previously|first)\s+$/.test(text.slice(cStart, v.start)) &&
          a.dates.some((d) => d.start >= v.end && d.end <= cEnd && /\d{4}/.test(d.date.value ?? ''));
        if (lastTime) {
          target = create('visit', si, '');
          background.add(target);
          participate(target, subjects.length ? subjects.slice(0, 1) : [...main!.participants.keys()].filter((k) => ctx.organizations.has(k))
            .map((key) => ({ key, kind: 'organization' as const, start: cStart, end: cStart, nested: false })), si);
          setDate(target, a, v.end, cEnd, v.end);
          claimed.push([v.start, cEnd]);
          continue;
        }
        if (!visited.length && !abroad) continue;
        const country = visited.find((x) => x.kind === 'country' && x.start - v.end <= 5);
        if (framed && subjects.length && framed.participants.has(subjects[0].key)) target = framed;
        else if (!main && country && subjects.some((x) => x.kind === 'person')) {
          // "General X is visiting Indonesia from 29 to 31 July": the visit the article reports.
          target = main = create('visit', si, `visit to ${text.slice(country.start, country.end)}`);
          target.location = { key: `country:${country.key}`, evidence: [si] };
          lastVisit = target;
          visited.splice(visited.indexOf(country), 1);
        } else if (abroad) {
          target = create('visit', si, `visit to ${city!.name}`);
          target.location = { key: `place:${city!.key}`, evidence: [si] };
          if (/\b(?:after|since|before)\b[^,;]*$/i.test(text.slice(cStart, v.start)) || LAST_TIME.test(text.slice(cStart, v.start))) background.add(target);
        } else {
          target = create('visit', si, '');
          if (lastVisit && !dated.has(lastVisit)) target.partOf = { id: lastVisit.id, evidence: [si] };
        }
        participate(target, [...(delegates.length ? delegates : subjects.slice(0, 1)), ...visited], si);
      } else if (v.role === 'attend' && !nounAfter && !objectsAll.length) {
        // "attended the opening ceremony": a ceremony of the event told, whose guests take part in it.
        // ("observed the sea phase": a phase of the exercise told.)
        // ("A reception was hosted by X. Rear Admiral Y, Vice Chairman Z and senior officers attended.": the event just told.)
        if (!(focus ?? main) || !(/^\s*the\s+(?:[\p{L}-]+\s+){0,2}?(?:ceremony|celebration|reception|phase)\b/iu.test(text.slice(v.end, cEnd)) ||
          (/^\s*(?:[.;]|$)/.test(text.slice(v.end)) && /^attended$/.test(text.slice(v.start, v.end)) && subjects.some((x) => x.kind === 'person') &&
            !/\b(?:which|that|who|whom)\b/.test(text.slice(cStart, v.start))))) continue;
        target = (focus ?? main)!;
        // "presided over the welcome ceremony": the host side.
        if (/^(?:presided|chaired)/.test(text.slice(v.start, v.end))) for (const s of subjects) if (s.kind === 'person') addRole(target, 'hosts', s.key, si);
      } else if (nounBefore && main && anchored(main) && (nounBefore.ordinal ?? main.ordinal) !== main.ordinal) {
        target = create(kind, si, nounBefore.phrase);
      } else if (!main || (!anchored(main) && main.participants.size === 0) || (nounBefore && !anchored(main))) {
        main ??= create(kind, si, signedHere ? 'signing ceremony' : '');
        hint(main, kind, si);
        target = main;
      } else if (v.role === 'hold' && /\b(?:the|this|that|such)\s+\S+$/i.test(text.slice(v.start, v.end))) {
        // "have held the exchange": the event already told.
        target = focus ?? main;
        hint(target, kind, si);
      } else if (v.role === 'hold' || v.role === 'dock') {
        // The same ship docking again in the next sentence ("On Friday morning, the ship docked at ...") is the same port call.
        target = v.role === 'dock' && lastVisit && !calledEarlier && subjects.every((x) => lastVisit!.participants.has(x.key)) ? lastVisit : create(kind, si, '');
        if (calledEarlier) background.add(target);
        else if (v.role === 'dock') lastVisit = target;
      } else if (v.role === 'hosted-by' && lastVisit && (SHIP.test(subjectText) || /\bthe (?:crew|sailors)\b/i.test(subjectText))) {
        // "The ship was welcomed by representatives of X": the welcome of the port call told, no reception.
        target = lastVisit;
      } else if (v.role === 'host' && /^(?:welcomed|hosted)$/.test(text.slice(v.start, v.end))) {
        // "welcomed the delegation led by ..." during an event already told: its guests, not a new reception.
        target = focus ?? main;
      } else if (v.role === 'sign') {
        // "the ministers witnessed the signing of ...": a signing ceremony of its own.
        const ceremony = /\b(handover|hand-over|inauguration|launch|opening|commissioning)\b/.exec(text.slice(v.start, v.end))?.[1];
        target = create('meeting', si, `${ceremony ?? 'signing'} ceremony`);
        if (main.partOf) target.partOf = { ...main.partOf };
        else if (signedHere && lastVisit && target !== lastVisit) target.partOf = { id: lastVisit.id, evidence: [si] };
        for (const s of subjects) {
          const nat = ctx.persons.get(s.key)?.nationality;
          if (nat) addRole(target, 'participants', nat.key, si);
        }
      } else if ((v.role === 'meet' || v.role === 'host' || v.role === 'hosted-by') && (/courtesy|^call/i.test(text.slice(v.start, v.end)) || EARLIER_LEAD.test(text) || toldAsPast() ||
        (main.participants.size > 0 && objects.some((o) => !main!.participants.has(o.key))) ||
        // "The Ministry hosted a reception ..." after talks of others: a host new to the article holds its own event.
        (v.role === 'host' && subjects.length > 0 && main.participants.size > 0 && subjects.every((x) => !main!.participants.has(x.key))) ||
        // "Before the patrol, A and B held a working meeting": two persons new to the event told hold one of their own.
        (v.role === 'meet' && subjects.filter((x) => x.kind === 'person').length >= 2 && subjects.every((x) => !main!.participants.has(x.key))) ||
        // ("Norwegian Minister A and Gen B also exchanged views": one of the two new to the event told.)
        (v.role === 'meet' && !group && !objects.length && main.participants.size > 0 && subjects.filter((x) => x.kind === 'person').length >= 2 && subjects.some((x) => x.kind === 'person' && !main!.participants.has(x.key))))) {
        // Someone new met during the main event or a visit: a meeting of its own.
        target = create(kind, si, '');
        if (/^\s*(?:earlier|previously|before that|prior to)/i.test(text) || toldAsPast()) background.add(target);
        if (lastVisit && !dated.has(lastVisit)) target.partOf = { id: lastVisit.id, evidence: [si] };
      } else if (nounAfter && nounAfter.ordinal !== undefined && main.ordinal !== undefined && nounAfter.ordinal !== main.ordinal) {
        target = create(nounAfter.kind, si, nounAfter.phrase);
      } else if ((duringTold && duringTold.kind !== 'visit' && !kindHints.get(duringTold)!.has(kind) && ['meet', 'host', 'hosted-by'].includes(v.role)) ||
        (exchangeTold && v.role === 'meet' && kind !== 'meeting')) {
        // "During the exchange, the two ministers held talks": talks of their own, part of the exchange.
        const frame = exchangeTold ?? duringTold!;
        const people = [...subjects, ...objects].map((x) => x.key);
        target = meetings.find((m) => m !== frame && m.partOf?.id === frame.id && kindHints.get(m)!.has(kind) && people.every((k) => m.participants.has(k))) ??
          create(kind, si, '');
        target.partOf ??= { id: frame.id, evidence: [si] };
      } else if ((focus ?? main).kind === 'visit' && ['meet', 'host', 'hosted-by', 'chair', 'sign'].includes(v.role)) {
        // Talks, receptions and calls during a visit are events of their own, part of the visit.
        const visit = (focus ?? main)!;
        const people = [...subjects, ...objects].map((x) => x.key);
        target = meetings.find((m) => m !== visit && m.partOf?.id === visit.id && kindHints.get(m)!.has(kind) && people.every((k) => m.participants.has(k))) ??
          create(kind, si, '');
        if (target !== visit) target.partOf ??= { id: visit.id, evidence: [si] };
      } else if ((v.role === 'attend' || v.role === 'chair') && nounAfter && (nounAfter.det === 'a' || nounAfter.det === 'an' ||
        // "also attended the ADMM Retreat" after talks told: a named event of another kind is another event.
        (!nounAfter.anaphoric && /\p{Lu}/u.test(nounAfter.modifiers) && main.label !== nounAfter.phrase && !kindHints.get(main)!.has(nounAfter.kind)) ||
        // "attended the handover ceremony of a hospital": a ceremony of its own.
        (!nounAfter.anaphoric && /ceremony$/i.test(nounAfter.noun) && v.role === 'attend'))) {
        // "attended a signing ceremony": an indefinite event is a new one.
        target = create(nounAfter.kind, si, nounAfter.phrase);
      } else if (gathering && !nounAfter && !main.label.endsWith(text.slice(gathering.start, gathering.end))) {
        // "the minister attended the 11th ADMM-Plus" after the ADMM told: another gathering, an event of its own.
        const ord = /\b(\d{1,2}(?:st|nd|rd|th))\s+$/.exec(text.slice(Math.max(0, gathering.start - 8), gathering.start));
        const label = `${ord ? `${ord[1]} ` : ''}${text.slice(gathering.start, gathering.end).replace(/\s*\([^)]*\)$/, '')}`;
        target = meetings.find((m) => m.label === label) ?? create('conference', si, label);
      } else if ((v.role === 'attend' || v.role === 'chair') && nounAfter?.anaphoric &&
        (v.role === 'attend' || (nounAfter.kind !== 'meeting' && meetings.some((m) => kindHints.get(m)!.has(nounAfter.kind))))) {
        // "X was present at the reception", "A and B co-chaired the dialogue": the event of that kind told last.
        // ("Navy chiefs of all ASEAN member states attended the meeting": bodies and countries attend the event reported.)
        const bodiesOnly = subjects.length > 0 && subjects.every((x) => x.kind !== 'person');
        target = (nounAfter.kind === 'meeting' && bodiesOnly ? main : undefined) ??
          (focus && kindHints.get(focus)!.has(nounAfter.kind) ? focus : [...meetings].reverse().find((m) => kindHints.get(m)!.has(nounAfter.kind))) ?? main;
        hint(target, kind, si);
      } else if ((v.role === 'meet' || v.role === 'host') && main.date && a.dates.some((d) => d.end <= cEnd && datesEvent(text, d) && !sameDay(main!.date!, d.date) &&
        (d.start >= cStart || /^\s*(?:(?:On|on|Earlier|Later|Then)\s+)*$/.test(text.slice(0, d.start))))) {
        // "On Thursday, X held a meeting with Y" after a meeting on Wednesday: another day, another event.
        target = create(kind, si, '');
      } else {
        target = main;
        // ("held talks with X ... Welcoming the guest, Y said": a courtesy of the talks, no reception.)
        if (!(/^Welcoming$/.test(text.slice(v.start, v.end)) && kindHints.get(main)!.has('talks'))) hint(main, kind, si);
      }
      if (v.role === 'dock') lastVisit = target;
      if (ownNoun && !ownNoun.anaphoric) {
        // (A reception between persons is named by them: "Reception between A and B", not "Reception".)
        if (!target.label && !(v.role === 'host' && [...subjects, ...objects].some((x) => x.kind === 'person'))) target.label = ownNoun.phrase;
        if (ownNoun.ordinal !== undefined) target.ordinal ??= ownNoun.ordinal;
      }
      if (/welcom/.test(text.slice(v.start, v.end)) && v.role === 'host') welcomes.add(target);
      claimed.push([v.start, cEnd]);
      scope ??= target;
      if (v.role !== 'visit' && v.role !== 'chaired-by' && v.role !== 'attended-by') participate(target, v.role === 'dock' ? subjects : [...subjects, ...objects], si);
      // ("after KDB X docked here in 2019", "the second Italian naval ship to visit, after the patrol vessel Y docked"):
      // a ship that names no body is its navy's, by its prefix or the demonym the sentence gives it.
      // (With neither, the one foreign navy the article names: 'the training ship "X" called at Y in 2019'.)
      // ("It is the second visit by the X to Vietnam, after it called at Da Nang in 2019": "it" is the ship of the port
      // call reported.)
      const itDocked = v.role === 'dock' && main !== undefined && target !== main && /\b(?:it|she)\s+(?:had\s+|has\s+|first\s+|last\s+|previously\s+)*$/i.test(text.slice(cStart, v.start));
      const itsNavy = itDocked ? shipNavy(a, v.start, v.start, true) : undefined;
      if (itsNavy?.kind === 'organization') {
        for (const c of subjects) if (c.kind === 'country') target.participants.delete(c.key);
        addRole(target, 'participants', itsNavy.key, si);
      } else if (v.role === 'dock' && subjects.every((x) => x.kind === 'country') && SHIP.test(subjectText)) {
        const prefix = SHIP_PREFIX_AT.exec(subjectText.replace(/^[^]*?\b(?=(?:the\s+)?(?:[\p{L}-]+\s+){0,3}?(?:[A-Z]{2,6})\s+\p{Lu})/u, ''));
        const demonym = /\b(\p{Lu}\p{L}+)\s+(?:naval\s+|navy\s+|training\s+|patrol\s+)?(?:ship|vessel|frigate|warship|corvette|destroyer)s?\b/u.exec(text.slice(0, v.start));
        const country = prefix ? SHIP_PREFIX_COUNTRY[prefix[1]] : demonym ? countryOfForm(demonym[1]) : undefined;
        const foreign = [...ctx.organizations.entries()].filter(([, o]) => o.countryKey !== undefined && o.countryKey !== 'vietnam' && NAVY.test(o.name));
        const side = country ? navyOf(country) : foreign.length === 1 ? { key: foreign[0][0], kind: 'organization' as const } : undefined;
        if (side?.kind === 'organization') {
          for (const c of subjects) target.participants.delete(c.key);
          addRole(target, 'participants', side.key, si);
        } else if (side && !subjects.length) addRole(target, 'participants', side.key, si);
      }
      // ("Also present were ... representatives of X and Y": the persons named; the bodies were a guest list.)
      if (v.role === 'attended-by') participate(target, actorsIn(a, v.end, cEnd, presentWere ? ['person'] : ['person', 'country', 'organization']), si);
      // "undertook a passage exercise with the X Navy ship Y": the body it was held with.
      const heldWith = v.role === 'hold' ? /^\s*(?:\([^)]*\)\s*)?with\s+(?:the\s+)?/.exec(text.slice(v.end)) : null;
      if (heldWith) participate(target, a.actors.filter((x) => x.kind !== 'person' && !x.nested && x.start === v.end + heldWith[0].length).slice(0, 1), si);
      // ("the Prairial conducted a passing exercise with a ship of the Viet Nam People's Navy", "INS X held a PASSEX with
      // VPNS Y", "the BRP X and a Vietnam People's Navy frigate conducted a joint exercise"): an exercise of ships is
      // their navies'; a country stands for its navy only when the article names no navy of it.
      if (v.role === 'hold' && /\b(?:exercises?|PASSEX|drills?|manoeuvres?|maneuvers?)\b/i.test(text.slice(v.start, v.end))) {
        const sideEnd = heldWith ? clauseEnd(text, v.end + heldWith[0].length) : v.start;
        // (Each ship of a subject "the BRP X and a Vietnam People's Navy frigate": the parts around "and".)
        const sideSpans: Array<[number, number, boolean]> = [];
        const subjectAnd = / and (?:an? |the )?/.exec(text.slice(cStart, v.start));
        if (subjectAnd) sideSpans.push([cStart, cStart + subjectAnd.index, true], [cStart + subjectAnd.index + subjectAnd[0].length, v.start, true]);
        else sideSpans.push([cStart, v.start, true]);
        if (heldWith) sideSpans.push([v.end, sideEnd, false]);
        const navies = sideSpans.map(([from, to, subject]) => shipNavy(a, from, to, subject));
        // (Only when every side is a navy the article names: "a Chinese frigate and two Vietnamese warships" with no
        // Chinese navy named stay the two countries.)
        for (const n of navies.some((x) => x?.kind === 'country') ? [] : navies) {
          if (n?.kind !== 'organization') continue;
          if (tracing) rule = 'exercise: an exercise of ships is their navies\'';
          for (const c of [...target.participants.keys()]) if (!ctx.persons.has(c) && !ctx.organizations.has(c) && navyOf(c)?.key === n.key) target.participants.delete(c);
          addRole(target, 'participants', n.key, si);
        }
      }
      verbSubjects = subjects.length ? subjects : verbSubjects;
      const speakers = subjects.filter((x) => x.kind === 'person');
      if (speakers.length) lastSubject = speakers[speakers.length - 1].key;
      if (v.role === 'chair') for (const s of subjects) addRole(target, 'chairs', s.key, si);
      if (nounBefore) {
        // "Vietnam and France held their fourth dialogue ..., co-chaired by A and B": those who held it take part.
        const heldIt = /\b(?:held|holds|hold|convened|organi[sz]ed|co-organi[sz]ed)\s*$/i.exec(nounBefore.lead);
        if (heldIt) participate(target, a.actors.filter((x) => !x.nested && x.start >= clauseStart(text, heldIt.index) && x.end <= heldIt.index), si);
        if (!target.label) target.label = nounBefore.phrase;
        if (nounBefore.ordinal) target.ordinal ??= nounBefore.ordinal;
        participate(target, a.actors.filter((x) => x.kind !== 'person' && !x.nested && x.start >= nounBefore.start && x.end <= nounBefore.end), si);
      }
      if (v.role === 'chaired-by') {
        // (Up to another passive: "co-chaired by Cambodia and Japan and attended by representatives of ...".)
        const other = /\s(?:and|,)\s+(?:was\s+|were\s+)?(?:also\s+)?[a-z]+ed by\b/.exec(text.slice(v.end, cEnd));
        const named = actorsIn(a, v.end, presence ? objectsEnd : other ? v.end + other.index : cEnd, ['person', 'country', 'organization']);
        // (Those "in the presence of" whom it was chaired attend it.)
        if (presence) participate(target, actorsIn(a, objectsEnd, cEnd, ['person']), si);
        // Persons chair; a country or body only when no person is named.
        const chairs = named.some((x) => x.kind === 'person') ? named.filter((x) => x.kind === 'person') : named;
        participate(target, chairs, si);
        for (const c of chairs) addRole(target, 'chairs', c.key, si);
      }
      if (witnessedBy) {
        const wAt = v.end + witnessedBy.index + witnessedBy[0].length;
        participate(target, a.actors.filter((x) => x.kind === 'person' && !x.nested && x.start >= wAt && x.start < clauseEnd(text, wAt) + 1), si);
      }
      if (v.role === 'host') for (const s of subjects) addRole(target, 'hosts', s.key, si);
      if (v.role === 'hosted-by') for (const o of objects) addRole(target, 'hosts', o.key, si);
      if (refBefore) {
        handled.add(refBefore);
        hint(target, refBefore.kind, si);
      }
      if (nounAfter) {
        handled.add(nounAfter);
        // Countries named with the event ("the dialogue between Vietnam and Italy") take part; the country a visit goes to does not.
        const partyEnd = nounAfter.end + (/\b(?:on the sidelines|in|at|during|to)\s/.exec(nounAfter.after)?.index ?? nounAfter.after.length);
        const between = /^\s*between\s/.test(nounAfter.after);
        participate(target, a.actors.filter((x) => (x.kind === 'country' || (between && x.kind === 'organization' && !x.nested)) && x.start >= nounAfter.start && x.end <= partyEnd), si);
        if (nounAfter.ordinal) target.ordinal ??= nounAfter.ordinal;
        if (!target.label && !nounAfter.anaphoric) target.label = nounAfter.phrase;
        hint(target, nounAfter.kind, si);
      }
      // The members of an attended body ("the ASEAN Defence ... Working Group"), and a delegation's country.
      if (v.role === 'attend') participate(target, a.actors.filter((x) => x.start >= v.end && x.end <= cEnd && x.kind !== 'person' && x.nested), si);
      // "attended the 16th Shangri-La Dialogue": the event is named by the body attended.
      const attended = v.role === 'attend' && !nounAfter ? gathering ?? objectsAll.find((x) => x.kind === 'organization') : undefined;
      if (attended && !target.label) target.label = text.slice(attended.start, attended.end).replace(/\s*\([^)]*\)$/, '');
      // ("attended the 11th Beijing Xiangshan Forum, which opened in Beijing on September 13": where and when it was.)
      const whichOpened = v.role === 'attend' ? /^[^.;]{0,120}?,\s*which (?:took place|was held|opened|was convened|kicked off)\b/.exec(text.slice(v.end)) : null;
      if (whichOpened) {
        const from = v.end + whichOpened[0].length;
        if (!target.date) setDate(target, a, from, clauseEnd(text, from), from);
        if (!target.location) setPlace(target, a, from, clauseEnd(text, from));
      }
      if (gathering) {
        const ord = /\b(\d+)(?:st|nd|rd|th)\s+$/.exec(text.slice(Math.max(0, gathering.start - 8), gathering.start));
        if (ord) target.ordinal ??= +ord[1];
      }
      if (/\bdelegation\b/.test(text.slice(cStart, v.start))) participate(target, a.actors.filter((x) => x.kind === 'country' && x.start >= cStart && x.end <= v.start), si);
      // "... on Monday, after which the two sides held talks": the day of the clause before.
      // ("On Thursday, X held a meeting with Y": the day that opens the sentence.)
      const openingDay = a.dates.find((d) => d.end <= cStart && /^\s*,\s*$/.test(text.slice(d.end, cStart)) && /^\s*(?:(?:On|on|Earlier|Later|Also|Then)\s+)*(?:the\s+(?:morning|afternoon|evening)\s+of\s+)?$/.test(text.slice(0, d.start)));
      setDate(target, a, /\b(?:after|following|during) which\s$/.test(text.slice(0, cStart)) ? clauseStart(text, cStart - 12) : openingDay ? openingDay.start : cStart, cEnd, v.start);
      // "later the same day", "that day": the date of the event told just before.
      // (Not an earlier event told in passing: "recalled his first trip in 2019. Later the same day, ...".)
      // (The last one told with a date: "the two ministers witnessed the signing ... On the same day, ..." is the talks' day.)
      // (Only one dated by its day: "the 14th dialogue held in Singapore in April" gives no day for "later the same day".)
      const byDay = (m: Meeting) => m.date !== undefined && (m.date.value?.length === 10 || /\b\d{1,2}(?:st|nd|rd|th)?\b|day\b/i.test(m.date.text.replace(/\b\d{4}\b/g, '')));
      const before = [focus, main].find((m) => m !== undefined && !dated.has(m) && m.date !== undefined && byDay(m)) ?? [focus, main].find((m) => m !== undefined && !dated.has(m) && m.date === undefined);
      if (!target.date && before && before !== target && before.date && /\b(?:the same (?:day|morning|afternoon|evening)|that (?:day|morning|afternoon|evening)|on the same occasion)\b/i.test(text)) {
        target.date = { ...before.date };
        target.dateEvidence = [si];
        if (tracing) note(target, si, `date "${before.date.text}"${before.date.value ? ` = ${before.date.value}` : ''}, the same day as #${before.id}`);
      }
      // "The following day": the day after the event told just before, when that one's day is known.
      const daySource = [before, before?.partOf ? meetings.find((m) => m.id === before.partOf!.id) : undefined, main]
        .find((m) => m && m !== target && m.date?.value && /^\d{4}-\d{2}-\d{2}$/.test(m.date.value));
      const dayBefore = daySource?.date?.value;
      if (!target.date && daySource && dayBefore && /\b(?:the following day|the next day|the day after)\b/i.test(text)) {
        const next = new Date(`${dayBefore}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        target.date = { text: /\b(?:the following day|the next day|the day after)\b/i.exec(text)![0], value: next.toISOString().slice(0, 10) };
        target.dateEvidence = [si];
        if (tracing) note(target, si, `date ${target.date.value}, the day after #${daySource.id}`);
      }
      setPlace(target, a, cStart, cEnd);
    }

    // 2. Events named by a noun phrase.
    /** Where the verb that held the last event named is ("held the 10th X in Tokyo and the 8th Y in Hanoi"). */
    let heldAt: number | undefined;
    /** The event each noun named (read by "their meeting held on the sidelines of X" below). */
    const nounTargets = new Map<EventMention, Meeting>();
    for (const n of nouns) {
      if (handled.has(n)) continue;
      // "on the sidelines of the 2022 ADMM Retreat": the gathering is read below, with its name.
      if (/\b(?:sidelines?|margins?) of\s*$/i.test(n.lead)) continue;
      // ("It is the second visit by the ship to Vietnam": the event reported, counted; no other.)
      if (main && /^\W*(?:It|This|That)\s+(?:is|was|marks|marked)\s*$/.test(n.lead) && kindHints.get(main)!.has(n.kind)) continue;
      // ("The ADMM Retreat, chaired by X, is the first ADMM meeting under ...": what the event named first in the sentence is.)
      if (/(?:^|,)\s*(?:is|was)\s*$/.test(n.lead) && nouns.some((m) => m !== n && m.end <= n.start && m.start < 25 && !/\b(?:who|which|that)\b/.test(text.slice(m.end, n.start)))) continue;
      if (tracing) rule = `noun${n.anaphoric ? ', refers back' : ''}: "${n.det === 'poss' ? '' : `${n.det} `}${n.phrase}${n.after.slice(0, 30)}"`;
      if (claimed.some(([s, e]) => n.start >= s && n.end <= e) && !FRAME_BEFORE.test(n.lead) && !(/\bfollowed by\s*$/i.test(n.lead) && main && !kindHints.get(main)!.has(n.kind))) {
        // "held a passing exercise after the visit": the visit is another event, told as a time.
        if (n.anaphoric && !/\b(?:after|before|following|since|prior to|ahead of)\s*$/i.test(n.lead)) hint(scope ?? main ?? create(n.kind, si, ''), n.kind, si);
        continue;
      }
      const nEnd = n.end + n.after.length;
      // "Vietnam and Australia held their fifth Defence Ministers' Meeting": the verb that holds the event, if any.
      const heldVerb = /\b(?:held|holds|hold|convened|convenes|co-hosted|co-organi[sz]ed|organi[sz]ed|wrapped up|concluded|opened)\s*$/i.exec(n.lead);
      // (The second of a list the verb holds: "... in Tokyo and the 8th Y".)
      const heldBy = heldVerb ? { index: heldVerb.index } : heldAt !== undefined && /^[^.;]*\band\s*$/.test(n.lead.slice(heldAt)) ? { index: heldAt } : undefined;
      heldAt = heldBy?.index;
      // ("the upcoming visit", "the next dialogue": planned, by its own words.)
      if (PLANNED_BEFORE.test(`${n.lead} ${n.det} ${n.modifiers}`.slice(-150)) || PLANNED_AFTER.test(n.after)) continue;
      // ("support Korea in hosting the Busan Expo 2030" in an article of 2023: named for a year still to come.)
      if (n.year !== undefined && ctx.written !== undefined && n.year > ctx.written.slice(0, 4)) continue;
      // (Not past another event's verb: "Khanh's visit came two years after the chief visited Vietnam in 2023".)
      const datesAfter = a.dates.filter((d) => datesEvent(a.text, d) && d.start >= n.end && d.start - n.end < 80 && d.end <= nEnd && !verbs.some((v) => v.start > n.end && v.start < d.start));
      let agent = /^\s*(?:to [\p{L} -]+? )?by\b/u.test(n.after) ? actorsIn(a, n.end, nEnd).slice(0, 1) : [];
      // "A deck reception was hosted on board the ship on May 3 by Ambassador X": the host, after the passive.
      const passiveBy = !agent.length && n.kind === 'reception' ? /^\s*(?:was|were) (?:hosted|given|offered|organi[sz]ed|held)\b[^,;.]{0,80}?\bby\s/.exec(n.after) : null;
      if (passiveBy) agent = actorsIn(a, n.end + passiveBy[0].length, nEnd).slice(0, 1);
      // "Giang's visit": the possessor is the agent.
      if (n.possessorEnd !== undefined) agent = a.actors.filter((x) => x.kind === 'person' && x.end >= n.possessorEnd! - 1 && x.end <= n.possessorEnd! + 2).slice(0, 1);
      // "a state visit by the Vietnamese President", "the goodwill visit of the X Navy's training ship to Y": with no
      // person named, the body or country that visited.
      // ("the visit to Israel by a delegation of the General Department of Defence Industry": the body the delegation is of.)
      const byOf = n.kind === 'visit' && !agent.length ? /^\s*(?:to [\p{L} -]+? )?(?:by|of) (?:the |a |an )?(?:(?:[\p{L}-]+ ){0,2}delegations? (?:of|from) (?:the )?)?/u.exec(n.after) : null;
      if (byOf) agent = a.actors.filter((x) => !x.nested && x.kind !== 'person' && x.start >= n.end + byOf[0].length && x.start <= n.end + byOf[0].length + 2).slice(0, 1);
      // ("the port call of INS X": the navy of the prefix, where the article names it, else its country.)
      const prefixed = byOf && !agent.length ? SHIP_PREFIX_AT.exec(n.after.slice(byOf[0].length)) : null;
      const shipSide = prefixed ? navyOf(SHIP_PREFIX_COUNTRY[prefixed[1]]) : undefined;
      if (shipSide) agent = [{ key: shipSide.key, kind: shipSide.kind, start: n.end, end: n.end, nested: false }];
      // "The X Navy handed over a corvette to the Y Navy at a ceremony ...": the body that gave and the one that received.
      let handoverParties: ActorRef[] = [];
      const handover = !agent.length && /ceremony$/i.test(n.noun) ? /\b(?:handed over|hands over|donated|donates|presented|presents|transferred|transfers)\b([^.;]*?)\b(?:at|during) (?:a|the)\s+$/.exec(text.slice(0, n.start)) : null;
      if (handover) {
        const giverEnd = handover.index;
        const to = /\bto\s+/.exec(handover[1]);
        const toAt = to ? giverEnd + handover[0].indexOf(handover[1]) + to.index + to[0].length : -1;
        const parties = a.actors.filter((x) => !x.nested && x.kind !== 'person');
        handoverParties = [
          ...parties.filter((x) => x.start >= clauseStart(text, giverEnd) && x.end <= giverEnd).slice(-1),
          ...(to ? parties.filter((x) => x.start >= toAt && x.start <= toAt + 4 && x.end <= n.start).slice(0, 1) : []),
        ];
      }
      // ("a working visit to the Republic of Austria": the name whole, with its "of".)
      const destination = /^\s*(?:(?:of|by) [^,;]{1,80}? )?to (?:the )?(\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)*(?: of(?: the)? \p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)*)?)/u.exec(n.after);
      // "the recent talks", "since the dialogue", "took place after talks between ...": an event other than the one told.
      // "the memorandum signed in Hanoi in January 2024, during a state visit by ...": the visit of a document's past.
      const signedDuring = n.kind === 'visit' && !n.anaphoric && /\bsigned\b[^.;]*,\s*during\s+(?:[\p{L}-]+\s+){0,4}$/u.test(text.slice(0, n.start)) && main !== undefined;
      // ("reciprocating the visit of X to Hanoi last year": the visit returned is an earlier one.)
      const earlier = OTHER_EVENT.test(n.modifiers) || /\b(?:since|reciprocating|returning|in return for)\s*$/i.test(n.lead) || (!n.anaphoric && n.det === '' && /\b(?:after|before|following|prior to)\s*$/i.test(n.lead)) || signedDuring;
      // "the recent phone talks between A and B": the persons named in the "between" phrase.
      // ("Talks were held in Hanoi on Thursday between A and B": the same, after a passive "held".)
      const betweenM = /^\s*(?:(?:was|were) held\b[^,;]*?\s)?between\s/.exec(n.after);
      const betweenEnd = betweenM ? n.end + (/,\s*as well as\b|;|\.\s/.exec(n.after)?.index ?? n.after.length) : n.end;
      let betweenPersons = betweenM ? actorsIn(a, n.end, betweenEnd) : [];
      // "between the two defence ministers": the countries of the two sides of the event told.
      const inFocus = focus ?? main;
      const focusPersons = inFocus ? [...inFocus.participants.keys()].filter((k) => ctx.persons.has(k)) : [];
      if (betweenM && !betweenPersons.length && /^\s*between (?:the|their) two (?:[a-z]+ ){0,2}(?:ministers|chiefs|leaders|commanders|generals)\b/.test(n.after) && !OTHER_EVENT.test(n.modifiers) && focusPersons.length === 2) {
        // "talks between the two ministers" (the ministers just told of): those two persons.
        for (const k of focusPersons) betweenPersons.push({ key: k, kind: 'person', start: n.end, end: n.end, nested: false });
      } else if (betweenM && !betweenPersons.length && /^\s*between (?:the|their) two (?:[a-z]+ ){0,2}(?:coast guards|navies|armies|air forces|border guards|forces|militaries|ministries|agencies|academies|units|commands)\b/.test(n.after) && main &&
        [...main.participants.keys()].filter((k) => ctx.organizations.has(k)).length === 2) {
        // "the first joint exercise between the two coast guards": the two bodies of the event told.
        for (const k of [...main.participants.keys()].filter((k) => ctx.organizations.has(k))) betweenPersons.push({ key: k, kind: 'organization', start: n.end, end: n.end, nested: false });
      } else if (betweenM && !betweenPersons.length && /^\s*between (?:the|their) two (?:[a-z]+ ){0,2}(?:ministers|sides|chiefs|leaders|countries|commanders)\b/.test(n.after) && main) {
        const sides = new Set([...main.participants.keys()].map((k) => ctx.persons.get(k)?.nationality?.key).filter((k): k is string => !!k));
        if (sides.size === 2) for (const c of sides) betweenPersons.push({ key: c, kind: 'country', start: n.end, end: n.end, nested: false });
      }
      // "In a phone call with Wei, Lich said ...", "during his talks with Y": the persons "with" whom.
      // ("his talks earlier in the day with Deputy Minister X": with whom, past a time of the day.)
      const withM = /^\s*(?:(?:earlier|later)(?:\s+(?:in|on|that)\s+(?:the\s+)?(?:same\s+)?(?:day|morning|afternoon|week))?\s+|the (?:previous|same) day\s+)?with\s/.exec(n.after);
      if (withM && !betweenPersons.length) {
        const withEnd = n.end + (/[,;]|\.\s/.exec(n.after)?.index ?? n.after.length);
        // ("her working session with the Viet Nam Department of Peacekeeping Operations": a body, when no person is named.)
        const named = actorsIn(a, n.end, withEnd);
        const withPersons = named.length ? named
          : ['his', 'her'].includes(n.det) ? actorsIn(a, n.end + withM[0].length, withEnd, ['organization']).filter((x) => x.start <= n.end + withM[0].length + 4).slice(0, 1) : [];
        if (withPersons.length) {
          const speaker = n.start < 40 ? actorsIn(a, n.end, text.length).filter((p) => !withPersons.includes(p) && SPEECH.test(text.slice(p.end))).slice(0, 1) : [];
          let owner = n.possessorEnd !== undefined || ['his', 'her'].includes(n.det) ? actorsIn(a, 0, n.start).slice(-1) : [];
          // ("He said this was agreed during his bilateral meeting with X": "his" is the one the last sentence quoted.)
          if (!owner.length && ['his', 'her'].includes(n.det) && lastSubject && !withPersons.some((p) => p.key === lastSubject)) owner = [{ key: lastSubject, kind: 'person', start: 0, end: 0, nested: false }];
          betweenPersons = [...owner, ...speaker, ...withPersons];
        }
      }
      // "a visit by a delegation from Vietnam": the country is a party.
      const fromM = n.kind === 'visit' ? /^[^;.]*?\bby (?:a|the|an) (?:[\p{L}-]+ ){0,3}delegation (?:from|of) (?:the )?/u.exec(n.after) : null;
      // ("the visit to Mongolia by a high-ranking Vietnamese military delegation": the demonym's country.)
      const byDemonym = n.kind === 'visit' && !fromM ? /^[^;.]*?\bby (?:a|the|an) (?:[\p{Ll}-]+ ){0,2}(\p{Lu}\p{L}+) (?:[\p{Ll}-]+ ){0,2}delegation\b/u.exec(n.after) : null;
      const delegationOf = fromM ? a.actors.find((x) => x.kind === 'country' && x.start === n.end + fromM[0].length)
        : byDemonym ? a.actors.find((x) => x.kind === 'country' && x.start === n.end + byDemonym.index + byDemonym[0].lastIndexOf(byDemonym[1])) : undefined;
      let target: Meeting | undefined;
      // "the talks" is the event of that kind told last (the one in focus first), else the main event; "the
      // event kicked off on March 17" still refers back when the date does not contradict the event's.
      // "At the meeting with Collins": the event told with that person.
      const withWhom = n.anaphoric && withM && betweenPersons.length ? [...meetings].reverse().find((m) => !gatherings.has(m) && betweenPersons.every((p) => inIt(m, p.key))) : undefined;
      const told = n.anaphoric && !agent.length
        // ("Following the dialogue, ..." after "since the 13th dialogue in 2023": the dialogue reported, not the earlier one.)
        ? withWhom ?? (withM && betweenPersons.length ? undefined : (focus && kindHints.get(focus)!.has(n.kind) && !(background.has(focus) && n.det === 'the' && main && kindHints.get(main)!.has(n.kind)) ? focus
          : [...meetings].reverse().find((m) => !gatherings.has(m) && !background.has(m) && kindHints.get(m)!.has(n.kind)) ?? [...meetings].reverse().find((m) => !gatherings.has(m) && kindHints.get(m)!.has(n.kind))) ??
          // "The conference brought together ...": the gathering on whose sidelines the event was.
          (n.kind === 'conference' ? [...meetings].reverse().find((m) => gatherings.has(m) && kindHints.get(m)!.has('conference')) : undefined) ?? main)
        : undefined;
      // Only a date right after the noun dates the event referred to ("the event kicked off on March 17").
      const nearDates = datesAfter.filter((d) => d.start - n.end < 40);
      // "progress since their meeting held in November last year": the meeting before the one told, between the two.
      const since = n.anaphoric && /\bsince\s*$/i.test(n.lead) && n.det === 'their';
      if (since && !betweenPersons.length && focusPersons.length === 2) for (const k of focusPersons) betweenPersons.push({ key: k, kind: 'person', start: n.end, end: n.end, nested: false });
      // ("presided over the welcome ceremony ..., followed by talks between the two ministers": the talks are an event of their own.)
      const followedBy = /\bfollowed by\s*$/i.test(n.lead) && main !== undefined && !kindHints.get(main)!.has(n.kind);
      const refersBack = n.anaphoric && !since && !followedBy && !agent.length && !/\b(?:reciprocating|returning|in return for)\s*$/i.test(n.lead) && (withWhom !== undefined || !(withM && betweenPersons.length)) && (!nearDates.length || (told !== undefined && datesAgree(told.date, nearDates[0].date)));
      const guests = (m: Meeting) => [...m.participants.keys()].filter((k) => ctx.persons.has(k) && !m.hosts.has(k));
      if (refersBack && n.kind === 'visit' && main && main.hosts.size > 0 && guests(main).length > 0 && !meetings.some((m) => kindHints.get(m)!.has('visit'))) {
        // "X received visiting Y. ... The visit from November 13 to 16 aims ...": the guest's visit, of which the reception is part.
        target = create('visit', si, '');
        participate(target, guests(main).map((key) => ({ key, kind: 'person' as const, start: n.start, end: n.start, nested: false })), si);
        const hostSide = [...main.hosts.keys()].map((k) => ctx.persons.get(k)?.nationality?.key).find(Boolean);
        if (hostSide) target.location = { key: `country:${hostSide}`, evidence: [si] };
        for (const m of meetings) if (m !== target && !m.partOf && guests(main).some((k) => m.participants.has(k))) m.partOf = { id: target.id, evidence: [si] };
        lastVisit = target;
      } else if (refersBack) {
        target = told ?? (main ??= create(n.kind, si, ''));
        hint(target, n.kind, si);
      } else {
        // A specific event: one already known (same ordinal and kind, or a visit to the same place), or a new one.
        const dateValue = datesAfter[0]?.date.value;
        target = meetings.find((m) =>
          (n.ordinal !== undefined && m.ordinal === n.ordinal && kindHints.get(m)!.has(n.kind)) ||
          (n.kind === 'visit' && m.kind === 'visit' && destination !== null && m.label.includes(destination[1]) && (!dateValue || m.date?.value === dateValue) &&
            (!agent.length || m.participants.has(agent[0].key))) ||
          // "Hieu's visit underscores ...": the visit of his already told.
          (n.kind === 'visit' && m.kind === 'visit' && n.possessorEnd !== undefined && agent.length > 0 && m.participants.has(agent[0].key) && !dateValue && !earlier && !background.has(m)) ||
          // "A week-long trip ... by a senior official" in the standfirst, then "wrapped up a week-long trip to Israel": the same trip.
          (n.kind === 'visit' && m.kind === 'visit' && m.participants.size === 0 && !earlier && !background.has(m) && n.modifiers !== '' && m.label.startsWith(`${n.modifiers} ${n.noun}`)) ||
          // "the Defence Expo 2024" named again: the event of that name.
          (n.year !== undefined && m.label === n.phrase));
        if (!target && main && !earlier && !followedBy && betweenPersons.length >= 2 && betweenPersons.every((p) => main!.participants.has(p.key)) && (n.ordinal === undefined || n.ordinal === main.ordinal)) target = main;
        if (!target && main && !anchored(main) && !earlier && n.kind !== 'visit' && n.det !== 'a' && n.det !== 'an') {
          target = main;
          hint(main, n.kind, si);
          if (!main.label) main.label = n.phrase;
        }
        // "praised Vietnam's hosting of the Defence Expo 2024": an event named with a year other than the one told.
        const refYear = main?.date?.value?.slice(0, 4) || ctx.written?.slice(0, 4);
        // (Without a year to compare: when the event reported is dated by its day alone, "on Monday", one dated by a
        // year or a month of a year, "in 2022", is from before it.)
        const pastYear = dateValue !== undefined && /^\d{4}/.test(dateValue) && refYear !== undefined && dateValue.slice(0, 4) < refYear;
        const yearOnly = !pastYear && refYear === undefined && dateValue !== undefined && main?.date !== undefined && /^\d{4}(?:-\d{2})?$/.test(dateValue);
        const otherYear = n.year !== undefined && main !== undefined && !main.date?.value?.startsWith(n.year);
        const specific = followedBy || datesAfter.length > 0 || agent.length > 0 || betweenPersons.length >= 2 || delegationOf !== undefined || n.ordinal !== undefined || earlier || (n.kind === 'visit' && destination !== null) ||
          // "had held the first X and the Defence Ministers' Meeting": a named event held by others.
          (heldBy !== undefined && !heldVerb && /\p{Lu}/u.test(n.modifiers)) ||
          otherYear;
        if (!target) {
          if (!main && !earlier && !(dateValue && /^\d{4}(-\d{2})?$/.test(dateValue) && !datesAfter[0].date.start)) target = main = create(n.kind, si, n.phrase);
          else if (specific) {
            target = create(n.kind, si, n.phrase);
            // An event from before the one reported ("the recent phone talks between A and B", "Giang's visit in 2023").
            // (So is one dated in a year before the article's: "recalled his first trip to Vietnam in 2019".)
            if ((earlier && !/\b(?:separate|another)\b/i.test(n.modifiers)) || (betweenM !== null && betweenPersons.length >= 2) || n.possessorEnd !== undefined || otherYear ||
              pastYear) background.add(target);
            if (pastYear || yearOnly) dated.add(target);
          }
          else if (main && n.det !== 'a' && n.det !== 'an') {
            target = main;
            hint(main, n.kind, si);
          }
        }
      }
      if (!target) continue;
      nounTargets.set(n, target);
      if (!target.evidence.includes(si)) target.evidence.push(si);
      // Another event named inside the sentence ("... most notably the recent phone talks between A and B")
      // is not what the sentence's subject did; one that opens the sentence ("At a separate meeting, ...") is.
      if (!(earlier || (betweenM !== null && betweenPersons.length >= 2) || n.possessorEnd !== undefined || background.has(target) || (byOf !== null && agent.length > 0)) || (n.start < 25 && /^[\s"“'‘(]*(?:(?:at|in|during|on|after)\b.*)?$/i.test(n.lead))) scope ??= target;
      participate(target, betweenPersons, si);
      // "Vietnam and Australia held their fifth Defence Ministers' Meeting": those who held it take part.
      if (heldBy && !claimed.some(([s, e]) => n.start >= s && n.end <= e)) {
        const cs = clauseStart(text, heldBy.index);
        // "in 2023 the two sides held ...": a date before the verb dates what it held.
        // (Not across a verb it is joined to: "signed a memorandum in 2010 and held a dialogue in 2012".)
        if (!target.date && !/\band\s+$/.test(text.slice(cs, heldBy.index))) setDate(target, a, cs, heldBy.index, heldBy.index);
        const holders = a.actors.filter((x) => !x.nested && x.start >= cs && x.end <= heldBy.index);
        participate(target, holders, si);
        // "the two countries held their third dialogue": the countries of the event reported.
        if (!holders.length && /\b(?:the two|both) (?:countries|nations|sides|militaries|armies|navies|defence ministries|defense ministries)\s+(?:had\s+|have\s+)?$/i.test(text.slice(cs, heldBy.index)) && main && main !== target) {
          const sides = [...main.participants.keys(), ...main.involves.keys()].flatMap((k) => {
            const p = ctx.persons.get(k);
            if (p) return p.nationality ? [p.nationality.key] : [];
            return ctx.organizations.has(k) ? [] : [k];
          });
          participate(target, [...new Set(sides)].map((key) => ({ key, kind: 'country' as const, start: cs, end: cs, nested: false })), si);
        }
      }
      // "At a separate meeting, ...": another event of the same occasion, on the sidelines of the same gathering.
      if (/\b(?:separate|another)\b/i.test(n.modifiers) && focus?.partOf && target !== focus && !target.partOf) target.partOf = { ...focus.partOf };
      if (delegationOf) {
        participate(target, [delegationOf], si);
        // The person of the event in scope who speaks for that country led it ("a delegation from X", not "a Vietnamese delegation").
        if (fromM) for (const k of (scope ?? main)?.participants.keys() ?? []) if (ctx.persons.get(k)?.nationality?.key === delegationOf.key) addRole(target, 'participants', k, si);
      }
      if (n.ordinal !== undefined) target.ordinal ??= n.ordinal;
      if (!target.label && !n.anaphoric) target.label = n.phrase;
      participate(target, agent, si);
      participate(target, handoverParties, si);
      // "Voronov noted that much had been done since his own visit to Hanoi": "his" is the one the sentence is about.
      if (n.kind === 'visit' && !agent.length && (n.det === 'his' || n.det === 'her') && target.participants.size === 0) {
        const owner = a.actors.filter((x) => x.kind === 'person' && !x.nested && x.end <= n.start);
        if (owner.length) participate(target, owner.slice(0, 1), si);
        // ("He recalled his official visit to Thailand in 2022": the one "he" is, the last to speak.)
        // ("He thanked her for helping arrange his official visit to Australia": "his" is "he", past a few words.)
        else if (lastSubject && new RegExp(`^\\s*${n.det === 'his' ? 'He' : 'She'}\\s+(?:[a-z]+\\s+){0,6}$`).test(text.slice(0, n.start).replace(/\b(?:his|her)\s+(?:[\p{L}-]+\s+){0,3}$/u, ''))) {
          addRole(target, 'participants', lastSubject, si);
        } else {
          // ("The German official recalled his first trip to Vietnam": the person the role refers to.)
          const lead = text.slice(0, n.start).replace(/\b(?:his|her)\s+(?:[\p{L}-]+\s+){0,3}$/u, '');
          const role = ROLE_SUBJECT.exec(lead);
          const key = role && role.index <= 20 && !/[,;]/.test(lead.slice(0, role.index)) && /^\s+(?:[a-z]+\s+){0,2}$/.test(lead.slice(role.index + role[0].length)) ? resolveRole(role[0]) : undefined;
          if (key) addRole(target, 'participants', key, si);
        }
      }
      // "The delegation is on a working visit to Vietnam", "He was on a visit to ...": the one who is on it.
      // ("The Vietnamese navy chief is in Indonesia for an official visit": the same.)
      const onVisit = n.kind === 'visit' && !agent.length ? /\b(?:is|was|are|were) (?:currently |now )?(?:in (?:the )?(?:\p{Lu}[\p{L}-]*\s+){1,3})?(?:on|paying|making|for)\s*$/u.exec(n.lead) : null;
      if (onVisit) {
        const cs = clauseStart(text, onVisit.index);
        // "received X, who is on a visit": X, the one the relative clause is about.
        const rel = /,\s*who\s+$/.exec(text.slice(0, onVisit.index));
        const who = rel ? a.actors.filter((x) => x.kind === 'person' && !x.nested && x.end <= rel.index).slice(-1)
          : a.actors.filter((x) => x.kind === 'person' && !x.nested && x.start >= cs && x.end <= onVisit.index);
        const role = who.length ? null : ROLE_SUBJECT.exec(text.slice(cs, onVisit.index));
        const key = role ? resolveRole(role[0]) : undefined;
        const visitors = who.length ? who : key ? [{ key, kind: 'person' as const, start: cs, end: cs, nested: false }] : [];
        participate(target, visitors, si);
        // The events the visitor took part in before it was named happened during it.
        for (const m of meetings) if (m !== target && !m.partOf && m.kind !== 'visit' && !background.has(m) && visitors.some((v) => m.participants.has(v.key))) m.partOf = { id: target.id, evidence: [si] };
      }
      // Countries in the name or "between A and B" or in the body it is a meeting of.
      participate(target, a.actors.filter((x) => x.kind !== 'person' && !x.nested && x.start >= n.start && x.end <= n.end), si);
      const between = /^\s*between ([^,.;]+)/.exec(n.after);
      // ("between the Ministry of National Defence of Vietnam and the Ministry of National Defence of Laos": the two bodies.)
      if (between && betweenPersons.length < 2) participate(target, a.actors.filter((x) => (x.kind === 'country' || (x.kind === 'organization' && !x.nested)) && x.start >= n.end && x.end <= n.end + between[0].length), si);
      const of = /^\s*of (?:the )?([^,.;]+)/.exec(n.after);
      if (of) participate(target, a.actors.filter((x) => x.kind === 'country' && x.nested && x.start >= n.end && x.end <= n.end + of[0].length), si);
      if (n.kind === 'visit' && destination) {
        const dest = a.actors.find((x) => x.kind === 'country' && x.start > n.end && x.start - n.end <= 8);
        const place = a.places.find((p) => p.start > n.end && p.start - n.end <= 8);
        if (dest) {
          target.location ??= { key: `country:${dest.key}`, evidence: [si] };
        } else if (place) target.location ??= { key: `place:${place.key}`, evidence: [si] };
        // (The country as the text names it: "the Socialist Republic of Viet Nam", not its first words.)
        const to = dest && dest.start === n.end + destination.index + destination[0].length - destination[1].length ? text.slice(dest.start, dest.end) : destination[1];
        if (!target.label.includes(to)) target.label = `${n.phrase} to ${to}`;
        if (!dated.has(target)) lastVisit = target;
        const cs = clauseStart(text, n.start);
        if (!agent.length && /\b(?:is|was|are|were) (?:on|paying|making)\b|\b(?:leading|heading) (?:an?|the) (?:[A-Za-z-]+ ){0,3}delegation on\b|\b(?:paid|pays|paying|made|makes|making|began|begins|beginning|concluded|concluding|started|starting|kicked off|kicking off|wrapped up|wrapping up|continued|continuing)\b|\bas (?:a )?part of(?: an?| the| his| her)?\s*$/i.test(text.slice(cs, n.start))) {
          // "Y, who is on an official visit to ...": the person the relative clause is about.
          const rel = /,\s*who\s+(?:is|was|are|were)\s+(?:(?:leading|heading)\s+(?:an?|the)\s+(?:[\p{L}-]+\s+){0,3}delegation\s+)?(?:on|paying|making)\b[^,;]*$/u.exec(text.slice(0, n.start));
          let visitor = rel ? actorsIn(a, 0, rel.index).slice(-1) : actorsIn(a, cs, n.start).slice(0, 1);
          // "The Army chief, who is on ...": the person the role words mean.
          const roleWords = rel && !visitor.length ? ROLE_SUBJECT.exec(text.slice(clauseStart(text, rel.index), rel.index)) : null;
          const roleKey = roleWords ? resolveRole(roleWords[0]) : undefined;
          if (roleKey) visitor = [{ key: roleKey, kind: 'person', start: rel!.index, end: rel!.index, nested: false }];
          participate(target, visitor, si);
        }
        // "... at the invitation of his counterpart Y": the host of the visit.
        const invited = /^[^;.]*?\bat (?:the|an) invitation of\b/.exec(n.after);
        if (invited) {
          const hosts = actorsIn(a, n.end + invited[0].length, nEnd + 80).slice(0, 1);
          participate(target, hosts, si);
          for (const h of hosts) addRole(target, 'hosts', h.key, si);
        }
        // "attended ... as part of a working trip": what the sentence reports happened during the trip.
        if (scope && scope !== target && /\bas (?:a )?part of\s*$/i.test(n.lead) && !scope.partOf) scope.partOf = { id: target.id, evidence: [si] };
      }
      const framedHere = scope ?? main;
      if (n.kind === 'visit' && framedHere && target !== framedHere && /\bduring\s*$/i.test(n.lead) && !framedHere.partOf && !signedDuring) {
        // "The dialogue took place during the working trip ...", "had met in Hanoi during Ratner's visit": the event told is part of the visit.
        framedHere.partOf = { id: target.id, evidence: [si] };
        // ("During the visit, X called on A and B": each call.)
        for (const m of siblings.get(framedHere) ?? []) m.partOf ??= { id: target.id, evidence: [si] };
      }
      setDate(target, a, n.end, refersBack ? Math.min(nEnd, n.end + 40) : nEnd, n.end);
      // "signed ... in March 2023, during a state visit by ...": the time of the clause the visit frames.
      const framing = !target.date && !refersBack ? /,\s*during\s+(?:[\p{L}-]+\s+){0,4}$/u.exec(text.slice(0, n.start)) : null;
      if (framing) setDate(target, a, clauseStart(text, Math.max(0, framing.index - 1)), framing.index, framing.index);
      // "Defence Expo 2024 opened on December 19": the year in the event's name dates it.
      if (n.year && !refersBack) {
        if (!target.date) target.date = { value: n.year, text: n.year };
        else if (!target.date.value) target.date = inYear(target.date, n.year);
        target.dateEvidence ??= [si];
      }
      if (target === main && !refersBack) {
        setDate(target, a, clauseStart(text, n.start), clauseEnd(text, n.end), n.end);
        setPlace(target, a, 0, text.length);
      } else setPlace(target, a, heldBy && !heldVerb ? n.start : clauseStart(text, n.start), nEnd);
    }

    // 2b. "The first and second exchanges took place in 2022 and 2024", "after visits in 2018 and 2024": one earlier
    // event of the series a year, between the parties of the event reported.
    const series = main ? /\b(visits|port calls|exchanges|dialogues|rounds of (?:talks|consultations)|exercises|patrols)\b[^.;]{0,60}?\bin ((?:19|20)\d{2})((?:, (?:19|20)\d{2})*),? and ((?:19|20)\d{2})\b/.exec(text) : null;
    if (series && main && !PLANNED_BEFORE.test(text.slice(0, series.index + series[1].length))) {
      if (tracing) rule = `series: "${series[0]}" are earlier events, one a year`;
      const kind = kindOfNoun(series[1].replace(/^rounds of /, '').replace(/s$/, ''));
      const years = [series[2], ...series[3].split(',').map((y) => y.trim()).filter(Boolean), series[4]];
      const sides = [...main.participants.keys()].filter((k) => !ctx.persons.has(k))
        .map((key) => ({ key, kind: (ctx.organizations.has(key) ? 'organization' : 'country') as ActorRef['kind'], start: series.index, end: series.index, nested: false }));
      for (const y of years) {
        if (meetings.some((m) => m.date?.value === y && kindHints.get(m)!.has(kind))) continue;
        const e = create(kind, si, `${series[1].replace(/s$/, '')} ${y}`);
        e.date = { text: y, value: y };
        e.dateEvidence = [si];
        participate(e, sides, si);
        background.add(e);
      }
    }

    // "This is the third JMSDF ship to visit Cam Ranh, after JS X in 2019 and JS Y in 2023": the earlier port call of
    // each ship named with its prefix and a year, its navy's.
    const after = main?.kind === 'visit' && /\b(?:to visit|to call at|has visited|have visited|port calls?)\b/.test(text) ? /\bafter\s+/.exec(text) : null;
    if (after && main) {
      if (tracing) rule = 'series: "after <ship> in <year>" names an earlier port call';
      const ships = execAll(SHIP_IN_YEAR, text.slice(after.index));
      for (const ship of ships) {
        const side = navyOf(SHIP_PREFIX_COUNTRY[ship[1]]);
        const parties = side ? [side.key] : [...main.participants.keys()].filter((k) => NAVY.test(ctx.organizations.get(k)?.name ?? ''));
        if (!parties.length || meetings.some((m) => m.date?.value === ship[3] && m.kind === 'visit' && parties.every((k) => m.participants.has(k)))) continue;
        const e = create('visit', si, `port call of ${ship[1]} ${ship[2].trim()}`);
        e.date = { text: ship[3], value: ship[3] };
        e.dateEvidence = [si];
        for (const k of parties) addRole(e, 'participants', k, si);
        background.add(e);
      }
    }

    // "The ship, under the command of Captain X, carries ...": the commander of a ship on a port call takes part in it.
    const commanded = /command/.test(text) ? /\b(?:under the command of|commanded by|captained by)\s/.exec(text) : null;
    const shipVisit = commanded ? [focus, main].find((m) => m !== undefined && m.kind === 'visit') : undefined;
    if (commanded && shipVisit) {
      if (tracing) rule = '"under the command of X": the commander of the ship on a port call takes part in it';
      participate(shipVisit, a.actors.filter((x) => x.kind === 'person' && !x.nested && x.start >= commanded.index && x.start < clauseEnd(text, commanded.index + commanded[0].length) + 1).slice(0, 1), si);
    }

    // "The document was signed by A and B": after a signing told ("witnessed the signing of ..."), its signers took part.
    const signedBy = !scope && /signed by/.test(text) ? /\b(?:was|were) signed by\b/.exec(text) : null;
    const signing = signedBy ? [focus, main].find((m) => m !== undefined && /\bsigning\b/i.test(m.label)) : undefined;
    if (signedBy && signing) {
      if (tracing) rule = '"was signed by A and B": the signers took part in the signing told';
      participate(signing, a.actors.filter((x) => x.kind === 'person' && !x.nested && x.start > signedBy.index), si);
      if (!signing.evidence.includes(si)) signing.evidence.push(si);
    }

    // 3. Whom the sentence is about: subjects of speech verbs take part in the event in scope.
    if (tracing) rule = 'speaker: the subject of a speech verb, or "led by", takes part in the event the sentence is about';
    const about = scope ?? (nouns.every((n) => n.anaphoric || handled.has(n)) ? focus ?? main : undefined);
    if (!about) {
      // ("..., said Defence Minister X." before any event: X is the "he" of the next sentence.)
      const quoted = a.actors.find((x) => x.kind === 'person' && INVERTED_SPEECH.test(text.slice(Math.max(0, x.start - 200), x.start).replace(/[\s,]*(?:the )?(?:[\p{Lu}][\p{L}.]* )*$/u, '')));
      if (quoted) lastSubject = quoted.key;
    }
    if (about) {
      const people = a.actors.filter((x) => x.kind === 'person');
      // "The Lao officer thanked ...", "The guest said ...": a role reference that speaks.
      const roleSpeaker = people.length && people[0].start < 40 ? null : /^\s*(?:(?:At|During|Speaking at) [^,]{1,60},\s*)?(?:the\s+)((?:[\p{L}-]+\s+){0,3}(?:guest|visitor|host|minister|ambassador|officer|official|general|admiral|envoy|diplomat|leader|commander|chief))\s+(?:also\s+|then\s+)?(\S+)/iu.exec(text);
      if (roleSpeaker && SPEECH.test(roleSpeaker[2])) {
        const key = resolveRole(roleSpeaker[1]);
        if (key && (about.participants.has(key) || !meetings.some((m) => m !== about && m.participants.has(key)))) addRole(about, 'participants', key, si);
      }
      // "A and his Australian counterpart B expressed ...": A speaks with B.
      const speaks = new Set<ActorRef>();
      for (let i = people.length - 1; i >= 0; i--) {
        const p = people[i];
        const next = people[i + 1];
        // ("A, Deputy Chief of the General Staff, and B spoke at the ceremony": an appositive between them.)
        if (SPEECH.test(text.slice(p.end)) || (next && speaks.has(next) && /^\s*(?:,[^,;]{3,90},)?\s*,?\s*and\s+(?:(?:his|her|their|the)\s+)?(?:[\p{L}.'-]+\s+){0,5}$/u.test(text.slice(p.end, next.start)))) speaks.add(p);
      }
      for (const p of people) {
        const before = text.slice(0, p.start);
        // (A spokesperson tells of the event; they are no party to it.)
        // (Nor does an analyst quoted on it: "said Dr X, a visiting fellow at ...".)
        const spokesperson = [...(ctx.persons.get(p.key)?.positions.keys() ?? [])].some((t) => /\bspokes(?:person|man|woman)\b|\bpress (?:secretary|officer)\b|\b(?:analyst|fellow|researcher|scholar|lecturer|correspondent|reporter|journalist)\b/i.test(t)) ||
          /^,?\s*(?:an?|the)\s+(?:[\p{L}-]+\s+){0,3}(?:analyst|fellow|researcher|scholar|lecturer|expert|professor|correspondent|reporter|journalist)\b/iu.test(text.slice(p.end)) ||
          // (", PCG spokesperson for the West Philippine Sea, told reporters": the same, in an appositive.)
          /^,\s*(?:(?:an?|the)\s+)?(?:[\p{L}-]+\s+){0,3}spokes(?:person|man|woman)\b/iu.test(text.slice(p.end)) ||
          /\bspokes(?:person|man|woman)\s+(?:[\p{Lu}][\p{L}.]*\s+){0,4}$/iu.test(before.slice(-60));
        if (!spokesperson && (speaks.has(p) || INVERTED_SPEECH.test(before.slice(-200).replace(/[\s,]*(?:the )?(?:[\p{Lu}][\p{L}.]* )*$/u, '')))) {
          // With no event named in the sentence, one who already took part in another event spoke there, not at the last one told.
          // ("Khai said the port call is a contribution ...": the host of a courtesy call during a visit speaks of the visit, not in it.)
          const elsewhere = (!scope && !about.participants.has(p.key) && meetings.some((m) => m !== about && m.participants.has(p.key))) ||
            (about.kind === 'visit' && !about.participants.has(p.key) && meetings.some((m) => m.partOf?.id === about.id && m.participants.has(p.key)) && !ofVisitors(about, p.key));
          // "Chien recalled that in 2023 the two sides held the 10th dialogue": the speaker speaks at the event told
          // before, not at one his words recall.
          const told = focusBefore ?? main;
          // (Nor at an earlier event told in passing: "Chien thanked him for the organisation of the visit to Japan by X in 2023".)
          const recalled = about.evidence[0] === si && told && told !== about && (((background.has(about) || dated.has(about)) && !about.participants.has(p.key)) ||/^\s*(?:\w+\s+){0,2}?(?:recalled|said|noted|stressed|added|affirmed|highlighted|emphasi[sz]ed|mentioned|reminded|recounted)\s+that\b/.test(text.slice(p.end)) ||
              // ("... and recalled the port call by a Sri Lankan ship last year": the event recalled is another.)
              /\b(?:recalled|recalling|mentioned|recounted|reminded (?:\w+ )?of|(?:results?|outcomes?|achievements?|success) of)\s+(?:the|his|her|their|a|an)\s+(?:[\p{L}-]+\s+){0,4}?(?:visit|port call|call|talks|meeting|dialogue|trip|exercise|patrol|exchange|consultations?)\b/u.test(text.slice(p.end)));
          if (recalled) addRole(told!, 'participants', p.key, si);
          else if (!elsewhere) addRole(about, 'participants', p.key, si);
          lastSubject = p.key;
        }
        // ("...; the Lao delegation by Brigadier General Y": the verb left out.)
        // ("led by A, Deputy Commander of Naval Region 5, and B": both.)
        if (/\b(?:led|headed|delegations?) by\s+(?:[a-z]+\s+){0,3}(?:(?:\p{Lu}[\p{L}.'-]*|\d+|of|the|for|and|its|his|her|their),?\s+){0,16}$/u.test(before)) {
          // "The Vietnamese delegation was led by X": X took part where that country's delegation did.
          const country = /\b(\p{Lu}[\p{L}]+) delegation (?:was|is) (?:led|headed) by\b/u.exec(before)?.[1];
          const ck = country ? countryOfForm(country) : undefined;
          const where = ck && !about.participants.has(slug(ck)) ? meetings.find((m) => m.participants.has(slug(ck))) : undefined;
          addRole(where ?? about, 'participants', p.key, si);
        }
        // "Baram was accompanied by Ambassador X": X took part where the one accompanied did.
        const acc = /\baccompanied by\s+(?:(?:\p{Lu}[\p{L}.'-]*|of|the|for|and|his|her|their)\s+){0,12}$/u.exec(before);
        if (acc) {
          const led = people.filter((x) => x.end <= acc.index && x.start >= clauseStart(text, acc.index));
          const where = [...meetings].reverse().find((m) => led.some((x) => m.participants.has(x.key)));
          if (tracing) rule = 'role: "accompanied by" someone who took part';
          addRole(where ?? about, 'participants', p.key, si);
        }
      }
      for (const o of a.actors.filter((x) => x.kind === 'organization' && !x.nested)) {
        // "co-organised by the department and the UK Embassy": each body named.
        if (/\b(?:co-)?(?:hosted|organi[sz]ed) by\s+(?:the\s+)?(?:[^,;.]*?\band\s+(?:the\s+)?)?$/i.test(text.slice(Math.max(0, o.start - 160), o.start))) {
          addRole(about, 'participants', o.key, si);
          addRole(about, 'hosts', o.key, si);
        }
      }
      // "with the participation of chiefs of defence from Brunei, Cambodia, ...": the countries take part.
      if (tracing) rule = 'party: "the French delegation" presents its country as a party';
      for (const c of a.actors) {
        // (A delegation invited to a later event is no party of this one.)
        if (c.kind === 'country' && !c.nested && /^\s+(?:(?:military|defen[cs]e|high-ranking|high-level|official|naval|army)\s+)?delegations?\b/i.test(text.slice(c.end, c.end + 40)) &&
          !/\binvit\w*\s+(?:an?\s+|the\s+)?$/i.test(text.slice(Math.max(0, c.start - 20), c.start))) addRole(about, 'participants', c.key, si);
        // "a delegation of the Royal Cambodian Armed Forces led by ...": the body the delegation is of.
        if (c.kind === 'organization' && !c.nested && /\bdelegations? of (?:the\s+)?$/i.test(text.slice(Math.max(0, c.start - 40), c.start))) addRole(about, 'participants', c.key, si);
      }
      if (tracing) rule = 'party: "with the participation of" countries';
      const with_ = /\bparticipation of\b/i.exec(text);
      if (with_) participate(about, a.actors.filter((x) => x.kind === 'country' && !x.nested && x.start > with_.index), si);
      // "under the presidency of General X": the chair.
      if (tracing) rule = 'chair: "under the presidency of"';
      const under = /\bunder the (co-)?(?:presidency|chairmanship|chair|co-chair|chairing) of\b/i.exec(text);
      if (under) {
        // "under the co-chair of A and B": each of them.
        const named = a.actors.filter((x) => x.kind === 'person' && x.start > under.index && x.start < clauseEnd(text, under.index + under[0].length));
        for (const chair of /co-?chair/i.test(under[0]) ? named : named.slice(0, 1)) {
          addRole(about, 'chairs', chair.key, si);
          addRole(about, 'participants', chair.key, si);
        }
      }
      // "... as ASEAN Chair": the body a host acts for.
      for (const x of a.actors) if (x.kind === 'organization' && /\bas\s+$/.test(text.slice(Math.max(0, x.start - 4), x.start)) && about.hosts.size) addRole(about, 'participants', x.key, si);
      if (!about.evidence.includes(si)) about.evidence.push(si);
    }
    // Agreements and areas of the sentence belong to the event in scope, else to the main event.
    const holder = about ?? scope ?? main;
    // A field named only inside the name of an event or a body ("defence strategy dialogue", "Political Work Department") is no field of cooperation.
    // (But the two sides act in the field of a joint exercise, drill, patrol or exchange they hold: "a joint search and
    // rescue exercise".)
    const acted = (n: { start: number; end: number; noun?: string; modifiers?: string }) => n.noun !== undefined && /^(?:joint )?(?:exercises?|drills?|patrols?|exchange)$/i.test(n.noun) && !/\p{Lu}/u.test(n.modifiers ?? '');
    const areas = a.areas.filter((ar) => ar.slug === 'multilateral-cooperation' ||
      ![...nouns, ...orgSpans].some((n) => ar.start >= n.start && ar.end <= n.end && !(acted(n) && ar.end <= n.end - ((n as { noun?: string }).noun ?? "").length)));
    if (holder) {
      for (const g of a.agreements) addEvidence(holder.agreements, g.key, si);
      for (const ar of areas) addEvidence(holder.areas, ar.slug, si);
    } else for (const ar of areas) orphanAreas.push([ar.slug, si]);
    if (scope ?? about) focus = scope ?? about;

    // "On the sidelines of the 2020 ADMM Retreat": the gathering is an event too, and the one reported is part of it.
    const sidelines = /sideline|margin|occasion/i.test(text) ? /\b(?:on|at) the (?:sidelines?|margins?|occasion) of (?:the )?/i.exec(text) : null;
    if (tracing) rule = 'gathering: "on the sidelines of" names an event the reported one is part of';
    // ("since their meeting held on the occasion of the ADMM-Plus": the event named right before it.)
    const nounBefore = sidelines ? [...nounTargets].find(([n]) => n.end <= sidelines.index && /^\s*,?\s*(?:(?:which|that) (?:was|were) )?(?:held|took place)?\s*$/.test(text.slice(n.end, sidelines.index))) : undefined;
    const reported = nounBefore?.[1] ?? scope ?? main;
    if (sidelines && reported) {
      const from = sidelines.index + sidelines[0].length;
      const name = /^(?:(?:19|20)\d{2}\s+)?(?:[\p{Lu}\d][\p{L}\d'’.+-]*|of|and|on|for|the|\([^)]{1,20}\))(?:\s+(?:[\p{Lu}\d][\p{L}\d'’.+-]*|of|and|on|for|the|\([^)]{1,20}\)))*/u.exec(text.slice(from))?.[0]
        .replace(/\s+on\s+(?:[A-Z][a-z]+\s+\d|\d|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b).*$/, '').replace(/\.$/, '').replace(/\s+(?:of|and|on|for|the)$/, '');
      // "on the sidelines of the event": the gathering told before.
      const told = name && /\p{Lu}/u.test(name) ? undefined
        : /^(?:event|meeting|conference|summit|forum|dialogue|session|retreat|exhibition|expo)\b/i.test(text.slice(from))
          ? [...meetings].reverse().find((m) => m !== reported && (m.kind === 'conference' || m === focusBefore)) : undefined;
      // ("on the occasion of" names a gathering only when a gathering body is named: not "of National Day".)
      const occasion = /occasion/i.test(sidelines[0]) ? a.actors.find((x) => x.kind === 'organization' && x.start >= from && x.start <= from + 3) : undefined;
      if (((name && /\p{Lu}/u.test(name)) || told) && (!/occasion/i.test(sidelines[0]) || (occasion !== undefined && GATHERING.test(ctx.organizations.get(occasion.key)?.name ?? '')))) {
        const label = told ? told.label : name!.replace(/\s*\([^)]*\)$/, '');
        // ("on the sidelines of the ADMM-Plus" after "the 12th ASEAN Defence Ministers' Meeting-Plus (ADMM-Plus)": the body's gathering told.)
        const body = a.actors.find((x) => x.kind === 'organization' && x.start >= from && x.end <= from + (name?.length ?? 0));
        const org = body ? ctx.organizations.get(body.key) : undefined;
        const ofBody = (m: Meeting) => org !== undefined && m.kind === 'conference' && [org.name, org.acronym].some((f) => f !== undefined && gatheringName(m.label) === gatheringName(f));
        const gathering = told ?? meetings.find((m) => m.label === label && m !== reported) ?? meetings.find((m) => m !== reported && ofBody(m)) ?? create('conference', si, label);
        gatherings.add(gathering);
        if (!gathering.evidence.includes(si)) gathering.evidence.push(si);
        reported.partOf ??= { id: gathering.id, evidence: [si] };
        // Every event the sentence tells took place there ("had bilateral meetings with A, B and C").
        for (const m of meetings.slice(createdBefore)) if (m !== gathering && m.kind !== 'conference') m.partOf ??= { id: gathering.id, evidence: [si] };
        // ("On the sidelines of the 12th ADMM-Plus in Kuala Lumpur on November 1, ...": the day the phrase gives the gathering.)
        const phraseEnd = text.indexOf(',', from);
        if (!gathering.date && phraseEnd > from && !told) setDate(gathering, a, from, phraseEnd, from);
        const year = name ? /\b((?:19|20)\d{2})\b/.exec(name)?.[1] : undefined;
        if (year && !gathering.date) {
          gathering.date = { value: year, text: year };
          gathering.dateEvidence = [si];
        }
        // Multilateral bodies named in the gathering's name take part: "ASEAN" in "ASEAN Defence Ministers' Meeting".
        for (const [re, key] of MULTILATERAL) if (name && re.test(name) && ctx.organizations.has(key)) addRole(gathering, 'participants', key, si);
        if (main === gathering) main = reported;
      }
    }
  }

  // An earlier event of the same series as the main one ("since the second dialogue") is between the same countries.
  if (tracing) rule = 'series: an earlier event of the same series is between the same countries';
  if (main) {
    // (A union of countries that is a side counts as one: "the EU and Viet Nam".)
    const isCountry = (k: string) => MULTILATERAL.some(([, key]) => key === k) || ctx.analyses.some((a) => a.actors.some((x) => x.key === k && x.kind === 'country'));
    const mainCountries = [...main.participants].filter(([k]) => isCountry(k));
    // Where the main event names only its persons (or one side by its country), their countries are the sides of the series.
    if (mainCountries.length < 2) {
      for (const [k, ev] of main.participants) {
        const person = ctx.persons.get(k);
        // (Or the country of the body the person serves: "Deputy Chief of the General Staff of the Vietnam People's Army".)
        const nat = person?.nationality?.key ?? (person?.affiliation ? ctx.organizations.get(person.affiliation.key)?.countryKey : undefined);
        if (nat && isCountry(nat) && !mainCountries.some(([c]) => c === nat)) mainCountries.push([nat, ev]);
      }
    }
    // (Or, with one side found, the two countries the article names, when it names only two.)
    const named = new Set(ctx.analyses.flatMap((x) => x.actors.filter((y) => y.kind === 'country').map((y) => y.key)));
    if (mainCountries.length === 1 && named.size === 2 && named.has(mainCountries[0][0])) {
      for (const c of named) if (c !== mainCountries[0][0]) mainCountries.push([c, mainCountries[0][1]]);
    }
    const mainHints = kindHints.get(main)!;
    for (const m of meetings) {
      // (And an earlier event told with no party at all: "building on the first bilateral consultations held in Hanoi in 2023".)
      if (m === main || m.kind === 'visit' || m.kind === 'conference' || gatherings.has(m) ||
        (![...kindHints.get(m)!].some((k) => mainHints.has(k)) && (m.participants.size > 0 || mainCountries.length !== 2)) || [...m.participants.keys()].some((k) => ctx.persons.has(k)) ||
        // (Nor one whose bodies already stand for both sides: "the French Navy and the Viet Nam People's Navy".)
        mainCountries.every(([c]) => m.participants.has(c) || [...m.participants.keys()].some((k) => ctx.organizations.get(k)?.countryKey === c))) continue;
      for (const [k, ev] of mainCountries) if (!m.participants.has(k)) addRole(m, 'participants', k, ...ev);
    }
  }

  // ("It is the second time the ship has visited, after a port call at Cam Ranh in 2019": an earlier port call told with
  // no party is the navy's of the port call reported.)
  if (main && main.kind === 'visit') {
    const navies = [...main.participants].filter(([k]) => NAVY.test(ctx.organizations.get(k)?.name ?? ''));
    if (tracing) rule = 'series: an earlier port call told with no party is the navy\'s of the one reported';
    for (const m of meetings) {
      if (m === main || m.kind !== 'visit' || m.participants.size > 0 || !navies.length || !/port call|\bcall\b/i.test(m.label)) continue;
      for (const [k, ev] of navies) addRole(m, 'participants', k, ...ev);
    }
  }
  if (main) for (const [area, si] of orphanAreas) addEvidence(main.areas, area, si);
  // Once an article says it reports from the sidelines of a gathering, the events it tells next took place there too.
  if (gatherings.size === 1) {
    const [g] = gatherings;
    if (tracing) rule = 'gathering: the events told after "on the sidelines of" took place there too';
    const first = Math.min(...g.evidence);
    for (const m of meetings) {
      if (m === g || m.partOf || background.has(m) || m.kind === 'visit' || m.kind === 'conference' || Math.min(...m.evidence) <= first) continue;
      m.partOf = { id: g.id, evidence: [Math.min(...m.evidence)] };
      if (tracing) note(m, m.partOf.evidence[0], `part of #${g.id}`);
    }
  }
  // A gathering on whose sidelines events took place: those who met there attended it; they happened in its year.
  if (tracing) rule = 'gathering: those who met on its sidelines attended it, in its year';
  for (const m of meetings) {
    const parent = m.partOf ? meetings.find((x) => x.id === m.partOf!.id) : undefined;
    if (!parent || parent.kind !== 'conference') continue;
    for (const [k, ev] of m.participants) if (ctx.persons.has(k)) addRole(parent, 'participants', k, ...ev);
    if (m.date && parent.date?.value && /^\d{4}$/.test(parent.date.value)) {
      const before = m.date.value;
      m.date = inYear(m.date, parent.date.value);
      if (tracing && m.date.value !== before) note(m, m.partOf!.evidence[0], `date "${m.date.text}" = ${m.date.value}, in the year of the gathering`);
    }
  }

  // "The Vietnam-Thailand Army-to-Army Staff Talks 2025 took place in Hanoi on June 17", "attended the opening of the
  // forum "Army-2023" on August 14": the year in the name of the event reported is the year of every day the article
  // gives without one, as a date line's would be.
  // (The name as the headline, the first sentence telling an event or the event reported's own sentence writes it.)
  const firstTold = Math.min(...meetings.map((m) => Math.min(...m.evidence)));
  const leadYear = main ? [ctx.analyses.find((a) => a.sentence.role === 'headline'), ctx.analyses.find((a) => a.sentence.index === firstTold),
    ctx.analyses.find((a) => a.sentence.index === Math.min(...main!.evidence))].map(yearOfReportedName).find((y) => y !== undefined) : undefined;
  if (leadYear) {
    if (tracing) rule = 'date: the year in the name of the event reported dates the days given without one';
    for (const m of meetings) {
      if (!m.date || m.date.value || /\b(?:19|20)\d{2}\b|\b(?:last|next) year\b/i.test(m.date.text)) continue;
      const dated = inYear(m.date, leadYear);
      if (!dated.value || dated.value.slice(0, 4) !== leadYear) continue;
      m.date = dated;
      if (tracing) note(m, m.dateEvidence?.[0] ?? m.evidence[0], `date "${m.date.text}" = ${m.date.value}, in the year of the event reported`);
    }
  }

  for (const m of meetings) {
    const hints = kindHints.get(m)!;
    const was = m.kind;
    if (m.kind !== 'visit') m.kind = namedExchange(m) ? 'meeting' : KIND_PRIORITY.find((k) => hints.has(k)) ?? m.kind;
    // A dialogue or consultation held by videoconference is still that dialogue.
    if (m.kind === 'teleconference' && hints.has('dialogue')) m.kind = 'dialogue';
    if (m.kind === 'visit' && /courtesy/i.test(m.label)) m.kind = 'meeting';
    if (tracing) rule = `type: the most telling of the hints (${KIND_PRIORITY.filter((k) => hints.has(k)).join(' > ')})`;
    if (tracing && (hints.size > 1 || was !== m.kind)) note(m, m.evidence[0], `type ${m.kind}`);
    if (tracing) rule = 'roles: whoever chairs or hosts takes part';
    // Everything chaired or hosted takes part; an event held during a visit happens where and when the visit does.
    for (const [k, ev] of [...m.chairs, ...m.hosts]) addRole(m, 'participants', k, ...ev);
    // Multilateral bodies named in a gathering's name take part: "ASEAN" in "the 16th ASEAN Military Operations Informal Meeting".
    if (tracing) rule = 'gathering: the multilateral body in its name takes part';
    if (m.kind === 'conference') {
      for (const [re, key] of MULTILATERAL) if (re.test(m.label) && ctx.organizations.has(key) && !m.participants.has(key)) addRole(m, 'participants', key, m.evidence[0]);
    }
    if (m.partOf) {
      const parent = meetings.find((x) => x.id === m.partOf!.id);
      if (parent) {
        // A visit's single day is the day it began ("arrived on June 6"), not the day of each of its events.
        const pd = parent.date;
        const arrivalDay = (parent.kind === 'visit' || parent.kind === 'conference') && pd !== undefined && !pd.start &&
          (pd.value ? pd.value.length === 10 : /(?:^|\s)\d{1,2}(?:st|nd|rd|th)?\b|day\b/i.test(pd.text) && !/\d{4}/.test(pd.text));
        if (!m.date && parent.date && !arrivalDay) {
          m.date = { ...parent.date };
          m.dateEvidence = parent.dateEvidence;
          if (tracing) rule = 'part of: an event during a visit takes its date';
          if (tracing) note(m, parent.dateEvidence?.[0] ?? m.evidence[0], `date "${m.date.text}"${m.date.value ? ` = ${m.date.value}` : ''}, from the event it is part of`);
        }
        m.location ??= parent.location;
      }
    }
    // A visit involves the country visited, and so does every event held during it.
    if (tracing) rule = 'sides: a visit involves the country visited, and so do the events held during it';
    const visited = [m, m.partOf ? meetings.find((x) => x.id === m.partOf!.id) : undefined]
      .find((v) => v?.kind === 'visit' && v.location?.key.startsWith('country:'))?.location;
    if (visited) {
      const c = visited.key.slice('country:'.length);
      if (tracing && !m.participants.has(c) && !m.involves.has(c)) note(m, visited.evidence[0], `involves ${c}`);
      if (!m.participants.has(c)) addEvidence(m.involves, c, ...visited.evidence);
    }
    // The organizations and countries the participants speak for are involved, unless the text names them as parties.
    for (const [k, ev] of [...m.participants]) {
      const p = ctx.persons.get(k);
      if (tracing) rule = "sides: a participant's organization and country are involved";
      for (const side of [p?.affiliation, p?.nationality]) {
        if (!side || m.participants.has(side.key)) continue;
        if (tracing && !m.involves.has(side.key)) note(m, ev[0], `involves ${side.key}`);
        addEvidence(m.involves, side.key, ...ev);
      }
    }
    m.evidence.sort((x, y) => x - y);
  }
  return meetings;
}
