// The entry of the engine bundle that `npm run build` writes to dist/vendor/comunica.cjs (esbuild, through
// src/query/bundle-comunica.mjs, which also applies the project's patches to Comunica: docs/comunica-patches.md):
// Comunica's SPARQL engine and all it needs in one file, which Node loads in about 60% of the time it
// takes to resolve and read the ~600 modules one by one (src/query/engine.ts). `internals`: the few
// classes of Comunica's that the native query source (src/query/native-source.ts) builds its answers with,
// from the same copy of each package as the engine's.
// The engine class alone: the package's index also loads its QueryEngineFactory, and with it componentsjs.
module.exports = {
  QueryEngine: require('@comunica/query-sparql/lib/QueryEngine').QueryEngine,
  internals: {
    ActionContext: require('@comunica/core').ActionContext,
    BindingsFactory: require('@comunica/utils-bindings-factory').BindingsFactory,
    MetadataValidationState: require('@comunica/utils-metadata').MetadataValidationState,
    ArrayIterator: require('asynciterator').ArrayIterator,
    fromIterator: require('asynciterator').fromIterator,
    TransformIterator: require('asynciterator').TransformIterator,
  },
};
