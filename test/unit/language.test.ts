import { describe, expect, it } from 'vitest';
import { Language, parseAcceptLanguage, preferredLanguage } from '../../src/domain/language';

describe('Accept-Language', () => {
  it('orders ranges by q-value, then as written', () => {
    expect(parseAcceptLanguage('en;q=0.5, id-ID, fr;q=0.8, de;q=0.8')).toEqual([
      { tag: 'id-id', quality: 1 },
      { tag: 'fr', quality: 0.8 },
      { tag: 'de', quality: 0.8 },
      { tag: 'en', quality: 0.5 },
    ]);
  });

  it('leaves out ranges marked not acceptable, malformed q-values and malformed tags', () => {
    expect(parseAcceptLanguage('id;q=0, en;q=2, fr;q=abc, de;q=0.3, 12!x, ;q=1')).toEqual([
      { tag: 'de', quality: 0.3 },
    ]);
  });

  it('reads nothing from an empty or missing header', () => {
    expect(parseAcceptLanguage('')).toEqual([]);
    expect(parseAcceptLanguage(undefined)).toEqual([]);
  });

  it.each([
    [undefined, Language.ID],
    ['', Language.ID],
    ['en', Language.EN],
    ['en-GB,en;q=0.9', Language.EN],
    ['EN-us', Language.EN],
    ['id-ID,id;q=0.9,en;q=0.8', Language.ID],
    ['in', Language.ID],
    ['fr-FR, en;q=0.7, id;q=0.6', Language.EN],
    ['id;q=0.4, en;q=0.6', Language.EN],
    ['en;q=0, id;q=0.1', Language.ID],
    ['en;q=0', Language.ID],
    ['fr, de', Language.ID],
    ['*', Language.ID],
    ['*;q=0.9, en;q=0.1', Language.ID],
    ['garbage;;;', Language.ID],
  ])('prefers, for %j, %s', (header, language) => {
    expect(preferredLanguage(header)).toBe(language);
  });
});
