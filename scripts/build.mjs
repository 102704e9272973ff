// Bundles the extension client, the language server and the command-line checker with esbuild. The document
// writers (the Word layout with `docx`, the ledger workbook with `exceljs`) are bundles of their own, which the
// server and the checker load on first use: they are most of the code, and every start would compile them.
import * as esbuild from 'esbuild';
import * as path from 'path';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

/** Each writer's module, and the bundle it becomes (beside the others in dist/). */
const writers = {
  'server/src/core/layout/docx.ts': 'docx.js',
  'server/src/cli/xlsx.ts': 'xlsx.js',
};

/** Imports of a writer's module become `require('./<bundle>')` of its own bundle. */
const writersApart = {
  name: 'writers-apart',
  setup(build) {
    build.onResolve({ filter: /(?:^|\/)(?:docx|xlsx)$/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const source = path.relative(process.cwd(), path.resolve(args.resolveDir, `${args.path}.ts`));
      const bundle = writers[source.split(path.sep).join('/')];
      return bundle ? { path: `./${bundle}`, external: true } : undefined;
    });
  },
};

await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/client.js',
    external: ['vscode'],
  }),
  esbuild.build({
    ...common,
    entryPoints: ['server/src/node/server.ts'],
    outfile: 'dist/server.js',
    plugins: [writersApart],
  }),
  esbuild.build({
    ...common,
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    plugins: [writersApart],
    // tinyglobby's ESM build (picked for `import`) reads import.meta.url, which a CommonJS bundle lacks.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  }),
  ...Object.entries(writers).map(([entry, bundle]) =>
    esbuild.build({ ...common, entryPoints: [entry], outfile: `dist/${bundle}` }),
  ),
]);
