// Builds only what changed since the last build (`npm start`, `npm test`): the server (tsc) when
// its sources, migrations, TypeScript settings or the lockfile changed; the console (codegen and
// vite) when web/, the published schema or the lockfile changed. What each build was made from
// is kept beside it (`dist/.inputs`, `web/dist/.inputs`) as a hash of those files' contents.
// `node scripts/build-changed.mjs [server] [web]` (both by default).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

const PARTS = {
  server: {
    inputs: ['src', 'migrations', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
    stamp: 'dist/.inputs',
    build: [['npx', ['tsc', '-p', 'tsconfig.build.json']]],
  },
  web: {
    // The generated types (web/src/gql) follow from the rest: not an input of their own.
    inputs: ['web', 'schema.graphql', 'package-lock.json'],
    skip: ['web/dist', 'web/src/gql', 'web/node_modules'],
    stamp: 'web/dist/.inputs',
    build: [['npm', ['run', '--silent', 'web:build']]],
  },
};

/** Every file under `entries`, in a stable order, but those under `skip`. */
function filesOf(entries, skip = []) {
  const files = [];
  const walk = (relative) => {
    if (skip.includes(relative)) return;
    const full = path.join(root, relative);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) walk(path.join(relative, name));
    } else files.push(relative);
  };
  for (const entry of entries) walk(entry);
  return files;
}

/** A hash of the files' names and contents. */
function hashOf(files) {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file).update('\0');
    hash.update(readFileSync(path.join(root, file))).update('\0');
  }
  return hash.digest('hex');
}

const wanted = process.argv.slice(2).filter((name) => name in PARTS);
for (const name of wanted.length > 0 ? wanted : Object.keys(PARTS)) {
  const part = PARTS[name];
  const inputs = hashOf(filesOf(part.inputs, part.skip));
  const stamp = path.join(root, part.stamp);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === inputs) {
    console.log(`${name}: unchanged since its last build`);
    continue;
  }
  const started = Date.now();
  for (const [command, args] of part.build)
    execFileSync(command, args, { cwd: root, stdio: 'inherit' });
  // Hashed again: the build itself may not change an input (else the next start builds again).
  writeFileSync(stamp, `${hashOf(filesOf(part.inputs, part.skip))}\n`);
  console.log(`${name}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
