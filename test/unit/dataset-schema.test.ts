import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, schemaText } from '../../scripts/dataset-schema';
import { generateDemoDataset } from '../../src/demo/demo.generate';
import { generateProvince } from '../../src/demo/province.generate';
import { DEMO_TODAY } from '../support/constants';
import { parseNip } from '../../src/domain/nip';

const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

describe('dataset.schema.json', () => {
  it('is the one the dataset types make now (run `npm run dataset:schema` after changing them)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaText());
  }, 60_000);

  it('accepts the demo province and a generated one', () => {
    for (const document of [
      generateDemoDataset({ today: DEMO_TODAY }),
      generateProvince({ employees: 300, seed: 7, today: DEMO_TODAY }),
    ]) {
      const valid = validate(JSON.parse(JSON.stringify(document)));
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it('accepts records that leave out what may be left out', () => {
    expect(
      validate({
        orgUnits: [{ code: 'U', agency: 'A', name: 'Unit' }],
        positions: [{ code: 'P', title: 'Kepala', category: 'ADMINISTRATOR', orgUnit: 'U' }],
        employees: [
          {
            name: 'Siti',
            employmentType: 'PNS',
            education: 'S1',
            orgUnit: 'U',
            nip: '199001012015032001',
          },
        ],
        trainings: [{ nip: '199001012015032001', course: 'C', completedOn: '2025-01-02' }],
      }),
    ).toBe(true);
  });

  it.each([
    [
      { agencies: [{ code: 'A', name: 'X', kind: 'PROVINCE', extra: 1 }] },
      '/agencies/0',
      'additionalProperties',
    ],
    [{ agencies: [{ code: 'A', name: 'X', kind: 'PROVINSI' }] }, '/agencies/0/kind', 'enum'],
    [
      {
        positions: [
          {
            code: 'P',
            title: 'T',
            category: 'ADMINISTRATOR',
            orgUnit: 'U',
            requirements: [{ competency: 'M.01', level: 6 }],
          },
        ],
      },
      '/positions/0/requirements/0/level',
      'maximum',
    ],
    [
      { assessments: [{ nip: '1', assessedOn: '02/01/2025', method: 'INTERVIEW', results: [] }] },
      '/assessments/0/assessedOn',
      'format',
    ],
    [
      { employees: [{ name: 'Siti', employmentType: 'PNS', orgUnit: 'U' }] },
      '/employees/0',
      'required',
    ],
    [
      {
        courses: [
          {
            code: 'C',
            title: 'T',
            type: 'TECHNICAL',
            modality: 'CLASSICAL',
            hours: 0,
            provider: 'X',
          },
        ],
      },
      '/courses/0/hours',
      'exclusiveMinimum',
    ],
  ])('refuses %j at %s', (document, path, keyword) => {
    expect(validate(document)).toBe(false);
    expect(validate.errors).toContainEqual(
      expect.objectContaining({ instancePath: path, keyword }),
    );
  });
});

describe('a NIP in dataset.schema.json', () => {
  const employee = (nip: string) => ({
    employees: [{ nip, name: 'Siti', employmentType: 'PNS', education: 'S1', orgUnit: 'U' }],
  });
  const accepted = (nip: string) => validate(employee(nip));

  it.each([
    ['a letter', '19800101200501100A'],
    ['16 digits', '1980010120050110'],
    ['month 13', '198013012005011001'],
    ['31 April', '198004312005011001'],
    ['appointment month 00', '198001012005001001'],
    ['sex digit 3', '198001012005013001'],
    ['sequence 000', '198001012005011000'],
    ['spaces between the parts', '19800101 200501 1 001'],
  ])('refuses %s, as the importer does', (_, nip) => {
    expect(parseNip(nip).ok).toBe(false);
    expect(accepted(nip)).toBe(false);
  });

  it('accepts every NIP the importer accepts, and refuses others only for what a pattern cannot say', () => {
    // Digits drawn near the valid ranges, so both sides of each rule come up often.
    let seed = 20261207;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const two = (n: number) => String(n).padStart(2, '0');
    let agreed = 0;
    for (let i = 0; i < 20_000; i++) {
      const nip = `${1890 + next(140)}${two(next(14))}${two(next(33))}${1890 + next(140)}${two(next(14))}${next(4)}${String(next(1000)).padStart(3, '0')}`;
      const importer = parseNip(nip);
      if (importer.ok) expect(accepted(nip), nip).toBe(true);
      else if (accepted(nip))
        // What only the importer can check: leap days and the order of the two dates.
        expect(importer.reason, nip).toMatch(/not a valid birth date|not after the birth date/);
      if (importer.ok === accepted(nip)) agreed++;
    }
    expect(agreed).toBeGreaterThan(19_000);
  });
});
