/**
 * `diplograph explain`: what was extracted from one article, sentence by sentence, with the rule behind
 * each fact and each event's reasons; on a short article written for the test. Also the article dates
 * that datelines and bylines give.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractArticle } from '../src/extract/index.js';
import { explainArticle, type ArticleExplanation } from '../src/extract/explain.js';
import { dateLine } from '../src/extract/text.js';
import { projectRoot } from '../src/ontology-files.js';

const BIN = join(projectRoot(), 'bin', 'diplograph.js');
const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

const ARTICLE = [
  'Vietnam, Germany discuss defence ties',
  'HANOI, May 6, 2025 - Defence Minister General Phan Van Giang held talks with German Parliamentary State Secretary Siemtje Moeller in Hanoi on Tuesday.',
  'The two sides agreed to expand cooperation in training and military medicine.',
  'Later, Prime Minister Pham Minh Chinh received the German guest.',
].join('\n');

describe('diplograph explain', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dg-explain-'));
    writeFileSync(join(dir, 'talks.txt'), `${ARTICLE}\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lists each sentence with its facts and their rules, then each event with why it has its type, date and participants', () => {
    const r = cli(['explain', join(dir, 'talks.txt')]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^talks\.txt: 4 sentences, 2 events, published 2025-05-06$/m);
    assert.match(r.stdout, /^\[2\] body: HANOI, May 6, 2025 - Defence Minister/m);
    assert.match(r.stdout, /person Siemtje Moeller: .*the title "German Parliamentary State Secretary"/);
    assert.match(r.stdout, /event #1: new talks event {2}\(verb meet: "held talks with"\)/);
    assert.match(r.stdout, /event #2: participant siemtje-moeller {2}\(verb host: "received"\)/, '"the German guest" resolved');
    assert.match(r.stdout, /^#1 talks$/m);
    assert.match(r.stdout, /date: 2025-05-06 \("Tuesday"\)/, 'Tuesday in the week of the dateline');
    assert.match(r.stdout, /^#2 reception$/m);
    assert.match(r.stdout, /participants: Pham Minh Chinh, Siemtje Moeller/);
  });

  it('--format json gives the same report as data', () => {
    const r = cli(['explain', join(dir, 'talks.txt'), '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as ArticleExplanation;
    assert.deepEqual(report, JSON.parse(JSON.stringify(explainArticle(extractArticle('talks.txt', `${ARTICLE}\n`, {}, { trace: true })))));
    const talks = report.events.find((e) => e.type === 'talks')!;
    assert.ok(talks.why.every((w) => w.sentence >= 1 && w.sentence <= 4 && w.rule && w.did));
    assert.ok(report.sentences[2].facts.some((f) => f.kind === 'area' && f.key === 'military-medicine'));
  });

  it('a missing file, a folder and a bad --format are one-line errors with a non-zero exit', () => {
    for (const [args, re] of [
      [['explain', join(dir, 'nope.txt')], /explain: .*nope\.txt: no such file/],
      [['explain', dir], /explain: .*: not a file/],
      [['explain', join(dir, 'talks.txt'), '--format', 'xml'], /--format must be text or json, not "xml"/],
      [['explain'], /explain: give an article file/],
    ] as Array<[string[], RegExp]>) {
      const r = cli(args);
      assert.notEqual(r.status, 0);
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, re);
    }
  });
});

describe('the date an article carries in its text', () => {
  it('reads datelines and bylines with a year, day first for numbers, and nothing else', () => {
    assert.equal(dateLine('HANOI, May 6, 2025 - The minister met ...'), '2025-05-06');
    assert.equal(dateLine('Title\nThursday, 03/12/2020 10:05\nText.'), '2020-12-03');
    assert.equal(dateLine('Title\nPublished: 2024-04-24\nText.'), '2024-04-24');
    assert.equal(dateLine('Text.\ndate 2019-07-06'), '2019-07-06');
    // Date stamps of outlets: a label before the date, a month in capitals, a time before a numeric date, a byline with an ISO date.
    assert.equal(dateLine('Title\nPosted On: 14 MAR 2023 9:15AM by Press Office\nText.'), '2023-03-14');
    assert.equal(dateLine('Title\nRelease date: 2 October 2024\nText.'), '2024-10-02');
    assert.equal(dateLine('Title\nFriday, 08:40, 11/09/2026\nText.'), '2026-09-11');
    assert.equal(dateLine('Title\nSource: Defence Daily | 2025-01-30 17:02:45\nText.'), '2025-01-30');
    assert.equal(dateLine('Title\nEditor: Jane Roe | 31/02/2025\nText.'), undefined);
    assert.equal(dateLine('VIETNAM, April 24 -\nText without a year.'), undefined);
    assert.equal(dateLine('The minister recalled the talks of May 6, 2015 in a long opening sentence that is no dateline at all.'), undefined);
    assert.equal(dateLine('HANOI, February 30, 2025 - no such day'), undefined);
  });

  it('resolves "on Tuesday" and "yesterday" against it, and keeps only the words without it', () => {
    const dated = extractArticle('a.txt', 'HANOI, May 8, 2025 - General Phan Van Giang received Japanese Ambassador Ito Naoki yesterday.\n');
    assert.deepEqual(dated.meetings[0].date, { text: 'yesterday', value: '2025-05-07' });
    const undated = extractArticle('b.txt', 'General Phan Van Giang received Japanese Ambassador Ito Naoki on Tuesday.\n');
    assert.deepEqual(undated.meetings[0].date, { text: 'Tuesday' });
  });
});
