import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../scripts/bench-options';
import {
  benchBlock,
  longDate,
  markdownTable,
  ms,
  rate,
  ratio,
  replaceBenchBlock,
  type BenchReport,
  type Figures,
  wrap,
} from '../../scripts/bench-report';

const peer = (requestsPerSecond: number, p50 = 5): Figures => ({
  sequentialP50: 4,
  p50,
  p95: 9,
  requestsPerSecond,
  errors: 0,
  cpuMsPerRequest: { server: 1.5, postgres: 0.5 },
});

/** The block's prose as one line per paragraph or list item (the wrapping undone). */
const unwrapped = (block: string) =>
  block.replace(/\n {2}/g, ' ').replace(/([^\n])\n(?=[^\n|-])/g, '$1 ');

function report(overrides: Partial<BenchReport> = {}): BenchReport {
  return {
    date: '2026-12-07T20:45:00.000Z',
    commit: 'abc1234',
    uncommittedChanges: false,
    machine: { cpus: 2, model: 'Test CPU @ 2.0GHz', memory: 8 * 2 ** 30, node: 'v20.19.0' },
    args: ['--peer', '--duration', '3', '--write-docs'],
    options: parseOptions(['--peer', '--duration', '3', '--write-docs']),
    peers: [
      { key: 'history', letter: 'A', description: 'PostGraphile over the history' },
      { key: 'table', letter: 'B', description: 'PostGraphile over a table' },
    ],
    bulkImportSeconds: null,
    indexLoad: 'Candidate index: 100000 employees in 1.3 s (17 MiB of columns)',
    readyAfterStartMs: 2_345,
    firstRankingAfterReady: 212.4,
    coldCandidatesMedian: 61.2,
    coldPositions: 39,
    serverPeakRss: 529 * 2 ** 20,
    results: [
      {
        operation: 'thin: { __typename }',
        sequentialP50: 0.8,
        p50: 1.2,
        p95: 2.5,
        requestsPerSecond: 6_000,
        errors: 0,
        sqlStatements: 0,
        baselineMedian: null,
        timesFaster: null,
        cpuMsPerRequest: { server: 0.15, postgres: null },
        peers: { history: peer(12_000), table: peer(11_500) },
      },
      {
        operation: 'candidates, first 50',
        sequentialP50: 8.1,
        p50: 30,
        p95: 45,
        requestsPerSecond: 260,
        errors: 0,
        sqlStatements: 3,
        baselineMedian: 2_047,
        timesFaster: 68.2,
        cpuMsPerRequest: { server: 4.1, postgres: 1.7 },
        peers: { history: { ...peer(0, NaN), errors: 10 } },
      },
    ],
    ...overrides,
  };
}

describe('the bench figures as the Performance page writes them', () => {
  it.each([
    [null, '–'],
    [NaN, 'timed out'],
    [0.84, '0.8'],
    [99.94, '99.9'],
    [100.4, '100'],
    [2047.3, '2,047'],
    [15010, '15,010'],
  ])('writes %s ms as %j', (n, text) => {
    expect(ms(n)).toBe(text);
  });

  it.each([
    [null, '–'],
    [NaN, '–'],
    [0.84, '0.8'],
    [9.96, '10.0'],
    [11141.4, '11,141'],
  ])('writes %s req/s as %j', (n, text) => {
    expect(rate(n)).toBe(text);
  });

  it('gives our throughput over the peer’s, and none when the peer answered nothing', () => {
    expect(ratio(5_308, peer(11_141))).toBe('0.48');
    expect(ratio(260, peer(0))).toBe('–');
    expect(ratio(260, undefined)).toBe('–');
  });

  it.each([
    ['short words stay on one line', 20, 'short words stay on\none line'],
    [
      '- a list item goes on indented under its text',
      16,
      '- a list item\n  goes on\n  indented under\n  its text',
    ],
    [
      'a word longer than the width is not split',
      5,
      'a\nword\nlonger\nthan\nthe\nwidth\nis\nnot\nsplit',
    ],
    [
      'no line starts as a list: 12. - + or # stay above',
      12,
      'no line\nstarts as a\nlist: 12. - +\nor # stay\nabove',
    ],
  ])('wraps %j at %i as the page’s prose is', (text, width, wrapped) => {
    expect(wrap(text, width)).toBe(wrapped);
  });

  it('writes dates in words, in UTC', () => {
    expect(longDate('2026-11-30T23:59:00.000Z')).toBe('30 November 2026');
    expect(longDate('2026-12-07T00:00:00.000Z')).toBe('7 December 2026');
  });

  it('aligns every column but the first to the right', () => {
    expect(
      markdownTable(
        ['a', 'b'],
        [
          ['x', '1'],
          ['y', '2'],
        ],
      ),
    ).toBe('| a | b |\n| --- | ---: |\n| x | 1 |\n| y | 2 |');
  });

  it('says when, on what code and machine, with which flags and how many employees', () => {
    const block = unwrapped(benchBlock(report()));
    expect(block).toContain(
      'Written by `npm run bench -- --peer --duration 3 --write-docs` on 7 December 2026, commit `abc1234`; 2 × Test CPU @ 2.0GHz, 8.0 GiB, Node v20.19.0. 100,000 employees, 10 connections, 3 s of load per operation.',
    );
    expect(unwrapped(benchBlock(report({ uncommittedChanges: true })))).toContain(
      'commit `abc1234` with uncommitted changes;',
    );
    const busy = report();
    busy.machine.loadAverage = 16.87;
    expect(unwrapped(benchBlock(busy))).toContain(
      'Node v20.19.0, 15-minute load average 16.9 at the end. 100,000 employees',
    );
  });

  it('puts both peers’ columns beside ours, with a dash where a peer has no such read', () => {
    const lines = benchBlock(report()).split('\n');
    expect(lines).toContain(
      '| operation | sequential p50 ms | p50 ms | p95 ms | req/s | SQL/req | A: sequential p50 ms | A: p50 ms | A: req/s | req/s ÷ A | B: sequential p50 ms | B: p50 ms | B: req/s | req/s ÷ B |',
    );
    expect(lines).toContain(
      '| thin: { __typename } | 0.8 | 1.2 | 2.5 | 6,000 | 0 | 4.0 | 5.0 | 12,000 | 0.50 | 4.0 | 5.0 | 11,500 | 0.52 |',
    );
    expect(lines).toContain(
      '| candidates, first 50 | 8.1 | 30.0 | 45.0 | 260 | 3 | 4.0 | timed out | 0.0 | – | – | – | – | – |',
    );
    expect(lines).toContain('| thin: { __typename } | 0.15 | – | 1.50 | 0.50 | 1.50 | 0.50 |');
  });

  it('reports the first ranking after /ready, the cold median, memory, baselines and failures', () => {
    const block = unwrapped(benchBlock(report()));
    expect(block).toContain(
      '- First ranking after `/ready`: 212 ms (the first candidates request, sent the moment the server was ready); the first ranking of each of 39 other positions, nothing cached: median 61.2 ms.',
    );
    expect(block).toContain('the server was ready 2.3 s after it started');
    expect(block).toContain('- Server peak RSS: 529 MiB.');
    expect(block).toContain(
      'one query at a time in the same run (median): candidates, first 50 2,047 ms (ours 8.1 ms).',
    );
    expect(block).toContain('candidates, first 50: A 10.');
    expect(block).not.toContain('Bulk import');
  });

  it('wraps its prose at 100 characters, as the page’s own', () => {
    const prose = benchBlock(report())
      .split('\n')
      .filter((line) => !line.startsWith('|'));
    expect(prose.filter((line) => line.length > 100)).toEqual([]);
  });

  it('leaves the peers out of a run without them', () => {
    const block = benchBlock(report({ peers: [] }));
    expect(block).not.toContain('req/s ÷');
    expect(block.split('\n')).toContain('| thin: { __typename } | 0.8 | 1.2 | 2.5 | 6,000 | 0 |');
  });
});

describe('the Performance page’s blocks', () => {
  const page = [
    '# Performance',
    '### 100,000 employees',
    '<!-- bench:100000 -->',
    'old figures',
    '<!-- /bench:100000 -->',
    'Prose that stays.',
    '### 1,000,000 employees',
    '<!-- bench:1000000 -->',
    'the million',
    '<!-- /bench:1000000 -->',
    '',
  ].join('\n');

  it('replaces the block of that size only, keeping the markers and the prose', () => {
    const next = replaceBenchBlock(page, 100_000, 'new figures\n');
    expect(next).toBe(
      page.replace('<!-- bench:100000 -->\nold figures', '<!-- bench:100000 -->\n\nnew figures\n'),
    );
    expect(next).toContain('the million');
    expect(next).toContain('Prose that stays.');
  });

  it('replaces rather than appends: a second run leaves the page as the first did', () => {
    const once = replaceBenchBlock(page, 1_000_000, 'a run');
    expect(replaceBenchBlock(once, 1_000_000, 'a run')).toBe(once);
    expect(once.split('a run').length).toBe(2);
    expect(once).not.toContain('the million');
  });

  it('refuses a size the page has no block for, naming the markers to add', () => {
    expect(() => replaceBenchBlock(page, 4_300_000, 'x')).toThrow(
      'The Performance page has no block for 4,300,000 employees: add <!-- bench:4300000 --> and <!-- /bench:4300000 --> where it belongs.',
    );
  });

  it('refuses a page with two blocks for one size', () => {
    expect(() => replaceBenchBlock(`${page}${page}`, 100_000, 'x')).toThrow(/two blocks/);
  });
});
