import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { FAVICON_LINK } from './favicon';

/** Files of the in-browser explorer, served from installed packages: no CDN, works offline. */
export const EXPLORER_ASSETS: Record<string, { file: string; type: string }> = {
  '/explorer/react.js': { file: 'react/umd/react.production.min.js', type: 'text/javascript' },
  '/explorer/react-dom.js': {
    file: 'react-dom/umd/react-dom.production.min.js',
    type: 'text/javascript',
  },
  '/explorer/graphiql.js': { file: 'graphiql/graphiql.min.js', type: 'text/javascript' },
  '/explorer/graphiql.css': { file: 'graphiql/graphiql.min.css', type: 'text/css' },
};

const EXAMPLES: { title: string; query: string; variables?: string }[] = [
  {
    title: 'Positions',
    query: `# Positions of the demo province, with the competencies each requires
query Positions {
  positions(first: 10, filter: { categories: [ADMINISTRATOR, PENGAWAS] }) {
    totalCount
    nodes {
      code
      name
      categoryName
      orgUnit { code name }
      requirements { competency { code name } level weight critical }
      conditions { minRank { code name } minEducation { code } requiredCourses { code } }
    }
    pageInfo { hasNextPage endCursor }
  }
}`,
  },
  {
    title: 'Employee',
    query: `# One employee, by NIP: current levels (with staleness) and training this year
query Employee($nip: String!) {
  employee(nip: $nip) {
    name
    rank { code name }
    education { code }
    orgUnit { name agency { name } }
    position { code name }
    competencies { competency { code name } level assessedOn stale }
    trainingHours { hours target met }
    performance { year rating }
  }
}`,
    variables: '{ "nip": "" }',
  },
  {
    title: 'Courses',
    query: `# Courses that develop a competency, with prerequisites
query Courses {
  competency(code: "M.04") {
    name
    levels { level description }
    developedBy { toLevel minLevel course { code name hours cost prerequisites { code } } }
  }
}`,
  },
];

/** A file inside an installed package, found from the package's main entry (exports maps hide UMD files). */
function resolveAsset(file: string): string {
  const [name, ...rest] = file.split('/');
  let dir = path.dirname(createRequire(__filename).resolve(name));
  while (!existsSync(path.join(dir, 'package.json')) || path.basename(dir) !== name) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Package ${name} not found`);
    dir = parent;
  }
  return path.join(dir, ...rest);
}

/** Reads an explorer asset; undefined when the path is not one. */
export function explorerAsset(urlPath: string): { body: Buffer; type: string } | undefined {
  const asset = EXPLORER_ASSETS[urlPath];
  if (!asset) return undefined;
  return { body: readFileSync(resolveAsset(asset.file)), type: asset.type };
}

/** The explorer page: GraphiQL with example queries in tabs (and, in demo mode, a token in the headers). */
export function explorerPage(exampleNip?: string, token?: string): string {
  const tabs = EXAMPLES.map((e) => ({
    query: e.query,
    variables:
      e.variables && exampleNip
        ? e.variables.replace('""', JSON.stringify(exampleNip))
        : e.variables,
  }));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>competency-graph explorer</title>
${FAVICON_LINK}
<link rel="stylesheet" href="/explorer/graphiql.css">
<style>body{margin:0;height:100vh}#explorer{height:100vh}</style>
</head>
<body>
<div id="explorer">Loading the explorer…</div>
<script src="/explorer/react.js"></script>
<script src="/explorer/react-dom.js"></script>
<script src="/explorer/graphiql.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  const root = ReactDOM.createRoot(document.getElementById('explorer'));
  root.render(React.createElement(GraphiQL, {
    fetcher,
    defaultEditorToolsVisibility: true,
    defaultHeaders: ${JSON.stringify(token ? JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2) : '').replace(/</g, '\\u003c')},
    defaultTabs: ${JSON.stringify(tabs).replace(/</g, '\\u003c')},
  }));
</script>
</body>
</html>`;
}
