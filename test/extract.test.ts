/**
 * The key facts each seed article must yield, read from the extractor's output, and the repair of
 * scraped-text defects. The seed articles are in data/documents.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { extractFile } from '../src/graph/corpus.js';
import { extractArticle } from '../src/extract/index.js';
import { cleanSentence, splitSentences } from '../src/extract/text.js';
import type { ArticleExtraction, Meeting } from '../src/extract/model.js';
import { projectRoot } from '../src/ontology-files.js';

const seed = (id: string): ArticleExtraction => extractFile(join(projectRoot(), 'data', 'documents', `${id}.txt`));
const personNames = (x: ArticleExtraction) => [...x.persons.values()].map((p) => p.name).sort();
const participants = (m: Meeting) => [...m.participants.keys()].sort();

describe('extraction from the seed articles', () => {
  it('000: a teleconference between Nguyen Chi Vinh and Claudio Graziano; "General Vinh" is Nguyen Chi Vinh', () => {
    const x = seed('000_e8b7f0acafe71e35');
    assert.deepEqual(personNames(x), ['Claudio Graziano', 'Ngo Xuan Lich', 'Nguyen Chi Vinh']);
    const vinh = x.persons.get('nguyen-chi-vinh')!;
    assert.ok(vinh.aliases.has('General Vinh'));
    assert.equal(vinh.nativeName, 'Nguyễn Chí Vịnh');
    assert.ok(vinh.ranks.has('Senior Lieutenant General'));
    assert.equal(x.meetings.length, 1, 'bylines, captions and the invitation to a future dialogue are no meetings');
    assert.equal(x.meetings[0].kind, 'teleconference');
    assert.ok(participants(x.meetings[0]).includes('nguyen-chi-vinh'));
    assert.ok(participants(x.meetings[0]).includes('claudio-graziano'));
    assert.ok(!participants(x.meetings[0]).includes('ngo-xuan-lich'), 'a minister who only sent greetings did not take part');
    const fpa = x.agreements.get('fpa')!;
    assert.equal(fpa.status, 'signed');
    assert.ok(x.organizations.get('european-external-action-service')?.acronym === 'EEAS');
    assert.ok(!personNames(x).includes('Trung Thanh'), 'the translator of the byline is no actor');
  });

  it('001: a conference co-chaired by Vu Cuong Quyet and Alison Weston, with the attachés of five countries', () => {
    const x = seed('001_02a327fa07cbe99a');
    assert.deepEqual(personNames(x), ['Alison Weston', 'Pham Tan Phong', 'Vu Cuong Quyet']);
    const [m] = x.meetings;
    assert.equal(x.meetings.length, 1);
    assert.equal(m.kind, 'conference');
    assert.deepEqual([...m.chairs.keys()].sort(), ['alison-weston', 'vu-cuong-quyet']);
    for (const c of ['france', 'germany', 'poland', 'hungary', 'czech-republic']) assert.ok(m.participants.has(c), c);
    const institute = x.organizations.get('institute-for-defence-strategy')!;
    assert.equal(institute.parentKey, 'vietnam-ministry-of-national-defence');
    assert.equal(x.persons.get('vu-cuong-quyet')!.affiliation?.key, 'institute-for-defence-strategy');
    assert.equal(x.organizations.get('eu-training-mission-in-the-central-african-republic')?.acronym, 'EUTM RCA');
  });

  it('002: glued words are split and the meeting in Hanoi on August 5 is found', () => {
    const x = seed('002_cfb90e2054d6b7b8');
    const [m] = x.meetings;
    assert.equal(x.meetings.length, 1);
    assert.equal(m.kind, 'meeting');
    assert.equal(m.date?.text, 'August 5');
    assert.equal(m.date?.value, undefined, 'no year is written, so no date value is made up');
    assert.equal(m.location?.key, 'place:hanoi');
    assert.deepEqual(participants(m).filter((k) => x.persons.has(k)), ['federica-mogherini', 'ngo-xuan-lich']);
    assert.equal(x.agreements.get('fpa')?.status, 'concluded');
    assert.equal(x.agreements.get('unclos')?.dateText, '1982');
    assert.ok([...x.agreements.values()].some((a) => a.name === 'UN Charter'));
    assert.ok([...x.agreements.values()].some((a) => a.name === 'Universal Declaration of Human Rights'));
    assert.ok(x.areas.has('search-and-rescue'));
    assert.ok(x.areas.has('cyber-security'));
  });

  it('003: the third dialogue in Paris on Monday, co-chaired, and the second dialogue of April 2022', () => {
    const x = seed('003_99a181e7a6755caf');
    assert.equal(x.meetings.length, 2);
    const [third, second] = x.meetings;
    assert.equal(third.kind, 'dialogue');
    assert.equal(third.ordinal, 3);
    assert.equal(third.date?.text, 'Monday');
    assert.equal(third.location?.key, 'place:paris');
    assert.deepEqual([...third.chairs.keys()].sort(), ['alice-rufo', 'hoang-xuan-chien']);
    assert.equal(second.ordinal, 2);
    assert.equal(second.date?.value, '2022-04');
    const mou = [...x.agreements.values()].find((a) => a.kind === 'memorandum of understanding')!;
    assert.equal(mou.status, 'proposed');
    assert.equal([...x.agreements.values()].find((a) => a.name.startsWith('Joint Vision Statement'))?.status, 'signed');
    assert.equal(x.organizations.get('france-ministry-of-the-armed-forces')?.countryKey, 'france');
  });

  it('004: the dialogue during the working trip of July 1 to 4, 2019, and three earlier visits', () => {
    const x = seed('004_f785308aa69e0926');
    assert.equal(x.article.published, '2019-07-06');
    const dialogue = x.meetings.find((m) => m.kind === 'dialogue')!;
    assert.deepEqual(dialogue.date, { text: 'from July 1 to 4', value: '2019-07', start: '2019-07-01', end: '2019-07-04' });
    const trip = x.meetings.find((m) => m.id === dialogue.partOf?.id)!;
    assert.equal(trip.kind, 'visit');
    const visits = x.meetings.filter((m) => m.kind === 'visit').map((m) => m.date?.value).sort();
    assert.deepEqual(visits, ['2018-03', '2018-09', '2018-11', '2019-07']);
    const rogel = x.meetings.find((m) => m.participants.has('bernard-rogel'))!;
    assert.ok(rogel.participants.has('nguyen-chi-vinh'), '"the Vietnamese officer" is the Vinh of the sentence before');
    assert.ok(x.persons.has('herve-de-bonnaventure'));
    assert.equal(x.persons.get('herve-de-bonnaventure')!.name, 'Hervé de Bonnaventure');
  });
});

describe('article text', () => {
  it('splits sentences that lack a space after the full stop, but not after abbreviations', () => {
    const s = splitSentences('The talks wrapped up.The dialogue took place in 2018.Sen. Lieut. Gen Vinh said so.\n');
    assert.deepEqual(s.map((x) => x.text), ['The talks wrapped up.', 'The dialogue took place in 2018.', 'Sen. Lieut. Gen Vinh said so.']);
    assert.deepEqual(s.map((x) => [x.start, x.end]), [[0, 21], [21, 53], [53, 82]]);
  });

  it('repairs glued words against the vocabulary', () => {
    assert.equal(cleanSentence('The officials exchangedviews on cooperation in nationaldefence inHanoi.'), 'The officials exchanged views on cooperation in national defence in Hanoi.');
  });

  it('drops bylines and keeps captions apart from the body', () => {
    const s = splitSentences('Ministers met in Hanoi on May 5.\n\nGeneral Vinh at the event\n\nTranslated by Minh Anh\n');
    assert.deepEqual(s.map((x) => x.role), ['body', 'caption']);
  });

  it('finds a person by a rank and a Vietnamese family name in an unseen sentence', () => {
    const x = extractArticle('t.txt', 'Senior Colonel Tran Van Binh, Director of the Military Science Institute, met with Colonel John Smith in Hanoi on March 3.\n');
    assert.deepEqual(personNames(x), ['John Smith', 'Tran Van Binh']);
    assert.equal(x.meetings.length, 1);
    assert.equal(x.meetings[0].location?.key, 'place:hanoi');
    assert.equal(x.persons.get('tran-van-binh')!.affiliation?.key, 'military-science-institute');
  });
});
