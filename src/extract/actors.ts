/**
 * Finds the actors a sentence names: countries (and their demonyms), places, organizations (from the
 * gazetteer, from "Name (ACRONYM)" and from capitalised phrases headed by Ministry, Institute...),
 * and persons (rank and title before the name, or an appositive title after it, or a Vietnamese
 * family name), with the spans where they occur.
 */
import {
  CITIES, COUNTRIES, KNOWN_ORGANIZATIONS, NOT_ORGANIZATIONS, NON_NAME_WORDS, POSITION_HEADS, RANKS, VIETNAMESE_NAMES,
  VIETNAMESE_SURNAMES, canonicalRank, type OrgEntry,
  HONORIFICS, SHIP_PREFIXES,
} from './lexicon.js';
import { asciiLetters, blockedTokens, escapeRegExp, execAll, fold, formFinder, inWordAt, isCapitalized, normalizeSpelling, slug, stripPossessive, tokenize, type Token } from './tokens.js';

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface CountryMention extends Span {
  name: string;
  /** True when written as an adjective ("French", "Vietnamese"). */
  adjective: boolean;
}

export interface PlaceMention extends Span {
  name: string;
  country: string;
  vi?: string;
}

export interface OrgMention extends Span {
  key: string;
  name: string;
  acronym?: string;
  country?: string;
  parentKey?: string;
  /** Only the acronym was written. */
  acronymOnly?: boolean;
  /** The name as written, without a leading position ("Director of the ..."). */
  written?: string;
}

export interface PersonMention extends Span {
  /** The full name, or the single name of an alias ("Vinh"). */
  name: string;
  full: boolean;
  rank?: string;
  /** Positions read from before the name and from an appositive after it. */
  positions: string[];
  /** The text of the whole reference as written, rank and name ("General Vinh"). */
  reference: string;
}

// ---------------------------------------------------------------- countries and places

const countryByForm = new Map<string, { name: string; adjective: boolean }>();
for (const c of COUNTRIES) {
  countryByForm.set(c.name, { name: c.name, adjective: false });
  for (const f of c.forms) countryByForm.set(f, { name: c.name, adjective: /(an|ese|ish|ch|i|ic)$/.test(f) && !/^[A-Z.]+$/.test(f) });
}
const findCountryForms = formFinder([...countryByForm.keys()]);

export function countryOfForm(form: string): string | undefined {
  return countryByForm.get(form)?.name ?? countryByForm.get(form.replace(/^the /, ''))?.name;
}

/** A country's name or demonym at the start of a name, whole words of it (the longest): "Republic of Korea Ministry ...". */
const LEADING_COUNTRY_RE = new RegExp(`^(${[...countryByForm.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?:'s?)?\\s+(?=\\S)`, 'u');

/** The country a name begins with, and the rest of the name after it. */
function leadingCountry(name: string): { country: string; rest: string } | undefined {
  const m = LEADING_COUNTRY_RE.exec(name);
  // ("Lao Cai Provincial Border Guard Command": a place whose name opens with a demonym; the body is that place's.)
  const city = m ? findCityForms(name).find((c) => c.index === 0 && c.form.length > m[1].length) : undefined;
  if (city) return undefined;
  return m ? { country: countryByForm.get(m[1])!.name, rest: name.slice(m[0].length) } : undefined;
}

/**
 * The ends of the possessive words inside the country names of a text ("People's" in "Democratic
 * People's Republic of Korea"): no possessive that ends one organization's name and starts another's.
 */
function possessivesInCountryNames(text: string): Set<number> {
  const ends = new Set<number>();
  for (const c of findCountries(text)) for (const m of c.text.matchAll(/'s?(?=\s)/g)) ends.add(c.start + m.index + m[0].length);
  return ends;
}

export function findCountries(text: string): CountryMention[] {
  const out: CountryMention[] = [];
  // ("Lao Cai", a Vietnamese province: a place whose name opens with a demonym names no country.)
  const cityAt = new Map(findCityForms(text).map((c) => [c.index, c.form.length]));
  for (const { index, form } of findCountryForms(text)) {
    const info = countryByForm.get(form)!;
    if ((cityAt.get(index) ?? 0) > form.length) continue;
    // "the South China Sea", "the Sea of Japan": a sea's name names no country.
    if ((/\b(?:South|East|North|West)\s$/.test(text.slice(Math.max(0, index - 6), index)) && /^\s+Sea\b/.test(text.slice(index + form.length, index + form.length + 5))) ||
      /\bSea of\s$/.test(text.slice(Math.max(0, index - 7), index))) continue;
    // "Republic" in "President of the Republic" is no country; "Korea" inside "Republic of Korea" is found whole.
    out.push({ start: index, end: index + form.length, text: form, name: info.name, adjective: info.adjective });
  }
  return out;
}

/** Middle names that open the given part of a Vietnamese name ("Nguyen Thi Ha Nam"). */
const VIETNAMESE_MIDDLE_NAMES = new Set(['Van', 'Thi', 'Duc', 'Minh', 'Xuan', 'Quoc', 'Huu', 'Dinh', 'Ngoc', 'Thanh', 'Chi', 'Anh', 'Tan', 'Trong', 'Hong', 'Quang', 'Manh', 'Cong', 'Kim']);
const cityByForm = new Map<string, (typeof CITIES)[number]>();
for (const c of CITIES) for (const f of [c.name, ...(c.forms ?? [])]) cityByForm.set(f, c);
const findCityForms = formFinder([...cityByForm.keys()]);

export function findPlaces(text: string): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (const { index, form } of findCityForms(text)) {
    // "Nguyen Hoa Binh", "Tran Quang Nam": after a Vietnamese family or middle name, a place's name is a person's.
    const prev = /(\p{Lu}\p{Ll}+)\s+$/u.exec(text.slice(Math.max(0, index - 12), index))?.[1];
    if (prev && (VIETNAMESE_SURNAMES.has(prev) || VIETNAMESE_MIDDLE_NAMES.has(prev))) continue;
    const c = cityByForm.get(form)!;
    out.push({ start: index, end: index + form.length, text: form, name: c.name, country: c.country, vi: c.vi });
  }
  return out;
}

// ---------------------------------------------------------------- organizations

const knownByForm = new Map<string, OrgEntry>();
for (const o of KNOWN_ORGANIZATIONS) {
  for (const f of [o.name, ...o.forms]) knownByForm.set(f, o);
  if (o.acronym) knownByForm.set(o.acronym, o);
}
const findKnownOrgForms = formFinder([...knownByForm.keys()]);

export function orgKey(name: string, country?: string): string {
  // ("U.S. Navy" and "US Navy" are one body: initials with full stops count as the acronym.)
  name = name.replace(/\b(?:\p{Lu}\.){2,}/gu, (m) => m.replace(/\./g, ''));
  // ("the Chinese People's Liberation Army Navy" is the People's Liberation Army Navy: the demonym of its own country
  // before a name that stands alone, of three words or more.)
  const lead = country ? /^(\p{Lu}\p{L}+)\s+((?:\S+\s+){2,}\S+)$/u.exec(name) : null;
  if (lead && countryOfForm(lead[1]) === country) name = lead[2];
  return slug(country && !slug(name).includes(slug(country)) ? `${country} ${name}` : name);
}

/** The keys of each organization of the gazetteer and of its parent, made once. */
const knownKeys = new Map<OrgEntry, { key: string; parentKey?: string }>();
for (const o of KNOWN_ORGANIZATIONS) {
  const parent = o.parent ? KNOWN_ORGANIZATIONS.find((p) => p.name === o.parent) : undefined;
  knownKeys.set(o, { key: orgKey(o.name, o.country), parentKey: parent ? orgKey(parent.name, parent.country) : undefined });
}

/**
 * A mention of an organization of the gazetteer at `span`. Mentions copy the three fields of a span one
 * by one: a spread of the spans, which come in many shapes (acronym phrases, org phrases), takes a
 * slow path of V8 (ten times slower), and a mention keeps only the span of them.
 */
function knownOrgMention(o: OrgEntry, span: Span, acronymOnly: boolean): OrgMention {
  const { key, parentKey } = knownKeys.get(o)!;
  return { start: span.start, end: span.end, text: span.text, key, name: o.name, acronym: o.acronym, country: o.country, parentKey, acronymOnly };
}

/** The organization of the gazetteer that a name or acronym denotes, as a mention. */
export function knownOrganization(name: string): OrgEntry | undefined {
  return knownByForm.get(name) ?? knownByForm.get(normalizeSpelling(name));
}

export const ORG_HEADS = new Set(
  ('Ministry Department Institute Service Commission Council Division Committee Army Force Forces Command Agency Office Academy University ' +
    'College Hospital Corps Navy Guard Mission Secretariat Centre Center Bureau Administration Directorate Headquarters Group Association Organization ' +
    'Organisation Federation Alliance Parliament Assembly Government Company Corporation Brigade Regiment Fleet Zone Region Police Party Commission ' +
    'Authority Squadron Flotilla Plant Factory Shipyard Shipyards Arsenal Detachment Battalion Garrison Services Industries School')
    .split(' '),
);
const RANK_WORDS = new Set(['General', 'Gen.', 'Colonel', 'Col.', 'Major', 'Admiral', 'Lieutenant', 'Captain', 'Senior', 'Sen.', 'Lieut.', 'Vice', 'Rear', 'Dr.', 'Mr.', 'Ms.', 'Mrs.', 'Minister', 'Secretary', 'Director', 'Chief', 'Deputy']);
/** Ranks and honorifics that only a person's title has. */
const PERSON_RANKS = new Set(['Admiral', 'Colonel', 'Col.', 'Lieutenant', 'Lieut.', 'Lt.', 'Captain', 'Capt.', 'Major', 'Maj.', 'Gen.', 'Dr.', 'Mr.', 'Ms.', 'Mrs.', 'Commodore']);
/** Titles that, right after the head of a body's name, begin a person's title rather than continue the name. */
const TITLE_WORDS = new Set(['Commander', 'Commandant', 'Spokesperson', 'Spokesman', 'Chairman', 'President', 'Head', 'Ambassador', 'Attaché', 'Attache']);
/** Whether the capitalised run of words from `from` holds a body's head ("Military Hospital 175"). */
function headAfter(toks: Token[], from: number): boolean {
  // (Not "Force": "the Division for Partnerships and Task Force NATO" is one name.)
  for (let k = from; k < toks.length && (isCapitalized(toks[k].text) || /^\d+$/.test(toks[k].text)); k++) if (ORG_HEADS.has(toks[k].text) && !/^Forces?$/.test(toks[k].text)) return true;
  return false;
}
const ORG_CONNECTORS = new Set(['of', 'for', 'the', 'and', 'on', 'in', "'s", '&']);
const GENERIC_ORGS = new Set(['Government', 'Army', 'Navy', 'Party', 'Ministry', 'Council', 'Committee', 'Department', 'Office', 'Group', 'Police', 'Region', 'Zone',
  'Administration', 'Command', 'Directorate', 'Headquarters', 'Mission', 'Service', 'Secretariat', 'Agency', 'Academy', 'Bureau', 'Commission']);

/** Ship types and prefixes: "Frigate X of the French Navy", "HMS X". */
const SHIP_WORDS = `(?:Frigate|Corvette|Destroyer|Submarine|Cruiser|Ship|Vessel|Patrol Vessel|Training Ship|${SHIP_PREFIXES.join('|')})`;
const SHIP_OF = new RegExp(`^${SHIP_WORDS}\\s+(?:\\p{Lu}[\\p{L}'-]*\\s+){1,3}of\\s+(?:the\\s+)?(?=\\p{Lu})`, 'u');
const SHIP_NAME = new RegExp(`^${SHIP_WORDS}\\s+\\p{Lu}[\\p{L}'-]*(?:\\s+\\p{Lu}[\\p{L}'-]*)?$`, 'u');

const WHOLE_POSITION = new RegExp(`^(?:(?:Deputy|Vice|Senior|Assistant|First|Acting)\\s+)*(?:${POSITION_HEADS.filter((h) => / of /.test(h)).join('|')})$`);

const POSITION_PREFIX = new RegExp(
  `^(?:(?:Deputy|Vice|Senior|Assistant|First|Permanent|Acting|Under|High|Chief|Executive)\\s+)*(?:${POSITION_HEADS.join('|')})(?:\\s+General)?(?:\\s+of State)?\\s+(?:of|for|to|at|in)\\s+(?:the\\s+)?`,
);

const POSITION_NAME_OF = new RegExp(
  `^(?:(?:Deputy|Vice|Senior|Assistant|First|Permanent|Acting|Under|High|Chief|Executive)\\s+)*(?:${POSITION_HEADS.join('|')})\\s+((?:\\p{Lu}[\\p{Ll}'’-]+\\s+){2,4})of\\s+(?:the\\s+)?(?=\\p{Lu})`,
  'u',
);

const POSITION_INSIDE = new RegExp(
  `(?:^|\\s)(?:(?:Deputy|Vice|Senior|Assistant|First|Permanent|Acting|Under|High|Chief|Executive)\\s+)*(?:${POSITION_HEADS.join('|')})(?:\\s+General)?(?:\\s+(?:for|of)(?:\\s+(?:and|[A-Z][\\p{L}]*)){1,8}?)?\\s+(?:of|at|to|in)\\s+(?:the\\s+)?`,
  'gu',
);

/** National defence ministries resolve to one actor per country, whatever their spelling. */
function canonicalMinistry(name: string): string | undefined {
  const n = normalizeSpelling(name).replace(/^the /i, '');
  if (/^(Ministry of (National )?Defence|(National )?Defence Ministry|Ministry of Defence)$/i.test(n)) return 'Ministry of National Defence';
  return undefined;
}

/**
 * Turns an organization's name as written into a mention: strips a leading demonym or possessive
 * country and a trailing "of <Country>" into the country, and resolves the gazetteer.
 */
export function organizationFromName(raw: string, span: Span, acronym?: string): OrgMention | undefined {
  // ("A Bangladesh Navy frigate": the article opening the sentence is no part of the name.)
  let name = raw.replace(/^(the|of|and|in|at|for|by)\s+/i, '').replace(/^(?:A|An)\s+(?=\p{Lu})/u, '').replace(/'s?$/, '').trim();
  // "Two Indonesian Navy ships": a number opening the sentence is no part of the name.
  name = name.replace(/^(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Several|Many|Some|All|Both)\s+(?=\p{Lu})/u, '');
  // "8002 of the Vietnam Coast Guard" (a hull number): the body is what follows.
  name = name.replace(/^\d+\s+of\s+(?:the\s+)?(?=\p{Lu})/u, '');
  // "Chief of Defence Force": a whole title is no body.
  if (WHOLE_POSITION.test(name)) return undefined;
  // ("Indian Coast Guard Ship (ICGS) Sachet", "Vietnam Coast Guard Ship CSB 8003": the ship's service is the body.)
  const shipOfBody = /^(.+?\b(?:Navy|Coast Guard|Maritime Self-Defen[cs]e Force|Border Guard))\s+(?:Ship|Vessel)s?$/.exec(name);
  if (shipOfBody) {
    name = shipOfBody[1];
    acronym = undefined;
  }
  // "Frigate Vendémiaire of the French Navy": a ship is no organization; the navy it belongs to is.
  name = name.replace(SHIP_OF, '');
  if (SHIP_NAME.test(name)) return undefined;
  // "19th ASEAN Chiefs of Defence Forces' Meeting": the body's meeting is named with the body's name.
  // (A unit keeps its number: "367th Air Defence Division".)
  if (!/\b(?:Division|Brigade|Regiment|Corps|Battalion|Squadron|Fleet|Region|Zone|Hospital)\b/.test(name)) name = name.replace(/^(?:\d+(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)\s+(?=\p{Lu})/u, '');
  // "Deputy Secretary General for Political Affairs of the European External Action Service": the body after the office.
  // ("the Office of the Defence Attaché of Indonesia": an attaché's office is a body; its title is its name.)
  const attacheOffice = /^Office of the (?:Defen[cs]e|Military|Naval|Air)(?: and (?:Defen[cs]e|Military|Naval|Air))? Attach[ée](?!\p{L})/u.test(name);
  const leading = attacheOffice ? undefined : [...name.matchAll(POSITION_INSIDE)].pop();
  if (leading && /^\s*$/.test(name.slice(0, leading.index)) && name.length > leading.index + leading[0].length) name = name.slice(leading.index + leading[0].length);
  // "Vice President of the European Commission", "Director of the Ministry ...": a position, then the body.
  for (let prev = ''; prev !== name && !attacheOffice; ) {
    prev = name;
    name = name.replace(POSITION_PREFIX, '');
    const dem = /^([\p{Lu}][\p{L}.]+) (.+)$/u.exec(name);
    if (dem && countryOfForm(dem[1]) && POSITION_PREFIX.test(dem[2])) name = dem[2];
  }
  // ("Vice Chairman Tran Van Long of the Da Nang People's Committee": an office and a person's name, then the body.)
  const officeName = attacheOffice ? null : POSITION_NAME_OF.exec(name);
  if (officeName && !officeName[1].trim().split(/\s+/).some((w) => ORG_HEADS.has(w) || countryOfForm(w))) name = name.slice(officeName[0].length);
  // A title inside the run ("Foreign Affairs Do Hung Viet and Deputy Secretary General for Political Affairs
  // of the European External Action Service"): the body is what follows the last position.
  const inner = attacheOffice ? undefined : [...name.matchAll(POSITION_INSIDE)].pop();
  if (inner) name = name.slice(inner.index + inner[0].length);
  name = name.replace(/^(?:General |Joint )?Staff of (?:the )?/, '');
  // "Officers of the Australian Defence Force", "Representatives of the Navy": people of a body, then the body.
  name = name.replace(/^(?:[A-Z][a-z]+s|Members?|Staff|Leadership)\s+(?:of|from)\s+(?:the\s+)?(?=[A-Z])/, '');
  if (/^(?:Armed Forces|Military Staff|President|Republic|State)$/.test(name)) return undefined;
  // "Guangxi Zhuang Autonomous Region", "Hong Kong Special Administrative Region": a territory, not a body;
  // "Passage Exercise": an event.
  // ("the 2023 Defence Services Asia exhibition": an event's name, not a body.)
  if (/^(?:19|20)\d{2}\s/.test(name)) return undefined;
  // ("the Chongzuo Border Management Detachment of Guangxi Zhuang Autonomous Region": the body, without its territory.)
  const ofTerritory = / of (?:the )?(?:\p{Lu}[\p{L}-]*\s+){1,3}(?:Autonomous|Administrative) Region$/u.exec(name);
  if (ofTerritory && ORG_HEADS.has(name.slice(0, ofTerritory.index).split(' ').pop()!)) {
    name = name.slice(0, ofTerritory.index);
    span = { start: span.start, end: span.start + span.text.indexOf(name) + name.length, text: name };
  }
  if (/\b(?:Autonomous|Administrative) Region$|\b(?:Exercises?|Drills?|Patrols?)$/.test(name)) return undefined;
  const written = name;
  // The span covers the body's name only, so that a person named in the stripped title stays findable.
  const at = span.text.lastIndexOf(written);
  if (at > 0) span = { start: span.start + at, end: span.start + at + written.length, text: written };
  let country: string | undefined;
  const lead = leadingCountry(name);
  if (lead) {
    const { rest } = lead;
    // "French Ministry of the Armed Forces" is the Ministry of the Armed Forces (of France); a service keeps its
    // adjective: "Australian Defence Force", "Japanese Maritime Self-Defence Force".
    const service = /\b(?:Forces?|Army|Navy|Guard|Corps|Marines?)$/.test(rest) && !/^(?:Ministry|Department|Office|Institute|Commission|Committee)\b/.test(rest);
    country = lead.country;
    // ("Vietnam Office for Seeking Missing Persons": a country's name, not its adjective, is part of the body's name.)
    // ("Vietnam's Office for Seeking Missing Persons": a possessive is no part of the name.)
    const prefix = name.slice(0, name.length - rest.length).trim();
    const byName = prefix === lead.country && !/^(?:Ministry|Department)\b/.test(rest);
    if (rest.split(' ').length >= 2 && !service && !byName && !/^(Joint|Friendship)\b/.test(rest)) name = rest;
  }
  const tail = / of (?:the )?((?:(?! of ).)+)$/u.exec(name);
  if (tail && countryOfForm(tail[1])) country = countryOfForm(tail[1]);
  // "the Cambodian Ministry of National Defence" is Cambodia's, not the Vietnamese body of that name.
  const known = knownOrganization(name);
  if (known && !(country && known.country && known.country !== country)) return { ...knownOrgMention(known, span, false), written };
  if (acronym && knownByForm.get(acronym)) return { ...knownOrgMention(knownByForm.get(acronym)!, span, false), written };
  const ministry = canonicalMinistry(tail && countryOfForm(tail[1]) ? name.slice(0, tail.index) : name);
  if (ministry) {
    const c = country ?? 'Vietnam';
    if (c === 'Vietnam') return { ...knownOrgMention(knownByForm.get('Ministry of National Defence')!, span, false), written };
    const own = tail && countryOfForm(tail[1]);
    return { start: span.start, end: span.end, text: span.text, key: orgKey('Ministry of Defence', c), name: own ? name : `${/National/.test(name) ? 'Ministry of National Defence' : 'Ministry of Defence'} of ${c}`, country: c, acronym, written };
  }
  const words = name.split(/\s+/);
  if (words.length === 1 && GENERIC_ORGS.has(words[0])) return undefined;
  // "the Cambodian News Agency AKP", "Xinhua News Agency": a source of the news, not an actor of it.
  if (/\bNews Agency\b|\b(?:Broadcasting|Television|Radio|Newspaper|Press)\b(?! Office)/.test(name)) return undefined;
  // "the provincial People's Committee": a kind of body, not a named one.
  if (/^People['’]s (?:Committee|Council|Court|Procuracy)$/.test(name)) return undefined;
  if (countryOfForm(name)) return undefined;
  return { start: span.start, end: span.end, text: span.text, key: orgKey(name, country), name, acronym, country, written };
}

export function findKnownOrganizations(text: string): OrgMention[] {
  const out: OrgMention[] = [];
  for (const { index, form } of findKnownOrgForms(text)) {
    const o = knownByForm.get(form)!;
    const span = { start: index, end: index + form.length, text: form };
    out.push(knownOrgMention(o, span, form === o.acronym || /^[A-Z.]+$/.test(form)));
  }
  return out;
}

export interface AcronymPhrase extends Span {
  phrase: string;
  acronym: string;
}

/** "Long Name (ACR)": the long name, found by the initials of the acronym or by the capitalised run. */
export function findAcronymPhrases(text: string): AcronymPhrase[] {
  const out: AcronymPhrase[] = [];
  for (const m of execAll(/\(([A-Z][A-Za-z.]*[A-Z](?:[ -](?:[A-Z]{2,}|Plus|\d+))*)\)/g, text)) {
    const acronym = m[1];
    if (NOT_ORGANIZATIONS.has(acronym.toUpperCase()) && !['FPA', 'UNCLOS', 'MOU'].includes(acronym.toUpperCase())) continue;
    if (/^(VNA|VOVWORLD|VOV|VNS)$/.test(acronym)) continue;
    const before = text.slice(0, m.index).replace(/\s+$/, '');
    const toks = tokenize(before);
    // Walk back over capitalised words and connectors.
    let i = toks.length - 1;
    let first = toks.length;
    while (i >= 0) {
      const t = toks[i].text;
      if (isCapitalized(t) || /^\d{4}$/.test(t)) first = i;
      // ("the X Hospital and the Naval ... Service (SHOM)", "the Ministry ... and of the Turkish Presidency (SSB)": a second name.)
      else if (/^(?:the|of)$/.test(t) && toks[i - 1]?.text === 'and') break;
      else if (!(ORG_CONNECTORS.has(t.toLowerCase()) || t === "'" || t === '-' || t === '/')) break;
      i--;
    }
    let phrase = first < toks.length ? before.slice(toks[first].start) : '';
    // Lowercase names whose initials spell the acronym: "participation framework agreement (FPA)".
    if (!phrase) {
      const letters = acronym.replace(/[^A-Za-z]/g, '').toLowerCase();
      const words = toks.filter((t) => /^\p{L}/u.test(t.text));
      const n = letters.length;
      const tail = words.slice(-n);
      if (tail.length === n && [...tail.map((t) => t.text[0].toLowerCase())].sort().join('') === [...letters].sort().join('')) {
        phrase = before.slice(tail[0].start);
      }
    }
    if (!phrase) continue;
    // ("Chief of the Army Staff (COAS) General X": the acronym of an office, whose holder it names, not of a body.)
    if (/^(?:Deputy |Vice |Acting )?(?:Chief|Commander|Director|Minister|Head|Secretary|Chairman|Chairwoman|President|Commandant|Inspector)(?: General)? of\b/.test(phrase.trim()) &&
      /^\s*(?:\p{Lu}[\p{L}.]*\s+){0,3}\p{Lu}/u.test(text.slice(m.index + m[0].length)) && acronym.length >= 3 &&
      acronym[0] === phrase.trim()[0]) continue;
    phrase = preferredSuffix(phrase.trim(), acronym);
    const start = before.length - phrase.length;
    out.push({ start, end: m.index + m[0].length, text: text.slice(start, m.index + m[0].length), phrase: phrase.trim(), acronym });
  }
  return out;
}

/** The part of a long capitalised run that the acronym abbreviates: a known name, or the words whose initials spell it. */
function preferredSuffix(phrase: string, acronym: string): string {
  const known = knownByForm.get(acronym);
  if (known) {
    for (const f of [known.name, ...known.forms]) if (phrase.endsWith(f)) return f;
  }
  const letters = acronym.split(/[ -]/).map((w) => (/^[A-Z.]+$/.test(w) ? w.replace(/\./g, '') : w[0])).join('').toUpperCase();
  const words = phrase.split(/\s+/);
  for (let i = words.length - 1; i >= 0; i--) {
    if (!isCapitalized(words[i])) continue;
    const initials = words.slice(i).filter((w) => isCapitalized(w)).map((w) => (/^[A-Z.]+$/.test(w) && w.length > 1 ? w.replace(/\./g, '') : w[0])).join('').toUpperCase();
    if (initials === letters) return words.slice(i).join(' ');
    if (initials.length > letters.length) break;
  }
  return phrase;
}

/** Capitalised phrases headed by an organization noun ("Institute for Defense Strategy", "Division 308"); `toks` are the text's tokens. */
export function findOrgPhrases(text: string, toks: Token[] = tokenize(text)): Span[] {
  const out: Span[] = [];
  const inCountryNames = possessivesInCountryNames(text);
  // "People's" in "People's Committee", "People's Army" is part of the name, not a possessive.
  const possessive = (t: Token) => /'s?$/.test(t.text) && !/s'$/.test(t.text) && !inCountryNames.has(t.end) && !/^People'?s?$/.test(t.text);
  let i = 0;
  while (i < toks.length) {
    if (!isCapitalized(toks[i].text) || toks[i].text === 'The') {
      i++;
      continue;
    }
    // A capitalised run with inner connectors; "and" joins only when the left part does not end in a head.
    let j = i;
    let last = i;
    while (j + 1 < toks.length) {
      const next = toks[j + 1].text;
      // "Coast Guard Commandant Admiral X", "Navy Commander Y": a title after a body's head starts a person.
      if (ORG_HEADS.has(toks[j].text) && (RANK_WORDS.has(next) || TITLE_WORDS.has(next))) break;
      if ((isCapitalized(next) && !/^\d/.test(next)) || (/^\d+$/.test(next) && ORG_HEADS.has(stripPossessive(toks[j].text)))) {
        j++;
        last = j;
        if (possessive(toks[j])) break;
        continue;
      }
      const low = next.toLowerCase();
      if ((((low === 'of' || low === 'for' || low === 'on' || low === 'the') && (isCapitalized(toks[j + 2]?.text ?? '') || toks[j + 2]?.text === 'the') &&
        // "the Navy on Tuesday": a day or a month is no part of a name.
        !(low === 'on' && /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?$/.test(toks[j + 2]?.text ?? ''))) ||
        (low === 'and' && !ORG_HEADS.has(toks[last].text) && !countryOfForm(toks[last].text) && isCapitalized(toks[j + 2]?.text ?? '') &&
          // Only inside a body's complement: "Ministry of Science and Technology", "Institute for Defence Strategy and ...".
          toks.slice(i, j).some((t, k, run) => ORG_HEADS.has(t.text) && /^(?:of|for|on)$/.test(run[k + 1]?.text ?? '')) &&
          // "Admiral X and the Vietnam Coast Guard": a rank makes the left part a person, not a body's name.
          !toks.slice(i, j + 1).some((t) => PERSON_RANKS.has(t.text) || TITLE_WORDS.has(t.text) || t.text === 'Minister') &&
          // "X and Secretary General for Administration Y": a title after "and" starts a person.
          !RANK_WORDS.has(toks[j + 2].text) && !TITLE_WORDS.has(toks[j + 2].text) &&
          // ("the Department of Peacekeeping Operations and Military Hospital 175": a body's head after "and" starts another body.)
          !headAfter(toks, j + 2) &&
          // "the School of Military Engineering and Vietnamese trainers": a demonym before a common noun starts a new phrase.
          !(countryOfForm(toks[j + 2].text) && /^\p{Ll}/u.test(toks[j + 3]?.text ?? '')))) && j + 2 < toks.length) {
        j++;
        continue;
      }
      break;
    }
    let run = toks.slice(i, last + 1);
    // "Rear Admiral X Y of Naval Region 5", "Captain X Y of the Philippine Navy": a rank and a name, then the
    // body the person belongs to. The body starts after "of".
    const ofAt = run.findIndex((t) => t.text === 'of' || t.text === 'from');
    if (ofAt > 2 && !run.slice(0, ofAt).some((t) => ORG_HEADS.has(stripPossessive(t.text)))) {
      let r = ofAt - 1;
      while (r >= 0 && !RANK_WORDS.has(run[r].text) && !PERSON_RANKS.has(run[r].text)) r--;
      if (r >= 0 && ofAt - 1 - r >= 2 && run.slice(r + 1, ofAt).every((t) => isNameToken(t.text))) run = run.slice(run[ofAt + 1]?.text === 'the' ? ofAt + 2 : ofAt + 1);
    }
    // Nothing after the last head but its complement ("for Defense Strategy") or a number; no person's name.
    let lastHead = -1;
    run.forEach((t, k) => { if (ORG_HEADS.has(stripPossessive(t.text))) lastHead = k; });
    // "International Fleet Review", "Army Games": an event named after a body is no body.
    if (lastHead >= 0 && /^(?:Review|Parade|Games|Festival|Exercise|Drill|Competition|Cup)$/.test(run[lastHead + 1]?.text ?? '')) {
      i = last + 1;
      continue;
    }
    if (lastHead >= 0 && lastHead < run.length - 1) {
      const next = run[lastHead + 1].text;
      if (!/^(?:of|for|on|the|\d+|[A-Z]{2,})$/.test(next) && !/'s?$/.test(run[lastHead].text)) run = run.slice(0, lastHead + 1);
      else {
        let e = run.length;
        const nameStart = (k: number) => k > lastHead && isNameToken(run[k].text);
        let s = e;
        while (s - 1 > lastHead && nameStart(s - 1)) s--;
        const prevTok = run[s - 1]?.text ?? '';
        if (e - s >= 2 && e - s <= 4 && (ORG_HEADS.has(stripPossessive(prevTok)) || NON_NAME_WORDS.has(prevTok))) e = s;
        run = run.slice(0, e);
      }
    }
    // "Army Corps General X", "Division General Y": a rank of a foreign army, not a body.
    if (/^(?:General|Admiral)$/.test(toks[last + 1]?.text ?? '') && RANK_FORMS.includes(`${run.map((t) => t.text).join(' ')} ${toks[last + 1].text}`)) {
      i = last + 1;
      continue;
    }
    // "the Ministry of National Defence General Neang Phat": a rank after the name is not part of it.
    let keep = run.length;
    while (keep > 1 && RANK_WORDS.has(run[keep - 1].text) && !ORG_HEADS.has(run[keep - 1].text)) keep--;
    if (keep < run.length) run = run.slice(0, keep);
    const headAt = run.findIndex((t) => ORG_HEADS.has(stripPossessive(t.text)));
    if (headAt >= 0) {
      // Split at a possessive: "MND's Institute for Defense Strategy" yields two organizations.
      let from = 0;
      for (let k = 0; k < run.length; k++) {
        if (possessive(run[k]) || k === run.length - 1) {
          const part = run.slice(from, k + 1);
          if (part.some((t) => ORG_HEADS.has(stripPossessive(t.text)))) {
            // "Division 308 of Army Corps 1": a numbered unit of a numbered unit is two organizations.
            const ofAt = part.findIndex((t, idx) => t.text === 'of' && idx > 0 && /^\d+$/.test(part[idx - 1].text));
            const pieces = ofAt > 0 ? [part.slice(0, ofAt), part.slice(ofAt + 1)] : [part];
            for (const piece of pieces) {
              // "8002 of the Vietnam Coast Guard": a number alone (a hull number) is no body.
              if (!piece.some((t) => ORG_HEADS.has(stripPossessive(t.text)))) continue;
              const s = piece[0].start;
              const e = piece[piece.length - 1].end;
              out.push({ start: s, end: e, text: text.slice(s, e).replace(/'s?$/, '') });
            }
          }
          from = k + 1;
        }
      }
    }
    i = last + 1;
  }
  return out;
}

// ---------------------------------------------------------------- persons

/** The ranks written before a name, longest first. */
const RANK_FORMS = [...new Set(RANKS.filter((r) => !/^(Major|Captain|Lieutenant|General|Sir|Madam)$/.test(r)).concat(['General', 'Major', 'Captain', 'Lieutenant']))]
  .sort((a, b) => b.length - a.length);

/**
 * The rank that ends `before` (blanks after it allowed), from its start to the end of `before`: the
 * longest rank form that is a suffix and starts a word. A test of the few suffixes, where a RegExp
 * anchored at the end would try its alternation at every position of `before`.
 */
function rankAtEnd(before: string): { index: number; text: string } | undefined {
  const written = before.trimEnd();
  const form = RANK_FORMS.find((r) => written.endsWith(r) && !inWordAt(written, written.length - r.length));
  return form === undefined ? undefined : { index: written.length - form.length, text: before.slice(written.length - form.length) };
}
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'bin', 'binti', 'al', 'la', 'le', 'du', 'da', 'di', 'dos', 'del']);
const LOWER_TRIGGERS = /\b(counterpart|minister|ministers|officer|officials?|envoy|ambassador|diplomat|secretary|general|deputy|chief|director|head|president|chairman|attaché|attache|senator|doctor|physician|surgeon|specialist|expert|captain|commander|(?:led|headed) by|charg[ée] d'affaires(?: a\.i\.| ad interim)?)\s*$/i;
const POSITION_RE = new RegExp(`^(?:(?:Deputy|Vice|Senior|Assistant|First|Permanent|Acting|Under|Standing|High|Former|Chief|Executive|Associate|Principal|State|Parliamentary|Special|Defen[cs]e|Foreign)[\\s-]+)*(?:${POSITION_HEADS.map((p) => p.replace(/[.]/g, '\\.')).join('|')})(?![\\p{L}])`, 'u');

const ROLE_OF_BODY = /\b((?:deputy |vice |acting )?(?:head|chief|director|commander|chairman|chairwoman|president|secretary|minister|ambassador|leader|spokesperson|spokesman|captain) of (?:the )?(?:\p{Lu}[\p{L}'-]*(?:[\s-]+(?:of |for |and |the |on )*)?){1,10}?),\s*$/u;

const POSITION_WORDS = new Set(POSITION_HEADS.flatMap((p) => p.split(/[\s-]+/)));

function isNameToken(w: string): boolean {
  // A name starts with a capital: most tokens are turned down by their ASCII first character alone.
  const c = w.charCodeAt(0);
  if (c < 0x80 && !(c >= 0x41 && c <= 0x5a)) return false;
  const bare = stripPossessive(w);
  // "McKeague", "O'Brien", "In-moo": one capital, or a Mc/Mac-style second one, then lowercase parts.
  // ("Governor-General", "Vice-President": a hyphenated title is no name.)
  return /^\p{Lu}\p{Ll}*(?:\p{Lu}\p{Ll}+)?(?:['-]\p{L}\p{Ll}*)*$/u.test(bare) && !NON_NAME_WORDS.has(bare) && !POSITION_WORDS.has(bare) && !countryOfForm(bare) && !knownByForm.has(bare) &&
    !(bare.includes('-') && bare.split('-').some((w) => POSITION_WORDS.has(w) || RANK_WORDS.has(w)));
}

/**
 * "Minister of Defense KUROSAWA Takehiro", "General DANG Quoc Thuan": a family name written in capitals (as
 * Japanese and some other official releases do) after a title or rank, before a given name. The token is
 * read as "Kurosawa" (same length, so every offset holds); an acronym ("ASEAN Defence", "VNA Photo") has no
 * title before it, or is a body's or country's known form.
 */
function familyNamesInCapitals(toks: Token[]): Token[] {
  let out: Token[] | undefined;
  for (let k = 1; k + 1 < toks.length; k++) {
    const w = toks[k].text;
    // (Not a numeral: Brunei's "Minister of Defence II Pehin ...".)
    if (w.length < 2 || !/^\p{Lu}+$/u.test(w) || /^[IVX]+$/.test(w) || !/^\p{Lu}\p{Ll}+$/u.test(toks[k + 1].text)) continue;
    const prev = toks[k - 1].text;
    // (The words of a title, not its connectors: "Commanding Officer of INS Kolkata" names a ship.)
    if (!/^\p{Lu}/u.test(prev) || !(RANK_WORDS.has(prev) || POSITION_WORDS.has(prev) || /^(?:Defen[cs]e|Affairs|Mr|Ms|Mrs|Dr)$/.test(prev))) continue;
    const cased = w[0] + w.slice(1).toLowerCase();
    if (knownByForm.has(w) || countryOfForm(w) || cased.length !== w.length) continue;
    (out ??= toks.slice())[k] = { ...toks[k], text: cased };
  }
  return out ?? toks;
}

/** A navy's prefix just before a name: "INS Kolkata". */
const SHIP_PREFIX_BEFORE = new RegExp(`\\b(?:${SHIP_PREFIXES.join('|')})\\s+$`);

/** How far before a name its rank and position are looked for: longer than any title, short enough to keep a huge line linear. */
const CONTEXT_BEFORE = 400;

/**
 * Persons named in a sentence, with the rank and the positions written around the name. Single-name
 * references ("General Vinh", "Lynch") are returned with `full: false` for the resolver to attach.
 * `toks` are the text's tokens.
 */
export function findPersons(text: string, blocked: Span[], toks: Token[] = tokenize(text)): PersonMention[] {
  toks = familyNamesInCapitals(toks);
  const inBlocked = blockedTokens(toks, blocked);
  const ascii = asciiLetters(text);
  const out: PersonMention[] = [];
  let prevEnd = 0;
  let i = 0;
  while (i < toks.length) {
    if (!isNameToken(toks[i].text) || inBlocked(toks[i])) {
      i++;
      continue;
    }
    // "Dato' Seri Ahmad Zaki": an honorific with an apostrophe is no possessive ending a name, and no name.
    if (/^Dat(?:o|uk)['’]$/.test(toks[i].text)) {
      i += /^S(?:e)?ri$/.test(toks[i + 1]?.text ?? '') ? 2 : 1;
      continue;
    }
    let j = i;
    for (;;) {
      while (j + 1 < toks.length && !inBlocked(toks[j + 1]) && !/'s?$/.test(toks[j].text) &&
        (isNameToken(toks[j + 1].text) || (PARTICLES.has(toks[j + 1].text) && j + 2 < toks.length && isNameToken(toks[j + 2].text)) ||
          // "van der Maat", "de la Cruz": two particles, then the name.
          (PARTICLES.has(toks[j + 1].text) && PARTICLES.has(toks[j + 2]?.text ?? '') && j + 3 < toks.length && isNameToken(toks[j + 3].text)) ||
          // "Le Duc Thai": the last word of a Vietnamese name may be a demonym elsewhere.
          (j - i < 3 && VIETNAMESE_SURNAMES.has(fold(toks[i].text)) && /^\p{Lu}\p{Ll}+$/u.test(toks[j + 1].text) && countryOfForm(toks[j + 1].text) !== undefined &&
            !/^\p{Lu}/u.test(toks[j + 2]?.text ?? '')))) j++;
      // A middle initial: "Lloyd J. Austin".
      if (j > i && /^\p{Lu}$/u.test(toks[j].text) && toks[j + 1]?.text === '.' && toks[j + 1].start === toks[j].end &&
        j + 2 < toks.length && isNameToken(toks[j + 2].text) && !inBlocked(toks[j + 2])) {
        j += 2;
        continue;
      }
      break;
    }
    // "General Secretary To Lam": a family name that is also an English word ("To") opens the name after a title.
    if (i > 1 && j - i <= 2 && VIETNAMESE_SURNAMES.has(toks[i - 1].text) && !isNameToken(toks[i - 1].text) && !inBlocked(toks[i - 1]) &&
      /^\p{Lu}\p{Ll}+$/u.test(toks[i - 2].text) && (POSITION_WORDS.has(toks[i - 2].text) || RANK_WORDS.has(toks[i - 2].text))) i--;
    // "Tan Sri Mohammad Ab Rahman": a Malaysian honorific opening the run is no part of the name.
    // ("U Kyaw Soe Win", "Daw Aye Aye": Myanmar honorifics.)
    const honorific = /^(?:Tan Sri|Puan Sri|Datuk Seri|Dato['’]? Seri|Dato['’]? Sri|Datuk|Dato['’]?|Datin|Tun|Pehin|Rt Hon|Hon\.?|U|Daw)\s+/.exec(text.slice(toks[i].start, toks[j].end));
    if (honorific) {
      const skip = honorific[0].trim().split(/\s+/).length;
      if (j - i + 1 - skip >= 2) i += skip;
    }
    // "Deputy Secretary of Defence Policy and Planning Tony Lynch": the last word of the title's field is no part of the name.
    if (j - i >= 2 && TITLE_FIELDS.test(toks[i].text) && /\b(?:and|of|for)\s+$/.test(text.slice(Math.max(0, toks[i].start - 5), toks[i].start))) i++;
    const nameToks = toks.slice(i, j + 1);
    const words = nameToks.map((t) => stripPossessive(t.text)).join(' ').replace(/ \./g, '.').split(' ');
    const start = nameToks[0].start;
    const end = nameToks[nameToks.length - 1].end;
    // What is written before the name since the last person, at most CONTEXT_BEFORE characters (from a word start).
    let from = prevEnd;
    if (start - from > CONTEXT_BEFORE) {
      from = start - CONTEXT_BEFORE;
      while (from < start && !/\s/.test(text[from - 1] ?? ' ')) from++;
    }
    // "Major General (res.) X": a reserve or retired officer's mark after the rank.
    const before = text.slice(from, start).replace(/\s*\((?:[Rr]es|[Rr]etd?|[Rr]td|[Rr]etired)\.?\)\s*$/, ' ');
    const after = text.slice(end);
    let rankM = rankAtEnd(before);
    // "Director General", "Secretary General": an office, not the rank General.
    // ("ASEAN Secretary-General X": the office written with a hyphen.)
    if (rankM && /^General\b/.test(rankM.text.trim()) && /\b(?:Director|Secretary|Inspector|Attorney|Consul|Governor|Surgeon|Auditor|Controller)[\s-]*$/.test(before.slice(0, rankM.index))) rankM = undefined;
    // "General Tan Sri X": a rank before the honorific is the rank.
    if (rankM && /^(?:Tan Sri|Datuk|Dato|Hon|Rt Hon)\b/.test(rankM.text.trim())) {
      const military = rankAtEnd(before.slice(0, rankM.index));
      if (military && !HONORIFICS.has(canonicalRank(military.text.trim()))) rankM = { index: military.index, text: before.slice(military.index) };
    }
    const rank = rankM ? canonicalRank(rankM.text.trim()) : undefined;
    // "the head of the Federal Service for Military-Technical Cooperation, Dmitry Shugaev": a lowercase office of a body, then the name.
    const roleOf = rankM || !/,\s*$/.test(before) || !before.includes(' of ') ? null : ROLE_OF_BODY.exec(before.slice(-160));
    const preTitle = (titleBefore(before.slice(0, rankM ? rankM.index : before.length).replace(/\s(?:U|Daw)\s+$/, ' '), ascii) ?? (roleOf ? trimTitle(roleOf[1]) : undefined));
    // (", outgoing Australian Defence Attaché": a word for the time of office before the title.)
    const appositive = /^,\s+(?:(?:the\s+)?(?:outgoing|incoming|new|newly[- ]appointed|former|visiting|acting)\s+)?((?:the\s+)?(?:[A-Z][\p{L}'-]*|of|for|the|and|to|at|on|in)(?:\s+(?:[A-Z][\p{L}'-]*|of|for|the|and|to|at|on|in|\(\w+\)'s|\(\w+\)))*)/u.exec(after);
    // (Not the title of the next person: "..., Defence Minister General X Y hosted ...".)
    const postTitle = appositive && !/\b(?:General|Admiral|Colonel|Captain|Major|Lieutenant|Commodore|Brigadier|Mr\.|Ms\.|Mrs\.|Dr\.)\s+(?:\p{Lu}[\p{L}'-]*\s*){2,}$/u.test(appositive[1]) && POSITION_RE.test(appositive[1].replace(/^the\s+/, '').replace(/^[\p{Lu}][\p{L}]*'s\s+/u, '').replace(/^(\p{Lu}[\p{L}]+)\s+/u, (w, d: string) => (countryOfForm(d) ? '' : w))) ? trimTitle(appositive[1]) : undefined;
    const vietnamese = VIETNAMESE_SURNAMES.has(fold(words[0])) && words.length >= 2 && words.length <= 4;
    const known = VIETNAMESE_NAMES[words.join(' ')] !== undefined;
    const trigger = rank || preTitle || postTitle || LOWER_TRIGGERS.test(before);
    // (Up to seven words with a particle: "Haji Khairul Azmi bin Haji Yusof".)
    // ("Minister of Popular Power for Defence": words of a title between its connectors are no name.)
    const inTitle = /\b(?:of|for)\s+$/.test(before) && /^\s+(?:for|of)\s+(?:the\s+)?\p{Lu}/u.test(after) && /\b(?:Minister|Ministry|Secretary|Department|Office|Council|Commission|Committee)\s+(?:of|for)\s+$/.test(before);
    const full = !inTitle && words.length >= 2 && (words.length <= 5 || (words.length <= 7 && words.some((w) => PARTICLES.has(w)))) && (trigger || vietnamese || known);
    // (A body's head word alone is no name: "Secretary General for Administration"; nor is a word of a
    // title's field: "Assistant Secretary of Defense for Indo-Pacific Security Affairs Ely Ratner".)
    const single = words.length === 1 && !ORG_HEADS.has(words[0]) && !(words[0].includes('-') && POSITION_RE.test(words[0])) &&
      !/^\s+(?:\p{Lu}[\p{L}-]*\s+){0,3}(?:Affairs|Security|Policy|Relations|Operations|Cooperation|Strategy|Planning|Logistics|Intelligence)\b/u.test(after);
    // "the frigate Tran Hung Dao", "the vessel CSB 8002": a ship's name, not a person's.
    // ("INS Kolkata", "HMAS Anzac": a navy's prefix names a ship.)
    const ship = !rank && (/\b(?:frigates?|corvettes?|destroyers?|submarines?|cruisers?|ships?|vessels?|boats?|cutters?|warships?|flagship)\s+$/i.test(before) ||
      SHIP_PREFIX_BEFORE.test(before));
    // "the Truong Bon historical site", "Ba Dinh Square": a place named like a person.
    const place = !rank && !preTitle && (/^\s+(?:(?:historical|relic|martyrs'?)\s+)?(?:site|relic|memorial|cemetery|temple|pagoda|monument|museum|mausoleum|square|street|road|bridge|airport|park|stadium|hall|pass|island|district|commune|ward)\b/.test(after) ||
      // "the Ho Chi Minh Mausoleum", "the National Cemetery": a capitalised place word ends the run.
      // (Not the words that are also family names: Park, Hall, Ward, Bridge.)
      (words.length >= 2 && /^(?:Site|Relic|Memorial|Cemetery|Pagoda|Monument|Museum|Mausoleum|Square|Airport|Stadium|District|Commune|Harbou?r)$/.test(words[words.length - 1])));
    // A name of two to four words with nothing to say it is a person's ("Tea Seiha" again, without a title)
    // is kept as a mention that only resolves to a person the article names in full.
    const again = !full && !single && words.length >= 2 && words.length <= 4;
    // "Photo by VnExpress/Nguyen Minh", "(Photo: VNA/Tran Duc)": a photographer's credit, not a person of the story.
    const credit = /\b(?:[Pp]hotos?|PHOTO|[Ii]mages?)(?:\s+by|\s*:)\s*(?:[\p{L}.&-]+\s*\/\s*)?$/u.test(before);
    if ((full || single || again) && !place && !ship && !credit && !inTitle) {
      const positions = [preTitle, postTitle].filter((p): p is string => !!p);
      const refStart = rankM ? from + rankM.index : start;
      out.push({
        start, end, text: text.slice(start, end), name: words.join(' '), full: !!full, rank, positions,
        reference: text.slice(refStart, end).replace(/'s$/, ''),
      });
      prevEnd = end;
    }
    i = j + 1;
  }
  return out;
}

/** The last words of a title's field: "... for International Security Affairs", "... Policy and Planning". */
const TITLE_FIELDS = /^(?:Affairs|Security|Policy|Relations|Operations|Cooperation|Strategy|Planning|Logistics|Intelligence|Industry|Technology|Management|Development)$/;

const TITLE_MODIFIERS = new Set(['Parliamentary', 'Federal', 'Special', 'Principal', 'Assistant', 'Acting', 'Associate', 'Defence', 'Defense', 'Foreign', 'Home', 'Interior', 'Army', 'Navy', 'Naval', 'Air', 'Force', 'Military', 'National', 'Security', 'Permanent', 'Prime', 'Executive', 'Political', 'Party', 'State', 'Senior', 'Chief', 'Deputy', 'Vice']);

const TITLE_BEFORE = /((?:[A-Z][\p{L}'-]*\.?|of|for|the|and|to|at|on|in|\(\w+\)(?:'s)?|'s)(?:,?\s+(?:[A-Z][\p{L}'-]*\.?|of|for|the|and|to|at|on|in|provincial|municipal|city|district|\(\w+\)(?:'s)?|'s))*)\s*$/u;
const TITLE_BEFORE_ASCII = /((?:[A-Z][A-Za-z'-]*\.?|of|for|the|and|to|at|on|in|\(\w+\)(?:'s)?|'s)(?:,?\s+(?:[A-Z][A-Za-z'-]*\.?|of|for|the|and|to|at|on|in|provincial|municipal|city|district|\(\w+\)(?:'s)?|'s))*)\s*$/;

/**
 * The position written just before a name: "Deputy Minister of Defence", "US Assistant Secretary of State".
 * `ascii`: the letters of `text` are all ASCII (asciiLetters), and the ASCII twin of the RegExp serves.
 */
function titleBefore(text: string, ascii: boolean): string | undefined {
  // Never across a list of persons: "X, Director of ..., and Dr. Y".
  const cut = Math.max(text.lastIndexOf(', and '), text.lastIndexOf('; '));
  const before = (cut >= 0 ? text.slice(cut + 2) : text).replace(/,\s*$/, ' ');
  const m = (ascii ? TITLE_BEFORE_ASCII : TITLE_BEFORE).exec(before);
  if (!m) return undefined;
  let t = m[1].trim();
  // Start at the first position word; keep a leading demonym ("US Assistant Secretary of State").
  const words = t.split(/\s+/);
  let k = words.findIndex((_w, idx) => POSITION_RE.test(words.slice(idx).join(' ')));
  if (k < 0) return undefined;
  while (k > 0 && /^\p{Lu}/u.test(words[k - 1]) && (TITLE_MODIFIERS.has(words[k - 1]) || countryOfForm(words[k - 1]))) {
    k--;
    if (countryOfForm(words[k])) break;
  }
  t = words.slice(k).join(' ');
  return trimTitle(t);
}

function trimTitle(t: string): string | undefined {
  const out = t.replace(/[,\s]+$/, '').replace(/\s+(and|the|of|for|to|at|on|in)$/g, '').replace(/^(the|and)\s+/i, '').trim();
  return out.length >= 3 ? out : undefined;
}

/** The Vietnamese diacritic form of a name, where the gazetteer knows it. */
export function vietnameseForm(name: string): string | undefined {
  return VIETNAMESE_NAMES[fold(name)];
}
