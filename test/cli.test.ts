/**
 * The command line end to end, and its answers to bad input: one line that says what is wrong and
 * where, a non-zero exit, and no output file written or changed.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE_FLAGS } from '../src/node-flags.js';
import { projectRoot } from '../src/ontology-files.js';

const BIN = join(projectRoot(), 'bin', 'diplograph.js');
const SEEDS = join(projectRoot(), 'data', 'documents');

function cli(args: string[], cwd = projectRoot()) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A user error: a non-zero exit and exactly one line on stderr, without a stack trace. */
function assertUserError(r: ReturnType<typeof cli>, pattern: RegExp) {
  assert.notEqual(r.code, 0, 'non-zero exit');
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line, got: ${r.stderr}`);
  assert.doesNotMatch(r.stderr, /^\s+at /m);
  assert.match(lines[0], pattern);
}

describe('the command line', function () {
  this.timeout(120000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'diplograph-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('runs as an executable with the Node flags of src/node-flags.ts, and npm start with the same', () => {
    const first = readFileSync(BIN, 'utf8').split('\n')[0];
    assert.equal(first, `#!/usr/bin/env -S node ${NODE_FLAGS.join(' ')}`);
    const start = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')).scripts.start as string;
    assert.ok(start.includes(`node ${NODE_FLAGS.join(' ')} bin/diplograph.js run`), start);
    const r = spawnSync(BIN, ['--help'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /diplograph/);
  });

  it('builds the graph, then answers a stored query over it in every result format', () => {
    const out = join(dir, 'graph.ttl');
    const b = cli(['build', '--in', SEEDS, '--out', out]);
    assert.equal(b.code, 0, b.stderr);
    assert.match(b.stdout, /^5 articles: 14 persons, \d+ organizations, 7 countries, 12 meetings, 11 agreements; \d+ quads$/m);
    assert.ok(existsSync(join(dir, 'graph.trig')));
    const graph = ['--graph', join(dir, 'graph.trig')];
    const table = cli(['query', 'co-chairs', ...graph]);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /Alice Rufo/);
    assert.match(table.stdout, /\(4 rows\)/);
    const json = JSON.parse(cli(['query', 'co-chairs', '--format', 'json', ...graph]).stdout);
    assert.deepEqual(json.head.vars, ['meeting', 'label', 'kind', 'date', 'dateText', 'chair', 'chairName']);
    assert.equal(json.results.bindings.length, 4);
    assert.deepEqual(json.results.bindings[2].chairName, { type: 'literal', value: 'Alice Rufo', 'xml:lang': 'en' });
    const csv = cli(['query', 'co-chairs', '--format', 'csv', ...graph]).stdout;
    assert.ok(csv.startsWith('meeting,label,kind,date,dateText,chair,chairName\r\n'));
    const tsv = cli(['query', 'co-chairs', '--format', 'tsv', ...graph]).stdout;
    assert.ok(tsv.startsWith('?meeting\t?label\t?kind\t?date\t?dateText\t?chair\t?chairName\n'));
    assert.match(tsv, /"Alice Rufo"@en/);
    const ttl = cli(['query', 'partner-construct', '--param', 'partner=country/france', '--format', 'turtle', ...graph]);
    assert.equal(ttl.code, 0, ttl.stderr);
    assert.match(ttl.stdout, /@prefix dg: <https:\/\/w3id\.org\/diplograph\/ontology#>/);
    const jsonld = JSON.parse(cli(['query', 'partner-construct', '--format', 'jsonld', ...graph]).stdout);
    assert.ok(jsonld['@graph'].length > 5);
  });

  it('lists the stored queries with their parameters', () => {
    const r = cli(['query', '--list']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^meeting-participants\n {4}Who took part in a meeting, and in what role\n {4}--param meeting=<meeting: name or IRI> \(default meeting\/003_99a181e7a6755caf-1\)/m);
  });

  it('exports JSON-LD, framed JSON-LD and N-Triples to files', () => {
    const graph = ['--graph', join(dir, 'graph.trig')];
    for (const [args, file] of [[['--format', 'jsonld'], 'g.jsonld'], [['--format', 'jsonld', '--frame', 'meetings'], 'm.jsonld'], [['--format', 'ntriples'], 'g.nt']] as const) {
      const r = cli(['export', ...args, ...graph, '--out', join(dir, file)]);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(readFileSync(join(dir, file), 'utf8').length > 1000);
    }
  });

  it('writes one summary per article, computed from the graph', () => {
    const out = join(dir, 'summaries');
    const r = cli(['summarize', SEEDS, '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdirSync(out).sort(), readdirSync(SEEDS).map((f) => f.replace(/\.txt$/, '.json')).sort());
    const s = JSON.parse(readFileSync(join(out, '003_99a181e7a6755caf.json'), 'utf8'));
    assert.equal(s.document, '003_99a181e7a6755caf.txt');
    assert.equal(s.meetings[0].type, 'dialogue');
    assert.deepEqual(s.meetings[0].chairs, ['Alice Rufo', 'Hoang Xuan Chien']);
    assert.equal(s.meetings[0].location, 'Paris');
  });

  describe('bad input', () => {
    let out: string;
    beforeEach(() => {
      out = join(dir, 'keep.ttl');
      writeFileSync(out, 'previous content\n');
    });
    const articles = (name: string, bytes: Uint8Array | string) => {
      const d = mkdtempSync(join(dir, 'in-'));
      copyFileSync(join(SEEDS, '000_e8b7f0acafe71e35.txt'), join(d, '000_e8b7f0acafe71e35.txt'));
      writeFileSync(join(d, name), bytes);
      return d;
    };
    const unchanged = () => {
      assert.equal(readFileSync(out, 'utf8'), 'previous content\n', 'the output file is unchanged');
      assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temporary file is left');
    };

    it('an empty article', () => {
      const d = articles('empty.txt', '');
      assertUserError(cli(['build', '--in', d, '--out', out]), new RegExp(`${d}/empty\\.txt: the article is empty`));
      unchanged();
    });

    it('a binary file', () => {
      const d = articles('photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
      assertUserError(cli(['build', '--in', d, '--out', out]), /photo\.txt: looks like a binary file \(a NUL byte at offset 8\)/);
      unchanged();
    });

    it('text that is not UTF-8, with its line and column', () => {
      const d = articles('latin1.txt', Buffer.from('Hanoi talks\nThe caf\xe9 meeting.\n', 'latin1'));
      assertUserError(cli(['build', '--in', d, '--out', out]), /latin1\.txt: line 2, column 8: not valid UTF-8 text/);
      unchanged();
    });

    it('a folder without articles', () => {
      const d = mkdtempSync(join(dir, 'none-'));
      assertUserError(cli(['build', '--in', d, '--out', out]), /no article files \(\*\.txt, \*\.html\) in this folder/);
      unchanged();
    });

    it('malformed Turtle, with its line', () => {
      const bad = join(dir, 'bad.ttl');
      writeFileSync(bad, '@prefix dg: <https://w3id.org/diplograph/ontology#> .\n<a> dg:p "x" .\n<b> dg:p "unterminated .\n');
      assertUserError(cli(['query', 'co-chairs', '--graph', bad]), /bad\.ttl: line 3: malformed RDF/);
      assertUserError(cli(['export', '--format', 'turtle', '--graph', bad, '--out', out]), /bad\.ttl: line 3: malformed RDF/);
      unchanged();
    });

    it('a malformed SPARQL query, with its line and column', () => {
      const rq = join(dir, 'bad.rq');
      writeFileSync(rq, '# title: broken\nSELECT ?s WHERE {\n  ?s a ?o\n  FILTER(\n}\n');
      assertUserError(cli(['query', rq, '--graph', join(dir, 'graph.trig')]), /bad\.rq: line \d+, column \d+: SPARQL syntax error: expected/);
    });

    it('an unknown stored query', () => {
      assertUserError(cli(['query', 'no-such-question']), /unknown stored query "no-such-question"; the stored queries are: actors-by-meetings, /);
    });

    it('an unknown parameter and a bad parameter value', () => {
      assertUserError(cli(['query', 'meeting-participants', '--param', 'colour=red']), /query "meeting-participants" has no parameter "colour"; its parameters are: meeting/);
      assertUserError(cli(['query', 'actors-by-meetings', '--param', 'minimum=many']), /parameter "minimum": "many" is not an integer/);
      assertUserError(cli(['query', 'meeting-participants', '--param', 'meeting']), /--param "meeting": write it as NAME=VALUE/);
    });

    it('an unknown option or format', () => {
      assertUserError(cli(['build', '--colour']), /build: unknown option '--colour'/);
      assertUserError(cli(['export', '--format', 'rdfxml', '--out', out]), /--format: unknown format "rdfxml"/);
      unchanged();
    });

    it('a graph file that does not exist', () => {
      assertUserError(cli(['query', 'co-chairs', '--graph', join(dir, 'nothing.trig')]), /nothing\.trig: no such graph file/);
    });
  });
});

describe('npm start (the main job)', function () {
  this.timeout(120000);
  it('builds data/graph.ttl, data/graph.trig and data/graph.jsonld, writes every answer to answers/ and prints a short report', () => {
    const d = mkdtempSync(join(tmpdir(), 'diplograph-run-'));
    mkdirSync(join(d, 'out'));
    const r = cli(['run', '--in', SEEDS, '--out-dir', join(d, 'out')]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '', 'nothing on stderr');
    for (const f of ['graph.ttl', 'graph.trig', 'graph.jsonld']) assert.ok(existsSync(join(d, 'out', f)), f);
    assert.match(r.stdout, /^Built from .*documents: 5 articles, 12 events, \d+ actors \(14 persons, \d+ organizations, 7 countries\), 11 agreements; \d+ quads$/m);
    assert.match(r.stdout, /^Needs attention:$/m);
    assert.match(r.stdout, /^ {2}meetings-timeline +12 rows +home=country\/vietnam \(default\)$/m);
    assert.match(r.stdout, /^ {2}partner-construct +\d+ triples +partner=country\/france \(default\)$/m);
    // A report, not the answers: no stored query in full, no Turtle.
    assert.doesNotMatch(r.stdout, /## meetings-timeline|@prefix/);
    assert.ok(r.stdout.split('\n').length < 60, `a short report, got ${r.stdout.split('\n').length} lines`);
    for (const f of ['meetings-timeline.csv', 'meetings-timeline.json', 'partner-construct.ttl', 'index.json']) assert.ok(existsSync(join(d, 'out', 'answers', f)), f);
    // The files are those a build writes, byte for byte.
    for (const f of ['graph.ttl', 'graph.trig', 'graph.jsonld']) assert.ok(readFileSync(join(d, 'out', f)).equals(readFileSync(join(projectRoot(), 'data', f))), `${f} as in data/`);
    // The answers are kept for the TriG it wrote: a first query answers from the cache (said with --verbose), as evaluated.
    const graph = ['--graph', join(d, 'out', 'graph.trig'), '--format', 'json'];
    const cached = cli(['query', 'meetings-timeline', '--verbose', ...graph]);
    assert.equal(cached.code, 0, cached.stderr);
    assert.match(cached.stderr, /answered from the cache/);
    const fresh = cli(['query', 'meetings-timeline', '--no-cache', ...graph]);
    assert.doesNotMatch(fresh.stderr, /answered from the cache/);
    assert.equal(cached.stdout, fresh.stdout);
    // --verbose prints every answer too, after the same report.
    const verbose = cli(['run', '--in', SEEDS, '--out-dir', join(d, 'out'), '--verbose']);
    assert.equal(verbose.code, 0, verbose.stderr);
    assert.match(verbose.stdout, /## meetings-timeline: Timeline of meetings \(home=country\/vietnam \(default\)\)\n/);
    assert.match(verbose.stdout, /## partner-construct: Everything about one partner \(partner=country\/france \(default\)\)\n@prefix/);
    rmSync(d, { recursive: true, force: true });
  });
});
