import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  NOT_A_LIST,
  readDocumentFile,
  readDocumentRecords,
  readRecordsByTokens,
  type StreamedRecord,
} from '../../src/modules/dataset/document-file';
import { generateProvince } from '../../src/demo/province.generate';
import { writeProvinceFile } from '../../src/demo/province.file';

const fileWith = async (text: string | Buffer) => {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'cg-records-')), 'd.json');
  await writeFile(file, text);
  return file;
};

async function records(reader: AsyncIterable<StreamedRecord[]>): Promise<StreamedRecord[]> {
  const all: StreamedRecord[] = [];
  for await (const batch of reader) all.push(...batch);
  return all;
}

/** The records a whole document has, section by section, as the streamed readers give them. */
function recordsOf(document: Record<string, unknown>): StreamedRecord[] {
  return Object.entries(document).flatMap(([section, value]): StreamedRecord[] =>
    Array.isArray(value)
      ? value.map((record, index) => ({ section, index, record }))
      : [{ section, index: null, record: value && typeof value === 'object' ? NOT_A_LIST : value }],
  );
}

describe('a dataset file read record by record', () => {
  it('gives the records of the whole document, by the scan and by the tokenizer alike', async () => {
    const document = {
      agencies: [{ code: 'A', name: 'Ä "quoted" \\ name, {braces} [and] : colons', kind: 'P' }],
      employees: Array.from({ length: 30_000 }, (_, i) => ({
        nip: String(i),
        name: `Nama ${i}`,
        n: i / 3,
        list: [1, -2.5e3, true, null, { x: 'y' }],
      })),
      empty: [],
      note: { nested: [1, 2, { x: null }] },
      number: 12,
      nothing: null,
    };
    for (const text of [JSON.stringify(document), JSON.stringify(document, null, 2)]) {
      const file = await fileWith(`\uFEFF${text}`);
      const seen: number[] = [];
      const scanned = await records(
        readDocumentRecords(file, (bytes, total) => seen.push(bytes / total)),
      );
      expect(scanned).toEqual(recordsOf(document));
      expect(await records(readRecordsByTokens(file))).toEqual(scanned);
      expect(seen.at(-1)).toBe(1);
    }
  });

  it.each([
    ['a list', '[{"code": "A"}]'],
    ['broken JSON', '{"agencies": [{"code": "A",]}'],
    ['a stray character', '\uFEFF{"a": [1, 2 x]}'],
    ['a missing comma', '{"a": [{"b": 1} {"b": 2}]}'],
    ['truncated JSON', '{"agencies": [{"code": "A"}'],
    ['a file cut inside a record', '{"employees": [{"nip": "1"}, {"nip": "2", "name": "Ab'],
    ['__proto__ in a record', '{"agencies": [{"code": "A"}, {"__proto__": {"admin": true}}]}'],
    ['constructor at the top', '{"constructor": {"prototype": {}}}'],
    ['prototype deep down', '{"positions": [{"conditions": {"x": {"prototype": 1}}}]}'],
    ['a section twice', '{"agencies": [], "agencies": []}'],
    ['a field twice in a record', '{"employees": [{}, {}, {"nip": "1", "name": "A", "nip": "2"}]}'],
    ['an empty file', ''],
    ['a byte-order mark only', '\uFEFF'],
    ['text after the document', '{"agencies": []} {}'],
  ])('refuses %s with the words of the whole-document reader', async (_, text) => {
    const file = await fileWith(text);
    const expected = await readDocumentFile(file).catch((e: Error) => e.message);
    await expect(records(readDocumentRecords(file))).rejects.toThrow(expected);
  });

  it('refuses bytes that are not UTF-8 with the words of the whole-document reader', async () => {
    const file = await fileWith(
      Buffer.concat([
        Buffer.from('{"agencies": [{"code": "P-'),
        Buffer.from([0xc3, 0x28]),
        Buffer.from('"}]}'),
      ]),
    );
    const expected = await readDocumentFile(file).catch((e: Error) => e.message);
    expect(expected).toMatch(/not UTF-8/);
    await expect(records(readDocumentRecords(file))).rejects.toThrow(expected);
  });
});

describe('a province written out one employee at a time', () => {
  it.each([1, 7, 1500])(
    'is the document of the in-memory generator (%i employees)',
    async (employees) => {
      const options = { employees, seed: 4, today: '2026-11-01' };
      const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'cg-province-')), 'p.json');
      const counts = await writeProvinceFile(options, file);
      const document = generateProvince(options);
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(document);
      expect(counts.employees).toBe(employees);
      expect(counts.discipline).toBe(document.discipline.length);
    },
  );
});
