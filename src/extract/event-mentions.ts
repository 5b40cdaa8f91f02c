/**
 * How a sentence names an event: noun phrases ("the third Vietnam-France defence strategy and
 * cooperation dialogue", "a working trip to France by ...") and verbs ("met with", "co-chaired",
 * "hosted a reception for", "talked over the phone with", "visited", "attended", "co-chaired by").
 * Used by meetings.ts, which decides which mentions are one event.
 */
import type { MeetingKind } from '../vocab.js';
import { ordinalOf, SHIP_NOUNS, SHIP_PREFIXES } from './lexicon.js';
import { execAll } from './tokens.js';

const NOUNS: Array<[RegExp, MeetingKind]> = [
  [/^(?:teleconference|video ?conference|videoconference|video call|(?:online|virtual) (?:meeting|talks|conference|discussions?))$/i, 'teleconference'],
  [/^(?:phone talks|phone call|telephone (?:talks|call|conversation)|phone conversation)$/i, 'call'],
  [/^(?:dialogue|strategic dialogue|policy dialogue|consultations?)$/i, 'dialogue'],
  [/^reception$/i, 'reception'],
  [/^(?:conference|seminar|workshop|symposium|forum|summit|retreat|expo|exhibition|show|airshow|fair)$/i, 'conference'],
  [/^(?:talks|discussions?)$/i, 'talks'],
  [/^(?:courtesy (?:visit|call))$/i, 'meeting'],
  [/^(?:visit|trip|tour|port call|port visit|ship visit|stopover|call)$/i, 'visit'],
  [/^(?:signing ceremony|(?:handover|hand-over|opening|closing|inauguration|launching|launch|graduation|commissioning) ceremony|(?:joint )?(?:patrols?|exercises?|drills?)|PASSEX)$/i, 'meeting'],
  [/^(?:meeting|session|event|exchange|ceremony)$/i, 'meeting'],
];
/** "the call of the X Navy frigate Y": a ship's call, a port call. */
const CALL_OF_SHIP = `\\s+(?:of|by)\\s+(?:the\\s+|an?\\s+)?(?:[A-Za-z'’-]+\\s+){0,6}?(?:${SHIP_NOUNS}\\b|(?:${SHIP_PREFIXES.join('|')})\\s+[A-Z])`;
const NOUN_RE = new RegExp(String.raw`\b(port call|port visit|ship visit|stopover|signing ceremony|(?:handover|hand-over|opening|closing|inauguration|launching|launch|graduation|commissioning) ceremony|joint (?:patrols?|exercises?|drills?)|patrols?|exercises?|drills?|PASSEX|teleconference|video ?conference|videoconference|video call|(?:online|virtual) (?:meeting|talks|conference|discussions?)|(?:tele)?phone (?:talks|call|conversation)|courtesy (?:visit|call)|call(?=${CALL_OF_SHIP})|dialogue|consultations?|reception|conference|seminar|workshop|symposium|forum|summit|retreat|talks|discussions?|visit|trip|meeting|session|event|exchange|ceremony(?<!welcom(?:e|ing) ceremony)|expo|exhibition|show|airshow|fair(?<=(?:defen[cs]e|security|arms|industry|aerospace|aviation|maritime|naval) fair)|signing(?=\s+(?:took place|was held|ceremony)))\b`, 'gi');

export const PLANNED_BEFORE = /\b(?:will|would|shall|look(?:s|ed|ing)? forward to|to be held|to visit|slated|scheduled|upcoming|forthcoming|future|next|invit\w*|plans? to|planned|preparations? for|expected to|set to|proposed|propose|to attend|to organi[sz]e|organi[sz]ing|prepar(?:e|ing|ations?) for|preparations? of|to hold|to co-chair|work(?:ing)? towards?)\b[^.;]{0,60}$/i;
export const PLANNED_AFTER = /^(?:(?!\band\b)[^.;,]){0,40}\b(?:slated|scheduled|to be held|will be held|would be held|is expected|later this (?:year|month)|next (?:year|month))/i;
export const SPEECH = /^(?:,[^,]{3,120},)?\s*(?:(?:also|then|highly|warmly|strongly|sincerely|greatly|once again|further|briefly|firmly|repeatedly|particularly|especially|for (?:his|her) part,?) )*(?:said|says|affirmed|stressed|noted|suggested|hoped|voiced|expressed|highlighted|emphasi[sz]ed|agreed|proposed|thanked|congratulated|invited|accepted|welcomed|told|called|laid|spoke|passed|added|asked|pledged|briefed|informed|reviewed|lauded|praised|appreciated|shared|underlined|underscored|reiterated|confirmed|met|paid|visited|signed|talked|held|received|hosted|attended|led|wished|urged|proposed|presented|outlined|mentioned|applauded|valued|acknowledged|recalled|co-chaired|chaired|reaffirmed|vowed|hailed|spoke|conveyed|explained|assured|admitted|promised|announced|reported|introduced|stated|requested|recommended|committed|discussed|exchanged|consented|concurred|extended|described|considered|believed|pointed)\b/i;
export const INVERTED_SPEECH = /\b(?:said|noted|concluded|stressed|added|affirmed|according to)\s*$/i;
export const AT_EVENT_CAPTION = /\bat the (?:event|meeting|conference|dialogue|talks|reception|ceremony|teleconference|session|forum|seminar)\b/i;

export interface EventMention {
  start: number;
  end: number;
  kind: MeetingKind;
  noun: string;
  /** Words between the determiner and the noun ("third Vietnam-France defence strategy and cooperation"). */
  modifiers: string;
  ordinal?: number;
  anaphoric: boolean;
  /** The determiner, lowercased ("the", "his", "a"), or "" when there is none. */
  det: string;
  /** The event's name phrase, for a label. */
  phrase: string;
  /** Clause text after the noun, for dates, places, agents. */
  after: string;
  /** Text before the determiner. */
  lead: string;
  /** "Giang's visit": where the possessor's name ends in the sentence (before the "'s"). */
  possessorEnd?: number;
  /** A year written after the noun, as part of the event's name: "Defence Expo 2024". */
  year?: string;
}

export function kindOfNoun(noun: string): MeetingKind {
  const n = noun.replace(/\s+/g, ' ').toLowerCase();
  for (const [re, kind] of NOUNS) if (re.test(n)) return kind;
  if (/phone/.test(n)) return 'call';
  return 'meeting';
}

const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'this', 'that', 'our']);
const MOD_STOPS = new Set(['held', 'hold', 'holds', 'had', 'attended', 'that', 'which', 'who', 'since', 'of', 'for', 'to', 'by', 'with', 'between', 'on', 'in', 'at', 'from', 'during', 'after', 'before', 'was', 'were', 'is', 'are', 'has', 'have', 'had', 'will', 'and']);
const GENERIC_MODS = /^(?:two|both|bilateral|same|whole|above|said|biennial|triennial|online|virtual|official|working|high-level|two-day|one-day|three-day|four-day|five-day|in-person|face-to-face|hybrid|regional|plenary|main|entire)$/i;

/** Noun-phrase event mentions in a sentence; `skip` are spans (names of bodies) where a noun is no event. */
export function nounMentions(text: string, skip: Array<{ start: number; end: number }>): EventMention[] {
  const out: EventMention[] = [];
  for (const m of execAll(NOUN_RE, text)) {
    const start = m.index;
    const end = start + m[0].length;
    // ("the call of the X Navy frigate Y" is a port call.)
    const noun = /^call$/i.test(m[0]) ? 'port call' : m[0];
    if (skip.some((s) => start >= s.start && end <= s.end)) continue;
    const before = text.slice(0, start);
    const after = text.slice(end);
    // Verbs and mechanisms are not events: "to visit", "dialogue mechanism", "consultative dialogues".
    if (/^visit$/i.test(noun) && /\bto\s+$/i.test(before)) continue;
    // "the World Defense Show", "an air show": a show is an event only when named or of arms ("to show support" is none).
    if (/^show$/i.test(noun) && !(/^Show$/.test(noun) && /\p{Lu}[\p{L}-]*\s+$/u.test(before)) && !/\b(?:air|defen[cs]e|naval|maritime|arms|trade)\s+$/i.test(before)) continue;
    // "his first trip to the forum": going to a gathering, not a visit of its own.
    if (/^(?:visit|trip)$/i.test(noun) && /^\s*to (?:the|this|that) (?:[\p{L}-]+ ){0,2}(?:forum|meeting|conference|dialogue|summit|event|exercise|expo|exhibition|show)\b/iu.test(after)) continue;
    // "the productive discussions at the Defense Policy Dialogue": what was said at the event named next.
    if (/^(?:talks|discussions?)$/i.test(noun) && /^\s*(?:at|during) (?:the )?(?:[\p{L}.'-]+\s+){0,8}?(?:Dialogue|Meeting|Conference|Forum|Summit|dialogue|meeting|conference)\b/u.test(after)) continue;
    // "a dialogue via videoconference": the means of an event, not another event.
    // (But "followed by talks": the event after.)
    if (/\b(?:via|by|through|over)\s+$/i.test(before) && !/\bfollowed by\s+$/i.test(before)) continue;
    if (/^\s*(?:mechanisms?|framework|channels?|partners?|level|format|contents?)\b/i.test(after)) continue;
    // "an exchange of views", "the exchange in training": an exchange is an event only as a named one or told again.
    if (/^exchange$/.test(noun) && /^\s*(?:of\b|(?:in|on)\s+[a-z]|(?:programmes?|programs?|students?|officers?|activities)\b)/.test(after)) continue;
    // "the exercise of sovereignty", "patrol boats": no exercise, no patrol.
    if (/^(?:exercises?|drills?|patrols?)$/i.test(noun) && /^\s*(?:of|boats?|vessels?|ships?|aircraft|planes?|areas?|routes?)\b/i.test(after)) continue;
    // "..., the fourth edition of which was held in Nay Pyi Taw last year": an earlier event of the mechanism.
    const edition = /^,?\s*the (\w+) (?:edition|round|session|meeting) of which (?:was|were) held\b/.exec(after);
    // A standing mechanism, not an event: "maintain the annual defence policy dialogue".
    if (!edition && (/\b(?:annual|regular|periodic|yearly)\b/i.test(before.split(/\s+/).slice(-6).join(' ')) || /\b(?:maintain|continue|promote|establish|set up)\w*\s+(?:\S+\s+){0,6}$|\bmaintenance of\s+(?:\S+\s+){0,6}$/i.test(before))) continue;
    if (edition) {
      const ordinal = ordinalOf(edition[1]);
      const phrase = ordinal !== undefined ? `${edition[1]} ${noun}` : noun;
      out.push({ start, end, kind: kindOfNoun(noun), noun, modifiers: 'previous', ordinal, anaphoric: false, det: 'the', phrase, after: after.slice(edition[0].length).split(/;|,\s+(?=[a-z]+ed\b)/)[0], lead: before, year: undefined });
      continue;
    }
    if (/^s\b/.test(after)) continue;
    // The nearest determiner before the noun, and the modifiers in between.
    const words = before.trimEnd().split(/\s+/).filter(Boolean);
    let det = '';
    let possessorEnd: number | undefined;
    let k = words.length - 1;
    for (let n = 0; k >= 0 && n < 10; k--, n++) {
      const w = words[k];
      if (/[,;:()"]$/.test(w)) break;
      const lw = w.toLowerCase();
      if (DETERMINERS.has(lw)) {
        det = lw;
        break;
      }
      // A name in the genitive determines the noun: "Giang's visit", "the minister's trip".
      if (/^\p{Lu}[\p{L}.-]*['’]s$/u.test(w)) {
        det = 'poss';
        const at = before.lastIndexOf(w);
        possessorEnd = at + w.length - 2;
        break;
      }
      if (MOD_STOPS.has(lw) && !(lw === 'and' && n > 0)) break;
    }
    // "the first round of consultations": the round's ordinal and determiner are the event's.
    // ("the fourth round of army-to-army staff talks": with words of the talks' own.)
    const round = det ? null : /\b(the|a|its|their)\s+((?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|previous|last|next|latest|new)\s+)?round of (?:the\s+)?((?:[a-z][a-z-]*\s+){0,3})$/i.exec(before);
    if (round) {
      det = round[1].toLowerCase();
      k = words.length;
    }
    const modWords = round ? [...(round[2] ? [round[2].trim()] : []), ...round[3].split(/\s+/).filter(Boolean)] : det ? words.slice(k + 1) : [];
    const lead = round ? before.slice(0, round.index) : det ? words.slice(0, k).join(' ') : before;
    // Without a determiner, a noun names an event when it is said to take place, or whom it was between ("after talks between the two ministers").
    if (!det && !/^\s*,?\s*(?:took place|was held|were held|held|has wrapped|wrapped|opened|closed|concluded|between)\b/i.test(after)) continue;
    const mods = modWords.join(' ');
    // "the fifth such exchange": a kind of event counted, not an event told.
    if (/\bsuch\b/i.test(mods)) continue;
    const ordWord = modWords.find((w) => ordinalOf(w) !== undefined);
    const ordinal = ordWord ? ordinalOf(ordWord) : undefined;
    const generic = modWords.every((w) => GENERIC_MODS.test(w));
    const anaphoric = ['the', 'this', 'that', 'his', 'her', 'their', 'its'].includes(det) && !ordinal && generic &&
      !(kindOfNoun(noun) === 'visit' && /^\s*to\b/.test(after)) &&
      // ("the port call of JMSDF destroyer X at Cam Ranh": a ship's call said whose is one of its own.)
      !(/^(?:port call|port visit|ship visit|stopover|call)$/i.test(noun) && /^\s*(?:of|by)\s/.test(after)) &&
      // "the handover ceremony of a hospital", "the ceremony to inaugurate ...": a ceremony said what for is one of its own.
      !(/ceremony$/i.test(noun) && /^\s*(?:of|for|to|marking|celebrating|commemorating)\s+(?!the (?:meeting|talks|dialogue|visit)\b)/i.test(after));
    // (Up to another clause: "..., a few months after they signed ...".)
    const afterClause = after.split(/;|,\s+(?=[a-z]+ed\b)|,\s+(?=(?:[a-z]+\s+){0,3}(?:after|before|when|while)\s)/)[0];
    // ("the International Military Medicine Conference – Hanoi 2024": the place of an edition, then its year.)
    const named = /^\s+(?:[–—-]\s+(?:\p{Lu}\p{L}+\s+){1,2})?((?:19|20)\d{2})\b(?![-–\/]\d)/u.exec(after);
    const year = named?.[1];
    const phrase = `${mods ? `${mods} ${noun}` : noun}${year && /\p{Lu}/u.test(noun + mods) ? ` ${named![0].trim()}` : ''}`;
    out.push({ start: start - (mods ? mods.length + 1 : 0), end, kind: kindOfNoun(noun), noun, modifiers: mods, ordinal, anaphoric, det, phrase, after: afterClause, lead, possessorEnd, year: year && /\p{Lu}/u.test(noun + mods) ? year : undefined });
  }
  return out;
}

export interface VerbEvent {
  start: number;
  end: number;
  kind: MeetingKind;
  subjectEnd: number;
  role: 'chair' | 'chaired-by' | 'host' | 'hosted-by' | 'attended-by' | 'meet' | 'attend' | 'visit' | 'hold' | 'sign' | 'dock';
}

const VERB_EVENTS: Array<[RegExp, MeetingKind, VerbEvent['role'], string[]?]> = [
  // "Zhou hosted a deck reception aboard the ship, attended by ...": a reception of its own, whoever its guests.
  [/\b(?:hosted|held|gave|offered|threw)\s+an?\s+(?:[\p{L}-]+\s+){0,3}?(?:reception|banquet|gala dinner|luncheon)\b/gu, 'reception', 'host', ['reception', 'banquet', 'dinner', 'luncheon']],
  [/\b(?:(?:was|were) )?[Cc]o-chaired by\b|\b(?:(?:was|were) )?[Cc]haired by\b|\b(?:(?:was|were) )?(?:[Cc]o-)?[Pp]resided over by\b/g, 'meeting', 'chaired-by', ['ed by', 'over by']],
  [/\b(?:co-chaired|chaired|(?:co-)?presided over)\b(?! (?:an? |the )?(?:official |state )?welcom)/g, 'meeting', 'chair', ['chaired', 'presided']],
  // (", attended by X": the participle of the event just told, as "which was attended by X".)
  [/\b(?:was|were) (?:also |jointly )?(?:attended|directed|commanded|overseen|observed|witnessed|reviewed) by\b|(?<=,\s)attended by\b/g, 'meeting', 'attended-by', [' by']],
  [/\b(?:was|were|is|are) (?:(?:warmly|cordially|later|also|then|officially) )*(?:received|hosted|welcomed) by\b/g, 'reception', 'hosted-by', ['ed by']],
  // "Ho Chi Minh City welcomed the Royal Navy's patrol vessel HMS X": a ship received is a port call (meetings.ts takes the ship's bodies).
  [new RegExp(`\\b(?:welcomed|received|hosted)\\b(?=\\s+(?:the\\s+|an?\\s+)?(?:(?!(?:on|in|at|aboard|board|by|for|to|from|with|of)\\s)[\\p{L}'’-]+\\s+){0,6}?(?:${SHIP_NOUNS}\\b|(?:${SHIP_PREFIXES.join('|')})\\s+\\p{Lu}))`, 'gu'), 'visit', 'dock', ['welcomed', 'received', 'hosted']],
  [/\bhosted an? (?:(?:state|gala|official|welcome|working) )?(?:reception|banquet|dinner|luncheon|lunch)(?: (?:in honou?r of|for))?\b|\breceived\b|\breceives\b|\b(?:welcomed|hosted)\b(?=\s+(?:(?:his|her|the|visiting)\s+)*(?:[\p{Lu}][\p{L}.'-]*\s+){0,8}?(?:counterpart|[\p{Lu}]))/gu, 'reception', 'host', ['hosted', 'received', 'receives', 'welcomed']],
  [/\b(?:talked|spoke|spoken|talks|speaks|conversed) (?:over|on|by) the (?:tele)?phone (?:(?:today|yesterday|on \p{Lu}\p{Ll}+day) )?with\b|\b(?:talked|spoke|conversed|speaks|talks) by (?:tele)?phone (?:(?:today|yesterday|on \p{Lu}\p{Ll}+day) )?with\b|\b(?:held|had|made|holds) (?:an? )?(?:tele)?phone (?:talks|talk|call|conversation)s? (?:with|to)\b|\bphone talks with\b|\bphoned\b/gu, 'call', 'meet', ['phone']],
  [/\b(?:held|had|holds|hold) (?:an? )?(?:online|virtual) (?:talks|discussions?|meeting|conference)(?: with)?\b|\b(?:held|had|holds|hold) an? (?:video ?conference|teleconference|video call)(?: with)?\b|\b(?:met|talked) (?:online|virtually|via video ?conference)(?: (?:on|in) \p{Lu}\p{Ll}+(?: \d{1,2})?)? with\b/gu, 'teleconference', 'meet', ['online', 'virtual', 'video', 'teleconference']],
  [/\b(?:paid|pays|made|makes) (?:(?:a|his|her|their) )?(?:courtesy|farewell|introductory|protocol) (?:visits?|calls?) (?:(?:on )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)(?: (?:morning|afternoon|evening))? )?(?:to|on)\b/g, 'meeting', 'meet', ['courtesy', 'farewell', 'introductory', 'protocol']],
  [/\bcall(?:ed|s|ing) on\b/g, 'meeting', 'meet', ['call']],
  // "Receiving the Japanese ambassador, Minister X said ...": the sentence's subject after the comma hosts.
  // ("Receiving the flags, X pledged ...": no one is received.)
  [/^\s*(?:Receiving|Welcoming|Hosting)\b(?!\s+(?:the\s+|an?\s+|his\s+|her\s+)?(?:[a-z]+\s+)?(?:flags?|awards?|certificates?|gifts?|decisions?|medals?|orders?|insignia|souvenirs?|donations?|aid|equipment|honou?rs?|prizes?|news|proposals?|invitation)\b)/g, 'reception', 'host', ['receiving', 'welcoming', 'hosting']],
  [/^\s*(?:Meeting|Talking) with\b|^\s*Meeting(?= (?:\p{Lu}|his |her |the ))|^\s*With\b(?=[^,;]{3,120},\s*(?:[\p{Lu}][\p{L}.'-]*\s+){1,6}(?:also\s+)?(?:discussed|agreed|talked|exchanged|reviewed)\b)/gu, 'meeting', 'meet', ['meeting', 'talking', 'with']],
  [/\b(?:exchanged views|conferred|had an exchange|held an exchange) with\b|\bexchanged views\b(?! with)/g, 'meeting', 'meet', ['exchange', 'conferred']],
  [/\b(?:held|had|holds|hold) (?:online |virtual )?talks (?:via video(?: link| conference)?|by video(?: link| conference)?|online|via videoconference) with\b/g, 'teleconference', 'meet', ['online', 'virtual', 'video', 'teleconference']],
  [/\b(?:held|had|holds|hold) (?:phone |telephone )?talks (?:by|over the|via) (?:tele)?phone with\b/g, 'call', 'meet', ['phone']],
  // "X today spoke with Y" (a readout of a call, when the article says so: meetings.ts looks at the headline).
  [/\b(?:spoke|speaks|talked) (?:(?:today|yesterday|on \p{Lu}\p{Ll}+day) )?with\b(?=\s+(?:\p{Lu}|his |her |the ))/gu, 'meeting', 'meet', ['spoke', 'speaks', 'talked']],
  // "travelled to Hai Phong for bilateral talks with X": the talks held there.
  [/\b(?:travell?ed|went|flew|came|headed|proceeded) to (?:\p{Lu}[\p{L}-]+ ){1,3}(?:(?:province|city) )?for (?:bilateral |official |separate |high-level |further )?(?:talks|discussions) with\b/gu, 'talks', 'meet', ['talks', 'discussion']],
  [/\bheld talks with\b|\bhad talks with\b|\bholds talks with\b|\b(?:held|had|holds|hold) (?:their |its )?(?:bilateral |official |separate |formal |wide-ranging |in-depth |fruitful |productive |extensive |comprehensive |frank |annual |regular |periodic |quarterly |yearly |high-level |friendly |cordial |[a-z]+-to-[a-z]+ |staff |defen[cs]e |policy |security |border |naval |military |strategic )*(?:talks|discussions)\b/g, 'talks', 'meet', ['talks', 'discussion']],
  [/\bwitnessed the signing\b/g, 'meeting', 'sign', ['signing']],
  // "the two officials witnessed the handover of a simulator centre": a ceremony of its own, as a signing is.
  [/\bwitnessed the (?:handover|hand-over|inauguration|launch|opening|commissioning) of\b/g, 'meeting', 'sign', ['witnessed']],
  // "A and B signed an agreement on ... in Budapest on October 18": a signing told as an event (meetings.ts decides).
  [/\b(?:signed|inked)\b(?=\s+(?:an?|the|their)\s+(?:[\p{L}\d-]+\s+){0,6}?(?:[Aa]greement|[Mm]emorandum|MoU|MOU|[Pp]rotocol|[Pp]lan|[Ss]tatement|[Dd]eclaration|[Ll]etter of [Ii]ntent|[Tt]reaty|[Aa]rrangement)\b)/gu, 'meeting', 'sign', ['signed', 'inked']],
  [/\b(?:launched|organi[sz]ed|co-organi[sz]ed|conducted|kicked off|opened|held|staged|carried out|undertook|performed)\s+(?:an?|the|their|its)\s+(?:(?!(?:to|of|with|in|on|for|at|by|the|an?|which|that)\s)[\p{L}\d-]+\s+|\([\p{L}\d-]+\)\s+){0,8}?(?:exchange|workshop|seminar|training course|symposium|exercises?|drills?|patrols?|consultation|PASSEX)\b/giu, 'meeting', 'hold', ['launch', 'organi', 'conduct', 'kicked', 'opened', 'held', 'staged', 'carried', 'undertook', 'performed']],
  [/\b(?:held|had)\s+(?:an?|the|their)\s+(?:[\p{L}-]+\s+){0,2}?meeting\b(?!\s+with)/gu, 'meeting', 'meet', ['meeting']],
  // A port call: "docked at Cam Ranh Port", "arrived in Manila" (meetings.ts keeps an arrival only when a ship or a port is named).
  [/\b(?:docked|berthed|anchored|arrived|called) (?:at|in)\b|\b(?:docked|berthed|anchored) (?:here|there)\b|\bmade (?:a|its) port call\b|\bpaid (?:a|its) port call\b/g, 'visit', 'dock', ['dock', 'berth', 'anchor', 'arriv', 'port call', 'called at', 'called in']],
  [/\b(?:hosted|presided over) (?:an? |the )?(?:official |state )?welcom(?:e|ing) ceremony for\b/g, 'meeting', 'host', ['welcom']],
  // (Not "met each country's interests", "met the requirements".)
  [/\bmet with\b|\bmet\b(?!\s+(?:(?:the|each|their|its|both|all|our|his|her|these|those|every)\s+)?(?:[\p{L}'’-]+\s+){0,2}(?:interests?|needs|demands|requirements|expectations|standards|criteria|targets?|goals?|objectives|conditions|deadlines?|aspirations|wishes)\b)|\bmeets with\b|\b(?:held|had|holds) an? (?:working |bilateral |separate |courtesy )?(?:meeting|session|working session)s?(?: (?:on|in|at) (?:\p{Lu}[\p{L}]+ \d{1,2}|\d{1,2} \p{Lu}[\p{L}]+|\p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)?))? with\b|(?<!\b(?:to|of|in|on|for|at|by|about|keep|continue|continues|continued)\s+)\b(?:worked|works|working) with\b(?=\s+(?:the\s+)?\p{Lu})|(?<!\b(?:to|will|would|can|could|should|must|shall|may|might|and|or|not)\s+)\bwork with\b(?=\s+(?:the\s+)?\p{Lu}[\p{L}-]*\s+(?:officials|officers|counterparts|delegates|delegation|leaders)\b)/gu, 'meeting', 'meet', ['met', 'meets', 'meeting', 'session', 'work']],
  [/\b(?:held|had|holds|has had) (?:separate |bilateral |separate bilateral |several |a series of (?:bilateral )?)?(?:meetings|talks|working sessions) with\b/g, 'meeting', 'meet', ['meetings', 'talks', 'sessions']],
  [/\bvisited\b|\b(?:is|are|was|were) (?:currently |now )?visiting\b(?=\s+(?:the\s+)?\p{Lu})/gu, 'visit', 'visit', ['visited', 'visiting']],
  [/\battended\b|\b(?:took|takes) part in\b|\bparticipated in\b|\b(?:was|were) (?:also )?present at\b|\b(?:presided over|chaired)\b(?= (?:an? |the )?(?:official |state )?welcom(?:e|ing) ceremony)/g, 'meeting', 'attend', ['attended', 'part in', 'participated', 'welcom', 'present at']],
  // "Co-chairing the meeting were A and B": those after the verb chaired the event named before it.
  [/(?<=^\s*(?:Co-chairing|Chairing|Presiding over|Co-presiding over) (?:the )?(?:[\p{L}-]+ ){0,3}?(?:meeting|talks|dialogue|conference|session|forum|exchange|consultations?)\s+)(?:were|was)\b/gu, 'meeting', 'chaired-by', ['chairing', 'presiding']],
  // "Also present were A and B": those after the verb attended the event told (meetings.ts).
  [/(?<=^\s*(?:Also\s+)?(?:[Pp]resent|[Aa]ttending)\s+)(?:were|was)\b/g, 'meeting', 'attended-by', ['present', 'attending']],
  // "Attending the meeting were A and B": those after the verb attended the event named before it.
  [/(?<=^\s*(?:Also )?(?:[Aa]ttending|[Pp]resent at) (?:the )?(?:[\p{L}-]+ ){0,3}?(?:meeting|event|ceremony|talks|dialogue|reception|conference|session|forum|exchange|visit)\s+)(?:were|was)\b/gu, 'meeting', 'attended-by', ['attending', 'present at']],
  [/\b(?:witnessed|observed|watched|reviewed)\b(?=\s+(?:an?|the)\s+(?:[\p{L}-]+\s+){0,4}?(?:patrols?|exercises?|drills?|parade|demonstration|performance|(?:sea|harbou?r|field|live-fire) phase)\b)/gu, 'meeting', 'attend', ['witnessed', 'observed', 'watched', 'reviewed']],
];

/**
 * Words one of which a sentence must have for a pattern of VERB_EVENTS to match it (by the pattern's
 * position), so that most patterns are not run over most sentences. `undefined`: always run.
 */
/** A pattern's fourth member: words one of which a sentence must have for the pattern to match, so that most patterns are not run over most sentences. */
const verbNeeds = (k: number): string[] | undefined => VERB_EVENTS[k][3];

export function verbEvents(text: string): VerbEvent[] {
  const out: VerbEvent[] = [];
  const lower = text.toLowerCase();
  for (let k = 0; k < VERB_EVENTS.length; k++) {
    const [re, kind, role] = VERB_EVENTS[k];
    const needs = verbNeeds(k);
    if (needs && !needs.some((w) => lower.includes(w))) continue;
    for (const m of execAll(re, text)) {
      if (out.some((o) => m.index < o.end && m.index + m[0].length > o.start)) continue;
      // (Within the clause: "the second ship to visit the city, after the vessel X docked here in 2024" told one that came.)
      const lead = text.slice(Math.max(0, m.index - 60), m.index).split(/,\s*(?:after|following|since|when|before|while)\b/i).pop()!;
      if (PLANNED_BEFORE.test(lead) && !/\b(?:during|at)\b/i.test(lead)) continue;
      out.push({ start: m.index, end: m.index + m[0].length, kind, subjectEnd: m.index, role });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
