/**
 * Regression tests for the bugs the fuzz test (test/fuzz.test.ts) found: quadratic and exponential
 * time on huge lines and words, days that do not exist taken as dates, sidecar URLs that are no IRIs,
 * article files whose names fold alike sharing an IRI, affiliations pointing to a person, one actor
 * spelt two ways in two articles breaking the shapes, and articles too large to build.
 */
import { strict as assert } from 'node:assert';
import { Parser } from 'n3';
import { UserError } from '../src/errors.js';
import { extractArticle, parseSourceSidecar } from '../src/extract/index.js';
import { cleanSentence, dateLine, splitSentences, MAX_ARTICLE_BYTES } from '../src/extract/text.js';
import { findDates, isCalendarDate } from '../src/extract/dates.js';
import { findPersons } from '../src/extract/actors.js';
import { articleSlug } from '../src/graph/iris.js';
import { buildDataset } from '../src/graph/build.js';
import { validateShapes } from '../src/graph/validate.js';
import { serializeQuads } from '../src/export/rdf-writer.js';
import { DEFAULT_BASE } from '../src/vocab.js';

/** Runs `f` and returns its time in ms. */
function timed(f: () => unknown): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

describe('hostile input: linear time on huge lines and words', () => {
  it('a 150,000-letter glued "word" is cleaned in linear time (it was quadratic)', () => {
    const word = 'nationaldefence'.repeat(10_000);
    let out = '';
    assert.ok(timed(() => (out = cleanSentence(`The ${word} talks.`))) < 500);
    assert.equal(out, `The ${word} talks.`, 'a run over 64 letters is left as it is');
    assert.equal(cleanSentence('cooperation in nationaldefence'), 'cooperation in national defence', 'short glue is still split');
  });

  it('a line of 50,000 "Gen. " or "A." is split in linear time (the look-back before each stop was quadratic)', () => {
    for (const unit of ['Gen. ', 'A.', 'x.Y']) {
      const line = unit.repeat(50_000);
      assert.ok(timed(() => splitSentences(`Title\n${line}\n`)) < 1500, unit);
    }
    assert.deepEqual(splitSentences('Sen. Lieut. Gen. Vinh met E.U. envoys. The talks ended.\n').map((s) => s.text), ['Sen. Lieut. Gen. Vinh met E.U. envoys.', 'The talks ended.']);
  });

  it('50,000 short lines without a full stop are read in linear time (the headline test scanned all later lines)', () => {
    const text = `Headline\n${'a caption line\n'.repeat(50_000)}`;
    assert.ok(timed(() => splitSentences(text)) < 1500);
  });

  it('a line of 20,000 place names is read in linear time (the blocked-span test was n times m)', () => {
    const text = `Vietnam and France\n${'Hanoi, '.repeat(20_000)}met.\n`;
    assert.ok(timed(() => extractArticle('hanoi.txt', text)) < 3000);
    assert.ok(timed(() => findPersons('General '.repeat(30_000) + 'Nguyen Van A met him.', [])) < 1500);
  });
});

describe('hostile input: dates', () => {
  it('days that do not exist give no date value, only the words', () => {
    assert.ok(isCalendarDate(2020, 2, 29) && !isCalendarDate(2019, 2, 29) && !isCalendarDate(1900, 2, 29) && isCalendarDate(2000, 2, 29));
    assert.ok(!isCalendarDate(2019, 4, 31) && !isCalendarDate(2019, 7, 0) && !isCalendarDate(2019, 13, 1));
    assert.deepEqual(findDates('They met on February 30, 2020 in Hanoi.').map((d) => d.date), [{ text: 'February 30, 2020' }]);
    assert.deepEqual(findDates('The visit from July 5 to 2, 2019 was long.').map((d) => d.date.value), [undefined]);
    assert.equal(findDates('They met on February 29, 2020.')[0].date.value, '2020-02-29');
  });

  it('a date line of a day that does not exist is no date (it made toISOString throw)', () => {
    assert.equal(dateLine('Talks\ndate 2019-13-45\nThey met on Monday.'), undefined);
    assert.equal(dateLine('Talks\ndate 2019-07-06\n'), '2019-07-06');
    const x = extractArticle('d.txt', 'Talks in Hanoi\ndate 2019-13-45\nGeneral Nguyen Van A met Colonel John Smith in Hanoi on Monday.\n');
    assert.equal(x.article.published, undefined);
  });
});

describe('hostile input: sidecars, file names and IRIs', () => {
  it('a sidecar URL that is no IRI, or a published date that is no day, is a one-line UserError naming the sidecar', () => {
    assert.throws(() => parseSourceSidecar('https://example.org/a b\tpublished=2019-07-06', 'x.source'), (e: unknown) => e instanceof UserError && /^x\.source: the URL "https:\/\/example\.org\/a b" is not a valid IRI/.test(e.message));
    assert.throws(() => parseSourceSidecar('https://x/<y>"z"', 'x.source'), UserError);
    assert.throws(() => parseSourceSidecar('https://example.org/a\tpublished=2019-02-30', 'x.source'), /x\.source: published="2019-02-30" is not a date/);
    assert.deepEqual(parseSourceSidecar('https://example.org/a?b=1#c\tpublished=2019-07-06'), { url: 'https://example.org/a?b=1#c', published: '2019-07-06' });
    // ("unknown" is what leaving the date out says; any other word is still an error.)
    assert.deepEqual(parseSourceSidecar('https://example.org/a\tpublished=unknown'), { url: 'https://example.org/a' });
    // (A space before a field separates it as a tab does; a space inside the URL is still an error.)
    assert.deepEqual(parseSourceSidecar('https://example.org/a published=2019-07-06 publisher=Vietnam News Agency'), { url: 'https://example.org/a', published: '2019-07-06', publisher: 'Vietnam News Agency' });
    assert.throws(() => parseSourceSidecar('https://example.org/a\tpublished=soon', 'x.source'), /x\.source: published="soon" is not a date/);
  });

  it('file names that fold alike get IRIs of their own; safe names keep theirs', () => {
    assert.equal(articleSlug('000_e8b7f0acafe71e35'), '000_e8b7f0acafe71e35');
    const slugs = ['a b', 'a-b', 'a_b', 'Việt Nam', 'Viet Nam', '北京', '東京', '', '.', '..', 'a"b<c>', 'a\\b'].map(articleSlug);
    assert.equal(new Set(slugs).size, slugs.length, slugs.join(' '));
    for (const s of slugs) assert.match(s, /^[A-Za-z0-9._-]+$/);
    assert.ok(!slugs.includes('.') && !slugs.includes('..'));
    assert.match(articleSlug('Việt Nam'), /^Viet-Nam-[0-9a-f]{8}$/);
  });

  it('a backslash in a file name is part of the name, not a folder separator', () => {
    assert.equal(extractArticle('dir/a\\b.txt', 'Ministers met in Hanoi.\n').article.file, 'a\\b.txt');
  });

  it('articles over 1 MB are refused with a one-line error', () => {
    const big = new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x61);
    assert.throws(() => extractArticle('big.txt', big), /^UserError: big\.txt: 1\.0 MB is too large for one article \(at most 1 MB\)/);
  });
});

describe('hostile input: the graph', () => {
  it('an affiliation points to the organization, even when a person has the same key', async () => {
    const x = extractArticle('t.txt', 'Senior Colonel Tran Van Binh, Director of the Military Science Institute, met with Colonel John Smith in Hanoi on March 3.\n');
    const person = x.persons.get('tran-van-binh')!;
    assert.equal(person.affiliation?.key, 'military-science-institute');
    x.persons.set('military-science-institute', { ...person, key: 'military-science-institute', name: 'Military Science Institute', affiliation: undefined, aliases: new Map() });
    const quads = buildDataset([x]);
    const aff = quads.filter((q) => q.predicate.value.endsWith('#affiliation')).map((q) => q.object.value);
    assert.deepEqual([...new Set(aff)], [`${DEFAULT_BASE}org/military-science-institute`]);
  });

  it('one actor spelt two ways in two articles gets one English name, the other an alias (the merge broke the shapes)', async () => {
    const a = extractArticle('a.txt', 'Defence Minister General Ngo Xuan Lich met Colonel John Smith in Hanoi on March 3, 2019.\n');
    const b = extractArticle('b.txt', 'Defence Minister General Ngô Xuân Lịch met Colonel John Smith in Hanoi on March 5, 2019.\n');
    const c = extractArticle('c.txt', 'General Ngo Xuan Lich received Colonel John Smith in Hanoi on March 7, 2019.\n');
    const quads = buildDataset([b, a, c]);
    const report = await validateShapes(quads);
    assert.ok(report.conforms, JSON.stringify(report.results.slice(0, 3)));
    const person = `${DEFAULT_BASE}person/ngo-xuan-lich`;
    const labels = new Set(quads.filter((q) => q.subject.value === person && q.predicate.value.endsWith('rdf-schema#label') && q.object.termType === 'Literal' && q.object.language === 'en').map((q) => q.object.value));
    assert.deepEqual([...labels], ['Ngo Xuan Lich'], 'the spelling most articles use');
    const alt = quads.filter((q) => q.subject.value === person && q.predicate.value.endsWith('#altLabel')).map((q) => q.object.value);
    assert.ok(alt.includes('Ngô Xuân Lịch'));
    const again = await serializeQuads(buildDataset([
      extractArticle('c.txt', 'General Ngo Xuan Lich received Colonel John Smith in Hanoi on March 7, 2019.\n'),
      extractArticle('a.txt', 'Defence Minister General Ngo Xuan Lich met Colonel John Smith in Hanoi on March 3, 2019.\n'),
      extractArticle('b.txt', 'Defence Minister General Ngô Xuân Lịch met Colonel John Smith in Hanoi on March 5, 2019.\n'),
    ]), 'trig');
    assert.equal(again, await serializeQuads(quads, 'trig'), 'whatever the order of the articles');
  });

  it('hostile names and markup stay inside their literals', async () => {
    const name = `Minister "O'Brien <x>" \\ Smith met General Nguyen Van \\u0000 A`;
    const x = extractArticle('h.txt', `${name} in Hanoi on March 3, 2019. } INSERT DATA { <a> <b> "c" } @prefix x: <y> . """\n`);
    const quads = buildDataset([x]);
    const back = new Parser({ format: 'application/trig' }).parse(await serializeQuads(quads, 'trig'));
    const body = back.find((q) => q.predicate.value === 'https://schema.org/articleBody')!;
    assert.equal(body.object.value, x.article.text);
    assert.equal(back.length, new Set(quads.map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value} ${q.graph.value}`)).size);
  });
});
