/**
 * Fuzzing the extractor, the graph builder and the serializers with hostile and broken articles
 * (test/support/fuzz-inputs.ts): seeded, so a failure is reproduced by FUZZ_SEED and the input's index,
 * and bounded both in count (FUZZ_COUNT, default 3000) and in time (FUZZ_MS, default 75 s).
 *
 * For every input: reading it either succeeds or fails with a one-line UserError that names the file;
 * the Turtle and TriG written parse back with N3.js to exactly the quads built (no literal breaks
 * out, no IRI is mangled); every minted IRI is a valid absolute IRI (a strict RFC 3987 regex and N3's
 * N-Triples parser); each input takes under PER_INPUT_MS. Batches are validated against the shapes,
 * a sample goes through Jena RIOT (when installed), and whole folders of inputs go through the real
 * build with --on-error fail and skip. Memory is measured around the run and around the largest inputs.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import type * as RDF from '@rdfjs/types';
import { Parser } from 'n3';
import { UserError } from '../src/errors.js';
import { extractArticle, parseSourceSidecar } from '../src/extract/index.js';
import { MAX_ARTICLE_BYTES } from '../src/extract/text.js';
import type { ArticleExtraction } from '../src/extract/model.js';
import { buildDataset } from '../src/graph/build.js';
import { validateShapes, formatReport } from '../src/graph/validate.js';
import { canonicalQuads, serializeQuads } from '../src/export/rdf-writer.js';
import { termKey } from '../src/graph/iris.js';
import { buildGraph } from '../src/commands/build.js';
import { Rng, generate, largeArticle, type FuzzInput } from './support/fuzz-inputs.js';
import { jena, jenaAvailable } from './support/external-tools.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const COUNT = Number(process.env.FUZZ_COUNT ?? 3000);
const BUDGET_MS = Number(process.env.FUZZ_MS ?? 75_000);
/** Fewer inputs than this within the budget means the machine is far too slow for the test to mean anything. */
const MIN_COUNT = Math.min(COUNT, 300);
/**
 * Time bounds, linear in the input and in the output, which catastrophic backtracking or a quadratic
 * loop breaks by orders of magnitude: reading an article takes under 2 s, plus 15 ms per KB for a
 * huge one (a 115 KB line of "A.Gen. " takes about 1 s on an idle machine); building, serializing
 * twice and parsing back under 2 s plus 80 µs per quad (that line has 16,000 sentences and 200,000
 * quads: about 4 s idle). The margins are for a shared, loaded machine.
 */
const PER_INPUT_MS = 2000;
const readLimitMs = (bytes: number) => PER_INPUT_MS + (bytes / 1024) * 15;
const writeLimitMs = (quads: number) => PER_INPUT_MS + quads * 0.08;
/** How many articles of every hundred inputs are also validated together. */
const SHACL_BATCH = 12;
/** One built graph of this many is validated against the shapes on its own (the validator is most of the run time). */
const SHACL_EVERY = 4;
/** Graphs larger than this (the huge lines) are not validated one by one: the validator takes seconds on them. */
const SHACL_MAX_QUADS = 20_000;
const MB = 1024 * 1024;

/**
 * An absolute IRI as RFC 3987 allows it: a scheme, then no spaces, no control characters, none of
 * `<>"{}|\^` and the backtick, no unpaired surrogates.
 */
const STRICT_IRI = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[^\u0000-\u0020<>"{}|\\^`\u007f-\u009f\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])+$/;

const DEFAULT_GRAPH = { termType: 'DefaultGraph', value: '' } as RDF.DefaultGraph;
const nquad = (q: RDF.Quad) => `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)} ${termKey(q.graph)}`;

/** What a failed read must look like: a UserError, one line, naming the file. */
function assertUserError(error: unknown, file: string, where: string): void {
  if (!(error instanceof UserError)) throw new Error(`${where}: not a UserError: ${error instanceof Error ? error.stack : String(error)}`);
  assert.doesNotMatch(error.message, /[\n\r\u2028\u2029]/, `${where}: the message is one line: ${JSON.stringify(error.message)}`);
  assert.ok(error.message.includes(file), `${where}: the message names the file ${JSON.stringify(file)}: ${error.message}`);
}

/** Serializes the quads as Turtle and TriG, parses both back and checks that exactly the same quads come back. */
async function assertRoundTrip(quads: RDF.Quad[], where: string): Promise<{ turtle: string; trig: string }> {
  const turtle = await serializeQuads(quads, 'turtle');
  const trig = await serializeQuads(quads, 'trig');
  const backTtl = new Parser({ format: 'text/turtle' }).parse(turtle).map(nquad).sort();
  const backTrig = new Parser({ format: 'application/trig' }).parse(trig).map(nquad).sort();
  // What must come back, computed independently of the writer: the distinct triples, and the distinct quads.
  const wantTtl = [...new Set(quads.map((q) => nquad({ ...q, graph: DEFAULT_GRAPH } as RDF.Quad)))].sort();
  const wantTrig = [...new Set(quads.map(nquad))].sort();
  assert.equal(backTtl.length, wantTtl.length, `${where}: the Turtle parses back to as many triples`);
  assert.ok(backTtl.every((q, i) => q === wantTtl[i]), `${where}: the Turtle parses back to the same triples`);
  assert.equal(backTrig.length, wantTrig.length, `${where}: the TriG parses back to as many quads`);
  assert.ok(backTrig.every((q, i) => q === wantTrig[i]), `${where}: the TriG parses back to the same quads`);
  return { turtle, trig };
}

function mintedIris(quads: RDF.Quad[], into: Set<string>): void {
  for (const q of quads) for (const t of [q.subject, q.predicate, q.object, q.graph]) if (t.termType === 'NamedNode') into.add(t.value);
}

/** Extracts one input as the build does; undefined when it is (rightly) refused. */
function read(input: FuzzInput, where: string): ArticleExtraction | undefined {
  try {
    const meta = input.sidecar === undefined ? {} : parseSourceSidecar(input.sidecar, `${input.file.replace(/\.txt$/, '')}.source`);
    return extractArticle(input.file, input.bytes, meta);
  } catch (error) {
    assertUserError(error, input.sidecar === undefined ? input.file : input.file.replace(/\.txt$/, ''), where);
    return undefined;
  }
}

const memory = () => process.memoryUsage();
// A full garbage collection, so that heap figures measure what is kept, not what is not yet collected.
v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const mb = (n: number) => Math.round(n / MB);

describe('fuzzing extraction, graph building and serialization', function () {
  this.timeout(BUDGET_MS + 120_000);
  const iris = new Set<string>();
  const built: Array<{ input: FuzzInput; x: ArticleExtraction }> = [];

  it(`${COUNT} generated inputs (seed ${SEED}, at most ${BUDGET_MS / 1000} s): UserErrors only, exact round trips, valid IRIs, bounded time`, async () => {
    const rng = new Rng(SEED);
    const before = memory();
    const started = Date.now();
    let refused = 0;
    let slowest = { ms: 0, i: -1, kind: '' };
    let batch: ArticleExtraction[] = [];
    let validated = 0;
    let conforming = 0;
    /** Shapes validation of the last articles together: what holds for each must hold for their merge (one name per actor ...). */
    const validate = async () => {
      if (!batch.length) return;
      const report = await validateShapes(buildDataset(batch));
      assert.ok(report.conforms, `seed ${SEED}: the merge of ${batch.map((x) => x.article.file).join(', ')} does not conform:\n${formatReport(report)}`);
      validated++;
      batch = [];
    };
    let i = 0;
    for (; i < COUNT && Date.now() - started < BUDGET_MS; i++) {
      const input = generate(rng, i);
      const where = `seed ${SEED}, input ${i} (${input.kind}, ${JSON.stringify(input.file)})`;
      const t0 = performance.now();
      const x = read(input, where);
      const readMs = performance.now() - t0;
      assert.ok(readMs < readLimitMs(input.bytes.length), `${where}: reading took ${Math.round(readMs)} ms for ${input.bytes.length} bytes (at most ${Math.round(readLimitMs(input.bytes.length))})`);
      if (x) {
        const t1 = performance.now();
        const quads = buildDataset([x]);
        mintedIris(quads, iris);
        await assertRoundTrip(quads, where);
        const writeMs = performance.now() - t1;
        assert.ok(writeMs < writeLimitMs(quads.length), `${where}: building and serializing ${quads.length} quads took ${Math.round(writeMs)} ms (at most ${Math.round(writeLimitMs(quads.length))})`);
        if (quads.length < SHACL_MAX_QUADS && (i - refused) % SHACL_EVERY === 0) {
          const report = await validateShapes(quads);
          assert.ok(report.conforms, `${where}: the graph does not conform:\n${formatReport(report)}`);
          conforming++;
        }
        if (built.length < 150) built.push({ input, x });
        if (batch.length < SHACL_BATCH && input.bytes.length < 20_000) batch.push(x);
      } else refused++;
      const ms = performance.now() - t0;
      if (ms > slowest.ms) slowest = { ms, i, kind: input.kind };
      if (i % 100 === 99) {
        await validate();
        gc(); // keeps the peak memory of this test down on a shared machine
      }
    }
    await validate();
    const after = memory();
    gc();
    const retained = memory();
    console.log(`      ${i} inputs in ${((Date.now() - started) / 1000).toFixed(1)} s: ${i - refused} built (${conforming} validated against the shapes), ${refused} refused with a UserError, ${validated} merges of ${SHACL_BATCH} validated; slowest ${Math.round(slowest.ms)} ms (input ${slowest.i}, ${slowest.kind}); ${iris.size} distinct IRIs; rss ${mb(before.rss)} -> ${mb(after.rss)} MB, heap ${mb(before.heapUsed)} -> ${mb(after.heapUsed)} MB (${mb(retained.heapUsed)} MB after GC)`);
    assert.ok(i >= MIN_COUNT, `only ${i} inputs within ${BUDGET_MS} ms`);
    assert.ok(refused > i / 10 && refused < i * 0.9, `both built and refused inputs are generated (${refused} of ${i} refused)`);
    assert.ok(after.rss < 2500 * MB, `rss stays bounded: ${mb(after.rss)} MB`);
    assert.ok(retained.heapUsed - before.heapUsed < 300 * MB, `nothing accumulates: the heap after GC grew by ${mb(retained.heapUsed - before.heapUsed)} MB`);
  });

  it('every minted IRI is a valid absolute IRI, by a strict regex and by N3 in N-Triples', () => {
    assert.ok(iris.size > 1000, `many IRIs were minted (${iris.size})`);
    const bad = [...iris].filter((iri) => !STRICT_IRI.test(iri));
    assert.deepEqual(bad, []);
    const doc = [...iris].map((iri) => `<${iri}> <http://example.org/p> <${iri}> .\n`).join('');
    assert.equal(new Parser({ format: 'application/n-triples' }).parse(doc).length, iris.size);
    // The check can fail: N3 refuses what the regex refuses.
    assert.throws(() => new Parser({ format: 'application/n-triples' }).parse('<http://example.org/a b> <http://example.org/p> "x" .\n'));
    assert.ok(!STRICT_IRI.test('https://w3id.org/diplograph/id/person/"x"') && !STRICT_IRI.test('relative/iri'));
  });

  it('a sample of the outputs is valid for Jena RIOT, literals and IRIs included', async function () {
    if (!jenaAvailable()) {
      console.log('      skipped: Apache Jena is not installed (apt-get install libapache-jena-java openjdk-17-jre-headless)');
      this.skip();
    }
    assert.ok(built.length >= 50, `a sample to check (${built.length})`);
    const dir = mkdtempSync(join(tmpdir(), 'diplograph-fuzz-riot-'));
    try {
      const quads = buildDataset(built.slice(0, 150).map((b) => b.x));
      writeFileSync(join(dir, 'sample.ttl'), await serializeQuads(quads, 'turtle'));
      writeFileSync(join(dir, 'sample.trig'), await serializeQuads(quads, 'trig'));
      const r = jena('riotcmd.riot', ['--validate', join(dir, 'sample.ttl'), join(dir, 'sample.trig')]);
      // U+FFFD is a character like any other (the inputs carry it, and cut surrogate pairs become it); Jena
      // only remarks on it, with a warning that also makes the exit code 1. Anything else is a failure.
      const lines = r.stderr.split('\n');
      const complaints = lines.filter((l) => /WARN|ERROR/.test(l) && !/Unicode replacement character U\+FFFD in string/.test(l));
      assert.deepEqual(complaints, []);
      const remarks = lines.filter((l) => /WARN/.test(l)).length;
      assert.ok(r.code === 0 || (r.code === 1 && remarks > 0), `riot exits with ${r.code}: ${r.stderr}`);
      assert.match(r.stderr, /File: .*sample\.trig/, 'riot read both files');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it(`a 10 MB article is refused at once (over ${MAX_ARTICLE_BYTES / MB} MB); one just under the limit builds in bounded time and memory`, async () => {
    const rng = new Rng(SEED + 1);
    gc();
    const m0 = memory();
    const huge = largeArticle(rng, 10 * MB);
    let t = performance.now();
    assert.throws(() => extractArticle('huge.txt', huge), (e: unknown) => {
      assertUserError(e, 'huge.txt', 'the 10 MB article');
      return /too large for one article/.test((e as Error).message);
    });
    assert.ok(performance.now() - t < 1000, 'refused without reading it through');
    const big = largeArticle(rng, MAX_ARTICLE_BYTES - 64 * 1024);
    t = performance.now();
    const x = extractArticle('big.txt', big);
    const quads = buildDataset([x]);
    await assertRoundTrip(quads, 'the 1 MB article');
    const ms = performance.now() - t;
    const m1 = memory();
    gc();
    const m2 = memory();
    console.log(`      ${mb(big.length * 10) / 10} MB article: ${x.sentences.length} sentences, ${quads.length} quads in ${(ms / 1000).toFixed(1)} s; rss ${mb(m0.rss)} -> ${mb(m1.rss)} MB, heap ${mb(m0.heapUsed)} -> ${mb(m1.heapUsed)} MB (${mb(m2.heapUsed)} MB after GC, with the article's quads still held)`);
    assert.ok(x.sentences.length > 3000 && quads.length > 50_000, 'the big article is read through');
    assert.ok(ms < 30_000, `under 30 s (took ${Math.round(ms)} ms)`);
    assert.ok(m1.rss < 2500 * MB, `rss bounded: ${mb(m1.rss)} MB`);
    assert.ok(m2.heapUsed - m0.heapUsed < 800 * MB, `the heap holds the article's graph and little else: +${mb(m2.heapUsed - m0.heapUsed)} MB`);
  });

  it('folders of hostile articles through the real build: --on-error fail names every bad file, skip builds the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'diplograph-fuzz-dir-'));
    try {
      const rng = new Rng(SEED + 2);
      const expectBad: string[] = [];
      const names = ['a b.txt', 'a-b.txt', 'Việt Nam.txt', 'Viet Nam.txt', '北京.txt', '東京.txt', '.txt', 'a\\b.txt', 'b.txt', `"q" <x> {y}.txt`, '..txt'];
      for (let i = 0; i < 40; i++) {
        const input = generate(rng, i);
        const file = i < names.length ? names[i] : input.file;
        writeFileSync(join(dir, file), input.bytes);
        if (!read({ ...input, file, sidecar: undefined }, `folder input ${i}`)) expectBad.push(join(dir, file));
      }
      assert.ok(expectBad.length >= 2, 'some articles are bad');
      const failed = await buildGraph(dir).then(() => undefined, (e: unknown) => e);
      assert.ok(failed instanceof UserError, 'the build fails with a UserError');
      for (const f of expectBad) assert.ok(failed.message.includes(`  ${f}: `), `the message names ${f}:\n${failed.message}`);
      assert.equal(failed.message.split('\n').length, expectBad.length + 1, 'a header and one line per bad file');
      const r = await buildGraph(dir, undefined, { onError: 'skip' });
      assert.deepEqual(r.skipped.map((s) => s.file), [...expectBad].sort());
      assert.equal(r.extractions.length, 40 - expectBad.length);
      const articles = new Set(r.quads.filter((q) => q.predicate.value === 'http://purl.org/dc/terms/identifier').map((q) => q.subject.value));
      assert.equal(articles.size, r.extractions.length, 'every article has an IRI of its own, however its name folds');
      const back = new Parser({ format: 'application/trig' }).parse(r.trig);
      assert.equal(new Set(back.map(nquad)).size, canonicalQuads(r.quads, true).length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
