/** Categories whose positions are key positions for succession planning. */
export const KEY_CATEGORIES: readonly string[] = [
  'JPT_UTAMA',
  'JPT_MADYA',
  'JPT_PRATAMA',
  'ADMINISTRATOR',
  'PENGAWAS',
];
