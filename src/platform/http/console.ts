import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The committee console's built files (web/dist), read once and served from memory. */
export interface ConsoleFiles {
  /** The page, or undefined when the console has not been built. */
  page(): string | undefined;
  /** A hashed asset under /assets/, or undefined. */
  asset(urlPath: string): { body: Buffer; type: string } | undefined;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

/** Asset names are what the build writes: one path segment of plain characters, no `..`. */
const ASSET_PATH = /^\/assets\/[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.(js|css|svg|woff2|png)$/;

export function consoleFiles(directory: string): ConsoleFiles {
  const cache = new Map<string, { body: Buffer; type: string }>();
  let page: string | undefined;
  return {
    page() {
      const file = path.join(directory, 'index.html');
      page ??= existsSync(file) ? readFileSync(file, 'utf8') : undefined;
      return page;
    },
    asset(urlPath) {
      const match = ASSET_PATH.exec(urlPath);
      if (!match) return undefined;
      // Only files that exist are kept: names probed for nothing must not grow the cache.
      let found = cache.get(urlPath);
      const file = path.join(directory, urlPath);
      if (!found && existsSync(file)) {
        found = {
          body: readFileSync(file),
          type: TYPES[`.${match[1]}`] ?? 'application/octet-stream',
        };
        cache.set(urlPath, found);
      }
      return found;
    },
  };
}

/** The project's root: the nearest folder above this file with a package.json. */
export function projectRoot(from: string = __dirname): string {
  let directory = from;
  while (!existsSync(path.join(directory, 'package.json'))) {
    const parent = path.dirname(directory);
    if (parent === directory) return from;
    directory = parent;
  }
  return directory;
}

/** Where the console's build goes (see web/vite.config.mts). */
export function defaultConsoleDir(): string {
  return path.join(projectRoot(), 'web', 'dist');
}
