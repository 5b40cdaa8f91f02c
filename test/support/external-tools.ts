/**
 * Independent semantic-web tools the tests check our output with: Apache Jena (Debian's
 * libapache-jena-java, run with the classpath fix its packaging needs) and rdflib (Debian's
 * python3-rdflib, under /usr/bin/python3). A test that needs a missing tool is skipped with a visible
 * reason locally, and fails under CI=true, where .ci/run installs the tools.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const JARS = '/usr/share/java';
const PYTHON = '/usr/bin/python3';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Skips the test (locally) or fails it (under CI=true) when a tool is missing. */
export function requireTool(ctx: Mocha.Context, available: boolean, tool: string, install: string): void {
  if (available) return;
  const reason = `${tool} is not installed (${install})`;
  if (process.env.CI === 'true') throw new Error(`CI=true but ${reason}`);
  console.log(`      skipped: ${reason}`);
  ctx.skip();
}

export const jenaAvailable = (): boolean => existsSync(join(JARS, 'jena-core.jar')) && spawnSync('java', ['-version']).status === 0;

export const rdflibAvailable = (): boolean => existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import rdflib']).status === 0;

/** OpenLink Virtuoso 7's server (Debian's virtuoso-opensource), for test/support/virtuoso.ts. */
export const virtuosoAvailable = (): boolean => existsSync('/usr/bin/virtuoso-t') && spawnSync('/usr/bin/virtuoso-t', ['-?']).error === undefined;

export const sparqlWrapperAvailable = (): boolean => existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import rdflib, SPARQLWrapper']).status === 0;

let classpath: string | undefined;

/**
 * The classpath of Debian's Jena jars. Debian's jena-core relocated Xerces but not its message
 * bundles; copies of them are put on the classpath too.
 */
export function jenaClasspath(): string {
  if (classpath) return classpath;
  const fix = join(tmpdir(), 'diplograph-jena-fix');
  if (!existsSync(join(fix, 'xerces/impl/xpath/regex/message.properties'))) {
    mkdirSync(fix, { recursive: true });
    const script = [
      'import sys, zipfile, os',
      `z = zipfile.ZipFile("${join(JARS, 'jena-core.jar')}")`,
      'for n in z.namelist():',
      '    for sub in ("impl/msg/", "impl/xpath/regex/"):',
      '        pre = "org/apache/jena/ext/xerces/" + sub',
      '        if n.startswith(pre) and n.endswith(".properties") and "/" not in n[len(pre):]:',
      `            out = os.path.join("${fix}", "xerces", sub, n[len(pre):])`,
      '            os.makedirs(os.path.dirname(out), exist_ok=True)',
      '            open(out, "wb").write(z.read(n))',
    ].join('\n');
    const r = spawnSync(PYTHON, ['-c', script], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`cannot prepare the Jena classpath fix: ${r.stderr}`);
  }
  const jars = ['jena-arq', 'jena-base', 'jena-cmds', 'jena-core', 'jena-dboe-base', 'jena-dboe-storage', 'jena-iri', 'jena-shacl',
    'commons-compress', 'commons-io', 'commons-lang3', 'commons-codec', 'dexx.collection', 'guava', 'jackson-core', 'jackson-databind',
    'jackson-annotations', 'jsonld-java', 'httpclient', 'httpcore', 'httpclient-cache', 'thrift', 'slf4j-api', 'slf4j-simple'];
  classpath = [...jars.map((j) => join(JARS, `${j}.jar`)), fix].join(':');
  return classpath;
}

/** Jena is there and so is a JDK's javac, to compile test/support/jena/StoredQueries.java. */
export const javacAvailable = (): boolean => jenaAvailable() && spawnSync('javac', ['-version']).status === 0;

/**
 * Compiles a Java source file against the Jena jars into a fresh temporary folder and returns the
 * folder, to be given to jena() as `extraClasspath`.
 */
export function compileWithJena(source: string): string {
  const out = mkdtempSync(join(tmpdir(), 'diplograph-javac-'));
  // -sourcepath: the classes it uses from beside it (BenchQueries uses StoredQueries) are compiled too
  const r = spawnSync('javac', ['-nowarn', '-cp', jenaClasspath(), '-sourcepath', dirname(source), '-d', out, source], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`javac ${source} failed: ${r.stderr}`);
  return out;
}

/**
 * Runs a Jena command-line class (riotcmd.riot, arq.sparql, shacl.shacl, jena.rdfcompare), or a class
 * of ours compiled by compileWithJena() in `extraClasspath`.
 */
export function jena(cls: string, args: string[], extraClasspath?: string): RunResult {
  const cp = extraClasspath ? `${extraClasspath}:${jenaClasspath()}` : jenaClasspath();
  const r = spawnSync('java', ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xss8m', '-cp', cp, cls, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The first lines of an rdflib script that reads the TriG file sys.argv[1] as `d`, a Dataset whose default graph is the union of its graphs. */
export const RDFLIB_DATASET = [
  'import sys, warnings',
  '# rdflib 6.1 on Python 3.11 warns about its own use of importlib.metadata when it loads its SPARQL plugin',
  'warnings.filterwarnings("ignore", category=DeprecationWarning)',
  'from rdflib import Dataset',
  'd = Dataset(default_union=True)',
  'd.parse(sys.argv[1], format="trig")',
];

/** Runs a Python script with Debian's rdflib; the script gets `args` as sys.argv[1:]. */
export function rdflib(script: string, args: string[]): RunResult {
  const dir = join(tmpdir(), 'diplograph-rdflib');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `s${process.pid}.py`);
  writeFileSync(file, script);
  const r = spawnSync(PYTHON, ['-W', 'error', file, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Like rdflib(), without blocking the event loop: for clients of a server running in this process. */
export function rdflibAsync(script: string, args: string[]): Promise<RunResult> {
  const dir = join(tmpdir(), 'diplograph-rdflib');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `a${process.pid}-${Date.now()}.py`);
  writeFileSync(file, script);
  return new Promise((resolve) => {
    const child = spawn(PYTHON, [file, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
