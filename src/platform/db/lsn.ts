/**
 * A PostgreSQL write-ahead log position (`pg_lsn`, written `16/B374D848`), as a number that
 * compares: the high and low 32-bit halves of the 64-bit byte position.
 */
export type Lsn = bigint;

const LSN_TEXT = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i;

/** The position written as PostgreSQL writes it, or null when the text is not one. */
export function parseLsn(text: string | null | undefined): Lsn | null {
  const match = text ? LSN_TEXT.exec(text.trim()) : null;
  if (!match) return null;
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

/** The position as PostgreSQL writes it. */
export function formatLsn(lsn: Lsn): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}
