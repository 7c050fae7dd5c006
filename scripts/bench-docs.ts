import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { benchBlock, replaceBenchBlock, type BenchReport } from './bench-report';

/** The Performance page, whose blocks `npm run bench -- --write-docs` replaces. */
export const PERFORMANCE_PAGE = path.resolve('docs', 'performance.md');

/** Refuses, before a run of minutes, a size the page has no block for. */
export async function checkPerformancePage(employees: number): Promise<void> {
  replaceBenchBlock(await readFile(PERFORMANCE_PAGE, 'utf8'), employees, '');
}

/** The run's tables in the page, in the place of the last ones for that size, as Prettier formats docs. */
export async function writePerformancePage(report: BenchReport): Promise<string> {
  const page = replaceBenchBlock(
    await readFile(PERFORMANCE_PAGE, 'utf8'),
    report.options.employees,
    benchBlock(report),
  );
  const options = (await resolveConfig(PERFORMANCE_PAGE)) ?? {};
  await writeFile(PERFORMANCE_PAGE, await format(page, { ...options, filepath: PERFORMANCE_PAGE }));
  return path.relative(process.cwd(), PERFORMANCE_PAGE);
}

/**
 * The code measured: `git rev-parse --short HEAD`, marked when files it tracks (outside docs/,
 * which a run itself may have written) had changes not yet committed.
 */
export function measuredCommit(): { commit: string; uncommittedChanges: boolean } {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
  try {
    return {
      commit: git('rev-parse', '--short', 'HEAD'),
      uncommittedChanges:
        git('status', '--porcelain', '--untracked-files=no', '--', '.', ':!docs') !== '',
    };
  } catch {
    return { commit: 'unknown', uncommittedChanges: false };
  }
}
