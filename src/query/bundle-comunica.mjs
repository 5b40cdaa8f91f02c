// `node src/query/bundle-comunica.mjs`: writes dist/vendor/comunica.cjs, the one-file bundle of Comunica
// (src/query/comunica-bundle.cjs), with the project's patches applied to Comunica's modules as esbuild
// reads them. Each patch names the module, the text it replaces and the text it puts in its place; a patch
// whose text is not found (Comunica changed) fails the build, so that no patch is silently lost.
// The patches and the upstream report: docs/comunica-patches.md.
import { build } from 'esbuild';
import { readFile, readdir, rm } from 'node:fs/promises';

/** A module's own exports, read from it only when first asked for (the module is then loaded). */
const lazyExport = (file, names) => ({
  find: `__exportStar(require("${file}"), exports);`,
  replace: names.map((n) => `Object.defineProperty(exports, "${n}", { enumerable: true, get: () => require("${file}").${n} });`).join('\n'),
});

/** A module required at the top of another, loaded only when first used. */
const lazyRequire = (variable, file, names) => ({
  find: `const ${variable} = require("${file}");`,
  replace: `const ${variable} = { ${names.map((n) => `get ${n}() { return require("${file}").${n}; }`).join(', ')} };`,
});

export const PATCHES = [
  {
    // prepareEvaluatorActionContext builds a new LRUCache({ max: 1000 }) (which allocates its arrays)
    // every time an expression evaluator is made: once per FILTER, BIND, ORDER BY or aggregate operation and
    // per bind-joined sub-operation, even when the context already has a provider. Build it once per process
    // and only when the context has none. The cache maps a datatype IRI to its super types, which never change.
    module: /@comunica[\\/]utils-expression-evaluator[\\/]lib[\\/]util[\\/]Context\.js$/,
    edits: [{
      find: `context = context.setDefault(context_entries_1.KeysExpressionEvaluator.superTypeProvider, {
        cache: new lru_cache_1.LRUCache({ max: 1_000 }),
        discoverer: () => 'term',
    });`,
      replace: `if (!context.has(context_entries_1.KeysExpressionEvaluator.superTypeProvider)) {
        sharedSuperTypeProvider ??= { cache: new lru_cache_1.LRUCache({ max: 1_000 }), discoverer: () => 'term' };
        context = context.set(context_entries_1.KeysExpressionEvaluator.superTypeProvider, sharedSuperTypeProvider);
    }`,
    }],
    append: '\nlet sharedSuperTypeProvider;\n',
  },
  {
    // Start-up: Comunica's own command line and HTTP server (yargs, componentsjs through @comunica/runner,
    // winston through its pretty logger) were loaded with the engine, which never uses them here. They stay
    // in the bundle, loaded when first used.
    module: /@comunica[\\/]actor-init-query[\\/]lib[\\/]index\.js$/,
    edits: [
      lazyExport('./HttpServiceSparqlEndpoint', ['HttpServiceSparqlEndpoint']),
      lazyExport('./cli/CliArgsHandlerBase', ['CliArgsHandlerBase']),
      lazyExport('./cli/CliArgsHandlerHttp', ['CliArgsHandlerHttp']),
      lazyExport('./cli/CliArgsHandlerQuery', ['CliArgsHandlerQuery']),
      lazyExport('./QueryEngineFactoryBase', ['QueryEngineFactoryBase']),
    ],
  },
  {
    module: /@comunica[\\/]actor-init-query[\\/]lib[\\/]ActorInitQuery\.js$/,
    edits: [
      { find: 'const yargs_1 = __importDefault(require("yargs"));', replace: 'const yargs_1 = { get default() { return __importDefault(require("yargs")).default; } };' },
      lazyRequire('CliArgsHandlerBase_1', './cli/CliArgsHandlerBase', ['CliArgsHandlerBase']),
      lazyRequire('CliArgsHandlerQuery_1', './cli/CliArgsHandlerQuery', ['CliArgsHandlerQuery']),
    ],
  },
  // Parsers and writers of formats that only documents fetched from the Web are in (SHACL compact syntax,
  // RDFa, microdata): loaded when such a document is read or written.
  {
    module: /@comunica[\\/]actor-rdf-serialize-shaclc[\\/]lib[\\/]ActorRdfSerializeShaclc\.js$/,
    edits: [lazyRequire('shaclc_write_1', 'shaclc-write', ['write'])],
  },
  {
    module: /@comunica[\\/]actor-rdf-parse-xml-rdfa[\\/]lib[\\/]ActorRdfParseXmlRdfa\.js$/,
    edits: [lazyRequire('rdfa_streaming_parser_1', 'rdfa-streaming-parser', ['RdfaParser'])],
  },
  {
    module: /@comunica[\\/]actor-rdf-parse-html-rdfa[\\/]lib[\\/]ActorRdfParseHtmlRdfa\.js$/,
    edits: [lazyRequire('rdfa_streaming_parser_1', 'rdfa-streaming-parser', ['RdfaParser'])],
  },
  {
    module: /@comunica[\\/]actor-rdf-parse-html-microdata[\\/]lib[\\/]ActorRdfParseHtmlMicrodata\.js$/,
    edits: [lazyRequire('microdata_rdf_streaming_parser_1', 'microdata-rdf-streaming-parser', ['MicrodataRdfParser'])],
  },
];

const patchPlugin = {
  name: 'diplograph-comunica-patches',
  setup(b) {
    for (const patch of PATCHES) {
      b.onLoad({ filter: patch.module }, async (args) => {
        let text = await readFile(args.path, 'utf8');
        for (const edit of patch.edits) {
          if (!text.includes(edit.find)) throw new Error(`comunica patch: the text to replace is not in ${args.path} (did Comunica change? see docs/comunica-patches.md)`);
          text = text.replace(edit.find, edit.replace);
        }
        return { contents: text + (patch.append ?? ''), loader: 'js' };
      });
    }
  },
};

await build({
  entryPoints: [new URL('./comunica-bundle.cjs', import.meta.url).pathname],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  outfile: new URL('../../dist/vendor/comunica.cjs', import.meta.url).pathname,
  plugins: [patchPlugin],
});

// The V8 code caches of the bundle just replaced (src/query/code-cache.ts) are of no use any more.
const vendor = new URL('../../dist/vendor/', import.meta.url);
for (const name of await readdir(vendor)) if (name.endsWith('.v8cache')) await rm(new URL(name, vendor), { force: true });
