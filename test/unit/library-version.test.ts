import { afterEach, describe, expect, it, vi } from 'vitest';
import { installedVersion, writtenFor } from '../../src/shared/library-version';

/**
 * A fast path into a library's private parts runs only on the exact versions it was written
 * for; on any other the library's own path runs, and Node warns once, naming what differs.
 */
afterEach(() => vi.restoreAllMocks());

describe('installedVersion', () => {
  it('reads the version of a package, and of a dependency through the package that has it', () => {
    expect(installedVersion('pg')).toMatch(/^\d+\.\d+\.\d+/);
    // type-graphql's exports map hides its package.json; it is found all the same.
    expect(installedVersion('type-graphql')).toMatch(/^\d+\.\d+\.\d+/);
    expect(installedVersion('pg-protocol', 'pg')).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('names a package that is not installed', () => {
    expect(() => installedVersion('no-such-package-here')).toThrow(/no-such-package-here/);
  });
});

describe('writtenFor', () => {
  const installed: Record<string, string> = { lib: '2.0.0-rc.4', driver: '8.23.1' };
  it.each([
    ['the same versions', { lib: '2.0.0-rc.4', driver: '8.23.1' }, true, null],
    ['one package of the same version', { lib: '2.0.0-rc.4' }, true, null],
    ['a newer release', { lib: '2.0.0-rc.3' }, false, 'lib 2.0.0-rc.4, not 2.0.0-rc.3'],
    ['a patch release', { driver: '8.23.0' }, false, 'driver 8.23.1, not 8.23.0'],
    [
      'two that differ',
      { lib: '2.0.0', driver: '8.24.0' },
      false,
      'lib 2.0.0-rc.4, not 2.0.0; driver 8.23.1, not 8.24.0',
    ],
  ])('with %s: %s', (_name, versions, runs, named) => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const fastPath = `a fast path (${_name})`;
    expect(writtenFor(fastPath, versions, (name) => installed[name])).toBe(runs);
    if (named === null) expect(warn).not.toHaveBeenCalled();
    else {
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0][0])).toContain(fastPath);
      expect(String(warn.mock.calls[0][0])).toContain(named);
      // Asked again (another schema, another copy), it stays off without a second warning.
      expect(writtenFor(fastPath, versions, (name) => installed[name])).toBe(false);
      expect(warn).toHaveBeenCalledTimes(1);
    }
  });
});
