/** The languages the API labels its codes in: Indonesian (the default) and English. */
export enum Language {
  ID = 'ID',
  EN = 'EN',
}

/** The language a request prefers when it names none: Indonesian, the users' own. */
export const DEFAULT_LANGUAGE = Language.ID;

/** One range of an `Accept-Language` header with its weight (RFC 9110 §12.5.4). */
export interface LanguageRange {
  readonly tag: string;
  readonly quality: number;
}

/**
 * The ranges of an `Accept-Language` header, most preferred first (by q-value, then in the
 * order written). Tags are lower-cased; a range with q=0 ("not acceptable"), a malformed
 * q-value or a malformed tag is left out.
 */
export function parseAcceptLanguage(header: string | null | undefined): LanguageRange[] {
  if (!header) return [];
  const ranges: (LanguageRange & { index: number })[] = [];
  header.split(',').forEach((part, index) => {
    const [rawTag, ...parameters] = part.split(';').map((p) => p.trim());
    const tag = rawTag.toLowerCase();
    if (!/^(\*|[a-z]{1,8}(-[a-z0-9]{1,8})*)$/.test(tag)) return;
    let quality = 1;
    for (const parameter of parameters) {
      const match = /^q\s*=\s*(0(\.\d{0,3})?|1(\.0{0,3})?)$/i.exec(parameter);
      if (!match) {
        if (/^q\s*=/i.test(parameter)) quality = -1;
        continue;
      }
      quality = Number(match[1]);
    }
    if (quality > 0) ranges.push({ tag, quality, index });
  });
  return ranges
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map(({ tag, quality }) => ({ tag, quality }));
}

/** The API's language for a primary tag (`id`, `in` (the old code of Indonesian), `en`). */
const LANGUAGES_BY_TAG: Readonly<Record<string, Language>> = {
  id: Language.ID,
  in: Language.ID,
  en: Language.EN,
};

/**
 * The language a request prefers, from its `Accept-Language`: the first range (by weight) whose
 * primary tag is one the API speaks (`en-GB` → EN, `id-ID` → ID); `*` or nothing that matches
 * gives the default, Indonesian.
 */
export function preferredLanguage(header: string | null | undefined): Language {
  for (const { tag } of parseAcceptLanguage(header)) {
    const language = LANGUAGES_BY_TAG[tag.split('-')[0]];
    if (language) return language;
    if (tag === '*') return DEFAULT_LANGUAGE;
  }
  return DEFAULT_LANGUAGE;
}
