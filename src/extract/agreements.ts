/**
 * Finds the agreements a sentence names: capitalised names headed by Agreement, Memorandum of
 * Understanding, Convention, Charter, Declaration, Agenda..., lowercase descriptions ("a memorandum of
 * understanding on defence cooperation"), names with acronyms ("participation framework agreement
 * (FPA)"), quoted strategies; and the status the sentence gives them (signed, concluded, negotiated,
 * proposed, in force, or only mentioned).
 */
import type { AgreementKind, AgreementStatus } from '../vocab.js';
import { findAcronymPhrases, findCountries, findPlaces, type Span } from './actors.js';
import { MONTHS, WEEKDAYS } from './lexicon.js';
import { execAll, slug } from './tokens.js';

export interface AgreementMention extends Span {
  name: string;
  acronym?: string;
  kind: AgreementKind;
  status: AgreementStatus;
  /** A year written in the name or beside the mention ("1982", "in 2010"). */
  dateText?: string;
}

const HEADS: Array<[RegExp, AgreementKind]> = [
  [/Memorandum of Understanding|memorandum of understanding|\bMoU\b|\bMOU\b|Memorandum on\b|[Mm]emorandum of [Cc]ooperation/, 'memorandum of understanding'],
  [/Joint Vision Statement|joint vision statement|[Ss]trategic [Vv]ision|Vision Statement/, 'joint vision statement'],
  [/Joint Statement|joint statement|Joint Declaration|joint declaration|[Dd]raft statement/, 'joint statement'],
  [/Framework Agreement|framework agreement|Framework Participation Agreement/, 'framework agreement'],
  [/Letter of Intent|letter of intent/, 'letter of intent'],
  [/Convention|Treaty|Protocol|Accord\b/, 'convention'],
  [/Charter/, 'charter'],
  [/Declaration/, 'declaration'],
  [/Agenda|Strategy|Action Plan|Plan of Action|Code of Conduct|Initiative/, 'policy document'],
  [/Agreement|Arrangement|\baccord\b/, 'agreement'],
];

const CAP_HEAD = /(Framework Participation Agreement|Framework Agreement|Agreement|Memorandum of Understanding|Memorandum(?= on )|Joint Vision Statement|Vision Statement|Joint Statement|Joint Declaration|Declaration|Convention|Treaty|Charter|Letter of Intent|Agenda|Protocol|Accord|Action Plan|Plan of Action|Code of Conduct|Arrangement)(?![\p{L}])/gu;
const LOW_HEAD = /\b(?:the|a|an|their|its|this)\s+(?:(?:new|revised|updated|amended)\s+)?(?:((?:19|20)\d{2})\s+)?((?:(?:\p{Lu}[\p{L}]+-\p{Lu}[\p{L}]+\s+)?(?=(?:defen[cs]e |military |bilateral )?cooperation (?:agreement|protocol)))?(?:draft statement|memorandum of understanding|memorandum of cooperation|joint declaration|(?:defen[cs]e |military |bilateral )?cooperation accord|framework agreement|strategic vision|joint vision statement|joint statement|letter of intent|action plan|(?:defen[cs]e |military |bilateral )?cooperation (?:agreement|protocol)|agreement(?= on (?:the )?(?:[a-z-]+ ){0,3}(?:cooperation|support|exchanges?|partnership|delimitation|demarcation|boundar(?:y|ies))\b)|protocol))\b(?!s)/gu;
/** A sentence without one of these words has no lowercase description of a document. */
const LOW_WORDS = /agreement|memorandum|statement|declaration|accord|protocol|letter of intent|strategic vision/i;
const TAIL = /^((?:\s+(?:on|of|for|between|to|in|and|the|with|at|[-–](?=\s+[A-Z])|[A-Z][\p{L}'-]*|[a-z][\p{L}-]*|\d{4}(?:-\d{4})?|\([A-Z][A-Za-z ]*\))(?![\p{L}\d-]))*)/u;
const TAIL_STOP = /\s+(?:signed|inked|was|were|is|are|has|have|had|which|that|who|to establish|to be|by|as|within|since|during|after|before|among|especially|including|in \d{4}|in the time|as well|at an early date|at the earliest|effectively|successfully|fully|actively|closely|smoothly|seriously|thoroughly|strictly|well|together|further|and the|and a|and an|and other|and [a-z]+ed|[a-z]+ed (?:a|an|the|its|their)|(?<!\b(?:between|of|for|by|with)\s+)the two|both sides|both countries|and strengthening|and collaboration|and to|soon|with (?:the )?[A-Z])\b.*$/su;

function kindOf(name: string): AgreementKind {
  for (const [re, kind] of HEADS) if (re.test(name)) return kind;
  return 'agreement';
}

/** Words to the left of a capitalised head that still belong to the name ("1982 United Nations", "Vietnam-EU", "Women, Peace and Security"). */
function extendLeft(text: string, at: number): number {
  const before = text.slice(0, at);
  const m = /((?:(?:[A-Z][\p{L}.'-]*|\d{4}(?:[-–]\d{4})?|of|and),?\s+)*)$/u.exec(before);
  if (!m) return at;
  let s = m[1];
  // Never across another agreement's head ("UN Charter and Universal Declaration ...").
  const heads = [...s.matchAll(/\b(?:Agreement|Charter|Convention|Treaty|Declaration|Statement|Agenda|Protocol|Understanding)\b,?\s+/g)];
  if (heads.length) s = s.slice(heads[heads.length - 1].index! + heads[heads.length - 1][0].length);
  // Only a run that starts with a capitalised word or a year; drop leading connectors and sentence-initial words.
  s = s.replace(/^(?:(?:of|and),?\s+)+/, '').replace(/^(?:Within|In|On|Under|With|At|By|For|From|The|This|These|Both|Besides)\s+/, '');
  // A comma belongs to the name only in a list ending in "and X": "Women, Peace and Security".
  const parts = s.split(/,\s+/);
  if (parts.length > 1 && !/\band\b/.test(parts[parts.length - 1])) s = parts[parts.length - 1];
  return at - s.length;
}

function trimTail(tail: string): string {
  if (/^\s+and\b/.test(tail)) return '';
  // "between Damen Shipyards and the Vietnamese Navy": the two parties are part of the description, "and the" included.
  const parties = /\sbetween\s+(?:the\s+)?(?:\p{Lu}[\p{L}'-]*\s+){1,6}and(?=\s+(?:the\s+)?\p{Lu})/u.exec(tail);
  if (parties) {
    const at = parties.index + parties[0].length - 3;
    return trimTail(`${tail.slice(0, at)}\u0001${tail.slice(at + 3)}`).replace('\u0001', 'and');
  }
  let t = tail.replace(TAIL_STOP, '');
  // End a lowercase description at the first clause-like break.
  t = t.replace(/\s+(?:and|the|of|on|for|to|in|with|at|between)\s*$/g, '').replace(/\s+(?:and|the|of|on|for|to|in|with|at|between)\s*$/g, '');
  return t;
}

/** The status a sentence gives an agreement mentioned at [start, end). */
export function statusNear(text: string, start: number, end: number): AgreementStatus {
  const before = text.slice(Math.max(0, start - 140), start);
  const after = text.slice(end, end + 60);
  const local = /[.;]/.test(before) ? before.slice(before.search(/[^.;]*$/)) : before;
  // "the agreement ... signed by A and B in 2022": signed, whatever is proposed about it.
  if (/^\s*,?\s*(?:(?:which|that) (?:was|were) |was |were )?(?:signed|inked)\s+(?:by|in|on)\b/i.test(after) && !/\b(?:will|to) be signed/i.test(after)) {
    return /\b(?:under|in line with|in accordance with|pursuant to)\s+(?:the\s+|their\s+|its\s+)?(?:[\p{L}\d'’-]+\s+){0,5}$/u.test(local.slice(-80)) ? 'in force' : 'signed';
  }
  if (/\b(?:stud(?:y|ying|ied)|consider(?:ing)?|towards? (?:the )?sign\w*|propos\w*|plan(?:ning)? to|will|wish(?:es)? to sign|to sign|soon sign|early sign|to (?:negotiate|conclude|finali[sz]e|draft|work out))\b[^.;]{0,40}$/i.test(local) ||
    /\b(?:will be signed|to be signed|is expected)/i.test(after)) return 'proposed';
  if (/\bdraft\b/i.test(local.slice(-40)) || /\bnegotiat(?:ing|ion of|ions on)\b[^.;]{0,30}$/i.test(local)) return 'negotiated';
  // "cooperation under the plan for 2025", "in line with the Memorandum ... signed in 2011": a document in force.
  if (/\b(?:under|in line with|in accordance with|pursuant to|within the framework of|in the framework of)\s+(?:the\s+|their\s+|its\s+)?(?:[\p{L}\d'’-]+\s+){0,5}$/u.test(local.slice(-80))) return 'in force';
  if (/\bconclu(?:sion|ded)\b[^.;]{0,60}$/i.test(local) || /^\s*(?:was|were|has been)? ?concluded/i.test(after)) return 'concluded';
  if (/\b(?:came|come|entered|enter) into force|\btook effect|\bin force\b/i.test(local + after)) return 'in force';
  if (/\b(?:sign(?:ed|ing)|ink(?:ed|ing))\b/i.test(local) || /^\W*(?:\w+\W+){0,2}(?:signed|inked)\b/i.test(after)) return 'signed';
  return 'mentioned';
}

const WHEN = new RegExp(`\\s+(?:on|in)\\s+(?:${[...MONTHS, ...WEEKDAYS].join('|')})\\b`);
/**
 * A lowercase description ends where the sentence says where or when it was signed: "an agreement on
 * defence cooperation in Budapest on October 18" is "an agreement on defence cooperation".
 */
function placeTimeCut(tail: string): string {
  const when = WHEN.exec(tail);
  if (when) tail = tail.slice(0, when.index);
  for (const m of execAll(/\s+(?:in|at)\s+/g, tail)) {
    const rest = tail.slice(m.index + m[0].length);
    const at = (x: { start: number }) => x.start === 0;
    if (findPlaces(rest).some(at) || findCountries(rest).some(at)) return tail.slice(0, m.index);
  }
  return tail;
}

/** Agreements named in a cleaned sentence. */
export function findAgreements(text: string): AgreementMention[] {
  const out: AgreementMention[] = [];
  const overlaps = (s: number, e: number) => out.some((a) => s < a.end && e > a.start);
  const push = (start: number, end: number, name: string, acronym?: string, writtenYear?: string) => {
    name = name.replace(/^(?:the|a|an)\s+/i, '').replace(/\s+/g, ' ').trim();
    if (name.split(' ').length < 2 && !acronym) return;
    if (/^(?:Framework Agreement|Agreement|Convention|Treaty|Charter|Declaration|Agenda|Strategy)$/i.test(name)) return;
    if (overlaps(start, end)) return;
    const year = writtenYear ?? /\b(1[89]\d{2}|20\d{2})\b/.exec(name)?.[1] ?? /^\W*(?:\w+\W+){0,5}in (\d{4})\b/.exec(text.slice(end))?.[1];
    const status = /^draft\b/i.test(name) ? 'negotiated' : statusNear(text, start, end);
    out.push({ start, end, text: text.slice(start, end), name, acronym, kind: kindOf(name), status, dateText: year });
  };
  // 1. Names with an acronym.
  for (const a of findAcronymPhrases(text)) {
    if (/(Agreement|Memorandum|Convention|Treaty|Charter|Declaration|Statement|Agenda|Protocol|Accord|agreement|memorandum)\b/.test(a.phrase)) {
      push(a.start, a.end, a.phrase, a.acronym);
    }
  }
  // 2. Capitalised heads, extended left and right.
  for (const m of execAll(CAP_HEAD, text)) {
    const headEnd = m.index + m[0].length;
    const start = extendLeft(text, m.index);
    const tailM = TAIL.exec(text.slice(headEnd));
    const tail = tailM ? trimTail(tailM[1]) : '';
    const end = headEnd + tail.length;
    const name = text.slice(start, end);
    // (A head of several words names one document: "the Framework Participation Agreement".)
    if (start === m.index && !tail && !/Memorandum|Vision Statement|Letter of Intent|Framework Participation Agreement/.test(m[0])) continue; // a bare head word
    push(start, end, name);
  }
  // 3. Lowercase descriptions: "a memorandum of understanding on defence cooperation".
  // ("the 2011 memorandum of understanding on ...": the year it dates from, outside its name.)
  for (const m of LOW_WORDS.test(text) ? execAll(LOW_HEAD, text) : []) {
    const headStart = m.index + m[0].length - m[2].length;
    const headEnd = m.index + m[0].length;
    const tailM = TAIL.exec(text.slice(headEnd));
    const tail = tailM ? placeTimeCut(trimTail(tailM[1])) : '';
    // A bare description names a document only when the sentence signs it: "the signing of the joint vision statement".
    if (!tail && !/draft statement/.test(m[2]) && !(/^(?:joint vision statement|memorandum of understanding|memorandum of cooperation|cooperation accord|letter of intent|(?:defen[cs]e|military) cooperation (?:agreement|protocol))$/.test(m[2]) && ['signed', 'in force'].includes(statusNear(text, headStart, headEnd)))) continue;
    push(headStart, headEnd + tail.length, text.slice(headStart, headEnd + tail.length), undefined, m[1]);
  }
  // 4. Plans: "the 2024 defence cooperation plan", "an action plan for 2021-2025".
  for (const m of !/plan/.test(text) ? [] : execAll(/\b(?:the|a|an|their|\p{L}+s['’])\s+((?:\d{4}(?:-\d{4})?\s+)?(?:[a-z-]+\s+){0,3}(?:cooperation plan|coordination plan|action plan|plan of action|work plan)(?:\s+for\s+(?:the\s+)?\d{4}(?:-\d{4})?(?:\s+period)?|\s+for\s+the\s+(?:coming|next)\s+year)?|plan of (?:[a-z-]+\s+){0,3}cooperation(?:\s+for\s+\d{4}(?:-\d{4})?)?)\b/gu, text)) {
    const start = m.index + m[0].length - m[1].length;
    push(start, m.index + m[0].length, m[1]);
    const last = out.find((a) => a.start === start);
    if (last) last.kind = 'policy document';
  }
  // 5. Quoted programmes: the "Enhanced EU Security Cooperation in and with Asia" strategy.
  for (const m of execAll(/"([A-Z][^"]{6,120})"\s+(strategy|initiative|programme|program|agenda|plan)\b/g, text)) {
    push(m.index, m.index + m[0].length, m[1]);
    const last = out[out.length - 1];
    if (last && last.name === m[1]) last.kind = 'policy document';
  }
  out.sort((a, b) => a.start - b.start);
  // "signed ... especially the Joint Vision Statement ... and the Framework Agreement": a list shares its status.
  for (let k = 1; k < out.length; k++) {
    const between = text.slice(out[k - 1].end, out[k].start);
    if (out[k].status === 'mentioned' && /^\s*,?\s*(?:and|or|as well as)\s+(?:the\s+)?$/.test(between)) out[k].status = out[k - 1].status;
  }
  return out;
}

/** The key that makes one agreement one IRI across articles: its acronym, or its name with the party pair in order. */
export function agreementKey(name: string, acronym?: string): string {
  if (acronym && acronym.length >= 3 && !/^MOU$/i.test(acronym)) return slug(acronym);
  const ordered = name.replace(/\b([A-Z][\p{L}.]+)-([A-Z][\p{L}.]+)\b/gu, (_m, a: string, b: string) => [a, b].sort().join('-'));
  return slug(ordered.replace(/^(?:the|a|an)\s+/i, ''));
}
