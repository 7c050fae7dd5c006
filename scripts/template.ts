import { writeTemplate } from '../src/modules/dataset/workbook-template';

/**
 * `npm run template -- FILE.xlsx`: the empty dataset workbook: a sheet per section and per list
 * inside a record, column names in row 1, what each holds in row 2, drop-down lists for codes.
 */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file || !file.toLowerCase().endsWith('.xlsx') || process.argv.length > 3) {
    console.error('usage: npm run template -- FILE.xlsx');
    process.exit(2);
  }
  await writeTemplate(file);
  console.log(`Wrote ${file}: fill in the sheets from row 3, then \`npm run import -- ${file}\`.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
