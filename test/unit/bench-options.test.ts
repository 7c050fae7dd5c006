import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../scripts/bench-options';

describe('the bench command line', () => {
  it('has defaults for every option', () => {
    expect(parseOptions([])).toEqual({
      employees: 100_000,
      seed: 1,
      duration: 10,
      connections: 10,
      heapMb: undefined,
      peer: false,
      only: undefined,
      profile: false,
      processes: undefined,
      writeDocs: false,
    });
  });

  it('reads every option, in both spellings', () => {
    expect(
      parseOptions([
        '--employees',
        '1000000',
        '--peer',
        '--duration=5',
        '--only',
        'NIP',
        '--profile',
        '--processes',
        '2',
      ]),
    ).toMatchObject({
      employees: 1_000_000,
      peer: true,
      duration: 5,
      only: 'NIP',
      profile: true,
      processes: 2,
    });
  });

  it('writes the Performance page only when asked, for a whole run with the peers', () => {
    expect(parseOptions(['--peer', '--write-docs', '--employees', '4300000'])).toMatchObject({
      employees: 4_300_000,
      peer: true,
      writeDocs: true,
    });
  });

  it.each([
    [['--employes', '10'], /Unknown option '--employes'/],
    [['--peer=yes'], /does not take an argument/],
    [['--employees', '10k'], /--employees must be a positive whole number, got "10k"/],
    [['--duration', '0'], /--duration must be a positive whole number/],
    [['--connections', '2.5'], /--connections must be a positive whole number/],
    [['100000'], /Unexpected argument/],
    [['--processes', '0'], /--processes must be a positive whole number/],
    [['--write-docs'], /--write-docs writes a whole run beside the peers: it needs --peer/],
    [['--write-docs', '--peer', '--only', 'NIP'], /neither --only nor --processes/],
    [['--write-docs', '--peer', '--processes', '2'], /neither --only nor --processes/],
  ])('refuses %j, saying why and how to call it', (args, reason) => {
    expect(() => parseOptions(args)).toThrow(reason);
    expect(() => parseOptions(args)).toThrow(/usage: npm run bench/);
  });
});
