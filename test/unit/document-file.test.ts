import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import {
  DocumentTooLargeError,
  EmptyDocumentError,
  progressText,
  readDocumentFile,
  readDocumentStream,
} from '../../src/modules/dataset/document-file';

const fileWith = async (text: string) => {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'cg-doc-')), 'd.json');
  await writeFile(file, text);
  return file;
};

describe('a dataset file read as a stream', () => {
  it('gives the same document as JSON.parse, over many chunks, with progress to the last byte', async () => {
    const document = {
      agencies: [{ code: 'A', name: 'Ä "quoted" \\ name', kind: 'PROVINCE' }],
      employees: Array.from({ length: 3000 }, (_, i) => ({
        nip: String(i),
        name: `Nama ${i}`,
        n: i / 3,
      })),
      note: { nested: [1, 2, { x: null }] },
    };
    const file = await fileWith(JSON.stringify(document, null, 1));
    const seen: number[] = [];
    const read = await readDocumentFile(file, (bytes, total) => seen.push(bytes / total));
    expect(read).toEqual(document);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(1);
  });

  it('reads a file that starts with a byte-order mark', async () => {
    const file = await fileWith('\uFEFF{"agencies": []}');
    expect(await readDocumentFile(file)).toEqual({ agencies: [] });
  });

  it.each([
    ['a list', '[{"code": "A"}]', /must be one JSON object/],
    ['broken JSON', '{"agencies": [{"code": "A",]}', /not valid JSON: "\]" at byte 28 cannot/],
    ['a stray character', '\uFEFF{"a": [1, 2 x]}', /"x" at byte 16 cannot stand there \(in a\)/],
    [
      'truncated JSON',
      '{"agencies": [{"code": "A"}',
      /ends after byte 27 with 2 object\(s\) or list\(s\) still open \(in agencies\): the file looks cut short/,
    ],
    [
      'a file cut inside a record',
      '{"employees": [{"nip": "1"}, {"nip": "2", "name": "Ab',
      /ends after byte 53 .* \(in employees\[1\]\)/,
    ],
  ])('refuses %s, saying why', async (_, text, reason) => {
    await expect(readDocumentFile(await fileWith(text))).rejects.toThrow(reason);
  });

  it.each([
    [
      '__proto__ in a record',
      '{"agencies": [{"code": "A"}, {"__proto__": {"admin": true}}]}',
      /key "__proto__" in agencies\[1\]:/,
    ],
    [
      'constructor at the top',
      '{"constructor": {"prototype": {}}}',
      /key "constructor" at the top level/,
    ],
    [
      'prototype deep down',
      '{"positions": [{"conditions": {"x": {"prototype": 1}}}]}',
      /key "prototype" in positions\[0\]\.conditions\.x/,
    ],
    [
      'a section twice',
      '{"agencies": [], "agencies": []}',
      /key "agencies" twice in one object at the top level/,
    ],
    [
      'a field twice in a record',
      '{"employees": [{}, {}, {"nip": "1", "name": "A", "nip": "2"}]}',
      /key "nip" twice in one object in employees\[2\]/,
    ],
  ])('refuses %s, naming the key and where it is', async (_, text, reason) => {
    await expect(readDocumentFile(await fileWith(text))).rejects.toThrow(reason);
  });

  it('takes those names as values, and the same key in different objects', async () => {
    const text = '{"agencies": [{"code": "__proto__", "name": "constructor"}, {"code": "B"}]}';
    expect(await readDocumentFile(await fileWith(text))).toEqual(JSON.parse(text));
  });

  it.each([
    ['lists, an empty one among them', '{"agencies": [], "foo": [], "employees": [{"nip": "1"}]}'],
    ['a section that is a number, a text or null', '{"agencies": 3, "x": "y", "employees": null}'],
    ['a section that is an object', '{"agencies": [{"code": "A"}], "employees": {"a": [1, {}]}}'],
  ])('keeps every section as the document has it: %s', async (_, text) => {
    const file = await fileWith(text);
    expect(await readDocumentFile(file)).toEqual(JSON.parse(text));
    expect(Object.keys(await readDocumentFile(file))).toEqual(Object.keys(JSON.parse(text)));
    expect(await readDocumentFile(file)).toEqual(
      await readDocumentStream(Readable.from([Buffer.from(text)]), file),
    );
  });

  it.each([
    ['an empty file', ''],
    ['white space', ' \n\t '],
    ['a byte-order mark only', '\uFEFF'],
  ])('refuses %s as empty', async (_, text) => {
    const error = await readDocumentFile(await fileWith(text)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmptyDocumentError);
    expect((error as Error).message).toMatch(/is empty/);
  });

  it('keeps refusing a stream past its byte limit', async () => {
    await expect(
      readDocumentStream(
        Readable.from([Buffer.from('{"agencies": []}')]),
        'The body',
        undefined,
        10,
      ),
    ).rejects.toBeInstanceOf(DocumentTooLargeError);
  });

  it('names a missing file', async () => {
    await expect(readDocumentFile('/no/such/file.json')).rejects.toThrow(/no such file/);
  });
});

describe('progress text', () => {
  it.each([
    [0, 200, 0, '0% (0 of 200)'],
    [50, 200, 10_000, '25% (50 of 200), about 30 s left'],
    [100, 200, 300_000, '50% (100 of 200), about 5 min left'],
    [200, 200, 10_000, '100% (200 of 200)'],
    [0, 0, 0, '100% (0 of 0)'],
  ])('%i of %i after %i ms: %s', (done, total, elapsed, expected) => {
    expect(progressText(done, total, 1_000_000, undefined, 1_000_000 + elapsed)).toBe(expected);
  });
});

describe('a document that is not UTF-8', () => {
  it('is refused, naming where, before anything is read as a replacement character', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"agencies": [{"code": "PROV-'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('", "name": "x"}]}'),
    ]);
    await expect(readDocumentStream(Readable.from([bytes]), 'The file')).rejects.toThrow(
      /The file is not UTF-8: an invalid byte sequence ends within bytes 0–/,
    );
    const cut = Buffer.concat([
      Buffer.from('{"agencies": [{"code": "X'),
      Buffer.from([0xe2, 0x82]),
    ]);
    await expect(readDocumentStream(Readable.from([cut]), 'The file')).rejects.toThrow(
      /ends within a character/,
    );
  });
});
