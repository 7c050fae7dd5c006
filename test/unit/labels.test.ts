import { isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { appSchema } from '../../src/app/schema';
import { AssessmentMethod } from '../../src/domain/assessment.enums';
import { CompetencyType } from '../../src/domain/competency.enums';
import { CourseModality, CourseType } from '../../src/domain/course.enums';
import { EmploymentType } from '../../src/domain/employee.enums';
import {
  ENUM_LABELS,
  educationLabel,
  findLabel,
  labelOf,
  rankLabel,
} from '../../src/domain/labels';
import { Language } from '../../src/domain/language';
import { AgencyKind } from '../../src/domain/org.enums';
import {
  PerformanceRating,
  POSITION_CATEGORY_INFO,
  PositionCategory,
} from '../../src/domain/position.enums';
import { EDUCATION_LEVELS, RANKS } from '../../src/domain/reference.data';
import { translator } from '../../web/src/words';

const DOMAIN_ENUMS: Record<string, Record<string, string>> = {
  AgencyKind,
  AssessmentMethod,
  CompetencyType,
  CourseModality,
  CourseType,
  EmploymentType,
  Language,
  PerformanceRating,
  PositionCategory,
};

/** Every enum of the built schema with its values (GraphQL's own `__` enums left out). */
function schemaEnums() {
  return Object.values(appSchema().getTypeMap())
    .filter(isEnumType)
    .filter((type) => !type.name.startsWith('__'));
}

describe('the label table', () => {
  it.each(Object.entries(DOMAIN_ENUMS))(
    'labels every value of the domain enum %s in Indonesian and English, and nothing else',
    (name, values) => {
      expect(Object.keys(ENUM_LABELS[name]).sort()).toEqual(Object.values(values).sort());
      for (const value of Object.values(values)) {
        expect(labelOf(name, value, 'ID')).not.toBe('');
        expect(labelOf(name, value, 'EN')).not.toBe('');
      }
    },
  );

  it('labels every value of every enum of the schema in both languages, whoever added the enum', () => {
    const missing: string[] = [];
    for (const type of schemaEnums())
      for (const value of type.getValues()) {
        const label = findLabel(type.name, value.name);
        if (!label?.ID.trim() || !label.EN.trim()) missing.push(`${type.name}.${value.name}`);
      }
    expect(missing).toEqual([]);
  });

  it('has no entry for an enum or value the schema does not have (the console’s roles aside)', () => {
    const schema = new Map(schemaEnums().map((t) => [t.name, t.getValues().map((v) => v.name)]));
    const stray: string[] = [];
    for (const [name, values] of Object.entries(ENUM_LABELS)) {
      if (name === 'Role') continue;
      for (const value of Object.keys(values))
        if (!schema.get(name)?.includes(value)) stray.push(`${name}.${value}`);
    }
    expect(stray).toEqual([]);
  });

  it('describes every value of every enum of the schema', () => {
    const undescribed = schemaEnums().flatMap((type) =>
      type
        .getValues()
        .filter((value) => !value.description?.trim())
        .map((value) => `${type.name}.${value.name}`),
    );
    expect(undescribed).toEqual([]);
  });

  it('names position categories as the domain does', () => {
    for (const category of Object.values(PositionCategory))
      expect(labelOf('PositionCategory', category, 'ID')).toBe(
        POSITION_CATEGORY_INFO[category].name,
      );
  });

  it('gives a code it does not know back as it is', () => {
    expect(labelOf('PerformanceRating', 'LUAR_BIASA', 'ID')).toBe('LUAR_BIASA');
    expect(labelOf('NoSuchEnum', 'BAIK', 'EN')).toBe('BAIK');
    expect(labelOf('PerformanceRating', 'toString', 'EN')).toBe('toString');
  });

  it('says a rating in each language', () => {
    expect(labelOf('PerformanceRating', 'BUTUH_PERBAIKAN', 'ID')).toBe('Butuh perbaikan');
    expect(labelOf('PerformanceRating', 'BUTUH_PERBAIKAN', 'EN')).toBe('Needs improvement');
    expect(labelOf('PositionCategory', 'JPT_PRATAMA', 'ID')).toBe(
      'Jabatan Pimpinan Tinggi Pratama',
    );
  });
});

describe('labels of coded references', () => {
  it('names a rank by its pangkat and golongan, the same in both languages', () => {
    expect(rankLabel('III/d', Language.ID)).toBe('Penata Tingkat I (III/d)');
    expect(rankLabel('III/d', Language.EN)).toBe('Penata Tingkat I (III/d)');
    expect(rankLabel('IV/e', Language.ID)).toBe('Pembina Utama (IV/e)');
    expect(rankLabel('V/a', Language.ID)).toBe('V/a');
  });

  it('labels every rank and education level with its code', () => {
    for (const rank of RANKS) expect(rankLabel(rank.code, Language.EN)).toContain(`(${rank.code})`);
    for (const level of EDUCATION_LEVELS)
      for (const language of [Language.ID, Language.EN]) {
        const label = educationLabel(level.code, language);
        expect(label).toMatch(new RegExp(`^\\S.* \\(${level.code}\\)$`));
      }
  });

  it('names an education level in each language', () => {
    expect(educationLabel('S1', Language.ID)).toBe('Sarjana / Diploma IV (S1)');
    expect(educationLabel('S1', Language.EN)).toBe("Bachelor's degree or four-year diploma (S1)");
    expect(educationLabel('S2', Language.EN)).toBe("Master's degree (S2)");
    expect(educationLabel('XX', Language.EN)).toBe('XX');
  });
});

describe('the console and the API', () => {
  it.each([
    ['id', 'ID'],
    ['en', 'EN'],
  ] as const)('show the same %s label for every value the console labels', (console, api) => {
    const t = translator(console);
    for (const name of [
      'PerformanceRating',
      'Decision',
      'JpmCategory',
      'Readiness',
      'ConditionCode',
      'PlanReason',
      'PositionCategory',
    ])
      for (const value of Object.keys(ENUM_LABELS[name]))
        expect(`${name}.${value}: ${t.label(value)}`).toBe(
          `${name}.${value}: ${labelOf(name, value, api)}`,
        );
  });
});
