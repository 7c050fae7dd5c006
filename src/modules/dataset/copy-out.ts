import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';

/**
 * Rows out of PostgreSQL by `COPY (query) TO STDOUT`, parsed as they stream, without a string
 * or an object per row: each row is handed over in one reused array of numbers. Fit for
 * result sets of millions of rows of whole numbers (ids, levels, day numbers): every column
 * must be an integer or null (`NaN` here); a text column is refused.
 */
export async function copyNumbers(
  connection: PoolClient,
  query: string,
  width: number,
  onRow: (row: Float64Array) => void,
): Promise<number> {
  const row = new Float64Array(width);
  let field = 0;
  let value = 0;
  let negative = false;
  let isNull = false;
  let rows = 0;
  const stream = connection.query(copyTo(`copy (${query}) to stdout`));
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte >= 48 && byte <= 57) value = value * 10 + (byte - 48);
      else if (byte === 9 || byte === 10) {
        row[field] = isNull ? NaN : negative ? -value : value;
        value = 0;
        negative = false;
        isNull = false;
        if (byte === 9) field++;
        else {
          if (field !== width - 1)
            throw new Error(`copyNumbers: a row of ${field + 1} columns, not ${width}`);
          field = 0;
          rows++;
          onRow(row);
        }
      } else if (byte === 45) negative = true;
      else if (byte === 92)
        isNull = true; // "\N"
      else if (byte !== 78)
        throw new Error(`copyNumbers: column ${field + 1} is not a whole number`);
    }
  }
  return rows;
}
