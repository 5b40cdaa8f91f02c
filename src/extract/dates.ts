/**
 * Date expressions of news text ("on August 5", "from July 1 to 4", "February 2-3", "in March 2018",
 * "on Monday", "last December", "in 2012"), resolved to ISO values at the precision the text gives.
 * A year is known when the text writes it, or when the article carries its own date (a date line);
 * otherwise only the words are kept.
 */
import { MONTHS, WEEKDAYS } from './lexicon.js';
import type { DateValue } from './model.js';

export interface DateMention {
  /** Character span of the expression in the sentence. */
  start: number;
  end: number;
  date: DateValue;
}

const MONTH = `(${MONTHS.join('|')}|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d{2})';

/** The date patterns, in order of precedence; `digits`: the pattern needs a day or a year, so it is tried only on a text with a digit. */
const PATTERNS: Array<{ re: RegExp; digits: boolean; word?: string; read: (m: RegExpExecArray, ref?: string) => Omit<DateValue, 'text'> }> = [
  {
    // in November last year / in January this year: that month of the year before, or of the article's
    re: new RegExp(`\\b${MONTH} (last|this|next) year\\b`, 'g'),
    digits: false,
    word: ' year',
    read: (m, ref) => (ref ? { value: `${+ref.slice(0, 4) + (m[2] === 'last' ? -1 : m[2] === 'next' ? 1 : 0)}-${pad(month(m[1]))}` } : {}),
  },
  {
    // from July 1 to 4 / from July 30 to August 2, 2019 / between ... and ...
    re: new RegExp(`\\b(?:[Ff]rom|[Bb]etween) ${MONTH} ${DAY}(?:, ${YEAR})? (?:to|and|until|till|-|–) (?:${MONTH} )?${DAY}(?:,? ${YEAR})?`, 'g'),
    digits: true,
    read: (m, ref) => range(month(m[1]), +m[2], m[4] ? month(m[4]) : month(m[1]), +m[5], m[3] ?? m[6], ref),
  },
  {
    // February 2-3 / July 1–4, 2019 / August 28 and 29, 2024
    re: new RegExp(`\\b${MONTH} ${DAY}(?:\\s?[-–]\\s?| and )${DAY}(?:,? ${YEAR})?`, 'g'),
    digits: true,
    read: (m, ref) => range(month(m[1]), +m[2], month(m[1]), +m[3], m[4], ref),
  },
  {
    // from 13 to 16 May / from 30 April to 2 May 2025 / between 4 and 6 June
    re: new RegExp(`\\b(?:[Ff]rom|[Bb]etween) ${DAY}(?: ${MONTH})? (?:to|and|until|till|-|–) ${DAY} ${MONTH}(?:,? ${YEAR})?`, 'g'),
    digits: true,
    read: (m, ref) => range(month(m[2] ?? m[4]), +m[1], month(m[4]), +m[3], m[5], ref),
  },
  {
    // 13-16 May 2025
    re: new RegExp(`\\b${DAY}\\s?[-–]\\s?${DAY} ${MONTH}(?:,? ${YEAR})?`, 'g'),
    digits: true,
    read: (m, ref) => range(month(m[3]), +m[1], month(m[3]), +m[2], m[4], ref),
  },
  {
    // on August 5 / August 5, 2019 / 5 August 2019
    re: new RegExp(`\\b(?:${MONTH} ${DAY}(?:,? ${YEAR})?|${DAY} ${MONTH}(?:,? ${YEAR})?)(?![\\d-])`, 'g'),
    digits: true,
    read: (m, ref) => (m[1] ? day(month(m[1]), +m[2], m[3], ref) : day(month(m[5]), +m[4], m[6], ref)),
  },
  {
    // in March 2018 / March 2018
    re: new RegExp(`\\b${MONTH},? ${YEAR}\\b`, 'g'),
    digits: true,
    read: (m) => ({ value: `${m[2]}-${pad(month(m[1]))}` }),
  },
  {
    // last December / early this month (only the month form is resolved)
    re: new RegExp(`\\b[Ll]ast ${MONTH}\\b`, 'g'),
    digits: false,
    read: (m, ref) => lastMonth(month(m[1]), ref),
  },
  {
    // in June / early June: the month, in the year of the article's date (or the year before, for a later month)
    re: new RegExp(`\\b(?:[Ii]n|[Ee]arly|[Ll]ate|[Mm]id-|[Ss]ince|[Uu]ntil) ${MONTH}\\b(?![ .]*\\d)`, 'g'),
    digits: false,
    read: (m, ref) => lastMonth(month(m[1]), ref, true),
  },
  {
    // last year / this year / next year: the article's year, or the one before or after
    // ("in November last year": the month of that year, read before the month alone.)
    re: /\b(?:[Ll]ast|[Tt]his|[Nn]ext) year\b/g,
    digits: false,
    word: ' year',
    read: (m, ref) => (ref ? { value: String(+ref.slice(0, 4) + (/^last/i.test(m[0]) ? -1 : /^next/i.test(m[0]) ? 1 : 0)) } : {}),
  },
  {
    // on Monday
    re: new RegExp(`\\b(?:[Oo]n|[Ll]ast|[Tt]his) (${WEEKDAYS.join('|')})\\b`, 'g'),
    digits: false,
    read: (m, ref) => weekday(m[1], ref),
  },
  {
    // yesterday: the day before the article's date
    re: /\b(yesterday)\b/gi,
    digits: false,
    word: 'yesterday',
    read: (_m, ref) => relativeDay(-1, ref),
  },
  {
    // "met ... in Canberra today", "earlier today": the article's date; "today's world", "Vietnam today" are no dates.
    // ("Today, the minister spoke with ...": opening the sentence.)
    re: /(?<=\b(?:[a-z]+ed|(?:in|at)(?: the)?(?: \p{Lu}[\p{L}-]*)+|earlier|later)\s)today\b(?!['’]s)|\btoday(?=\s+(?:[a-z]+ed|spoke|met|held|paid|made|led|took|began|gave|sent)\b)|^\s*Today(?=,)/gu,
    digits: false,
    word: 'oday',
    read: (_m, ref) => relativeDay(0, ref),
  },
  {
    // "called on X this morning": the article's date.
    re: /\b[Tt]his (?:morning|afternoon|evening)\b/g,
    digits: false,
    word: 'his ',
    read: (_m, ref) => relativeDay(0, ref),
  },
  {
    // in 2012 / since 2015
    re: new RegExp(`\\b(?:[Ii]n|[Ss]ince|[Ff]rom|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id) ${YEAR}\\b(?![-–/]\\d)`, 'g'),
    digits: true,
    read: (m) => ({ value: m[1] }),
  },
];

const pad = (n: number) => String(n).padStart(2, '0');

/** Whether year, month and day make a real day of the Gregorian calendar ("February 30" does not). */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(2000, m, 0)).getUTCDate() - (m === 2 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? 1 : 0);
}

/** Whether `s` is an ISO date (YYYY-MM-DD) of a real day. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && isCalendarDate(+m[1], +m[2], +m[3]);
}
function month(name: string): number {
  const key = name.slice(0, 3).toLowerCase();
  return MONTHS.findIndex((m) => m.slice(0, 3).toLowerCase() === key) + 1;
}

/** The year of a month and day without one: the article's year, or the year before if that would be after the article. */
function inferYear(m: number, d: number, ref?: string): string | undefined {
  if (!ref) return undefined;
  const [ry, rm, rd] = ref.split('-').map(Number);
  // A day after the article's date is in the year before, unless it is within the weeks after it (an event under
  // way or about to close: "from 19 to 22 December" in a release of 21 December).
  const ahead = (Date.UTC(ry, m - 1, d) - Date.UTC(ry, rm - 1, rd)) / 86_400_000;
  return String(ahead > 45 ? ry - 1 : ry);
}

function day(m: number, d: number, year: string | undefined, ref?: string) {
  const y = year ?? inferYear(m, d, ref);
  return y && isCalendarDate(+y, m, d) ? { value: `${y}-${pad(m)}-${pad(d)}` } : {};
}

function range(m1: number, d1: number, m2: number, d2: number, year: string | undefined, ref?: string) {
  const y = year ?? inferYear(m1, d1, ref);
  if (!y || !isCalendarDate(+y, m1, d1) || !isCalendarDate(+y, m2, d2)) return {};
  const start = `${y}-${pad(m1)}-${pad(d1)}`;
  const end = `${y}-${pad(m2)}-${pad(d2)}`;
  if (end < start) return {};
  return { value: m1 === m2 ? `${y}-${pad(m1)}` : y, start, end };
}

function relativeDay(offset: number, ref?: string) {
  if (!ref) return {};
  const d = new Date(`${ref}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return { value: d.toISOString().slice(0, 10) };
}

/** "last December" (strictly before the reference month), or with `thisMonth` "in June" (up to it). */
function lastMonth(m: number, ref?: string, thisMonth = false) {
  if (!ref) return {};
  const [ry, rm] = ref.split('-').map(Number);
  return { value: `${(thisMonth ? m > rm : m >= rm) ? ry - 1 : ry}-${pad(m)}` };
}

function weekday(name: string, ref?: string) {
  if (!ref) return {};
  const target = WEEKDAYS.indexOf(name); // Monday = 0
  const d = new Date(`${ref}T00:00:00Z`);
  const current = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - ((current - target + 7) % 7));
  return { value: d.toISOString().slice(0, 10) };
}

/** Date expressions in a cleaned sentence; `ref` is the article's own date (YYYY-MM-DD), if known. */
export function findDates(text: string, ref?: string): DateMention[] {
  const out: DateMention[] = [];
  const digits = /\d/.test(text);
  for (const { re, read, digits: needsDigit, word } of PATTERNS) {
    if ((needsDigit && !digits) || (word !== undefined && !text.includes(word))) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (out.some((o) => start < o.end && end > o.start)) continue;
      // Year spans such as "2018-2028" or "2020-2021" are periods, not event dates.
      if (/^[-–]\d/.test(text.slice(end, end + 2))) continue;
      const words = m[0].replace(/^(?:[Oo]n|[Ii]n|[Ss]ince|[Dd]uring|[Ff]rom the) /, (w) => (/^from/i.test(w) ? w : ''));
      out.push({ start, end, date: { text: words, ...read(m, ref) } });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The same date words read in a year the text gives elsewhere ("February 19" on the sidelines of the
 * "2020 ADMM Retreat"). Only month-and-day words are read again: a weekday needs the real reference day.
 */
export function inYear(date: DateValue, year: string): DateValue {
  if (date.value || !new RegExp(`\\b${MONTH}`).test(date.text)) return date;
  const again = findDates(date.text, `${year}-12-31`)[0]?.date;
  return again?.value ? { ...again, text: date.text } : date;
}

/**
 * Date words of an event ("Monday", "May 31", "yesterday") read against a reference day, typically the
 * publication date of the article. The words were kept without their preposition, so a bare weekday is
 * read as "on <weekday>". Undefined when the words give no date against that day.
 */
export function resolveAgainst(date: DateValue, ref: string): DateValue | undefined {
  // ("today" alone is read as the verb before it would have it read: "met ... today".)
  const again = findDates(date.text, ref)[0]?.date ?? findDates(`on ${date.text}`, ref)[0]?.date ?? findDates(`reported ${date.text}`, ref)[0]?.date;
  return again?.value ? { ...again, text: date.text } : undefined;
}
