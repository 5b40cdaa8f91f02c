/**
 * The scaled corpus of the benchmarks (bench/corpus.ts) and the parallel build: generated articles are
 * deterministic and extract into sensible graphs; `build --jobs N` writes the same bytes as one
 * thread; the progress shows a bar on a terminal and plain lines elsewhere.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateArticle, generateCorpus, loadTemplates } from '../bench/corpus.js';
import { buildGraph } from '../src/commands/build.js';
import { extractArticle } from '../src/extract/index.js';
import { createProgress, renderBar } from '../src/progress.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'diplograph-corpus-'));
const bin = join(process.cwd(), 'bin/diplograph.js');

describe('bench: the scaled corpus', function () {
  this.timeout(180000);
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('one seed gives byte-identical files; another seed other articles', () => {
    const [a, b, c] = [tmp(), tmp(), tmp()];
    dirs.push(a, b, c);
    generateCorpus({ n: 40, seed: 11, outDir: a });
    generateCorpus({ n: 40, seed: 11, outDir: b });
    generateCorpus({ n: 40, seed: 12, outDir: c });
    const files = readdirSync(a).sort();
    assert.equal(files.length, 40);
    assert.deepEqual(readdirSync(b).sort(), files);
    for (const f of files) assert.ok(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f);
    assert.notDeepEqual(readdirSync(c).sort(), files);
    assert.match(files[0], /^000000_[0-9a-f]{16}\.txt$/);
  });

  it('substitutes persons, partners and dates, and the extractor finds the new persons and meetings', () => {
    const templates = loadTemplates();
    let found = 0;
    let total = 0;
    let meetings = 0;
    for (let i = 0; i < 50; i++) {
      const a = generateArticle(templates, 5, i);
      const template = templates[i % templates.length];
      assert.notEqual(a.text, template.text);
      for (const p of template.persons) assert.ok(!a.text.includes(p.name) || a.persons.includes(p.name), `${a.file} still names ${p.name}`);
      const x = extractArticle(a.file, a.text);
      const names = new Set([...x.persons.values()].map((p) => p.name));
      for (const p of a.persons) {
        total++;
        if (names.has(p)) found++;
      }
      meetings += x.meetings.length;
      assert.ok(x.countries.has('vietnam'), a.file);
    }
    assert.ok(total > 100 && found / total >= 0.9, `found ${found} of ${total} substituted persons`);
    assert.ok(meetings >= 50, `${meetings} meetings in 50 articles`);
  });

  it('a generated corpus builds a conforming graph, byte-identical with 1 or 2 worker threads', async () => {
    const dir = tmp();
    dirs.push(dir);
    generateCorpus({ n: 60, seed: 2, outDir: dir });
    const one = await buildGraph(dir, undefined, { jobs: 1 });
    const two = await buildGraph(dir, undefined, { jobs: 2 });
    assert.equal(one.extractions.length, 60);
    assert.ok(one.quads.length > 20000, `${one.quads.length} quads`);
    assert.equal(two.turtle, one.turtle);
    assert.equal(two.trig, one.trig);
    assert.deepEqual(two.extractions.map((x) => x.article.file), readdirSync(dir).sort());
  });

  it('build --jobs 2 writes the same files as --jobs 1, prints plain progress lines off a terminal, nothing with --quiet', () => {
    const dir = tmp();
    const out = tmp();
    dirs.push(dir, out);
    generateCorpus({ n: 60, seed: 4, outDir: dir });
    const run = (...args: string[]) => spawnSync(process.execPath, [bin, 'build', '--in', dir, ...args], { encoding: 'utf8' });
    const a = run('--out', join(out, 'a.ttl'), '--jobs', '1');
    const b = run('--out', join(out, 'b.ttl'), '--jobs', '2', '--quiet');
    assert.equal(a.status, 0, a.stderr);
    assert.equal(b.status, 0, b.stderr);
    assert.ok(readFileSync(join(out, 'a.ttl')).equals(readFileSync(join(out, 'b.ttl'))));
    assert.ok(readFileSync(join(out, 'a.trig')).equals(readFileSync(join(out, 'b.trig'))));
    const lines = a.stderr.trim().split('\n');
    assert.ok(lines.length >= 5 && lines.length <= 12, a.stderr);
    assert.match(lines[lines.length - 1], /^extracting: 60\/60 articles \(100%\), [\d.]+\/s, done in \d+s$/);
    assert.ok(lines.every((l) => /^extracting: \d+\/60 articles \(\d+%\)/.test(l) && !l.includes('\r')), a.stderr);
    assert.equal(b.stderr, '');
    const bad = run('--out', join(out, 'c.ttl'), '--jobs', 'two');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--jobs: "two" is not a positive integer/);
  });

  it('a bad article fails a parallel build with the first bad file in file order, and nothing is written', () => {
    const dir = tmp();
    const out = tmp();
    dirs.push(dir, out);
    const files = generateCorpus({ n: 40, seed: 4, outDir: dir });
    writeFileSync(files[7], '');
    writeFileSync(files[30], Buffer.from([0, 1, 2, 3]));
    const r = spawnSync(process.execPath, [bin, 'build', '--in', dir, '--out', join(out, 'g.ttl'), '--jobs', '2'], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.equal(r.stderr.trim().split('\n').filter((l) => l.startsWith('diplograph:')).length, 1);
    assert.ok(r.stderr.includes(`${files[7]}: the article is empty`), r.stderr);
    assert.deepEqual(readdirSync(out), []);
  });
});

describe('progress', () => {
  const fake = (isTTY: boolean) => {
    const chunks: string[] = [];
    return { stream: { isTTY, columns: 100, write: (s: string) => chunks.push(s) }, chunks };
  };

  it('on a terminal, redraws one bar in place (done/total, rate, time left), at most every 100 ms, and ends the line', () => {
    const { stream, chunks } = fake(true);
    let t = 0;
    const p = createProgress({ total: 200, label: 'extracting', stream, now: () => t });
    for (let i = 0; i < 100; i++) {
      t += 10;
      p.tick();
    }
    assert.equal(chunks.length, 10);
    assert.ok(chunks.every((c) => c.startsWith('\r') && c.endsWith('\x1b[K')));
    assert.equal(chunks[9], `\r${renderBar('extracting', 91, 200, 910, 'articles', 100)}\x1b[K`);
    assert.match(chunks[9], /^\rextracting \[#+-+\] 91\/200 articles 45% 100\.0\/s 1s left/);
    p.done();
    assert.match(chunks[chunks.length - 2], /200\/200 articles 100% [\d.]+\/s in 1s/);
    assert.equal(chunks[chunks.length - 1], '\n');
  });

  it('off a terminal, a plain line at every 10% and every interval; quiet writes nothing', () => {
    const { stream, chunks } = fake(false);
    let t = 0;
    const p = createProgress({ total: 1000, label: 'extracting', stream, now: () => t, intervalMs: 5000 });
    for (let i = 0; i < 1000; i++) {
      t += i < 50 ? 200 : 1;
      if (i < 999) p.tick();
    }
    p.done();
    assert.ok(chunks.every((c) => c.endsWith('\n') && !c.includes('\r')));
    assert.equal(chunks[0], 'extracting: 25/1000 articles (2%), 5.0/s, 3m15s left\n');
    assert.equal(chunks.filter((c) => /\(\d0%\)/.test(c)).length, 9);
    assert.match(chunks[chunks.length - 1], /^extracting: 1000\/1000 articles \(100%\), [\d.]+\/s, done in 11s\n$/);
    const q = fake(true);
    const quiet = createProgress({ total: 10, label: 'x', stream: q.stream, quiet: true });
    quiet.tick();
    quiet.done();
    assert.deepEqual(q.chunks, []);
  });
});

describe('streaming exports and the batched meetings frame', function () {
  this.timeout(180000);

  it('the streamed Turtle, TriG, N-Triples and N-Quads are byte-identical to serializeQuads, and written atomically', async () => {
    const { syntheticDataset } = await import('../bench/synthetic-graph.js');
    const { serializeQuads } = await import('../src/export/rdf-writer.js');
    const { writeQuadsAtomic } = await import('../src/export/stream-writer.js');
    const quads = syntheticDataset(30000, 5).reverse();
    const dir = tmp();
    for (const f of ['turtle', 'trig', 'ntriples', 'nquads'] as const) {
      await writeQuadsAtomic(join(dir, `g.${f}`), quads, f);
      assert.equal(readFileSync(join(dir, `g.${f}`), 'utf8'), await serializeQuads(quads, f), f);
    }
    assert.deepEqual(readdirSync(dir).sort(), ['g.nquads', 'g.ntriples', 'g.trig', 'g.turtle']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('framing the meetings in batches gives the same bytes as jsonld.frame over the whole graph (seed graph and a synthetic one)', async () => {
    const { syntheticDataset } = await import('../bench/synthetic-graph.js');
    const { frameMeetings, frameWholeGraph } = await import('../src/export/jsonld.js');
    const seed = await buildGraph('data/documents');
    const framed = await frameMeetings(seed.quads);
    assert.equal(framed, await frameWholeGraph(seed.quads));
    assert.equal((JSON.parse(framed) as { '@graph': unknown[] })['@graph'].length, 12);
    const syn = syntheticDataset(8000, 9);
    assert.equal(await frameMeetings(syn), await frameWholeGraph(syn));
  });
});

describe('streaming from the store', function () {
  this.timeout(180000);

  it('a store streams Turtle, TriG, N-Triples and N-Quads subject by subject, byte-identical to serializeQuads', async () => {
    const { Store } = await import('n3');
    const { syntheticDataset } = await import('../bench/synthetic-graph.js');
    const { serializeQuads } = await import('../src/export/rdf-writer.js');
    const { writeQuadsAtomic } = await import('../src/export/stream-writer.js');
    const quads = syntheticDataset(20000, 6);
    const store = new Store(quads);
    const dir = tmp();
    for (const f of ['turtle', 'trig', 'ntriples', 'nquads'] as const) {
      await writeQuadsAtomic(join(dir, `g.${f}`), store, f);
      assert.equal(readFileSync(join(dir, `g.${f}`), 'utf8'), await serializeQuads(quads, f), f);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('compacted JSON-LD streamed in chunks of top-level nodes is byte-identical to compacting the whole graph', async () => {
    const { Store } = await import('n3');
    const { PassThrough } = await import('node:stream');
    const { syntheticDataset } = await import('../bench/synthetic-graph.js');
    const { toJsonLd } = await import('../src/export/jsonld.js');
    const { streamJsonLd } = await import('../src/export/jsonld-stream.js');
    const streamed = async (store: Parameters<typeof streamJsonLd>[0], chunk: number) => {
      const out = new PassThrough();
      const parts: Buffer[] = [];
      out.on('data', (b: Buffer) => parts.push(b));
      await streamJsonLd(store, out, chunk);
      return Buffer.concat(parts).toString('utf8');
    };
    const seed = (await buildGraph('data/documents')).quads;
    const whole = await toJsonLd(seed);
    for (const chunk of [1, 7, 50, 1000]) assert.equal(await streamed(new Store(seed) as never, chunk), whole, `chunk ${chunk}`);
    const syn = syntheticDataset(15000, 2);
    assert.equal(await streamed(new Store(syn) as never, 13), await toJsonLd(syn));
  });
});

describe('SHACL validation in chunks of focus nodes', function () {
  this.timeout(300000);

  it('gives the same report as validating the whole graph: seed graph, broken data, a generated corpus', async () => {
    const { Parser } = await import('n3');
    const { validateInChunks, validateShapes } = await import('../src/graph/validate.js');
    const { loadOntologyFile } = await import('../src/ontology-files.js');
    const { factory, DG, RDF: RDFNS, RDFS, PREFIXES } = await import('../src/vocab.js');
    const shapes = new Parser().parse(loadOntologyFile('shapes.ttl'));
    const seed = (await buildGraph('data/documents')).quads;
    const OA_EXACT = factory.namedNode(`${PREFIXES.oa}exact`);
    const person = seed.find((q) => q.predicate.equals(RDFNS.type) && q.object.equals(DG.Person))!.subject;
    const meeting = seed.find((q) => q.predicate.equals(DG.participant))!;
    const broken = [
      ...seed.filter((q) => !q.predicate.equals(OA_EXACT) || !q.subject.value.endsWith('#s3-text')),
      factory.quad(person, DG.nationality, factory.namedNode('https://w3id.org/diplograph/id/country/atlantis'), meeting.graph),
      factory.quad(person, RDFS.label, factory.literal('Another Name', 'en'), meeting.graph),
      factory.quad(meeting.subject, DG.participant, factory.namedNode('https://w3id.org/diplograph/id/person/nobody'), meeting.graph),
      factory.quad(meeting.subject, DG.chair, factory.literal('not an IRI'), meeting.graph),
    ];
    const dir = tmp();
    generateCorpus({ n: 40, seed: 8, outDir: dir });
    const corpus = (await buildGraph(dir)).quads;
    rmSync(dir, { recursive: true, force: true });
    for (const [name, quads] of [['seed', seed], ['broken', broken], ['corpus', corpus]] as const) {
      const whole = await validateShapes(quads, shapes);
      if (name === 'broken') assert.ok(whole.results.length >= 4, JSON.stringify(whole.results));
      else assert.ok(whole.conforms, name);
      for (const chunk of [1, 13, 500]) assert.deepEqual(await validateInChunks([...quads], chunk), whole, `${name}, ${chunk} subjects per chunk`);
    }
  });

  it('in worker threads or in this thread, gives the whole graph\'s report, violations spread over the chunks included', async () => {
    const { Parser } = await import('n3');
    const { validateInChunks, validateShapes } = await import('../src/graph/validate.js');
    const { loadOntologyFile } = await import('../src/ontology-files.js');
    const { factory, DG, RDF: RDFNS, RDFS, PREFIXES } = await import('../src/vocab.js');
    const dir = tmp();
    generateCorpus({ n: 40, seed: 8, outDir: dir });
    const corpus = (await buildGraph(dir)).quads;
    rmSync(dir, { recursive: true, force: true });
    // Broken all over: Vietnam is no longer typed (some 70 facts name it as an actor), every 40th quote
    // selector loses its text, every 30th person gets a second English name, meetings get a literal as participant.
    const VIETNAM = 'https://w3id.org/diplograph/id/country/vietnam';
    let n = 0;
    const broken = corpus.filter((q) => !(q.subject.value === VIETNAM && q.predicate.equals(RDFNS.type)) && !(q.predicate.value === `${PREFIXES.oa}exact` && n++ % 40 === 0));
    const persons = [...new Set(corpus.filter((q) => q.predicate.equals(RDFNS.type) && q.object.equals(DG.Person)).map((q) => q.subject))];
    persons.filter((_, i) => i % 30 === 0).forEach((p) => broken.push(factory.quad(p, RDFS.label, factory.literal('Another Name', 'en'))));
    const meetings = [...new Set(corpus.filter((q) => q.predicate.equals(DG.participant)).map((q) => q.subject))];
    meetings.filter((_, i) => i % 25 === 0).forEach((m) => broken.push(factory.quad(m, DG.participant, factory.literal('Vietnam'))));
    const whole = await validateShapes(broken, new Parser().parse(loadOntologyFile('shapes.ttl')));
    // Every fact that names Vietnam as an actor is reported (rdf-validate-shacl's guard would stop at 51).
    const actorLinks = new Set(broken.filter((q) => q.object.value === VIETNAM && [DG.participant, DG.involves, DG.chair, DG.host, DG.party].some((p) => p.equals(q.predicate)))
      .map((q) => `${q.subject.value} ${q.predicate.value}`));
    assert.ok(actorLinks.size > 51, String(actorLinks.size));
    const actorPaths = ['dg:participant', 'dg:involves', 'dg:chair', 'dg:host', 'dg:party'];
    assert.equal(new Set(whole.results.filter((r) => r.value === VIETNAM && actorPaths.includes(r.path!)).map((r) => `${r.focusNode} ${r.path}`)).size, actorLinks.size);
    const subjects = [...new Set([...broken.map((q) => q.subject.value)])].sort();
    const chunksHit = new Set(whole.results.map((r) => Math.floor(subjects.indexOf(r.focusNode) / 500)));
    assert.ok(whole.results.length > 100 && chunksHit.size >= 5, `${whole.results.length} results in ${chunksHit.size} chunks of 500 subjects`);
    for (const [jobs, chunk] of [[1, 500], [2, 500], [2, 4000], [3, 97]]) {
      assert.deepEqual(await validateInChunks([...broken], chunk, { jobs }), whole, `${jobs} threads, ${chunk} subjects per chunk`);
    }
  });
});
