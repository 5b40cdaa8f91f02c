/**
 * Reads every sentence of an article for its mentions (actors, places, dates, agreements, areas) and
 * resolves them to one entity per real actor within the article: "General Vinh" and "Vinh" are
 * Nguyen Chi Vinh; "EU", "E.U." and "European Union" are one organization.
 */
import {
  countryOfForm, findAcronymPhrases, findCountries, findKnownOrganizations, findOrgPhrases, findPersons, findPlaces, knownOrganization,
  organizationFromName, vietnameseForm, type OrgMention, type PersonMention, type PlaceMention, type Span,
} from './actors.js';
import { agreementKey, findAgreements, type AgreementMention } from './agreements.js';
import { findAreas, type AreaMatch } from './areas.js';
import { findDates, type DateMention } from './dates.js';
import { HONORIFICS, NOT_ORGANIZATIONS, VIETNAMESE_SURNAMES } from './lexicon.js';
import { addEvidence, type Country, type Organization, type Person, type Place, type Sentence } from './model.js';
import { escapeRegExp, execAll, fold, slug, tokenize } from './tokens.js';

export type ActorKind = 'person' | 'organization' | 'country';

export interface ActorRef {
  key: string;
  kind: ActorKind;
  start: number;
  end: number;
  /** Inside the name of an organization or agreement ("Vietnam" in "Vietnam-France Joint Committee"). */
  nested: boolean;
}

export interface SentenceAnalysis {
  sentence: Sentence;
  text: string;
  actors: ActorRef[];
  places: Array<PlaceMention & { key: string }>;
  dates: DateMention[];
  agreements: Array<AgreementMention & { key: string }>;
  areas: AreaMatch[];
  persons: Array<PersonMention & { key?: string }>;
}

const overlaps = (a: Span, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const ROLE_WORD = /\b(?:counterpart|officer|official|minister|general|admiral|envoy|diplomat|ambassador|delegation head|guest|attach[ée])s?\b/;
const VIETNAMESE_NAME_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${[...VIETNAMESE_SURNAMES].join('|')})(?: \\p{Lu}\\p{Ll}+){1,2} $`, 'u');
/** "Ly Thai To" (a frigate named after a king), "Tran Thai Tong": a demonym right after a Vietnamese family name is a middle name. */
const VIETNAMESE_SURNAME_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${[...VIETNAMESE_SURNAMES].join('|')}) $`, 'u');
const MONTH_START = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d/;

/** Mentions of one sentence before person resolution. */
function readSentence(sentence: Sentence, refDate: string | undefined) {
  const text = sentence.clean;
  const toks = tokenize(text);
  // "Le Duc Thai", "Nguyen Van Lao": a Vietnamese name may end in a word that is also a demonym.
  const countries = findCountries(text).filter((c) => !(VIETNAMESE_NAME_BEFORE.test(text.slice(Math.max(0, c.start - 30), c.start)) && !/^\s+\p{Lu}/u.test(text.slice(c.end))) &&
    !(VIETNAMESE_SURNAME_BEFORE.test(text.slice(Math.max(0, c.start - 12), c.start)) && /^\s+\p{Lu}\p{Ll}/u.test(text.slice(c.end)) && !/^\p{Lu}{2,}/u.test(c.text)));
  const places = findPlaces(text);
  const agreements = findAgreements(text);
  const orgs: OrgMention[] = [];
  const addOrg = (o: OrgMention | undefined) => {
    if (!o) return;
    // A place's name is no body, but a body may be named after its place ("Ho Chi Minh City People's Committee").
    // ("the Border Guard Command of Tay Ninh province": a body of a place, named before it.)
    if (places.some((p) => overlaps(p, o) && !(o.start <= p.start && o.end >= p.end && o.end - o.start > p.end - p.start)) && !o.acronym) return;
    const same = orgs.find((x) => overlaps(x, o));
    // "the Southern Theater Command of the Chinese People's Liberation Army (PLA)": a unit of a body named with its
    // acronym is a body of its own, and so is the body.
    let of = same && same.acronym && o.start < same.start && (o.end >= same.end || /^\s*\([^)]*\)$/.test(text.slice(o.end, same.end)))
      ? /\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}]+\s+)?$/u.exec(text.slice(o.start, same.start)) : null;
    if (of && of[1] && !countryOfForm(of[1].trim())) of = null;
    if (of && of[1]) {
      // "the Chinese People's Liberation Army (PLA)": the demonym is part of the body's name.
      const at = o.start + of.index + of[0].length - of[1].length;
      const whole = organizationFromName(`${of[1]}${same!.written ?? same!.name}`, { start: at, end: same!.end, text: text.slice(at, same!.end) }, same!.acronym);
      if (whole) orgs.splice(orgs.indexOf(same!), 1, whole);
    }
    if (of) {
      const unit = organizationFromName(text.slice(o.start, o.start + of.index), { start: o.start, end: o.start + of.index, text: text.slice(o.start, o.start + of.index) });
      if (unit && !orgs.some((x) => overlaps(x, unit))) orgs.push(unit);
      return;
    }
    if (same) {
      // Keep the longer span; the gazetteer's name wins for the same span.
      if (o.end - o.start > same.end - same.start) orgs.splice(orgs.indexOf(same), 1, o);
      return;
    }
    orgs.push(o);
  };
  for (const a of findAcronymPhrases(text)) {
    if (agreements.some((g) => overlaps(g, a))) continue;
    if (countryOfForm(a.phrase) || countryOfForm(a.acronym)) continue;
    // "MOSCOW, August 14 (TASS)": a date and a news agency, no body.
    if (MONTH_START.test(a.phrase) || NOT_ORGANIZATIONS.has(a.acronym.toUpperCase())) continue;
    const known = knownOrganization(a.acronym) ?? knownOrganization(a.phrase);
    addOrg(known ? organizationFromName(known.name, a, a.acronym) : organizationFromName(a.phrase, a, a.acronym));
  }
  for (const o of findKnownOrganizations(text)) addOrg(o);
  for (const p of findOrgPhrases(text, toks)) {
    if (agreements.some((g) => overlaps(g, p) && !(p.start >= g.start && p.end <= g.end))) continue;
    // (A party named in a document's description is a body all the same: "a letter of intent between Damen Shipyards and ...".)
    if (agreements.some((g) => p.start >= g.start && p.end <= g.end && !/\bbetween\b/.test(text.slice(g.start, p.start)))) continue;
    // ("the training ship Amerigo Vespucci of the Italian Navy": the ship's name is no part of the body.)
    const shipOf = /\b(?:ships?|frigates?|corvettes?|destroyers?|submarines?|cruisers?|vessels?|cutters?|warships?|flagship|sailing ship|tall ship)\s+$/i.test(text.slice(Math.max(0, p.start - 30), p.start))
      ? /^(?:\p{Lu}[\p{L}'-]*\s+){1,3}of\s+(?:the\s+)?(?=\p{Lu})/u.exec(p.text) : null;
    if (shipOf) {
      const start = p.start + shipOf[0].length;
      addOrg(organizationFromName(text.slice(start, p.end), { start, end: p.end, text: text.slice(start, p.end) }));
      continue;
    }
    // ("Vietnam's Office for Seeking Missing Persons": the country in the possessive before the name is the body's.)
    const base = organizationFromName(p.text, p);
    const owner = base && !base.country ? /(\p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)?)['’]s\s+$/u.exec(text.slice(Math.max(0, p.start - 40), p.start)) : null;
    const owned = owner && countryOfForm(owner[1]) && !/^(?:Ministry|Department)\b/.test(p.text) ? organizationFromName(`${owner[0]}${p.text}`, p) : undefined;
    addOrg(owned && owned.name === base!.name && owned.country ? { ...owned, start: base!.start, end: base!.end, text: base!.text, written: base!.written } : base);
  }
  // "VNDPKO's Deputy Director": an unknown acronym that owns a position is an organization.
  for (const m of execAll(/\b([A-Z]{3,})'s\s+(?:Deputy |Vice |Acting )?(?:Director|Head|Chief|Commander|Chairman|President|Secretary)/g, text)) {
    if (NOT_ORGANIZATIONS.has(m[1]) || countryOfForm(m[1])) continue;
    addOrg(knownOrganization(m[1]) ? organizationFromName(knownOrganization(m[1])!.name, { start: m.index, end: m.index + m[1].length, text: m[1] }) : {
      start: m.index, end: m.index + m[1].length, text: m[1], key: slug(m[1]), name: m[1], acronym: m[1], acronymOnly: true,
    });
  }
  // "the British embassy in Hanoi", "the Embassy of Japan in Vietnam": a country's embassy, as written.
  if (/mbassy/.test(text)) for (const m of execAll(/\b(?:[Tt]he )?(?:(\p{Lu}[\p{L}.]+(?: \p{Lu}[\p{L}]+)?) [Ee]mbassy|Embassy of (?:the )?(\p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)?))(?: (?:in|to) (\p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)?))?/gu, text)) {
    const c = countryOfForm(m[1] ?? m[2] ?? '');
    if (!c) continue;
    const name = m[0].replace(/^(?:The|the) /, '');
    // The span stops before "in Hanoi", so that the city stays a place of its own.
    const span = m[3] ? m[0].slice(0, m[0].lastIndexOf(m[3]) - 4) : m[0];
    addOrg({ start: m.index, end: m.index + span.length, text: span, key: slug(`${c} embassy${m[3] ? ` ${m[3]}` : ''}`), name, country: c });
  }
  // "the Vietnamese defence ministry": a national defence ministry written in lowercase.
  // So is one a country owns ("Singapore's Ministry of Defence", "Israel's Director General of the Ministry of
  // Defense"): the ministry is that country's, not Vietnam's.
  for (const m of execAll(/\b([A-Z][a-z]+)(?:'s)? (?:national )?defen[cs]e ministry\b|\b([A-Z][a-z]+)'s (?:(?:\p{Lu}[\p{L}-]*|and|for) ){0,6}?(?:(?:of|at) (?:the )?)?Ministry of (?:National )?Defen[cs]e\b/gu, text)) {
    const c = countryOfForm(m[1] ?? m[2]);
    if (!c) continue;
    const at = m[2] ? m[0].lastIndexOf('Ministry') : 0;
    const span = { start: m.index + at, end: m.index + m[0].length, text: m[0].slice(at) };
    const o = organizationFromName(`${c === 'Vietnam' || /National/i.test(span.text) ? 'Ministry of National Defence' : 'Ministry of Defence'} of ${c}`, span);
    // (The words as written stay an alias: "Ministry of National Defense".)
    if (o) o.written = span.text;
    // The gazetteer's reading of the same words ("Ministry of Defence" as Vietnam's) gives way.
    if (o && c !== 'Vietnam') for (let i = orgs.length - 1; i >= 0; i--) if (overlaps(orgs[i], o) && orgs[i].country === 'Vietnam') orgs.splice(i, 1);
    addOrg(o);
  }
  // A place inside a body's name is part of that name.
  for (let i = places.length - 1; i >= 0; i--) if (orgs.some((o) => o.start <= places[i].start && o.end >= places[i].end)) places.splice(i, 1);
  const blocked: Span[] = [...orgs, ...countries, ...places, ...agreements];
  const persons = findPersons(text, blocked, toks);
  const dates = findDates(text, refDate);
  const areas = findAreas(text);
  return { text, countries, places, orgs, agreements, persons, dates, areas };
}

/** Resolves the mentions of all sentences into the entities of the article. */
export function analyzeArticle(sentences: Sentence[], refDate: string | undefined) {
  const reads = sentences.map((s) => readSentence(s, refDate));
  // "Thai also called on ...": alone, the last word of a Vietnamese name of the article ("Le Duc Thai") is
  // that person, not a country, unless a noun follows it ("Thai Navy").
  const nameEnds = new Set<string>();
  for (const r of reads) {
    for (const m of r.persons) {
      const words = m.name.split(' ');
      if (m.full && VIETNAMESE_SURNAMES.has(fold(words[0])) && countryOfForm(words[words.length - 1])) nameEnds.add(words[words.length - 1]);
    }
  }
  if (nameEnds.size) {
    for (const r of reads) {
      r.countries = r.countries.filter((c) => {
        if (!nameEnds.has(c.text) || /^\s+\p{Lu}/u.test(r.text.slice(c.end)) || r.persons.some((m) => m.start <= c.start && m.end >= c.end)) return true;
        r.persons.push({ start: c.start, end: c.end, text: c.text, name: c.text, full: false, positions: [], reference: c.text });
        return false;
      });
      r.persons.sort((a, b) => a.start - b.start);
    }
  }
  const countries = new Map<string, Country>();
  const places = new Map<string, Place>();
  const organizations = new Map<string, Organization>();
  const persons = new Map<string, Person>();

  const country = (name: string, sentence: number, alias?: string): string => {
    const key = slug(name);
    let c = countries.get(key);
    if (!c) countries.set(key, (c = { kind: 'country', key, name, aliases: new Map(), evidence: [] }));
    if (!c.evidence.includes(sentence)) c.evidence.push(sentence);
    if (alias && alias !== name) addEvidence(c.aliases, alias, sentence);
    return key;
  };

  // "The Vietnam Coast Guard (VCG) ... The VCG vessel": an acronym the article defined names the body wherever it is written.
  const defined = new Map<string, OrgMention>();
  reads.forEach((r) => {
    for (const o of r.orgs) {
      const acr = o.acronym && !o.acronymOnly ? o.acronym : /^\s*\(([A-Z][A-Z0-9&-]{1,9})\)|\(([A-Z][A-Z0-9&-]{1,9})\)\s*$/.exec(r.text.slice(o.end, o.end + 14) + '\u0000' + r.text.slice(o.start, o.end))?.slice(1).find(Boolean);
      if (acr && /^[A-Z][A-Z0-9&-]{1,9}$/.test(acr) && !defined.has(acr) && !NOT_ORGANIZATIONS.has(acr)) defined.set(acr, o);
    }
  });
  if (defined.size) {
    const re = new RegExp(`\\b(?:${[...defined.keys()].map(escapeRegExp).join('|')})\\b`, 'g');
    reads.forEach((r) => {
      const text = r.text;
      const before = r.orgs.length;
      for (const m of execAll(re, text)) {
        const end = m.index + m[0].length;
        if (r.orgs.some((o) => o.start < end && o.end > m.index) || /^\s*\)/.test(text.slice(end))) continue;
        const o = defined.get(m[0])!;
        r.orgs.push({ ...o, start: m.index, end, text: m[0], written: m[0] });
      }
      if (r.orgs.length > before) r.orgs.sort((x, y) => x.start - y.start);
    });
  }

  // "the Revolutionary Armed Forces" after "the Cuban Revolutionary Armed Forces": the same body, written without its demonym.
  const withDemonym = new Map<string, OrgMention>();
  for (const r of reads) {
    for (const o of r.orgs) {
      const lead = o.country ? /^(\p{Lu}[\p{L}]+) (.+)$/u.exec(o.name) : null;
      if (lead && countryOfForm(lead[1]) === o.country && lead[2].split(' ').length >= 2) withDemonym.set(lead[2], o);
      // ("the Russian Pacific Fleet", named "Pacific Fleet" of Russia: the demonym was written, not kept in the name.)
      const writtenLead = o.country ? /^(?:the\s+)?(\p{Lu}[\p{L}]+)\s+(.+)$/u.exec(o.written ?? o.text) : null;
      if (writtenLead && countryOfForm(writtenLead[1]) === o.country && writtenLead[2] === o.name && o.name.split(' ').length >= 2) withDemonym.set(o.name, o);
    }
  }
  if (withDemonym.size) {
    for (const r of reads) {
      r.orgs = r.orgs.map((o) => {
        const full = !o.country && !o.acronymOnly ? withDemonym.get(o.name) : undefined;
        return full ? { ...o, key: full.key, name: full.name, country: full.country, written: o.written ?? o.text } : o;
      });
    }
  }
  // "the Military Command of Quang Tri province" and "the Quang Tri Provincial Military Command": one body, under the name
  // written with the place first.
  const byName = new Map<string, OrgMention>();
  for (const r of reads) for (const o of r.orgs) byName.set(o.name.toLowerCase(), o);
  const placeFirst = (o: OrgMention): OrgMention | undefined => {
    const m = /^(.+?\b(?:Command|Committee|Police|Department|Guard|Brigade|Regiment|Division|Hospital|School))\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,3})(?:\s+(?:[Pp]rovince|[Cc]ity))?$/u.exec(o.name);
    if (!m) return undefined;
    const [, body, place] = m;
    return byName.get(`${place} ${body}`.toLowerCase()) ?? byName.get(`${place} provincial ${body}`.toLowerCase()) ?? byName.get(`${place} city ${body}`.toLowerCase());
  };
  for (const r of reads) {
    r.orgs = r.orgs.map((o) => {
      const same = placeFirst(o);
      return same && same.key !== o.key ? { ...o, key: same.key, name: same.name, country: same.country ?? o.country, written: o.written ?? o.text } : o;
    });
  }
  // Organizations first: their countries and parents.
  reads.forEach((r, i) => {
    const si = sentences[i].index;
    for (const o of r.orgs) {
      let org = organizations.get(o.key);
      if (!org) {
        org = { kind: 'organization', key: o.key, name: o.name, aliases: new Map(), evidence: [] };
        organizations.set(o.key, org);
      }
      if (!org.evidence.includes(si)) org.evidence.push(si);
      if (o.acronym && !org.acronym) org.acronym = o.acronym;
      if (o.country && !org.countryKey) org.countryKey = country(o.country, si);
      if (o.parentKey && !org.parentKey) org.parentKey = o.parentKey;
      const written = (o.written ?? o.text).replace(/\s*\([^)]*\)\s*$/, '').replace(/^the /i, '');
      if (written !== o.name && written !== o.acronym && !/^[A-Z.]+$/.test(written)) addEvidence(org.aliases, written, si);
    }
    // "X (ACR)'s Y" or "X's Y" and "Y under the X": Y is part of X.
    for (const a of r.orgs) {
      for (const b of r.orgs) {
        if (a === b) continue;
        const between = r.text.slice(a.end, b.start);
        const child = organizations.get(b.key)!;
        if (/^\s*(\([A-Z][A-Za-z ]+\))?\s*'s?\s*$/.test(between) && !child.parentKey) child.parentKey = a.key;
        const under = r.text.slice(b.end, a.start);
        if (/^\s*(?:under|of) (?:the )?$/.test(under) && !child.parentKey && child.key !== a.key) child.parentKey = a.key;
      }
    }
  });
  // Parents named only by the gazetteer get a node too.
  for (const org of [...organizations.values()]) {
    if (org.parentKey && !organizations.has(org.parentKey)) {
      const parent = [...organizations.values()].find((o) => o.key === org.parentKey);
      if (!parent) org.parentKey = undefined;
    }
  }

  // A place's country is linked when the article names that country; a city alone ("in Brussels") names no country.
  const named = new Set(reads.flatMap((r) => r.countries.map((c) => c.name)));
  reads.forEach((r, i) => {
    const si = sentences[i].index;
    for (const c of r.countries) country(c.name, si, c.adjective ? undefined : c.text);
    for (const p of r.places) {
      const key = slug(p.name);
      let place = places.get(key);
      if (!place) places.set(key, (place = { kind: 'place', key, name: p.name, aliases: new Map(), evidence: [], countryKey: named.has(p.country) ? country(p.country, si) : undefined }));
      if (!place.evidence.includes(si)) place.evidence.push(si);
    }
  });

  // Persons: full names make persons; single names and rank + name resolve to them.
  const fullMentions: Array<{ m: PersonMention; si: number }> = [];
  reads.forEach((r, i) => r.persons.forEach((m) => m.full && fullMentions.push({ m, si: sentences[i].index })));
  // "Van Hoorn said" at the start of a sentence is "Pieter van Hoorn": a family name with its particle capitalised.
  for (const { m } of fullMentions) {
    if (!/^(?:Van|Von|De|Da|Di|Du|Del|Della|Der|Le|La|Dos|Das|Ter|Ten)\s/.test(m.name)) continue;
    const lower = `${m.name[0].toLowerCase()}${m.name.slice(1)}`;
    const whole = fullMentions.find((o) => o.m !== m && o.m.name.endsWith(` ${lower}`));
    if (whole) m.name = whole.m.name;
  }
  // "Vice Admiral Ngo Van Thuat" four times and "Ngo Van Thuan" once: a name of three words or more written
  // once, one letter off another's in one word, is that person's name misspelt.
  // "Division General Rolando Fuentes Aguilera ... General Fuentes Aguilera": two family names written without the given
  // name are the person named in full (not in Vietnamese names, whose last words are the given name).
  const fullNames = [...new Set(fullMentions.map(({ m }) => m.name))];
  for (const { m } of fullMentions) {
    const words = m.name.split(' ');
    if (words.length !== 2) continue;
    const whole = fullNames.filter((n) => n !== m.name && n.endsWith(` ${m.name}`) && n.split(' ').length >= 3 && !VIETNAMESE_SURNAMES.has(fold(n.split(' ')[0])));
    if (whole.length === 1) m.name = whole[0];
  }
  // (How often a name's words are written counts, as later mentions are often the family name alone.)
  const times = new Map<string, number>();
  for (const { m } of fullMentions) times.set(m.name, (times.get(m.name) ?? 0) + 1);
  // (Counted only when some name is written once: most articles need no count.)
  let wordCount: Map<string, number> | undefined;
  const countOf = (w: string) => {
    if (!wordCount) {
      wordCount = new Map();
      for (const r of reads) for (const x of fold(r.text).split(/[^\p{L}]+/u)) if (x) wordCount.set(x, (wordCount.get(x) ?? 0) + 1);
    }
    return wordCount.get(w) ?? 0;
  };
  for (const { m } of fullMentions) {
    const words = fold(m.name).split(' ');
    if (times.get(m.name) !== 1 || words.length < 3) continue;
    const like = [...times.keys()].filter((other) => {
      const ow = fold(other).split(' ');
      if (ow.length !== words.length) return false;
      const differ = ow.map((w, k) => k).filter((k) => ow[k] !== words[k]);
      return differ.length === 1 && ow[differ[0]].length >= 4 && words[differ[0]].length >= 4 && oneLetterOff(ow[differ[0]], words[differ[0]]) &&
        countOf(words[differ[0]]) === 1 && countOf(ow[differ[0]]) >= 2;
    });
    if (like.length === 1) m.name = like[0];
  }
  for (const { m, si } of fullMentions) {
    const key = slug(m.name);
    let p = persons.get(key);
    if (!p) {
      p = { kind: 'person', key, name: m.name, nativeName: vietnameseForm(m.name), aliases: new Map(), evidence: [], ranks: new Map(), positions: new Map() };
      persons.set(key, p);
    }
    if (!p.evidence.includes(si)) p.evidence.push(si);
  }
  /** The persons whose first or last name is the folded word `n` spelled another way ("Ferranti", "Ferrante"). */
  const spelledAnotherWay = (n: string) => [...persons.values()].filter((p) => {
    const parts = fold(p.name).split(' ');
    return oneEditApart(parts[parts.length - 1], n) || oneEditApart(parts[0], n);
  });
  // "General Pande", "Minister Kishi": a single name with a rank or title, and no full name to resolve to, is a person too.
  // The folded words of the persons' names and of every full mention (sets, so that a long article stays linear).
  const knownParts = new Set<string>();
  for (const p of persons.values()) for (const w of fold(p.name).split(' ')) knownParts.add(w);
  for (const { m } of fullMentions) for (const w of fold(m.name).split(' ')) knownParts.add(w);
  reads.forEach((r, i) => {
    // (Not in a headline written in title case: "Both Navies Sign MoU".)
    if (sentences[i].role === 'headline') return;
    for (const m of r.persons) {
      if (m.full || !(m.rank || m.positions.length || /^(?:Minister|Secretary|Ambassador|President|Director|Chairman|Commander)\s/.test(m.reference))) continue;
      if (knownParts.has(fold(m.name)) || spelledAnotherWay(fold(m.name)).length === 1) continue;
      const key = slug(m.name);
      persons.set(key, { kind: 'person', key, name: m.name, aliases: new Map(), evidence: [sentences[i].index], ranks: new Map(), positions: new Map() });
      for (const w of fold(m.name).split(' ')) knownParts.add(w);
    }
  });
  const singles = new Map<string, Person | undefined>();
  const resolveSingle = (name: string): Person | undefined => {
    if (singles.has(name)) return singles.get(name);
    const n = fold(name);
    const candidates = [...persons.values()].filter((p) => {
      const full = fold(p.name);
      // ("Ruiz Calderón" for "Elena Ruiz Calderón": a family name of two words.)
      if (n.includes(' ')) return full === n || (full.endsWith(` ${n}`) && full.split(' ').length > n.split(' ').length && !VIETNAMESE_SURNAMES.has(full.split(' ')[0]));
      const parts = full.split(' ');
      return parts[parts.length - 1] === n || parts[0] === n;
    });
    // ("Captain Ferranti" for "Gianluca Ferrante": a name spelled another way by one letter, when no other is near.)
    const near = candidates.length || n.includes(' ') ? [] : spelledAnotherWay(n);
    const found = candidates.length === 1 ? candidates[0] : near.length === 1 ? near[0] : undefined;
    singles.set(name, found);
    return found;
  };
  const analyses: SentenceAnalysis[] = reads.map((r, i) => {
    const si = sentences[i].index;
    const resolved: SentenceAnalysis['persons'] = [];
    for (const m of r.persons) {
      const p = m.full ? persons.get(slug(m.name)) : resolveSingle(m.name);
      if (!p) continue;
      if (!p.evidence.includes(si)) p.evidence.push(si);
      if (m.rank) addEvidence(p.ranks, m.rank, si);
      for (const pos of m.positions) addEvidence(p.positions, pos, si);
      const ref = m.reference.trim();
      if (ref !== p.name && (!m.full || ref !== m.name)) addEvidence(p.aliases, ref, si);
      if (!m.full && m.name !== ref) addEvidence(p.aliases, m.name, si);
      // "his Indian counterpart Rajnath Singh", "the Lao officer Thongloun": the demonym before the role gives the nationality.
      const window = r.text.slice(Math.max(0, m.start - 100), m.start);
      const demonym = ROLE_WORD.test(window) ? /\b(\p{Lu}[\p{L}]+) (?:(?:defen[cs]e |military |naval |army |air )?(?:counterpart|officer|official|minister|general|admiral|envoy|diplomat|ambassador|delegation head|guest|attach[ée]))s?,?\s*(?:\p{Lu}[\p{L}.]*\s+){0,3}$/u.exec(window.slice(-80)) : null;
      // "New Zealand's Secretary of Defence Andrew Bridgman": a country in the genitive before the title.
      const genitive = demonym || !/['\u2019]s\s/.test(window) ? null : /\b((?:\p{Lu}[\p{L}]+ ){0,2}\p{Lu}[\p{L}]+)['\u2019]s\s+(?:(?:\p{Lu}[\p{L}-]*|of|for|the|and|\([\p{L}.]+\)),?\s+){1,10}$/u.exec(window);
      // "Lao Lieutenant General Vongkham Phommakone": a demonym just before the rank.
      const beforeRank = m.rank ? /(\p{Lu}[\p{L}]+)\s+$/u.exec(r.text.slice(Math.max(0, m.end - m.reference.length - 30), m.end - m.reference.length)) : null;
      const nat = demonym ? countryOfForm(demonym[1]) : genitive ? countryOfForm(genitive[1]) : beforeRank ? countryOfForm(beforeRank[1]) : undefined;
      if (nat && !p.nationality) p.nationality = { key: slug(nat), evidence: [si] };
      // "Vietnam Coast Guard Commander Lieutenant General X", "Israeli Defense Ministry Director General Y": the body the title opens with.
      if (!p.affiliation && (m.rank || m.positions.length)) {
        const body = r.orgs.find((o) => o.end < m.start && /^\s+(?:\p{Lu}[\p{L}.-]*\s+){1,6}$/u.test(r.text.slice(o.end, m.start)));
        if (body) p.affiliation = { key: body.key, evidence: [si] };
      }
      // "a delegation of the Myanmar Defence Services led by Lieutenant General X": the body X leads.
      if (!p.affiliation) {
        const ledBody = r.orgs.find((o) => o.end < m.start && /^\s*(?:\([^)]*\)\s*)?,?\s*(?:led|headed) by\s+(?:\p{Lu}[\p{L}.-]*\s+){0,4}$/u.test(r.text.slice(o.end, m.start)) &&
          /\bdelegation (?:of|from) (?:the )?$/.test(r.text.slice(Math.max(0, o.start - 30), o.start)));
        if (ledBody) p.affiliation = { key: ledBody.key, evidence: [si] };
      }
      resolved.push({ ...m, key: p.key });
    }
    const actors: ActorRef[] = [];
    const spans: Span[] = [...r.orgs, ...r.agreements];
    const nestedIn = (s: Span) => spans.some((o) => s.start >= o.start && s.end <= o.end && !(s.start === o.start && s.end === o.end));
    // ("member of the Party Central Committee", "Secretary of the Party Committee": a body of an office, no party to an event.)
    const ofOffice = (o: Span) => /\b(?:[Mm]embers?|[Ss]ecretary|[Ss]tanding [Bb]oard|[Ss]tanding [Cc]ommittee) of (?:the )?$/.test(r.text.slice(Math.max(0, o.start - 40), o.start));
    for (const o of r.orgs) actors.push({ key: o.key, kind: 'organization', start: o.start, end: o.end, nested: nestedIn(o) || ofOffice(o) });
    for (const c of r.countries) {
      if (r.orgs.some((o) => o.start === c.start && o.end === c.end)) continue;
      actors.push({ key: slug(c.name), kind: 'country', start: c.start, end: c.end, nested: nestedIn(c) });
    }
    for (const p of resolved) actors.push({ key: p.key!, kind: 'person', start: p.start, end: p.end, nested: false });
    actors.sort((a, b) => a.start - b.start || b.end - a.end);
    return {
      sentence: sentences[i],
      text: r.text,
      actors,
      places: r.places.map((p) => ({ ...p, key: slug(p.name) })),
      dates: r.dates,
      agreements: r.agreements.map((a) => ({ ...a, key: agreementKey(a.name, a.acronym) })),
      areas: r.areas,
      persons: resolved,
    };
  });

  // Link acronym-only agreement mentions ("the FPA") to the named agreement of the article.
  const acronyms = new Map<string, string>();
  for (const a of analyses) for (const g of a.agreements) if (g.acronym) acronyms.set(g.acronym, g.key);
  const acronymRes = [...acronyms].map(([acr, key]) => ({ acr, key, re: new RegExp(`\\b${escapeRegExp(acr)}\\b`, 'g') }));
  for (const a of analyses) {
    for (const { acr, key, re } of acronymRes) {
      for (const m of a.text.matchAll(re)) {
        if (a.agreements.some((g) => m.index >= g.start && m.index < g.end)) continue;
        a.agreements.push({ start: m.index, end: m.index + acr.length, text: acr, name: acr, acronym: acr, kind: 'agreement', status: 'mentioned', key });
      }
    }
    a.agreements.sort((x, y) => x.start - y.start);
  }

  attributePersons(persons, organizations, countries);
  return { analyses, countries, places, organizations, persons };
}

/** Affiliation and nationality of each person, from the positions and organizations around the name. */
function attributePersons(
  persons: Map<string, Person>,
  organizations: Map<string, Organization>,
  countries: Map<string, Country>,
): void {
  for (const p of persons.values()) {
    for (const [rank] of [...p.ranks]) if (HONORIFICS.has(rank) && p.ranks.size > 1) p.ranks.delete(rank);
    // Affiliation: an organization named in one of the person's positions, the last one written.
    for (const [pos, ev] of p.positions) {
      const orgs = [...organizations.values()].filter((o) => pos.includes(o.name) || [...o.aliases.keys()].some((a) => pos.includes(a)) || (o.acronym && new RegExp(`\\b${escapeRegExp(o.acronym)}\\b`).test(pos)));
      if (orgs.length) {
        const last = orgs.sort((a, b) => pos.lastIndexOf(b.name) - pos.lastIndexOf(a.name))[0];
        if (!p.affiliation) p.affiliation = { key: last.key, evidence: ev };
      }
      const demonym = /^(\p{Lu}[\p{L}.]+)\s/u.exec(pos)?.[1];
      const c = (demonym && countryOfForm(demonym)) || / of (?:the )?([A-Z][\p{L} ]+)$/u.exec(pos)?.[1];
      const cn = c && countryOfForm(c) ? countryOfForm(c) : c && countries.has(slug(c)) ? c : undefined;
      if (cn && countries.has(slug(cn)) && !p.nationality) p.nationality = { key: slug(cn), evidence: ev };
      if (/\bMinist(?:er|ry) of (?:National )?Defen[cs]e\b|\bDefen[cs]e Minister\b|\bdefen[cs]e minister\b/i.test(pos) && !p.affiliation) {
        const nationality = p.nationality?.key ?? (VIETNAMESE_SURNAMES.has(fold(p.name.split(' ')[0])) ? 'vietnam' : undefined);
        const mod = [...organizations.values()].find((o) => o.name.includes('Defence') && /Ministry|ministry/.test(o.name) && (o.countryKey ?? 'vietnam') === nationality);
        if (mod) p.affiliation = { key: mod.key, evidence: ev };
      }
    }
    if (!p.nationality) {
      const org = p.affiliation ? organizations.get(p.affiliation.key) : undefined;
      if (org?.countryKey) p.nationality = { key: org.countryKey, evidence: p.affiliation!.evidence };
      else if (VIETNAMESE_SURNAMES.has(fold(p.name.split(' ')[0])) && p.name.split(' ').length >= 3 && countries.has('vietnam')) {
        p.nationality = { key: 'vietnam', evidence: p.evidence.slice(0, 1) };
      }
    }
    if (!p.affiliation && p.nationality) p.affiliation = { key: p.nationality.key, evidence: p.nationality.evidence };
  }
}


/**
 * Two words of at least six letters that differ by one letter changed, added or dropped after their
 * first two: "Ferrante" and "Ferranti", "Lindqvist" and "Lindquist" (not "Hazwan" and "Hazwaan" when
 * one is a middle name: the caller compares first and last names only).
 */
export function oneEditApart(a: string, b: string): boolean {
  return Math.min(a.length, b.length) >= 6 && oneLetterOff(a, b);
}

/** Whether two different words that begin alike differ by one letter added, dropped or changed. */
function oneLetterOff(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1 || a.slice(0, 2) !== b.slice(0, 2)) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return Math.max(a.length, b.length) - i - j <= 1;
}
