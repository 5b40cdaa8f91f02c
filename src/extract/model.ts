/**
 * What the extractor finds in one article, before it becomes RDF. Every fact carries the indexes of
 * the sentences it was drawn from, so that the graph can point back to them.
 */
import type { AgreementKind, AgreementStatus, MeetingKind } from '../vocab.js';

/** A sentence of the article; `start`/`end` are character offsets into the original text. */
export interface Sentence {
  /** 1-based position in the article. */
  index: number;
  start: number;
  end: number;
  /** The sentence as written in the original text. */
  text: string;
  /** The same sentence with scraping defects repaired (glued words split, spaces restored). */
  clean: string;
  /** Where the sentence sits: the headline, the body, a photo caption. Bylines are dropped. */
  role: 'headline' | 'body' | 'caption';
}

/** A fact's evidence: the sentences it was read from. */
export type Evidence = number[];

export interface Named {
  /** The key that resolves mentions to one real actor (also the IRI slug). */
  key: string;
  /** The canonical name. */
  name: string;
  /** Other names used in the text. */
  aliases: Map<string, Evidence>;
  evidence: Evidence;
}

export interface Country extends Named {
  kind: 'country';
}

export interface Place extends Named {
  kind: 'place';
  countryKey?: string;
}

export interface Organization extends Named {
  kind: 'organization';
  acronym?: string;
  countryKey?: string;
  parentKey?: string;
}

export interface Person extends Named {
  kind: 'person';
  /** The name with Vietnamese diacritics, where known. */
  nativeName?: string;
  ranks: Map<string, Evidence>;
  positions: Map<string, Evidence>;
  affiliation?: { key: string; evidence: Evidence };
  nationality?: { key: string; evidence: Evidence };
}

export type Actor = Country | Organization | Person;

export interface DateValue {
  /** ISO value at its precision: YYYY-MM-DD, YYYY-MM or YYYY. */
  value?: string;
  start?: string;
  end?: string;
  /** The words as written, e.g. "from July 1 to 4", "Monday". */
  text: string;
}

export interface Link {
  key: string;
  evidence: Evidence;
}

export interface Meeting {
  /** 1-based number of the meeting within the article. */
  id: number;
  kind: MeetingKind;
  label: string;
  ordinal?: number;
  date?: DateValue;
  dateEvidence?: Evidence;
  /**
   * The date words resolved against the article's publication date (its `.source`), when the text itself
   * gives no year: "on Monday" in an article published 2024-03-13 is 2024-03-11. Kept apart from `date`,
   * which holds only what the text states.
   */
  resolvedDate?: DateValue;
  location?: Link;
  /** The persons, and the countries and organizations the text presents as parties. */
  participants: Map<string, Evidence>;
  /** The countries and organizations a participant speaks for (affiliation, nationality), when the text does not name them as parties. */
  involves: Map<string, Evidence>;
  chairs: Map<string, Evidence>;
  hosts: Map<string, Evidence>;
  areas: Map<string, Evidence>;
  agreements: Map<string, Evidence>;
  partOf?: { id: number; evidence: Evidence };
  evidence: Evidence;
  /** Why the event has what it has: each step of the rules that shaped it, with its sentence (for `diplograph explain`). */
  trace: TraceStep[];
}

/** One step of the rules that made or changed an event. */
export interface TraceStep {
  sentence: number;
  /** The rule, with the words that triggered it: `verb host "hosted a reception for"`. */
  rule: string;
  /** What the rule did: "new reception", "participant ngo-xuan-lich", "date 'May 31'". */
  did: string;
}

export interface Agreement {
  key: string;
  kind: AgreementKind;
  name: string;
  /** Other names of the same agreement (as written in other articles). */
  aliases?: string[];
  acronym?: string;
  status: AgreementStatus;
  statusEvidence: Evidence;
  dateText?: string;
  parties: Map<string, Evidence>;
  areas: Map<string, Evidence>;
  evidence: Evidence;
}

export interface ArticleInfo {
  /** File name, e.g. `000_e8b7f0acafe71e35.txt`. */
  file: string;
  /** File name without extension: the article's slug. */
  id: string;
  text: string;
  headline?: string;
  /** Publication date, from a date line in the text or from a `.source` sidecar. */
  published?: string;
  publisher?: string;
  url?: string;
}

export interface ArticleExtraction {
  article: ArticleInfo;
  sentences: Sentence[];
  countries: Map<string, Country>;
  places: Map<string, Place>;
  organizations: Map<string, Organization>;
  persons: Map<string, Person>;
  meetings: Meeting[];
  agreements: Map<string, Agreement>;
  /** Cooperation-area concept slugs found in the article, with their evidence. */
  areas: Map<string, Evidence>;
  /** Notes for the user about how the file was read (an HTML page saved as `.txt`). */
  notes?: string[];
}

/** Adds evidence to a map entry, creating it. */
export function addEvidence(map: Map<string, Evidence>, key: string, ...sentences: number[]): void {
  const list = map.get(key) ?? [];
  let sorted = true;
  for (const s of sentences) {
    // Sentences mostly come in order: appending after the last one needs no search and no sort.
    if (!list.length || s > list[list.length - 1]) list.push(s);
    else if (!list.includes(s)) {
      list.push(s);
      sorted = false;
    }
  }
  if (!sorted) list.sort((a, b) => a - b);
  map.set(key, list);
}
