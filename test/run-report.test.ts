/**
 * `diplograph run` (npm start) as a report: what was built, what needs attention, where the answers
 * are; the answers written as SPARQL 1.1 Query Results CSV and JSON with the parameters they ran
 * with; `--verbose`; and every command finding the data from any folder (`--data DIR`, a subfolder of
 * the project, or the diplograph folder's own data).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/ontology-files.js';
import { findDataDir } from '../src/data-dir.js';
import { formatAttention } from '../src/report.js';

const BIN = join(projectRoot(), 'bin', 'diplograph.js');
const PAGES = join(projectRoot(), 'test', 'fixtures', 'pages');
const FIXTURES = ['newswire-jsonld.html', 'broadcaster-time.html', 'messy-portal.html', 'legacy-windows1252.html', 'saved-as-text.txt'].map((f) => join(PAGES, f));

function cli(args: string[], cwd = projectRoot()) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** RFC 4180 fields: quoted fields may hold commas, quotes ("") and line breaks; records end with CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (field += c), i++;
    } else if (c === '"' && field === '') (quoted = true), i++;
    else if (c === ',') record.push(field), (field = ''), i++;
    else if (c === '\r' && text[i + 1] === '\n') record.push(field), records.push(record), (record = []), (field = ''), (i += 2);
    else {
      assert.notEqual(c, '\n', 'a bare LF outside quotes: records end with CRLF');
      field += c;
      i++;
    }
  }
  assert.equal(field, '', 'the last record ends with CRLF');
  return records;
}

type JsonTerm = { type: string; value: string; 'xml:lang'?: string; datatype?: string };

/** Checks a SPARQL 1.1 Query Results JSON document; returns it. */
function checkSparqlJson(text: string, name: string) {
  const doc = JSON.parse(text) as { head: { vars: string[]; link?: string[] }; results: { bindings: Array<Record<string, JsonTerm>> } };
  assert.deepEqual(Object.keys(doc).sort(), ['head', 'results'], name);
  assert.ok(Array.isArray(doc.head.vars) && doc.head.vars.every((v) => typeof v === 'string'), name);
  assert.deepEqual(doc.head.link, ['index.json'], `${name}: head.link to the parameters`);
  for (const b of doc.results.bindings) {
    for (const [v, t] of Object.entries(b)) {
      assert.ok(doc.head.vars.includes(v), `${name}: ${v} is a variable of the head`);
      assert.ok(['uri', 'literal', 'bnode'].includes(t.type) && typeof t.value === 'string', `${name}: ${JSON.stringify(t)}`);
      if (t.type !== 'literal') assert.ok(!t['xml:lang'] && !t.datatype, name);
      assert.ok(!(t['xml:lang'] && t.datatype), name);
    }
  }
  return doc;
}

describe('diplograph run: the report and the answers', function () {
  this.timeout(180000);
  let root: string;
  let data: string;
  let report: ReturnType<typeof cli>;
  before(() => {
    // A project folder of its own: data/documents with the fixture pages and one text with no date
    // that names a known person with two letters swapped.
    root = mkdtempSync(join(tmpdir(), 'diplograph-report-'));
    data = join(root, 'data');
    assert.equal(cli(['add', ...FIXTURES, '--data', data]).code, 0);
    writeFileSync(join(data, 'documents', 'laos-talks.txt'), 'Vietnam, Laos discuss border defence cooperation\n\n' +
      'Deputy Minister of National Defence Sen. Lieut. Gen. Tran Minh Khao received a delegation of the Lao People\'s Army led by Lieut. Gen. Somphone Vongsavath in Hanoi.\n' +
      'The two sides agreed to strengthen cooperation in border management and military training.\n');
    mkdirSync(join(root, 'notes', 'drafts'), { recursive: true });
    // Run from a subfolder of the project, without --data: the project's data is found.
    report = cli(['run'], join(root, 'notes', 'drafts'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('says what was built', () => {
    assert.equal(report.code, 0, report.stderr);
    assert.equal(report.stderr, '', 'nothing on stderr');
    // Outside the current folder, paths are shown absolute.
    const lines = report.stdout.split('\n');
    assert.match(lines[0], /^Built from (\S+): 6 articles, 8 events, \d+ actors \(\d+ persons, \d+ organizations, \d+ countries\), 3 agreements; \d+ quads$/);
    assert.equal(lines[0].slice('Built from '.length, lines[0].indexOf(': ')), join(data, 'documents'));
    assert.equal(lines[1], `  wrote ${join(data, 'graph.ttl')}, ${join(data, 'graph.trig')} and ${join(data, 'graph.jsonld')}`);
    for (const f of ['graph.ttl', 'graph.trig', 'graph.jsonld']) assert.ok(existsSync(join(data, f)), f);
  });

  it('lists what needs attention: articles and events with no date, events with one side, names seen once that look like a known actor', () => {
    const attention = report.stdout.slice(report.stdout.indexOf('Needs attention:\n'), report.stdout.indexOf('\nAnswers'));
    assert.match(attention, /^ {2}1 article with no date \(none in the text or its \.source\):\n {4}laos-talks\.txt$/m);
    assert.match(attention, /^ {2}\d+ events? with no date:$/m);
    assert.match(attention, /^ {4}meeting\/laos-talks-1 {2}Reception between Tran Minh Khao and Somphone Vongsavath {2}\(laos-talks\.txt\)$/m);
    // At most five of a kind are listed; more are counted ("... and N more").
    const undated = Number(/^ {2}(\d+) events? with no date:$/m.exec(attention)![1]);
    if (undated > 5) assert.match(attention, new RegExp(`^ {4}\\.\\.\\. and ${undated - 5} more \\(--verbose lists them all\\)$`, 'm'));
    else assert.doesNotMatch(attention, /^ {4}\.\.\. and \d+ more/m);
    assert.match(attention, /^ {2}\d+ events? with only one side known \(no partner identified\):$/m);
    assert.match(attention, /^ {2}1 name seen only once that looks like a known actor:\n {4}"Tran Minh Khao" \(laos-talks\.txt\) looks like the person "Tran Minh Khoa" \(named \d+ times\)$/m);
    // Dated articles and events are not listed.
    assert.doesNotMatch(attention, /^ {4}vietnam-norway-hold-first-defence-policy-dialogue\.txt$/m);
  });

  it('writes every stored query\'s answer as SPARQL 1.1 CSV and JSON, with the parameters it ran with, and says where', () => {
    const answers = join(data, 'answers');
    assert.ok(report.stdout.includes(`\nAnswers of the 16 stored queries (${join(projectRoot(), 'queries')}/NAME.rq) in ${answers}/: NAME.csv and NAME.json`), report.stdout);
    assert.match(report.stdout, /^ {2}actors-by-meetings +\d+ rows +minimum=1 \(default\)$/m);
    assert.match(report.stdout, /^ {2}partner-meetings +\d+ rows? +partner=country\/france from=\(unbound\) to=\(unbound\) \(defaults\)$/m);
    assert.match(report.stdout, /^ {2}articles +6 rows +no parameters$/m);
    const index = JSON.parse(readFileSync(join(answers, 'index.json'), 'utf8')) as { graph: string; answers: Array<{ query: string; parameters: Array<{ name: string; type: string; value: string | null; default: boolean }>; files: string[]; size: string }> };
    assert.equal(index.graph, 'graph.trig');
    assert.equal(index.answers.length, 16);
    assert.deepEqual(index.answers.find((a) => a.query === 'actors-by-meetings')!.parameters, [{ name: 'minimum', type: 'integer', value: '1', default: true }]);
    assert.deepEqual(index.answers.find((a) => a.query === 'area-meetings')!.parameters.map((p) => [p.name, p.type, p.value]), [['phrase', 'langString(en)', 'maritime security'], ['home', 'actor', 'country/vietnam']]);
    const files = readdirSync(answers).sort();
    for (const a of index.answers) {
      for (const f of a.files) assert.ok(files.includes(f), f);
      if (a.files[0].endsWith('.ttl')) {
        assert.equal(a.query, 'partner-construct');
        continue;
      }
      const json = checkSparqlJson(readFileSync(join(answers, `${a.query}.json`), 'utf8'), a.query);
      const csv = parseCsv(readFileSync(join(answers, `${a.query}.csv`), 'utf8'));
      assert.deepEqual(csv[0], json.head.vars, `${a.query}: the CSV header is the variables`);
      assert.equal(csv.length - 1, json.results.bindings.length, `${a.query}: one CSV record per solution`);
      assert.equal(a.size, `${json.results.bindings.length} row${json.results.bindings.length === 1 ? '' : 's'}`);
      // Each CSV field is the plain value of the JSON term (empty when unbound).
      json.results.bindings.forEach((b, i) => json.head.vars.forEach((v, j) => assert.equal(csv[i + 1][j], b[v] ? (b[v].type === 'bnode' ? `_:${b[v].value}` : b[v].value) : '')));
    }
    const articles = checkSparqlJson(readFileSync(join(answers, 'articles.json'), 'utf8'), 'articles');
    const norway = articles.results.bindings.find((b) => b.file.value === 'vietnam-norway-hold-first-defence-policy-dialogue.txt')!;
    assert.deepEqual(norway.published, { type: 'literal', value: '2025-03-18', datatype: 'http://www.w3.org/2001/XMLSchema#date' });
  });

  it('is short, and the same run writes the same files byte for byte; --verbose lists everything and prints every answer', () => {
    assert.ok(report.stdout.split('\n').length < 50, report.stdout);
    assert.doesNotMatch(report.stdout, /@prefix|^## /m, 'no answers in full');
    const snapshot = () => Object.fromEntries(['graph.ttl', 'graph.trig', 'graph.jsonld', ...readdirSync(join(data, 'answers')).map((f) => join('answers', f))].map((f) => [f, readFileSync(join(data, f), 'utf8')]));
    const before = snapshot();
    const verbose = cli(['run', '--verbose', '--data', data], tmpdir());
    assert.equal(verbose.code, 0, verbose.stderr);
    assert.deepEqual(snapshot(), before);
    assert.doesNotMatch(verbose.stdout, /more \(--verbose lists them all\)/);
    assert.match(verbose.stdout, /^## actors-by-meetings: The most active actors \(minimum=1 \(default\)\)\n/m);
    assert.match(verbose.stdout, /^## partner-construct: Everything about one partner \(partner=country\/france \(default\)\)\n/m);
    assert.match(verbose.stdout.slice(verbose.stdout.indexOf('## articles:')), /^## articles: .*\n.*\n-+\+[^]*vietnam-norway-hold-first-defence-policy-dialog/);
    // The same report before the answers, with every item.
    assert.ok(verbose.stdout.split('\n').length > report.stdout.split('\n').length + 50);
  });
});

describe('finding the data from any folder', function () {
  this.timeout(120000);
  let elsewhere: string;
  before(() => {
    elsewhere = mkdtempSync(join(tmpdir(), 'diplograph-elsewhere-'));
  });
  after(() => rmSync(elsewhere, { recursive: true, force: true }));

  it('from a subfolder of the project: the project\'s data/', () => {
    const sub = join(projectRoot(), 'test', 'fixtures');
    assert.equal(findDataDir(undefined, sub), join(projectRoot(), 'data'));
    assert.equal(findDataDir(undefined, projectRoot()), 'data');
    const r = cli(['query', 'articles', '--format', 'csv'], sub);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /003_99a181e7a6755caf\.txt/);
    assert.equal(cli(['export', '--format', 'ntriples'], sub).stdout, cli(['export', '--format', 'ntriples']).stdout);
  });

  it('from another folder: --data DIR, or else the diplograph folder\'s data', () => {
    const r = cli(['query', 'co-chairs', '--data', join(projectRoot(), 'data'), '--format', 'csv'], elsewhere);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Alice Rufo/);
    if (!existsSync(join(tmpdir(), 'data')) && !existsSync('/data')) {
      assert.equal(findDataDir(undefined, elsewhere), join(projectRoot(), 'data'));
      const fallback = cli(['query', 'co-chairs', '--format', 'csv'], elsewhere);
      assert.equal(fallback.code, 0, fallback.stderr);
      assert.equal(fallback.stdout, r.stdout);
    }
    // A --data folder without a graph: the error names the file it looked for.
    const none = cli(['query', 'co-chairs', '--data', join(elsewhere, 'nothing')], elsewhere);
    assert.equal(none.code, 1);
    assert.equal(none.stderr.split('\n').length, 2, none.stderr);
    assert.match(none.stderr, /nothing\/graph\.trig: no such graph file/);
    const build = cli(['build', '--data', join(elsewhere, 'nothing')], elsewhere);
    assert.match(build.stderr, /nothing\/documents: no such folder/);
  });

  it('every command takes --data, and the help says so', () => {
    for (const command of ['add', 'build', 'query', 'export', 'run', 'serve', 'push']) {
      const r = cli([command, '--help']);
      assert.equal(r.code, 0, command);
      assert.match(r.stdout, /--data DIR/, command);
    }
    assert.match(cli(['--help']).stdout, /--data DIR {7}the data folder/);
  });
});

describe('the report of what needs attention, as text', () => {
  const events = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `meeting/a-${i + 1}`, label: `Talks ${i + 1}`, file: 'a.txt' }));
  const attention = (undatedEvents: ReturnType<typeof events>) => ({ undatedArticles: [], undatedEvents, oneSided: [], lookAlikes: [] });

  it('lists at most five of a kind and counts the rest, unless --verbose', () => {
    const short = formatAttention(attention(events(7)), false);
    assert.match(short, /^ {2}7 events with no date:$/m);
    assert.equal((short.match(/^ {4}meeting\/a-\d+ /gm) ?? []).length, 5);
    assert.match(short, /^ {4}\.\.\. and 2 more \(--verbose lists them all\)$/m);
    const all = formatAttention(attention(events(7)), true);
    assert.equal((all.match(/^ {4}meeting\/a-\d+ /gm) ?? []).length, 7);
    assert.doesNotMatch(all, /more \(--verbose/);
    assert.doesNotMatch(formatAttention(attention(events(5)), false), /\.\.\. and/);
  });
});
