import { isEnumType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appSchema } from '../../src/app/schema';
import { labelOf } from '../../src/domain/labels';
import { startTestApp, tokenFor, type TestApp } from '../support/harness';

/**
 * Labels of codes: the root `labels` for every enum the built schema has (whoever added it),
 * `Rank.label` and `EducationLevel.label`, the language chosen by the argument or else by
 * `Accept-Language`; and `name` beside the deprecated `title`.
 */
let app: TestApp;
let unitCode: string;

beforeAll(async () => {
  app = await startTestApp('demo');
  unitCode = (await app.ok<any>(`{ orgUnits(first: 1) { nodes { code } } }`)).orgUnits.nodes[0]
    .code;
}, 120_000);
afterAll(() => app?.close());

/** A GraphQL operation as ADMIN with an `Accept-Language` header (or none). */
async function withLanguage(query: string, acceptLanguage?: string) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${tokenFor('ADMIN')}`,
      ...(acceptLanguage ? { 'accept-language': acceptLanguage } : {}),
    },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[]; extensions?: any };
}

type Label = { enum: string; value: string; label: string };

describe('labels', () => {
  it.each(['ID', 'EN'] as const)(
    'labels in %s every value of every enum of the built schema, once, as the table says',
    async (language) => {
      const answer = await app.gql<{ labels: Label[] }>(
        `query($language: Language) { labels(language: $language) { enum value label } }`,
        { language },
      );
      expect(answer.errors).toBeUndefined();
      const expected = Object.values(appSchema().getTypeMap())
        .filter(isEnumType)
        .filter((type) => !type.name.startsWith('__'))
        .flatMap((type) =>
          type
            .getValues()
            .map((v) => `${type.name}.${v.name}: ${labelOf(type.name, v.name, language)}`),
        )
        .sort();
      const labels = answer.data!.labels;
      expect(labels.map((l) => `${l.enum}.${l.value}: ${l.label}`).sort()).toEqual(expected);
      for (const l of labels) {
        expect(l.label.trim()).not.toBe('');
        // A label is words, not the code again (a code the table lacks answers as itself).
        if (!['JPT_UTAMA', 'NIP', 'OPTIMAL', 'SEMINAR', 'COACHING', 'MENTORING'].includes(l.value))
          expect(`${l.enum}.${l.value} ${l.label}`).not.toBe(`${l.enum}.${l.value} ${l.value}`);
      }
      // Reading them costs no SQL.
      expect(answer.extensions?.sqlStatements).toBe(0);
    },
  );

  it('says a rating in the language asked', async () => {
    const answer = await app.ok<{ id: Label[]; en: Label[] }>(
      `{ id: labels(language: ID) { enum value label } en: labels(language: EN) { enum value label } }`,
    );
    const rating = (list: Label[]) =>
      list.find((l) => l.enum === 'PerformanceRating' && l.value === 'BUTUH_PERBAIKAN')?.label;
    expect(rating(answer.id)).toBe('Butuh perbaikan');
    expect(rating(answer.en)).toBe('Needs improvement');
  });
});

describe('the language of a request', () => {
  const RATING = `{ labels { enum value label } rank: employees(first: 1, filter: { minRank: "III/d" }) {
    nodes { rank { code label } education { code label } } } }`;
  const ratingIn = (data: any) =>
    (data.labels as Label[]).find(
      (l) => l.enum === 'PerformanceRating' && l.value === 'BUTUH_PERBAIKAN',
    )?.label;

  it('is Indonesian without an Accept-Language', async () => {
    const answer = await withLanguage(RATING);
    expect(answer.errors).toBeUndefined();
    expect(ratingIn(answer.data)).toBe('Butuh perbaikan');
  });

  it.each([
    ['en', 'Needs improvement'],
    ['en-GB,en;q=0.9,id;q=0.5', 'Needs improvement'],
    ['id', 'Butuh perbaikan'],
    ['id-ID,id;q=0.9,en;q=0.8', 'Butuh perbaikan'],
    ['fr, en;q=0.5', 'Needs improvement'],
    ['en;q=0, fr', 'Butuh perbaikan'],
  ])('follows Accept-Language %j where the argument is left out', async (header, expected) => {
    const answer = await withLanguage(RATING, header);
    expect(answer.errors).toBeUndefined();
    expect(ratingIn(answer.data)).toBe(expected);
  });

  it('gives way to the argument when the operation writes one', async () => {
    const answer = await withLanguage(`{ labels(language: ID) { enum value label } }`, 'en');
    expect(ratingIn(answer.data)).toBe('Butuh perbaikan');
    const english = await withLanguage(`{ labels(language: EN) { enum value label } }`, 'id');
    expect(ratingIn(english.data)).toBe('Needs improvement');
  });

  it('labels education levels in the language of the request', async () => {
    const [id, en] = await Promise.all([
      withLanguage(`{ employees(first: 50) { nodes { education { code label } } } }`, 'id'),
      withLanguage(`{ employees(first: 50) { nodes { education { code label } } } }`, 'en'),
    ]);
    const s1 = (data: any) =>
      data.employees.nodes.find((n: any) => n.education?.code === 'S1')?.education.label;
    expect(s1(id.data)).toBe('Sarjana / Diploma IV (S1)');
    expect(s1(en.data)).toBe("Bachelor's degree or four-year diploma (S1)");
  });
});

describe('Rank.label', () => {
  it('names the pangkat with its golongan, in either language', async () => {
    const data = await app.ok<any>(
      `{ employees(first: 100, filter: { rank: { in: ["III/d"] } }) {
          nodes { rank { code label en: label(language: EN) id: label(language: ID) } } } }`,
    );
    const ranks = data.employees.nodes.map((n: any) => n.rank);
    expect(ranks.length).toBeGreaterThan(0);
    for (const rank of ranks)
      expect(rank).toEqual({
        code: 'III/d',
        label: 'Penata Tingkat I (III/d)',
        en: 'Penata Tingkat I (III/d)',
        id: 'Penata Tingkat I (III/d)',
      });
  });
});

describe('name beside the deprecated title', () => {
  it('answers the same for positions and courses', async () => {
    const data = await app.ok<any>(
      `{ positions(first: 100) { nodes { code name title } }
         courses(first: 100) { nodes { code name title } } }`,
    );
    for (const list of [data.positions.nodes, data.courses.nodes]) {
      expect(list.length).toBeGreaterThan(0);
      for (const item of list) {
        expect(item.name).toBeTruthy();
        expect(item.title).toBe(item.name);
      }
    }
  });

  it('orders by NAME as by the deprecated TITLE', async () => {
    const data = await app.ok<any>(
      `{ byName: positions(first: 100, orderBy: { field: NAME }) { nodes { code } }
         byTitle: positions(first: 100, orderBy: { field: TITLE }) { nodes { code } }
         coursesByName: courses(first: 100, orderBy: { field: NAME, direction: DESC }) { nodes { code } }
         coursesByTitle: courses(first: 100, orderBy: { field: TITLE, direction: DESC }) { nodes { code } } }`,
    );
    expect(data.byName.nodes).toEqual(data.byTitle.nodes);
    expect(data.coursesByName.nodes).toEqual(data.coursesByTitle.nodes);
  });

  const CREATE = `mutation($input: CreatePositionInput!) { createPosition(input: $input) {
    position { code name title } userErrors { field code message } } }`;
  const position = (code: string, naming: object) => ({
    code,
    category: 'PELAKSANA',
    orgUnit: unitCode,
    ...naming,
  });

  it('takes a new position’s name as `name` or as the deprecated `title`', async () => {
    const byName = await app.ok<any>(CREATE, {
      input: position('LBL-NAME-1', { name: 'Analis Label' }),
    });
    expect(byName.createPosition).toEqual({
      position: { code: 'LBL-NAME-1', name: 'Analis Label', title: 'Analis Label' },
      userErrors: [],
    });
    const byTitle = await app.ok<any>(CREATE, {
      input: position('LBL-NAME-2', { title: 'Analis Judul' }),
    });
    expect(byTitle.createPosition.position.name).toBe('Analis Judul');
    const both = await app.ok<any>(CREATE, {
      input: position('LBL-NAME-3', { name: 'Sama', title: 'Sama' }),
    });
    expect(both.createPosition.position.name).toBe('Sama');
  });

  it('refuses a name and a title that differ, and a position without either', async () => {
    const differ = await app.ok<any>(CREATE, {
      input: position('LBL-NAME-4', { name: 'Satu', title: 'Dua' }),
    });
    expect(differ.createPosition.position).toBeNull();
    expect(differ.createPosition.userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'name'], code: 'INVALID' }),
    ]);
    const neither = await app.ok<any>(CREATE, { input: position('LBL-NAME-5', {}) });
    expect(neither.createPosition.userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'name'], code: 'REQUIRED' }),
    ]);
    const none = await app.ok<any>(
      `{ a: position(code: "LBL-NAME-4") { code } b: position(code: "LBL-NAME-5") { code } }`,
    );
    expect(none).toEqual({ a: null, b: null });
  });

  it('renames a course by `name` and by `title`', async () => {
    const UPDATE = `mutation($input: UpdateCourseInput!) { updateCourse(input: $input) {
      course { code name } userErrors { code } } }`;
    const code = (await app.ok<any>(`{ courses(first: 1) { nodes { code } } }`)).courses.nodes[0]
      .code;
    const renamed = await app.ok<any>(UPDATE, { input: { code, name: 'Nama Baru' } });
    expect(renamed.updateCourse).toEqual({ course: { code, name: 'Nama Baru' }, userErrors: [] });
    const again = await app.ok<any>(UPDATE, { input: { code, title: 'Judul Baru' } });
    expect(again.updateCourse.course.name).toBe('Judul Baru');
    const refused = await app.ok<any>(UPDATE, { input: { code, name: 'A', title: 'B' } });
    expect(refused.updateCourse).toEqual({ course: null, userErrors: [{ code: 'INVALID' }] });
  });
});
