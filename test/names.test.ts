/**
 * Parameters by name, and no silent emptiness: actors, meetings and areas by any of their names
 * (case and diacritics ignored) or their IRIs; ambiguous names list the candidates; names and IRIs
 * that match nothing are errors with the closest ones; text parameters ignore case; unknown commands,
 * options, stored queries and parameters get "did you mean". In the CLI and in the web UI's forms.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser, Store } from 'n3';
import { UserError } from '../src/errors.js';
import { serializeQuads } from '../src/export/rdf-writer.js';
import { resolveParams } from '../src/query/names.js';
import { run, select } from '../src/query/engine.js';
import { bindParams, getQuery } from '../src/query/stored-queries.js';
import { GraphView } from '../src/server/graph-view.js';
import { queryPage } from '../src/server/site-pages.js';
import { closest, didYouMean, fold } from '../src/suggest.js';
import { projectRoot } from '../src/ontology-files.js';
import { DEFAULT_BASE } from '../src/vocab.js';
import { seedGraph, seedStore } from './support/seed-graph.js';

const BIN = join(projectRoot(), 'bin', 'diplograph.js');
const ID = DEFAULT_BASE;

describe('parameters by name, and no silent emptiness', function () {
  this.timeout(120000);
  let store: Store;
  let dir: string;
  let graph: string;
  const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

  before(async () => {
    store = await seedStore();
    dir = mkdtempSync(join(tmpdir(), 'diplograph-names-'));
    graph = join(dir, 'graph.trig');
    writeFileSync(graph, (await seedGraph()).trig || (await serializeQuads((await seedGraph()).quads, 'trig')));
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  const resolve = (query: string, given: Record<string, string>, s = store) => resolveParams(getQuery(query), given, s);
  const fails = (query: string, given: Record<string, string>, message: RegExp, s = store) => assert.throws(() => resolve(query, given, s), (e: unknown) => e instanceof UserError && message.test(e.message) && !e.message.includes('\n'), String(message));

  it('folds case, diacritics and punctuation; suggests the closest words', () => {
    assert.equal(fold('  Việt  Nam '), 'viet nam');
    assert.equal(fold('Đà Nẵng'), 'da nang');
    assert.deepEqual(closest('qurey', ['build', 'query', 'export']), ['query']);
    assert.equal(didYouMean('xyzzy', ['build', 'query']), '');
  });

  it('an actor, a meeting or any node by any of its names, ignoring case and diacritics, or by its IRI', () => {
    assert.deepEqual(resolve('partner-meetings', { partner: 'Germany' }), { partner: `<${ID}country/germany>` });
    assert.deepEqual(resolve('partner-meetings', { partner: 'Viet Nam' }), { partner: `<${ID}country/vietnam>` });
    assert.deepEqual(resolve('partner-meetings', { partner: 'VIỆT NAM', from: '2018-01-01' }), { partner: `<${ID}country/vietnam>`, from: '2018-01-01' });
    assert.deepEqual(resolve('partner-meetings', { partner: 'european union' }), { partner: `<${ID}org/european-union>` });
    assert.deepEqual(resolve('partner-meetings', { partner: 'country/france' }), { partner: `<${ID}country/france>` });
    assert.deepEqual(resolve('partner-meetings', { partner: `<${ID}country/france>` }), { partner: `<${ID}country/france>` });
    assert.deepEqual(resolve('meeting-participants', { meeting: 'second dialogue' }), { meeting: `<${ID}meeting/003_99a181e7a6755caf-2>` });
    assert.deepEqual(resolve('evidence', { subject: 'Nguyễn Chí Vịnh', predicate: 'dg:chair' }), { subject: `<${ID}person/nguyen-chi-vinh>`, predicate: '<https://w3id.org/diplograph/ontology#chair>' });
  });

  it('a name or an IRI that names nothing of the kind is an error naming the parameter, with the closest ones', () => {
    fails('partner-meetings', { partner: 'Germanny' }, /^parameter "partner": no actor \(person, organization or country\) in the graph is named "Germanny"; did you mean country\/germany \("Germany"\)/);
    fails('partner-meetings', { partner: 'country/germanyy' }, /^parameter "partner": <https:\/\/w3id\.org\/diplograph\/id\/country\/germanyy> names no actor .* in the graph; did you mean country\/germany \("Germany"\)/);
    fails('meeting-participants', { meeting: 'meeting/003_99a181e7a6755caf-9' }, /^parameter "meeting": <[^>]*003_99a181e7a6755caf-9> names no meeting in the graph; did you mean meeting\/003_99a181e7a6755caf-1 /);
    fails('meeting-participants', { meeting: 'country/france' }, /^parameter "meeting": <[^>]*country\/france> is in the graph but is no meeting; did you mean /);
    fails('evidence', { predicate: 'dg:chairr' }, /^parameter "predicate": <https:\/\/w3id\.org\/diplograph\/ontology#chairr> names no node in the graph; did you mean dg:chair \("chair"\)/);
  });

  it('a name that several nodes have lists them', () => {
    const two = new Store(new Parser().parse(`@prefix dg: <https://w3id.org/diplograph/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
      <${ID}person/a> a dg:Person, dg:Actor ; rdfs:label "Nguyen Van An"@en .
      <${ID}person/b> a dg:Person, dg:Actor ; rdfs:label "Nguyễn Văn An"@vi .`));
    fails('partner-meetings', { partner: 'nguyen van an' }, /^parameter "partner": "nguyen van an" is ambiguous: it names 2 actors: person\/a \("Nguyen Van An"\), person\/b \("Nguyễn Văn An"\); give one of them by its IRI$/, two);
  });

  it('text parameters match ignoring case: "Cyber Security" finds what "cybersecurity" and "cyber security" find', async () => {
    const rows = async (phrase: string) => (await select(bindParams(getQuery('area-meetings'), { phrase }), store)).rows.map((r) => r.meeting.value);
    const upper = await rows('Cyber Security');
    assert.ok(upper.length >= 2);
    assert.deepEqual(upper, await rows('cyber security'));
    assert.deepEqual(await rows('CYBERSECURITY'), await rows('cybersecurity'));
  });

  it('the CLI: names, one-line errors with a non-zero exit, and "did you mean" for commands, options, queries and parameters', () => {
    const ok = cli('query', 'partner-meetings', '--param', 'partner=Viet Nam', '--graph', graph, '--no-cache', '--format', 'csv');
    assert.equal(ok.status, 0, ok.stderr);
    assert.ok(ok.stdout.split('\n').length > 5);
    const cases: Array<[string[], RegExp]> = [
      [['query', 'partner-meetings', '--param', 'partner=Atlantis', '--graph', graph], /^diplograph: parameter "partner": no actor .* is named "Atlantis"; did you mean /],
      [['query', 'meeting-participants', '--param', 'meeting=meeting/nowhere-1', '--graph', graph], /^diplograph: parameter "meeting": <[^>]*meeting\/nowhere-1> names no meeting in the graph; did you mean /],
      [['qurey', 'co-chairs'], /^diplograph: unknown command "qurey" \(did you mean "query"\?\)/],
      [['query', 'co-chairs', '--foramt', 'json'], /^diplograph: query: unknown option '--foramt' \(did you mean --format\?\)/],
      [['query', 'co-chair'], /^diplograph: unknown stored query "co-chair" \(did you mean "co-chairs"\?\)/],
      [['query', 'partner-meetings', '--param', 'partnr=France', '--graph', graph], /^diplograph: query "partner-meetings" has no parameter "partnr" \(did you mean "partner"\?\)/],
    ];
    for (const [args, message] of cases) {
      const r = cli(...args);
      assert.notEqual(r.status, 0, args.join(' '));
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
  });

  it("the web UI's query forms take names too, and answer a name that names nothing with a 400 that says so", async () => {
    const view = new GraphView(store, { base: DEFAULT_BASE, prefix: '/id/' });
    const runQuery = async (text: string) => run(text, store);
    const good = await queryPage(view, 'partner-meetings', new URLSearchParams({ run: '1', partner: 'viet nam' }), runQuery);
    assert.equal(good.status, 200);
    assert.match(good.body, /rows\./);
    const bad = await queryPage(view, 'partner-meetings', new URLSearchParams({ run: '1', partner: 'Atlantis' }), runQuery);
    assert.equal(bad.status, 400);
    assert.match(bad.body, /parameter &quot;partner&quot;: no actor .* is named &quot;Atlantis&quot;; did you mean|parameter "partner": no actor .* is named "Atlantis"; did you mean/);
  });
});
