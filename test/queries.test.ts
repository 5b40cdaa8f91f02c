/**
 * The answer of every stored query on the graph of the seed articles. The expected rows are what the
 * five seed articles say, read by hand.
 */
import { strict as assert } from 'node:assert';
import type { Store } from 'n3';
import { Parser as SparqlParser } from 'sparqljs';
import { groupConcats, rowKey } from '../bench/answers.js';
import { run, type QueryResult, type Row } from '../src/query/engine.js';
import { bindParams, getQuery, listQueries } from '../src/query/stored-queries.js';
import { seedStore } from './support/seed-graph.js';

const ID = 'https://w3id.org/diplograph/id/';
let store: Store;

/** Rows of a stored query as plain values (IRIs shortened to their path under the base). */
async function answer(name: string, params: Record<string, string> = {}): Promise<Array<Record<string, string>>> {
  const q = getQuery(name);
  const r = await run(bindParams(q, params), store, q.path);
  assert.equal(r.type, 'bindings');
  if (r.type !== 'bindings') return [];
  return r.rows.map((row: Row) => Object.fromEntries(Object.entries(row).filter(([, t]) => t).map(([k, t]) => [k, t!.value.replace(ID, '')])));
}
const col = (rows: Array<Record<string, string>>, c: string) => rows.map((r) => r[c]);

describe('stored queries on the seed graph', () => {
  before(async () => {
    store = await seedStore();
  });

  it('there are at least ten, each with a title and a description', () => {
    const all = listQueries();
    assert.ok(all.length >= 10);
    for (const q of all) {
      assert.ok(q.title.length > 5, `${q.name} has a title`);
      assert.ok(q.description.length > 20, `${q.name} has a description`);
    }
  });

  it('meetings-timeline: 12 meetings, dated ones in time order, with their places', async () => {
    const rows = await answer('meetings-timeline');
    assert.equal(rows.length, 12);
    assert.deepEqual(col(rows, 'date').filter(Boolean), ['2018-03', '2018-09', '2018-11', '2019-07', '2019-07', '2019-07', '2019-07', '2022-04']);
    const mogherini = rows.find((r) => r.meeting === 'meeting/002_cfb90e2054d6b7b8-1')!;
    assert.equal(mogherini.dateText, 'August 5');
    assert.equal(mogherini.place, 'Hanoi');
    assert.match(mogherini.partners, /European Union/);
    assert.equal(rows.find((r) => r.meeting === 'meeting/003_99a181e7a6755caf-1')!.place, 'Paris');
  });

  it('meeting-participants: the third Vietnam-France dialogue was co-chaired by Hoang Xuan Chien and Alice Rufo', async () => {
    const rows = await answer('meeting-participants');
    assert.deepEqual(rows.map((r) => [r.name, r.role]), [
      ['Alice Rufo', 'chair'], ['Hoang Xuan Chien', 'chair'], ['France', 'participant'], ['Vietnam', 'participant'], ['Ministry of the Armed Forces', 'represented'],
    ]);
    assert.equal(rows[1].ranks, 'Senior Lieutenant General');
    assert.equal(rows[1].positions, 'Deputy Minister of Defense');
  });

  it('meeting-participants takes another meeting as a parameter', async () => {
    const rows = await answer('meeting-participants', { meeting: 'meeting/002_cfb90e2054d6b7b8-1' });
    assert.deepEqual(rows.map((r) => [r.name, r.role]).sort(), [
      ['European Union', 'represented'], ['Federica Mogherini', 'participant'], ['Ministry of National Defence', 'represented'], ['Ngo Xuan Lich', 'participant'], ['Vietnam', 'represented'],
    ]);
  });

  it('co-chairs: two co-chaired meetings, two chairs each', async () => {
    const rows = await answer('co-chairs');
    assert.deepEqual(rows.map((r) => [r.meeting, r.chairName]), [
      ['meeting/001_02a327fa07cbe99a-1', 'Alison Weston'], ['meeting/001_02a327fa07cbe99a-1', 'Vu Cuong Quyet'],
      ['meeting/003_99a181e7a6755caf-1', 'Alice Rufo'], ['meeting/003_99a181e7a6755caf-1', 'Hoang Xuan Chien'],
    ]);
  });

  it('agreements: the FPA is one agreement, signed in two articles and concluded in the third, mentioned at three meetings', async () => {
    const rows = await answer('agreements');
    assert.equal(rows.length, 11);
    const fpa = rows.find((r) => r.agreement === 'agreement/fpa')!;
    assert.equal(fpa.name, 'Framework Participation Agreement');
    assert.equal(fpa.acronym, 'FPA');
    assert.deepEqual(fpa.statuses.split(', ').sort(), ['concluded', 'signed']);
    assert.deepEqual(fpa.parties.split(', ').sort(), ['European Union', 'Vietnam']);
    assert.equal(fpa.meetingCount, '3');
    const mou = rows.find((r) => r.name === 'Memorandum of Understanding on cooperation and training')!;
    assert.equal(mou.statuses, 'proposed');
    assert.equal(rows.find((r) => r.agreement === 'agreement/unclos')!.meetingCount, '2', 'UNCLOS is one agreement across two articles');
  });

  it('areas-ranked: peacekeeping, the regional security architecture, training and war legacy lead', async () => {
    const rows = await answer('areas-ranked');
    assert.deepEqual(rows.slice(0, 4).map((r) => [r.label, r.meetings]), [
      ['peacekeeping', '3'], ['regional security architecture', '3'], ['training', '3'], ['war legacy', '3'],
    ]);
    assert.ok(rows.some((r) => r.label === 'search and rescue' && r.meetings === '1'));
  });

  it('areas-per-partner: what was discussed with France, most discussed first', async () => {
    const rows = (await answer('areas-per-partner')).filter((r) => r.partnerName === 'France');
    assert.deepEqual(rows.filter((r) => Number(r.meetings) >= 2).map((r) => [r.areaLabel, r.meetings]), [
      ['peacekeeping', '2'], ['regional security architecture', '2'], ['war legacy', '2'],
    ]);
    assert.ok(rows.some((r) => r.areaLabel === 'maritime security' && r.meetings === '1'));
    assert.ok(!rows.some((r) => r.areaLabel === 'search and rescue'), 'search and rescue was discussed with the EU, not France');
  });

  it('persons-in-several-articles: Ngo Xuan Lich (3) and Nguyen Chi Vinh (2), one node each', async () => {
    const rows = await answer('persons-in-several-articles');
    assert.deepEqual(rows.map((r) => [r.name, r.articles]), [['Ngo Xuan Lich', '3'], ['Nguyen Chi Vinh', '2']]);
  });

  it('evidence: the sentences behind the facts about Nguyen Chi Vinh', async () => {
    const rows = await answer('evidence');
    const ranks = rows.filter((r) => r.predicate.endsWith('#rank') && r.object === 'Senior Lieutenant General');
    assert.ok(ranks.some((r) => r.sentence === 'Senior Lieutenant General Nguyen Chi Vinh at the event' && r.file === '000_e8b7f0acafe71e35.txt' && r.start === '604' && r.end === '658'));
    assert.ok(rows.some((r) => r.predicate.endsWith('#altLabel') && r.object === 'General Vinh'));
  });

  it('partner-construct: a graph of France with its meetings and agreements', async () => {
    const q = getQuery('partner-construct');
    const r = await run(bindParams(q, {}), store, q.path);
    assert.equal(r.type, 'quads');
    if (r.type !== 'quads') return;
    const subjects = new Set(r.quads.map((x) => x.subject.value.replace(ID, '')));
    for (const s of ['country/france', 'meeting/003_99a181e7a6755caf-1', 'meeting/004_f785308aa69e0926-1', 'agreement/memorandum-of-understanding-on-cooperation-and-training']) {
      assert.ok(subjects.has(s), s);
    }
    assert.ok(!subjects.has('meeting/002_cfb90e2054d6b7b8-1'), 'not the meeting with the EU');
  });

  it('persons-by-affiliation: who speaks for whom', async () => {
    const rows = await answer('persons-by-affiliation');
    assert.equal(rows.length, 14);
    assert.equal(rows.find((r) => r.name === 'Alice Rufo')!.affiliation, 'Ministry of the Armed Forces');
    assert.equal(rows.find((r) => r.name === 'Pham Tan Phong')!.affiliation, 'Vietnam Department of Peacekeeping Operations');
  });

  it('meetings-by-year: three visits in 2018, four events in July 2019', async () => {
    const rows = await answer('meetings-by-year');
    assert.deepEqual(rows.map((r) => [r.year, r.kind, r.meetings]), [
      ['2018', 'visit', '3'], ['2019', 'dialogue', '1'], ['2019', 'meeting', '2'], ['2019', 'visit', '1'], ['2022', 'dialogue', '1'],
    ]);
  });

  it('actors-by-meetings: Vietnam took part in all 12 meetings, France in 9 (itself or through those who speak for it); the minimum is a parameter', async () => {
    const rows = await answer('actors-by-meetings', { minimum: '2' });
    assert.deepEqual(rows.map((r) => [r.name, r.meetings]), [['Vietnam', '12'], ['France', '9'], ['Nguyen Chi Vinh', '5'], ['Ngo Xuan Lich', '2']]);
  });

  it('articles: five articles with their counts', async () => {
    const rows = await answer('articles');
    assert.deepEqual(rows.map((r) => [r.file, r.meetings, r.persons]), [
      ['000_e8b7f0acafe71e35.txt', '1', '3'], ['001_02a327fa07cbe99a.txt', '1', '3'], ['002_cfb90e2054d6b7b8.txt', '1', '2'],
      ['003_99a181e7a6755caf.txt', '2', '2'], ['004_f785308aa69e0926.txt', '7', '7'],
    ]);
    assert.equal(rows[4].published, '2019-07-06');
  });

  it('binding parameters as constants gives the same answers as binding them in VALUES, for every stored query and parameter', async () => {
    const cases: Array<[string, Record<string, string>]> = listQueries().map((q) => [q.name, {}]);
    cases.push(['partner-meetings', { from: '2019-01-01', to: '2019-12-31' }], ['partner-meetings', { partner: 'org/european-union' }],
      ['evidence', { predicate: 'dg:chair' }], ['actors-by-meetings', { minimum: '2' }], ['area-meetings', { phrase: 'peacekeeping' }],
      ['meetings-timeline', { home: 'country/france' }], ['partner-construct', { partner: 'country/vietnam' }]);
    for (const [name, params] of cases) {
      const q = getQuery(name);
      const inline = bindParams(q, params);
      const values = bindParams(q, params, { inline: false });
      if (q.params.some((p) => p.default !== undefined || params[p.name] !== undefined)) assert.notEqual(inline, values, `${name}: a bound parameter is put in as a constant`);
      const [a, b] = [await run(inline, store, q.path), await run(values, store, q.path)];
      // GROUP_CONCAT has no defined order (SPARQL 1.1, 18.5.1.7): its values are compared as sorted lists, as the benchmark compares engines.
      const concats = groupConcats(new SparqlParser().parse(inline));
      const canonical = (r: QueryResult) => (r.type === 'bindings' ? { ...r, rows: r.rows.map((row) => rowKey(row, r.variables, concats)) } : r);
      assert.deepEqual(canonical(a), canonical(b), `${name} ${JSON.stringify(params)}`);
      if (a.type === 'bindings') assert.ok(a.rows.length > 0 || name === 'evidence', `${name} ${JSON.stringify(params)} has an answer to compare`);
    }
  });
});
