import { writeProvinceFile } from '../src/demo/province.file';
import { progressText } from '../src/modules/dataset/document-file';

/**
 * `npm run generate -- --employees N [--seed S] [--today YYYY-MM-DD] [--out FILE]`: writes a
 * province of N employees as a dataset document (API.md), the same bytes for the same options.
 * Records are written one per line, so a large file streams out and diffs well.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const employees = Number(option('employees'));
  const seed = Number(option('seed') ?? 1);
  const today = option('today') ?? new Date().toISOString().slice(0, 10);
  const out = option('out') ?? `province-${employees}-${seed}.json`;
  const problems = [
    ...(Number.isInteger(employees) && employees >= 1 && employees <= 5_000_000
      ? []
      : ['--employees must be a whole number from 1 to 5,000,000']),
    ...(Number.isInteger(seed) ? [] : ['--seed must be a whole number']),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(today) ? [] : ['--today must be a date YYYY-MM-DD']),
  ];
  if (problems.length > 0) {
    console.error(
      `${problems.join('\n')}\nusage: npm run generate -- --employees N [--seed S] [--today YYYY-MM-DD] [--out FILE]`,
    );
    process.exit(2);
  }
  const started = Date.now();
  console.error(`Generating ${employees} employees (seed ${seed}, as of ${today})…`);
  // Written as made, one employee at a time: a national province is never held whole.
  let shownAt = 0;
  const counts = await writeProvinceFile({ employees, seed, today }, out, (done, total) => {
    if (Date.now() - shownAt < 2000 && done < total) return;
    shownAt = Date.now();
    console.error(`  employees: ${progressText(done, total, started)}`);
  });
  for (const [section, count] of Object.entries(counts)) console.error(`  ${section}: ${count}`);
  console.error(`Wrote ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

void main();
