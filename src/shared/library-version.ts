import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The version of an installed package, read from its package.json, found upwards from its main
 * entry (an exports map may hide the file). `from`: a package it is a dependency of, for one
 * this project does not depend on itself (`pg-protocol`, through `pg`).
 */
export function installedVersion(name: string, from?: string): string {
  const resolve = createRequire(
    from ? path.join(packageDir(from, createRequire(__filename)), 'package.json') : __filename,
  );
  const file = path.join(packageDir(name, resolve), 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

function packageDir(name: string, resolve: NodeJS.Require): string {
  let dir = path.dirname(resolve.resolve(name));
  while (!isPackage(dir, name)) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`The package ${name} is not installed.`);
    dir = parent;
  }
  return dir;
}

const isPackage = (dir: string, name: string) => {
  const file = path.join(dir, 'package.json');
  return (
    existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === name
  );
};

/** Fast paths already told they may not run, by name (each is warned about once). */
const refused = new Set<string>();

/**
 * Whether a fast path that reaches into a library's private parts may run: only on the exact
 * versions it was written and measured for (`{ package: version }`). On any other, Node prints
 * a warning naming the fast path and the versions (once per process), and the caller takes the
 * library's documented path instead. `installed` is for the tests.
 */
export function writtenFor(
  fastPath: string,
  versions: Readonly<Record<string, string>>,
  installed: (name: string) => string = (name) => installedVersion(name),
): boolean {
  const differing = Object.entries(versions)
    .map(([name, version]) => ({ name, version, found: installed(name) }))
    .filter((v) => v.found !== v.version);
  if (differing.length === 0) return true;
  if (!refused.has(fastPath)) {
    refused.add(fastPath);
    const found = differing.map((d) => `${d.name} ${d.found}, not ${d.version}`).join('; ');
    process.emitWarning(
      `${fastPath} is off: it reaches into private parts of a library and was written for other versions (${found}). The library's documented path runs instead; measure it again before moving the fast path on.`,
      { code: 'FAST_PATH_OFF' },
    );
  }
  return false;
}
