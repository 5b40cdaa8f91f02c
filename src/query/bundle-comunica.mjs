// `node src/query/bundle-comunica.mjs`: writes dist/vendor/comunica.cjs, the one-file bundle of Comunica
// (src/query/comunica-bundle.cjs), with the project's patches applied to Comunica's modules as esbuild
// reads them. Each patch names the module, the text it replaces and the text it puts in its place; a patch
// whose text is not found (Comunica changed) fails the build, so that no patch is silently lost.
// The patches and the upstream report: docs/comunica-patches.md.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';

export const PATCHES = [
  {
    // prepareEvaluatorActionContext builds a new LRUCache({ max: 1000 }) (which allocates its arrays)
    // every time an expression evaluator is made: once per FILTER, BIND, ORDER BY or aggregate operation and
    // per bind-joined sub-operation, even when the context already has a provider. Build it once per process
    // and only when the context has none. The cache maps a datatype IRI to its super types, which never change.
    module: /@comunica[\\/]utils-expression-evaluator[\\/]lib[\\/]util[\\/]Context\.js$/,
    find: `context = context.setDefault(context_entries_1.KeysExpressionEvaluator.superTypeProvider, {
        cache: new lru_cache_1.LRUCache({ max: 1_000 }),
        discoverer: () => 'term',
    });`,
    replace: `if (!context.has(context_entries_1.KeysExpressionEvaluator.superTypeProvider)) {
        sharedSuperTypeProvider ??= { cache: new lru_cache_1.LRUCache({ max: 1_000 }), discoverer: () => 'term' };
        context = context.set(context_entries_1.KeysExpressionEvaluator.superTypeProvider, sharedSuperTypeProvider);
    }`,
    append: '\nlet sharedSuperTypeProvider;\n',
  },
];

const patchPlugin = {
  name: 'diplograph-comunica-patches',
  setup(b) {
    for (const patch of PATCHES) {
      b.onLoad({ filter: patch.module }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        if (!text.includes(patch.find)) throw new Error(`comunica patch: the text to replace is not in ${args.path} (did Comunica change? see docs/comunica-patches.md)`);
        return { contents: text.replace(patch.find, patch.replace) + (patch.append ?? ''), loader: 'js' };
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
