/**
 * Dates that sort: every dated meeting has, beside dg:date at the precision of the text (xsd:date,
 * xsd:gYearMonth or xsd:gYear, which do not sort together), dg:startDate and dg:endDate as xsd:date:
 * the first and the last day that date allows, or the range the text states. ORDER BY dg:startDate is
 * chronological. (The stored queries' order in Jena ARQ is checked by interop-arq.test.ts.)
 */
import { strict as assert } from 'node:assert';
import { Store } from 'n3';
import type * as RDF from '@rdfjs/types';
import { extractArticle } from '../src/extract/index.js';
import { buildDataset, dayRange } from '../src/graph/build.js';
import { select } from '../src/query/engine.js';
import { bindParams, getQuery } from '../src/query/stored-queries.js';
import { DG, XSD } from '../src/vocab.js';
import { seedStore } from './support/seed-graph.js';

describe('dates that sort', () => {
  let store: Store;
  before(async () => {
    store = await seedStore();
  });

  it('the first and last day a date allows: a day, a month (leap years too), a year', () => {
    assert.deepEqual(dayRange('2019-07-02'), { first: '2019-07-02', last: '2019-07-02' });
    assert.deepEqual(dayRange('2018-03'), { first: '2018-03-01', last: '2018-03-31' });
    assert.deepEqual(dayRange('2024-02'), { first: '2024-02-01', last: '2024-02-29' });
    assert.deepEqual(dayRange('2023-02'), { first: '2023-02-01', last: '2023-02-28' });
    assert.deepEqual(dayRange('2018'), { first: '2018-01-01', last: '2018-12-31' });
    assert.equal(dayRange('July'), undefined);
  });

  it('every dated meeting has one dg:startDate and one dg:endDate, xsd:date, within what its dg:date allows', () => {
    const dated = store.getQuads(null, DG.date, null, null);
    assert.ok(new Set(dated.map((q) => q.subject.value)).size >= 6);
    for (const q of dated) {
      const [start] = store.getObjects(q.subject, DG.startDate, null);
      const [end] = store.getObjects(q.subject, DG.endDate, null);
      assert.ok(start && end, `${q.subject.value} has a start and an end`);
      assert.equal(new Set(store.getObjects(q.subject, DG.startDate, null).map((t) => t.value)).size, 1);
      for (const t of [start, end]) assert.equal(t.termType === 'Literal' && t.datatype.value, XSD.date.value);
      const days = dayRange(q.object.value)!;
      assert.ok(days.first <= start.value && start.value <= end.value && end.value <= days.last, `${q.subject.value}: ${q.object.value} ${start.value}..${end.value}`);
    }
    // "from July 1 to 4" (2019): the month as dg:date, the stated days as start and end.
    const range = dated.find((q) => store.getObjects(q.subject, DG.dateText, null).some((t) => t.value === 'from July 1 to 4'))!;
    assert.equal(range.object.value, '2019-07');
    assert.equal(store.getObjects(range.subject, DG.startDate, null)[0].value, '2019-07-01');
    assert.equal(store.getObjects(range.subject, DG.endDate, null)[0].value, '2019-07-04');
  });

  it('ORDER BY dg:startDate is chronological, where ORDER BY dg:date mixes the precisions', async () => {
    const q = (key: string) => `PREFIX dg: <https://w3id.org/diplograph/ontology#>
      SELECT ?m ?date ?start WHERE { ?m dg:date ?date ; dg:startDate ?start } ORDER BY ${key} ?m`;
    const byStart = (await select(q('?start'), store)).rows.map((r) => r.start.value);
    assert.deepEqual(byStart, [...byStart].sort());
    assert.ok(new Set(byStart.map((d) => d.slice(0, 4))).size >= 2, 'several years');
  });

  it('meetings-timeline and partner-meetings: dated meetings in time order, then the undated; a period by first and last day', async () => {
    const { rows } = await select(bindParams(getQuery('meetings-timeline'), {}), store);
    const starts = rows.map((r) => r.start?.value);
    const dated = starts.filter((s): s is string => !!s);
    assert.deepEqual(starts.slice(0, dated.length), [...dated].sort(), 'dated first, in order');
    assert.ok(starts.slice(dated.length).every((s) => s === undefined), 'then the undated');
    const period = await select(bindParams(getQuery('partner-meetings'), { from: '2018-03-01', to: '2018-12-31' }), store);
    assert.deepEqual(period.rows.map((r) => r.date.value), ['2018-03', '2018-09']);
    // March 2018 is not within a period from 2018-03-15: not all of its days are.
    const late = await select(bindParams(getQuery('partner-meetings'), { from: '2018-03-15', to: '2018-12-31' }), store);
    assert.deepEqual(late.rows.map((r) => r.date.value), ['2018-09']);
  });
});

describe('dates read against the publication date', () => {
  const text = 'Deputy Defence Minister Senior Lieutenant General Hoang Xuan Chien received Dutch Ambassador Kees van Baar in Hanoi on Monday.\n' +
    'The two sides discussed cooperation in UN peacekeeping.\n';

  it('with a .source date, "on Monday" gets its days but no dg:date: the text states no year', () => {
    const r = extractArticle('t.txt', text, { published: '2025-06-12' }); // a Thursday
    const [m] = r.meetings;
    assert.equal(m.date?.text, 'Monday');
    assert.equal(m.date?.value, undefined);
    assert.equal(m.resolvedDate?.value, '2025-06-09');
    const quads = buildDataset([r]);
    const of = (p: string) => quads.filter((q) => q.predicate.value === p).map((q) => `${q.object.value}^^${(q.object as RDF.Literal).datatype?.value}`);
    assert.deepEqual(of(DG.startDate.value), [`2025-06-09^^${XSD.date.value}`]);
    assert.deepEqual(of(DG.endDate.value), [`2025-06-09^^${XSD.date.value}`]);
    assert.deepEqual(of(DG.date.value), []);
  });

  it('a month and day without a year take the year of publication, or the year before when the day is later', () => {
    const r = extractArticle('t.txt', text.replace('on Monday', 'on May 28').replace('UN peacekeeping', 'military medicine on November 3'), { published: '2025-06-12' });
    assert.equal(r.meetings[0].resolvedDate?.value, '2025-05-28');
    const late = extractArticle('t.txt', text.replace('on Monday', 'on December 30'), { published: '2025-01-04' });
    assert.equal(late.meetings[0].resolvedDate?.value, '2024-12-30');
  });

  it('without a .source date the words stay words; a date line in the text dates the event itself', () => {
    assert.equal(extractArticle('t.txt', text).meetings[0].resolvedDate, undefined);
    const dated = extractArticle('t.txt', `HANOI, June 12, 2025 - ${text}`, { published: '2025-07-01' });
    assert.equal(dated.meetings[0].date?.value, '2025-06-09');
    assert.equal(dated.meetings[0].resolvedDate, undefined);
  });
});
