/**
 * Corrections that last (src/graph/corrections.ts, `diplograph correct`): an analyst records a merge,
 * a removal, an addition and a relabelling once, by name, and every later build applies them with who,
 * when and why in the graph; a correction that no longer matches anything is reported with its line
 * (an error with --strict); one that would break the shapes is refused; bad input is one clear line.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from 'n3';
import { readGraphFile } from '../src/graph/load.js';
import { parseCorrections } from '../src/graph/corrections.js';
import { projectRoot } from '../src/ontology-files.js';
import { select } from '../src/query/engine.js';
import { RDFLIB_DATASET, rdflib, rdflibAvailable, requireTool } from './support/external-tools.js';

const BIN = join(projectRoot(), 'bin', 'diplograph.js');
const ID = 'https://w3id.org/diplograph/id/';
const PREFIX = 'PREFIX dg: <https://w3id.org/diplograph/ontology#> PREFIX owl: <http://www.w3.org/2002/07/owl#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX prov: <http://www.w3.org/ns/prov#>\n';

const P1 = `Vietnam and France agree to deepen defence ties

Hanoi, March 15, 2019 - Minister of National Defence General Ngo Xuan Lich held talks with French Minister of the Armed Forces Florence Parly in Hanoi on March 14, 2019.

The two ministers discussed peacekeeping and maritime security cooperation.
`;
/** The minister's name misspelt: a second person node, until a merge. */
const P2 = (name: string) => `Defence minister receives Australian ambassador

Hanoi, May 6, 2019 - Minister of National Defence General ${name} received Australian Ambassador Craig Chittick in Hanoi on May 5, 2019.

They discussed cooperation in peacekeeping.
`;

describe('corrections', function () {
  this.timeout(180000);
  let dir: string;
  const path = (name: string) => join(dir, name);
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const build = (...extra: string[]) => cli('build', '--in', path('docs'), '--out', path('graph.ttl'), '--corrections', path('corrections.ttl'), ...extra);
  const correct = (...args: string[]) => cli('correct', ...args, '--file', path('corrections.ttl'), '--graph', path('graph.trig'));
  const ask = async (q: string) => (await select(PREFIX + q, new Store(readGraphFile(path('graph.trig'))))).rows;
  /** A user error: a non-zero exit, one line on stderr that matches, no stack trace. */
  const userError = (r: ReturnType<typeof cli>, pattern: RegExp, code?: number) => {
    assert.notEqual(r.code, 0, r.stdout);
    if (code !== undefined) assert.equal(r.code, code, r.stderr);
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /^\s+at /m);
    assert.match(r.stderr, pattern);
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'diplograph-corrections-'));
    spawnSync('mkdir', [path('docs')]);
    writeFileSync(path('docs/p1.txt'), P1);
    writeFileSync(path('docs/p2.txt'), P2('Ngo Xuan Lick'));
    const r = build();
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /applied/, 'no corrections file: nothing said');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('records a merge, a removal, an addition and a relabelling by name, each with who, when and why', () => {
    const steps = [
      ['merge', 'Ngo Xuan Lich', 'ngo xuan lick', '--why', 'Two spellings of one minister', '--by', 'Analyst One'],
      ['remove', 'meeting/p1-1', 'dg:discusses', 'Maritime Security', '--why', 'Only the article title says so', '--by', 'Analyst One'],
      ['add', 'meeting/p2-1', 'discusses', 'training', '--why', 'The ambassador\'s press release says "training"', '--by', 'Analyst Two'],
      ['relabel', 'Craig Chittick', 'Craig Chittick AO', '--why', 'Name with his honour, as the embassy writes it', '--by', 'Analyst Two'],
    ];
    steps.forEach((args, i) => {
      const r = correct(...args);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, new RegExp(`^recorded correction/${i + 1} \\(${args[0]}\\)`));
    });
    const list = parseCorrections(readFileSync(path('corrections.ttl'), 'utf8'), 'corrections.ttl');
    assert.deepEqual(list.map((c) => c.action), ['merge', 'remove', 'add', 'relabel']);
    assert.equal(list[0].node!.value, `${ID}person/ngo-xuan-lich`);
    assert.equal(list[0].duplicate!.value, `${ID}person/ngo-xuan-lick`);
    assert.equal(list[1].fact!.object.value, `${ID}area/maritime-security`);
    assert.equal(list[2].by.value, `${ID}analyst/analyst-two`);
    assert.equal(list[3].label!.value, 'Craig Chittick AO');
    assert.equal(list[1].why, 'Only the article title says so');
    const text = readFileSync(path('corrections.ttl'), 'utf8').split('\n');
    assert.equal(text[list[2].line - 1], '<correction/3> a dg:Correction ;');
    const shown = cli('correct', 'list', '--file', path('corrections.ttl'));
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(shown.stdout, /^<correction\/1>\tline \d+\tmerge\t<person\/ngo-xuan-lick> into <person\/ngo-xuan-lich>\tby <analyst\/analyst-one>\t\S+\tTwo spellings/m);
  });

  it('applies them in the next build, with their provenance in the corrections graph', async () => {
    const r = build();
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^applied 4 corrections of /m);
    assert.match(r.stdout, /2 meetings/);
    assert.match(r.stdout, /3 persons/, 'the two spellings are one person');
    // merge: the meeting of p2 has the minister; the misspelling is his other name and owl:sameAs him
    const lich = `<${ID}person/ngo-xuan-lich>`;
    assert.equal((await ask(`SELECT * WHERE { <${ID}meeting/p2-1> dg:participant ${lich} }`)).length, 1);
    assert.equal((await ask(`SELECT * WHERE { ?s ?p <${ID}person/ngo-xuan-lick> }`)).length, 1 + 1, 'only the correction (dg:duplicate) and the statement of the owl:sameAs (rdf:subject) name it');
    assert.deepEqual((await ask(`SELECT ?p WHERE { <${ID}person/ngo-xuan-lick> ?p ?o }`)).map((x) => x.p.value), ['http://www.w3.org/2002/07/owl#sameAs']);
    assert.deepEqual((await ask(`SELECT ?s WHERE { <${ID}person/ngo-xuan-lick> owl:sameAs ?s }`)).map((x) => x.s.value), [`${ID}person/ngo-xuan-lich`]);
    assert.deepEqual((await ask(`SELECT ?l WHERE { ${lich} rdfs:label ?l FILTER(lang(?l) = "en") }`)).map((x) => x.l.value), ['Ngo Xuan Lich']);
    assert.ok((await ask(`SELECT ?l WHERE { ${lich} skos:altLabel ?l }`)).some((x) => x.l.value === 'Ngo Xuan Lick'));
    // remove: the fact and the statements that recorded it are gone
    assert.equal((await ask(`SELECT * WHERE { <${ID}meeting/p1-1> dg:discusses <${ID}area/maritime-security> }`)).length, 0);
    assert.equal((await ask(`SELECT * WHERE { ?st rdf:subject <${ID}meeting/p1-1> ; rdf:object <${ID}area/maritime-security> }`)).length, 0);
    // add: the fact, in the corrections graph, derived from the correction, with who, when and why
    const added = await ask(`SELECT ?who ?when ?why WHERE { GRAPH <${ID}graph/corrections> {
      <${ID}meeting/p2-1> dg:discusses <${ID}area/training> .
      ?st rdf:subject <${ID}meeting/p2-1> ; rdf:predicate dg:discusses ; rdf:object <${ID}area/training> ; prov:wasDerivedFrom ?c .
      ?c a dg:Correction ; dg:action dg:Add ; prov:wasAttributedTo/rdfs:label ?who ; prov:generatedAtTime ?when ; rdfs:comment ?why } }`);
    assert.equal(added.length, 1);
    assert.equal(added[0].who.value, 'Analyst Two');
    assert.match(added[0].why.value, /press release says "training"/);
    // relabel: the new name, the old one kept as another name
    const chittick = `<${ID}person/craig-chittick>`;
    assert.deepEqual((await ask(`SELECT ?l WHERE { ${chittick} rdfs:label ?l }`)).map((x) => x.l.value), ['Craig Chittick AO']);
    assert.ok((await ask(`SELECT ?l WHERE { ${chittick} skos:altLabel ?l }`)).some((x) => x.l.value === 'Craig Chittick'));
    // the relabelled person is found by the new name
    assert.equal((await ask(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${ID}graph/corrections> { ?c a dg:Correction } }`))[0].n.value, '4');
  });

  it('reads the same in rdflib: the duplicate only as owl:sameAs, four corrections with who, when and why', function () {
    requireTool(this, rdflibAvailable(), 'rdflib', 'apt-get install python3-rdflib (for /usr/bin/python3)');
    const script = [
      ...RDFLIB_DATASET,
      `P = ${JSON.stringify(PREFIX)}`,
      `dup = list(d.query(P + "SELECT ?p WHERE { { ?s ?p <${ID}person/ngo-xuan-lick> } UNION { <${ID}person/ngo-xuan-lick> ?p ?o } }"))`,
      `c = list(d.query(P + "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { GRAPH <${ID}graph/corrections> { ?c a dg:Correction ; prov:wasAttributedTo ?who ; prov:generatedAtTime ?when ; rdfs:comment ?why } }"))`,
      'print(sorted(set(str(r[0]) for r in dup)), int(c[0][0]))',
    ].join('\n');
    const r = rdflib(script, [path('graph.trig')]);
    assert.equal(r.code, 0, r.stderr);
    // as subject: owl:sameAs only; as object: the correction's dg:duplicate and the rdf:subject of the sameAs statement
    assert.equal(r.stdout.trim(), "['http://www.w3.org/1999/02/22-rdf-syntax-ns#subject', 'http://www.w3.org/2002/07/owl#sameAs', 'https://w3id.org/diplograph/ontology#duplicate'] 4");
  });

  it('survives a rebuild: the same bytes again', () => {
    const before = readFileSync(path('graph.trig'), 'utf8');
    const r = build();
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(path('graph.trig'), 'utf8'), before);
  });

  it('reports a correction that no longer applies, with its line, and applies the others; --strict fails and writes nothing', async () => {
    writeFileSync(path('docs/p2.txt'), P2('Ngo Xuan Lich')); // the article is fixed: nothing to merge any more
    const line = readFileSync(path('corrections.ttl'), 'utf8').split('\n').indexOf('<correction/1> a dg:Correction ;') + 1;
    const strict = build('--strict');
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, new RegExp(`corrections\\.ttl: line ${line}: correction/1 \\(merge\\) no longer applies: the duplicate <${ID}person/ngo-xuan-lick> is in no fact`));
    assert.match(strict.stderr, /nothing was written/);
    assert.equal((await ask(`SELECT * WHERE { <${ID}person/ngo-xuan-lick> owl:sameAs ?x }`)).length, 1, 'the graph of the last build is still there');
    const r = build();
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, `diplograph: warning: ${path('corrections.ttl')}: line ${line}: correction/1 (merge) no longer applies: the duplicate <${ID}person/ngo-xuan-lick> is in no fact of the graph (already one node, or named otherwise now); not applied\n`);
    assert.match(r.stdout, /^applied 3 corrections of .*; 1 no longer applies \(see above\)$/m);
    assert.equal((await ask(`SELECT * WHERE { <${ID}person/ngo-xuan-lick> ?p ?o }`)).length, 0);
    assert.equal((await ask(`SELECT * WHERE { GRAPH <${ID}graph/corrections> { <${ID}correction/1> ?p ?o } }`)).length, 0, 'a correction not applied is not in the graph');
    assert.equal((await ask(`SELECT * WHERE { <${ID}meeting/p2-1> dg:discusses <${ID}area/training> }`)).length, 1);
  });

  it('refuses a correction that would break the shapes, by the command and in a build', () => {
    const file = readFileSync(path('corrections.ttl'), 'utf8');
    const r = correct('add', 'meeting/p1-1', 'dg:date', '2018', '--why', 'a second date');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^diplograph: correct add: refused: the graph would not conform to ontology\/shapes\.ttl; nothing was recorded:\n.*meeting\/p1-1> does not conform to "Meeting" at dg:date/);
    assert.equal(readFileSync(path('corrections.ttl'), 'utf8'), file, 'the file is as it was');
    // Written by hand, it fails the build, which names it and writes nothing.
    appendFileSync(path('corrections.ttl'), `
<correction/9> a dg:Correction ; dg:action dg:Add ;
  dg:factSubject <meeting/p1-1> ; dg:factPredicate dg:date ; dg:factObject "2018"^^xsd:gYear ;
  rdfs:comment "by hand"@en ; prov:wasAttributedTo <analyst/analyst-one> ; prov:generatedAtTime "2026-01-02T03:04:05Z"^^xsd:dateTime .
`);
    const graph = readFileSync(path('graph.trig'), 'utf8');
    const b = build();
    assert.equal(b.code, 1);
    assert.match(b.stderr, /does not conform to ontology\/shapes\.ttl because of the correction correction\/9 \(line \d+, add\) of .*corrections\.ttl \(fix or remove it\); nothing was written/);
    assert.equal(readFileSync(path('graph.trig'), 'utf8'), graph);
    writeFileSync(path('corrections.ttl'), file);
  });

  it('names the file and the line of a correction written wrong, and writes nothing', () => {
    const file = readFileSync(path('corrections.ttl'), 'utf8');
    const graph = readFileSync(path('graph.trig'), 'utf8');
    const lines = file.split('\n').length;
    appendFileSync(path('corrections.ttl'), '\n<correction/7> a dg:Correction ; dg:action dg:Relabel ;\n  dg:node <person/craig-chittick> ; dg:newLabel "Craig"@en ;\n  prov:wasAttributedTo <analyst/x> ; prov:generatedAtTime "2026-01-02T03:04:05Z"^^xsd:dateTime .\n');
    userError(build(), new RegExp(`corrections\\.ttl: line ${lines + 1}: correction <${ID}correction/7>: no reason \\(rdfs:comment\\)`));
    writeFileSync(path('corrections.ttl'), `${file}\n<correction/8> a dg:Correction ; dg:action dg:Frobnicate .\n`);
    userError(build(), /line \d+: correction <.*correction\/8>: unknown action dg:Frobnicate \(use dg:Merge, dg:Remove, dg:Add or dg:Relabel\)/);
    writeFileSync(path('corrections.ttl'), `${file}\n<correction/8> a dg:Correction ; dg:action dg:Add\n`);
    userError(build(), new RegExp(`corrections\\.ttl: line ${lines + 2}: malformed RDF`));
    assert.equal(readFileSync(path('graph.trig'), 'utf8'), graph);
    writeFileSync(path('corrections.ttl'), file);
  });

  it('answers bad input to `correct` with one clear line and a non-zero exit, and records nothing', () => {
    const file = readFileSync(path('corrections.ttl'), 'utf8');
    userError(correct('merge', 'Ngo Xuan Lihc', 'Florence Parly', '--why', 'x'), /^diplograph: correct merge: KEEP: no node in the graph is named "Ngo Xuan Lihc"; did you mean person\/ngo-xuan-lich/);
    userError(correct('merge', 'Ngo Xuan Lich', 'Florence Parly'), /^diplograph: correct merge: --why is required/, 2);
    userError(correct('merj', 'a', 'b', '--why', 'x'), /^diplograph: correct: unknown action "merj" \(did you mean "merge"\?\)/, 2);
    userError(correct('relabel', 'Florence Parly', '--why', 'x'), /^diplograph: correct relabel: 2 arguments expected, 1 given/, 2);
    userError(correct('add', 'Florence Parly', 'dg:nationalty', 'France', '--why', 'x'), /^diplograph: correct add: PREDICATE "dg:nationalty" is no property of the graph \(did you mean "dg:nationality"\?\)/, 2);
    userError(correct('add', 'Florence Parly', 'a', 'dg:Persn', '--why', 'x'), /OBJECT "dg:Persn" is no class of the ontology \(did you mean "dg:Person"\?\)/, 2);
    userError(correct('remove', 'Florence Parly', 'dg:nationality', 'Germany', '--why', 'x'), /^diplograph: correct remove: (OBJECT: no node in the graph is named "Germany"|nothing to correct: the graph has no such fact)/);
    userError(correct('relabel', 'Florence Parly', 'Florence Parly', '--why', 'x'), /nothing to correct: <.*florence-parly> is named "Florence Parly"@en already; nothing was recorded/);
    userError(cli('correct', 'list', '--file', path('docs')), /docs: /);
    assert.equal(readFileSync(path('corrections.ttl'), 'utf8'), file);
    assert.ok(!existsSync(path('graph-none.trig')));
    userError(cli('correct', 'relabel', 'x', 'y', '--why', 'z', '--file', path('c2.ttl'), '--graph', path('graph-none.trig')), /graph-none\.trig: no such graph file/);
    assert.ok(!existsSync(path('c2.ttl')));
  });
});
