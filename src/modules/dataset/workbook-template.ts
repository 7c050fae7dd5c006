import ExcelJS from 'exceljs';
import { SHEETS } from './workbook-sheets';

/** Writes the empty workbook: headers, notes, drop-down lists for codes, frozen headers. */
export async function writeTemplate(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'competency-graph';
  const lists = workbook.addWorksheet('lists', { state: 'hidden' });
  const listRanges = new Map<string, string>();
  let listColumn = 1;
  const rangeOf = (list: readonly string[]) => {
    const key = list.join('\u0000');
    let range = listRanges.get(key);
    if (!range) {
      const letter = lists.getColumn(listColumn).letter;
      list.forEach((value, i) => (lists.getCell(i + 1, listColumn).value = value));
      range = `lists!$${letter}$1:$${letter}$${list.length}`;
      listRanges.set(key, range);
      listColumn++;
    }
    return range;
  };
  for (const spec of SHEETS) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 2 }] });
    sheet.addRow(spec.columns.map((c) => c.name)).font = { bold: true };
    sheet.addRow(spec.columns.map((c) => `${c.required ? 'Required. ' : ''}${c.note}`)).font = {
      italic: true,
      color: { argb: 'FF666666' },
    };
    spec.columns.forEach((column, i) => {
      const letter = sheet.getColumn(i + 1).letter;
      sheet.getColumn(i + 1).width = Math.max(14, column.name.length + 2);
      // NIPs and codes are text: Excel would round an 18-digit number.
      if (column.kind === 'text' || column.kind === 'code' || column.kind === 'codes')
        sheet.getColumn(i + 1).numFmt = '@';
      if (column.kind === 'date') sheet.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
      if (column.list)
        // A range rule (exceljs types only the per-cell one).
        (sheet as unknown as RangeValidations).dataValidations.add(`${letter}3:${letter}10000`, {
          type: 'list',
          allowBlank: !column.required,
          formulae: [rangeOf(column.list)],
          showErrorMessage: true,
          errorTitle: column.name,
          error: `Choose one of the list (${column.note}).`,
        });
    });
  }
  await workbook.xlsx.writeFile(file);
}

type RangeValidations = {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
};
