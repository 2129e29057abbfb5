import ExcelJS from 'exceljs';

export interface TableExport {
  title: string;
  subtitle?: string | undefined;
  columns: string[];
  rows: Array<Array<string | number | null>>;
  /** The secrecy marking printed in red above the table, when the content is classified. */
  marking?: string | undefined;
}

/**
 * A table as a formatted workbook: title, Vietnamese headers, a frozen header row, number formats with thousands
 * grouping (Excel shows them with the reader's locale separators), and column widths that fit the content.
 */
export async function tableToXlsx(table: TableExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'giaoban';
  const sheet = workbook.addWorksheet('Bảng', { properties: { defaultRowHeight: 18 } });
  let rowIndex = 1;
  if (table.marking) {
    const cell = sheet.getCell(rowIndex, 1);
    cell.value = table.marking;
    cell.font = { bold: true, color: { argb: 'FFFF0000' }, size: 13 };
    rowIndex++;
  }
  const title = sheet.getCell(rowIndex, 1);
  title.value = table.title;
  title.font = { bold: true, size: 14 };
  rowIndex++;
  if (table.subtitle) {
    sheet.getCell(rowIndex, 1).value = table.subtitle;
    sheet.getCell(rowIndex, 1).font = { italic: true };
    rowIndex++;
  }
  rowIndex++;
  const headerRow = sheet.getRow(rowIndex);
  table.columns.forEach((name, i) => {
    const cell = headerRow.getCell(i + 1);
    cell.value = name;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  sheet.views = [{ state: 'frozen', ySplit: rowIndex }];
  for (const values of table.rows) {
    const row = sheet.getRow(++rowIndex);
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      cell.value = value;
      if (typeof value === 'number') cell.numFmt = Number.isInteger(value) ? '#,##0' : '#,##0.0##';
    });
  }
  table.columns.forEach((name, i) => {
    const longest = Math.max(name.length, ...table.rows.map((r) => String(r[i] ?? '').length));
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(10, longest + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
