import { existsSync } from 'node:fs';

/** The Chromium the e2e tests drive (`scripts/ensure-chromium.sh` puts one in place). */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((file): file is string => !!file && existsSync(file));
  if (!found)
    throw new Error(
      'No Chromium found: run `bash scripts/ensure-chromium.sh` or set CHROMIUM_PATH.',
    );
  return found;
}
