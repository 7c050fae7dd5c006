/**
 * The floors of the house, top to bottom: app → demo → modules → records → engine → platform →
 * shared → domain. A file imports from its own floor or the floors below; no two folders import
 * each other; the domain imports nothing but itself. `npm run check` runs this
 * (`npm run boundaries`); docs/architecture.md draws it.
 */
const FLOORS = ['app', 'demo', 'modules', 'records', 'engine', 'platform', 'shared', 'domain'];

/** One rule per floor: nothing below it reaches up to it or above. */
const noUpwardArrows = FLOORS.slice(1).map((floor, i) => ({
  name: `${floor}-imports-only-below`,
  comment: `src/${floor} may not import from ${FLOORS.slice(0, i + 1).join(', ')}.`,
  severity: 'error',
  from: { path: `^src/${floor}/` },
  to: { path: `^src/(${FLOORS.slice(0, i + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    ...noUpwardArrows,
    {
      name: 'domain-is-pure',
      comment: 'src/domain holds the rules: plain data in, plain data out, no library and no I/O.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/domain/' },
    },
    {
      name: 'no-folder-cycles',
      comment: 'Two folders that import each other are one folder in two places.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-file-cycles',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'features-do-not-import-the-dataset',
      comment: 'Features write through src/records; the dataset import and export sit on top.',
      severity: 'error',
      from: { path: '^src/modules/', pathNot: '^src/modules/dataset/' },
      to: { path: '^src/modules/dataset/' },
    },
    {
      name: 'ranking-through-its-facade',
      comment:
        'Outside the engine, the ranking is reached through src/engine/ranking/index.ts (ctx.ranking, rankingOf), not its index, columns or scans.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/engine/' },
      to: { path: '^src/engine/ranking/', pathNot: '^src/engine/ranking/index\\.ts$' },
    },
    {
      name: 'only-src',
      comment: 'The server does not import tests, scripts or the console.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|scripts|web)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '^(node_modules|dist|web/dist)' },
  },
};
