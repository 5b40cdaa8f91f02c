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
import { addEvidence, type Meeting, type Organization, type Person } from './model.js';
import { execAll } from './tokens.js';

/** The kinds, most telling first: a teleconference that is also called a meeting is a teleconference. */
const KIND_PRIORITY: MeetingKind[] = ['teleconference', 'call', 'dialogue', 'reception', 'conference', 'talks', 'visit', 'meeting'];

/** Persons and other actors in [from, to) of the sentence, outside names of organizations and agreements. */
function actorsIn(a: SentenceAnalysis, from: number, to: number, kinds: ActorRef['kind'][] = ['person']): ActorRef[] {
  return a.actors.filter((x) => x.start >= from && x.end <= to && kinds.includes(x.kind) && !x.nested);
}

/** The end of the clause that starts at `from`: a semicolon, or ", while/but/which ...". */
function clauseEnd(text: string, from: number): number {
  const rest = text.slice(from);
  const m = /;|, (?:while|but|as|which|thus)\b/u.exec(rest);
  return m ? from + m.index : text.length;
}

function clauseStart(text: string, at: number): number {
  const before = text.slice(0, at);
  let best = 0;
  for (const m of execAll(/;\s|\bthat\s|\bwhen\s|\bwhile\s/g, before)) best = m.index + m[0].length;
  return best;
}

const ROLE_SUBJECT = /\b(?:he|she|the (?:[a-z-]+ ){0,3}(?:officer|minister|official|general|diplomat|leader|head|envoy|ambassador|admiral|secretary))\b/i;

export interface MeetingContext {
  analyses: SentenceAnalysis[];
  persons: Map<string, Person>;
  organizations: Map<string, Organization>;
}

/** The meetings of an article, with participants, chairs, hosts, dates, places, areas and agreements. */
export function extractMeetings(ctx: MeetingContext): Meeting[] {
  const meetings: Meeting[] = [];
  const kindHints = new Map<Meeting, Set<MeetingKind>>();
  let main: Meeting | undefined;
  let lastVisit: Meeting | undefined;
  let lastSubject: string | undefined;

  const create = (kind: MeetingKind, si: number, label: string): Meeting => {
    const m: Meeting = {
      id: meetings.length + 1, kind, label, participants: new Map(), chairs: new Map(), hosts: new Map(), areas: new Map(), agreements: new Map(), evidence: [si],
    };
    meetings.push(m);
    kindHints.set(m, new Set([kind]));
    return m;
  };
  const hint = (m: Meeting, kind: MeetingKind, si: number) => {
    kindHints.get(m)!.add(kind);
    if (!m.evidence.includes(si)) m.evidence.push(si);
  };
  const participate = (m: Meeting, refs: ActorRef[], si: number) => {
    for (const r of refs) addEvidence(m.participants, r.key, si);
  };
  const anchored = (m: Meeting) => m.label !== '' || m.ordinal !== undefined || m.date !== undefined || [...m.participants.keys()].some((k) => ctx.persons.has(k));
  const setDate = (m: Meeting, a: SentenceAnalysis, from: number, to: number, near: number) => {
    if (m.date) return;
    const ds = a.dates.filter((d) => d.start >= from && d.end <= to);
    if (!ds.length) return;
    const d = ds.sort((x, y) => Math.abs(x.start - near) - Math.abs(y.start - near))[0];
    m.date = { ...d.date };
    m.dateEvidence = [a.sentence.index];
  };
  const setPlace = (m: Meeting, a: SentenceAnalysis, from: number, to: number) => {
    if (m.location) return;
    for (const p of a.places) {
      if (p.start >= from && p.end <= to && /\bin\s*$/.test(a.text.slice(Math.max(0, p.start - 6), p.start))) {
        m.location = { key: `place:${p.key}`, evidence: [a.sentence.index] };
        return;
      }
    }
    // "held in France", "in Vietnam for": a country as the place.
    for (const c of a.actors) {
      if (c.kind === 'country' && !c.nested && c.start >= from && c.end <= to && /\bin\s+$/.test(a.text.slice(Math.max(0, c.start - 4), c.start))) {
        m.location = { key: `country:${c.key}`, evidence: [a.sentence.index] };
        return;
      }
    }
  };

  for (const a of ctx.analyses) {
    const si = a.sentence.index;
    const text = a.text;
    if (a.sentence.role === 'headline') continue;
    const orgSpans = a.actors.filter((x) => x.kind === 'organization');
    const nouns = nounMentions(text, orgSpans);
    if (a.sentence.role === 'caption') {
      // Captions never create events, but "X at the meeting" shows who took part.
      const at = AT_EVENT_CAPTION.exec(text);
      if (at) {
        main ??= create(kindOfNoun(at[0].replace(/^at the /i, '')), si, '');
        participate(main, a.actors.filter((x) => !x.nested), si);
      }
      if (!main) {
        const n = nouns.find((x) => x.anaphoric && x.kind !== 'meeting');
        if (n) main = create(n.kind, si, '');
      }
      if (main) for (const n of nouns) if (n.anaphoric) hint(main, n.kind, si);
      continue;
    }

    let scope: Meeting | undefined;
    const handled = new Set<EventMention>();

    // 0. "During his visit to Vietnam, Maire ...": the visit that frames what the sentence reports.
    for (const n of nouns) {
      if (n.kind !== 'visit' || !/\bduring\s*$/i.test(n.lead) || !['his', 'her', 'their'].includes(n.det)) continue;
      const visitor = a.actors.find((x) => x.kind === 'person' && x.start > n.end);
      const dest = /^\s*to (?:the )?(\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)*)/u.exec(n.after)?.[1];
      const known = [...meetings].reverse().find((m) => m.kind === 'visit' && (!visitor || m.participants.has(visitor.key)) && (!dest || m.label.includes(dest)));
      const v = known ?? create('visit', si, dest ? `visit to ${dest}` : 'visit');
      if (visitor) participate(v, [visitor], si);
      if (dest && !v.location) {
        const c = a.actors.find((x) => x.kind === 'country' && x.start > n.end && x.start - n.end <= 8);
        if (c) {
          v.location = { key: `country:${c.key}`, evidence: [si] };
          participate(v, [c], si);
        }
      }
      if (!v.evidence.includes(si)) v.evidence.push(si);
      lastVisit = v;
      handled.add(n);
    }

    // 1. Events named by a verb.
    const claimed: Array<[number, number]> = [];
    for (const v of verbEvents(text)) {
      const cStart = clauseStart(text, v.start);
      const cEnd = clauseEnd(text, v.end);
      let subjects = actorsIn(a, cStart, v.start);
      if (!subjects.length && lastSubject && ROLE_SUBJECT.test(text.slice(cStart, v.start))) {
        subjects = [{ key: lastSubject, kind: 'person', start: cStart, end: cStart, nested: false }];
      }
      const objectsAll = actorsIn(a, v.end, cEnd, ['person', 'organization', 'country']);
      const objects = objectsAll.filter((x) => x.kind === 'person');
      const nounBefore = v.role === 'chaired-by' ? [...nouns].reverse().find((n) => n.end <= v.start && n.start >= cStart && !n.anaphoric) : undefined;
      const nounAfter = nouns.find((n) => n.start >= v.end && n.start - v.end < 90);
      let kind = v.kind;
      if (nounBefore) {
        // "The 13th ... Dialogue took place ..., co-chaired by A and B": the event the clause is about.
        kind = nounBefore.kind;
        handled.add(nounBefore);
      }
      if (nounAfter && (v.role === 'chair' || v.role === 'attend')) kind = nounAfter.kind;
      if (/held virtually|held online|via video/i.test(text.slice(v.end, Math.min(text.length, cEnd + 30)))) kind = 'teleconference';
      let target: Meeting | undefined;
      if (v.role === 'visit') {
        // "visited the Naval High Command": the bodies a visitor went to, during the visit under way.
        const visited = actorsIn(a, v.end, cEnd, ['organization', 'country']);
        if (!visited.length) continue;
        if (lastVisit && subjects.length && lastVisit.participants.has(subjects[0].key)) target = lastVisit;
        else {
          target = create('visit', si, '');
          if (lastVisit) target.partOf = { id: lastVisit.id, evidence: [si] };
        }
        participate(target, [...subjects.slice(0, 1), ...visited], si);
      } else if (v.role === 'attend' && !nounAfter && !objectsAll.length) {
        continue;
      } else if (nounBefore && main && anchored(main) && (nounBefore.ordinal ?? main.ordinal) !== main.ordinal) {
        target = create(kind, si, nounBefore.phrase);
      } else if (!main || (!anchored(main) && main.participants.size === 0) || (nounBefore && !anchored(main))) {
        main ??= create(kind, si, '');
        hint(main, kind, si);
        target = main;
      } else if (v.role === 'meet' && (/courtesy/i.test(text.slice(v.start, v.end)) || (main.participants.size > 0 && objects.some((o) => !main!.participants.has(o.key))))) {
        // Someone new met during the main event or a visit: a meeting of its own.
        target = create(kind, si, '');
        if (lastVisit) target.partOf = { id: lastVisit.id, evidence: [si] };
      } else if (nounAfter && nounAfter.ordinal !== undefined && main.ordinal !== undefined && nounAfter.ordinal !== main.ordinal) {
        target = create(nounAfter.kind, si, nounAfter.phrase);
      } else {
        target = main;
        hint(main, kind, si);
      }
      claimed.push([v.start, cEnd]);
      scope ??= target;
      if (v.role !== 'visit' && v.role !== 'chaired-by') participate(target, [...subjects, ...objects], si);
      if (subjects.length) lastSubject = subjects[subjects.length - 1].key;
      if (v.role === 'chair') for (const s of subjects) addEvidence(target.chairs, s.key, si);
      if (nounBefore) {
        if (!target.label) target.label = nounBefore.phrase;
        if (nounBefore.ordinal) target.ordinal ??= nounBefore.ordinal;
        participate(target, a.actors.filter((x) => x.kind !== 'person' && !x.nested && x.start >= nounBefore.start && x.end <= nounBefore.end), si);
      }
      if (v.role === 'chaired-by') {
        const named = actorsIn(a, v.end, cEnd, ['person', 'country', 'organization']);
        // Persons chair; a country or body only when no person is named.
        const chairs = named.some((x) => x.kind === 'person') ? named.filter((x) => x.kind === 'person') : named;
        participate(target, chairs, si);
        for (const c of chairs) addEvidence(target.chairs, c.key, si);
      }
      if (v.role === 'host') for (const s of subjects) addEvidence(target.hosts, s.key, si);
      if (nounAfter) {
        handled.add(nounAfter);
        participate(target, a.actors.filter((x) => x.kind === 'country' && x.start >= nounAfter.start && x.end <= nounAfter.end + nounAfter.after.length), si);
        if (nounAfter.ordinal) target.ordinal ??= nounAfter.ordinal;
        if (!target.label && !nounAfter.anaphoric) target.label = nounAfter.phrase;
        hint(target, nounAfter.kind, si);
      }
      // The members of an attended body ("the ASEAN Defence ... Working Group"), and a delegation's country.
      if (v.role === 'attend') participate(target, a.actors.filter((x) => x.start >= v.end && x.end <= cEnd && x.kind !== 'person' && x.nested), si);
      // "attended the 16th Shangri-La Dialogue": the event is named by the body attended.
      const attended = v.role === 'attend' && !nounAfter ? objectsAll.find((x) => x.kind === 'organization') : undefined;
      if (attended && !target.label) target.label = text.slice(attended.start, attended.end).replace(/\s*\([^)]*\)$/, '');
      if (/\bdelegation\b/.test(text.slice(cStart, v.start))) participate(target, a.actors.filter((x) => x.kind === 'country' && x.start >= cStart && x.end <= v.start), si);
      setDate(target, a, cStart, cEnd, v.start);
      setPlace(target, a, cStart, cEnd);
    }

    // 2. Events named by a noun phrase.
    for (const n of nouns) {
      if (handled.has(n)) continue;
      if (claimed.some(([s, e]) => n.start >= s && n.end <= e)) {
        if (n.anaphoric) hint(scope ?? main ?? create(n.kind, si, ''), n.kind, si);
        continue;
      }
      const nEnd = n.end + n.after.length;
      if (PLANNED_BEFORE.test(`${n.lead} ${n.det}`.slice(-150)) || PLANNED_AFTER.test(n.after)) continue;
      const datesAfter = a.dates.filter((d) => d.start >= n.end && d.start - n.end < 80 && d.end <= nEnd);
      const agent = /^\s*(?:to [\p{L} -]+? )?by\b/u.test(n.after) ? actorsIn(a, n.end, nEnd).slice(0, 1) : [];
      const destination = /^\s*to (?:the )?(\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)*)/u.exec(n.after);
      const earlier = /\b(?:last|previous|earlier|former|past)\b/i.test(n.modifiers) || /\bsince\s*$/i.test(n.lead);
      let target: Meeting | undefined;
      if (n.anaphoric && !datesAfter.length && !agent.length) {
        main ??= create(n.kind, si, '');
        target = main;
        hint(main, n.kind, si);
      } else {
        // A specific event: one already known (same ordinal and kind, or a visit to the same place), or a new one.
        const dateValue = datesAfter[0]?.date.value;
        target = meetings.find((m) =>
          (n.ordinal !== undefined && m.ordinal === n.ordinal && kindHints.get(m)!.has(n.kind)) ||
          (n.kind === 'visit' && m.kind === 'visit' && destination !== null && m.label.includes(destination[1]) && (!dateValue || m.date?.value === dateValue) &&
            (!agent.length || m.participants.has(agent[0].key))));
        if (!target && main && !anchored(main) && !earlier && n.kind !== 'visit' && n.det !== 'a' && n.det !== 'an') {
          target = main;
          hint(main, n.kind, si);
          if (!main.label) main.label = n.phrase;
        }
        const specific = datesAfter.length > 0 || agent.length > 0 || n.ordinal !== undefined || earlier || (n.kind === 'visit' && destination !== null);
        if (!target) {
          if (!main && !earlier && !(dateValue && /^\d{4}(-\d{2})?$/.test(dateValue) && !datesAfter[0].date.start)) target = main = create(n.kind, si, n.phrase);
          else if (specific) target = create(n.kind, si, n.phrase);
          else if (main && n.det !== 'a' && n.det !== 'an') {
            target = main;
            hint(main, n.kind, si);
          }
        }
      }
      if (!target) continue;
      if (!target.evidence.includes(si)) target.evidence.push(si);
      scope ??= target;
      if (n.ordinal !== undefined) target.ordinal ??= n.ordinal;
      if (!target.label && !n.anaphoric) target.label = n.phrase;
      participate(target, agent, si);
      // Countries in the name or "between A and B" or in the body it is a meeting of.
      participate(target, a.actors.filter((x) => x.kind !== 'person' && !x.nested && x.start >= n.start && x.end <= n.end), si);
      const between = /^\s*between ([^,.;]+)/.exec(n.after);
      if (between) participate(target, a.actors.filter((x) => x.kind === 'country' && x.start >= n.end && x.end <= n.end + between[0].length), si);
      const of = /^\s*of (?:the )?([^,.;]+)/.exec(n.after);
      if (of) participate(target, a.actors.filter((x) => x.kind === 'country' && x.nested && x.start >= n.end && x.end <= n.end + of[0].length), si);
      if (n.kind === 'visit' && destination) {
        const dest = a.actors.find((x) => x.kind === 'country' && x.start > n.end && x.start - n.end <= 8);
        const place = a.places.find((p) => p.start > n.end && p.start - n.end <= 8);
        if (dest) {
          participate(target, [dest], si);
          target.location ??= { key: `country:${dest.key}`, evidence: [si] };
        } else if (place) target.location ??= { key: `place:${place.key}`, evidence: [si] };
        if (!target.label.includes(destination[1])) target.label = `${n.phrase} to ${destination[1]}`;
        lastVisit = target;
        const cs = clauseStart(text, n.start);
        if (!agent.length && /\b(?:is|was|are|were) (?:on|paying|making)\b|\b(?:paid|pays|made|makes|began|begins|concluded|started|wrapped up)\b|\bas (?:a )?part of(?: an?| the| his| her)?\s*$/i.test(text.slice(cs, n.start))) {
          participate(target, actorsIn(a, cs, n.start).slice(0, 1), si);
        }
        // "attended ... as part of a working trip": what the sentence reports happened during the trip.
        if (scope && scope !== target && /\bas (?:a )?part of\s*$/i.test(n.lead) && !scope.partOf) scope.partOf = { id: target.id, evidence: [si] };
        for (const ag of agent) {
          const p = ctx.persons.get(ag.key);
          if (p?.nationality) addEvidence(target.participants, p.nationality.key, si);
        }
      }
      if (n.kind === 'visit' && target !== main && main && /\bduring\s*$/i.test(n.lead) && !main.partOf) {
        // "The dialogue took place during the working trip ...": the main event is part of the visit.
        main.partOf = { id: target.id, evidence: [si] };
      }
      setDate(target, a, n.end, nEnd, n.end);
      if (target === main) {
        setDate(target, a, clauseStart(text, n.start), clauseEnd(text, n.end), n.end);
        setPlace(target, a, 0, text.length);
      } else setPlace(target, a, clauseStart(text, n.start), nEnd);
    }

    // 3. Whom the sentence is about: subjects of speech verbs take part in the event in scope.
    const about = scope ?? (nouns.every((n) => n.anaphoric || handled.has(n)) ? main : undefined);
    if (about) {
      for (const p of a.actors.filter((x) => x.kind === 'person')) {
        const after = text.slice(p.end);
        const before = text.slice(0, p.start);
        if (SPEECH.test(after) || INVERTED_SPEECH.test(before.replace(/[\s,]*(?:the )?(?:[\p{Lu}][\p{L}.]* )*$/u, ''))) {
          addEvidence(about.participants, p.key, si);
          lastSubject = p.key;
        }
        if (/\b(?:led|headed) by\s+(?:(?:\p{Lu}[\p{L}.'-]*|of|the|for|and|its|his|her|their)\s+){0,12}$/u.test(before)) addEvidence(about.participants, p.key, si);
      }
      for (const o of a.actors.filter((x) => x.kind === 'organization' && !x.nested)) {
        if (/\b(?:hosted|organi[sz]ed) by\s+(?:the\s+)?$/i.test(text.slice(0, o.start))) {
          addEvidence(about.participants, o.key, si);
          addEvidence(about.hosts, o.key, si);
        }
      }
      // "... as ASEAN Chair": the body a host acts for.
      for (const x of a.actors) if (x.kind === 'organization' && /\bas\s+$/.test(text.slice(Math.max(0, x.start - 4), x.start)) && about.hosts.size) addEvidence(about.participants, x.key, si);
      if (!about.evidence.includes(si)) about.evidence.push(si);
    }
    // Agreements and areas of the sentence belong to the event in scope, else to the main event.
    const holder = about ?? scope ?? main;
    if (holder) {
      for (const g of a.agreements) addEvidence(holder.agreements, g.key, si);
      for (const ar of a.areas) addEvidence(holder.areas, ar.slug, si);
    }
  }

  // An earlier event of the same series as the main one ("since the second dialogue") is between the same countries.
  if (main) {
    const mainCountries = [...main.participants].filter(([k]) => ctx.analyses.some((a) => a.actors.some((x) => x.key === k && x.kind === 'country')));
    for (const m of meetings) {
      if (m === main || m.kind !== main.kind || m.kind === 'visit' || [...m.participants.keys()].some((k) => ctx.persons.has(k))) continue;
      for (const [k, ev] of mainCountries) if (!m.participants.has(k)) addEvidence(m.participants, k, ...ev);
    }
  }

  for (const m of meetings) {
    const hints = kindHints.get(m)!;
    if (m.kind !== 'visit') m.kind = KIND_PRIORITY.find((k) => hints.has(k)) ?? m.kind;
    if (m.kind === 'visit' && /courtesy/i.test(m.label)) m.kind = 'meeting';
    // Everything chaired or hosted takes part; an event held during a visit happens where and when the visit does.
    for (const [k, ev] of [...m.chairs, ...m.hosts]) addEvidence(m.participants, k, ...ev);
    if (m.partOf) {
      const parent = meetings.find((x) => x.id === m.partOf!.id);
      if (parent) {
        if (!m.date && parent.date) {
          m.date = { ...parent.date };
          m.dateEvidence = parent.dateEvidence;
        }
        m.location ??= parent.location;
      }
    }
    // The organizations the participants speak for take part too.
    for (const [k, ev] of [...m.participants]) {
      const aff = ctx.persons.get(k)?.affiliation;
      if (aff && ctx.organizations.has(aff.key)) addEvidence(m.participants, aff.key, ...ev);
    }
    m.evidence.sort((x, y) => x - y);
  }
  return meetings;
}
