import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createGenerator } from 'ts-json-schema-generator';
import { AssessmentMethod } from '../src/domain/assessment.enums';
import { CompetencyType } from '../src/domain/competency.enums';
import { CourseModality, CourseType } from '../src/domain/course.enums';
import { EmploymentType } from '../src/domain/employee.enums';
import { AgencyKind } from '../src/domain/org.enums';
import { PerformanceRating, PositionCategory } from '../src/domain/position.enums';
import { DisciplineKind, DisciplineLevel } from '../src/domain/discipline';

/** Fields the records type as text whose values are one of an enum's (as the importer checks). */
const ENUMS: Record<string, Record<string, Record<string, string>>> = {
  AgencyRecord: { kind: AgencyKind },
  CompetencyRecord: { type: CompetencyType },
  CourseRecord: { type: CourseType, modality: CourseModality },
  PositionRecord: { category: PositionCategory },
  ConditionsRecord: { minPerformance: PerformanceRating, disciplineLevel: DisciplineLevel },
  EmployeeRecord: { employmentType: EmploymentType },
  PerformanceItem: { rating: PerformanceRating },
  AssessmentRecord: { method: AssessmentMethod },
  DisciplineRecordInput: { level: DisciplineLevel, kind: DisciplineKind },
};

/** Fields the importer fills in when they are left out (a default, or the course's hours). */
const DEFAULTED: Record<string, string[]> = {
  CompetencyRecord: ['description'],
  CourseRecord: ['cost'],
  PositionRecord: ['summary', 'conditions'],
  RequirementRecord: ['weight', 'critical'],
  ConditionsRecord: ['performanceYears', 'retirementAge', 'disciplineYears'],
  TrainingRecordInput: ['hours'],
};

export const SCHEMA_FILE = path.resolve('dataset.schema.json');

type Schema = { [key: string]: unknown };

/**
 * The JSON Schema of a dataset document, made from its TypeScript types
 * (`src/domain/dataset.types.ts`, with their comments and constraints): what editors
 * and other systems can check a file against before importing it. A field that may be null may
 * also be left out, and a list left out is empty, as the importer reads them.
 */
export function datasetSchema(): Schema {
  const schema = createGenerator({
    path: path.resolve('src/domain/dataset.types.ts'),
    tsconfig: path.resolve('tsconfig.json'),
    type: 'DatasetDocument',
    additionalProperties: false,
    skipTypeCheck: true,
    topRef: true,
  }).createSchema('DatasetDocument') as Schema;
  for (const [name, definition] of Object.entries(schema.definitions as Record<string, Schema>)) {
    loosen(definition);
    const properties = definition.properties as Record<string, Schema>;
    for (const [field, values] of Object.entries(ENUMS[name] ?? {}))
      properties[field].enum = [
        ...Object.values(values),
        ...(properties[field].type instanceof Array ? [null] : []),
      ];
    if (DEFAULTED[name] && Array.isArray(definition.required)) {
      definition.required = (definition.required as string[]).filter(
        (f) => !DEFAULTED[name].includes(f),
      );
    }
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://competency-graph.example/dataset.schema.json',
    title: 'competency-graph dataset document',
    description:
      'A dataset to import: every section optional, references by code; see docs/dataset.md.',
    ...schema,
  };
}

/** Only what can be neither null nor a list stays required. */
function loosen(schema: Schema): void {
  const properties = schema.properties as Record<string, Schema> | undefined;
  if (properties && Array.isArray(schema.required)) {
    schema.required = (schema.required as string[]).filter((key) => {
      const property = properties[key];
      const types = ([] as unknown[]).concat(property.type ?? []);
      const anyOf = (property.anyOf as Schema[] | undefined) ?? [];
      return (
        !types.includes('null') && !types.includes('array') && !anyOf.some((s) => s.type === 'null')
      );
    });
    if ((schema.required as string[]).length === 0) delete schema.required;
  }
  for (const value of Object.values(schema))
    if (value && typeof value === 'object') loosen(value as Schema);
}

export function schemaText(): string {
  return `${JSON.stringify(datasetSchema(), null, 2)}\n`;
}

/** `npm run dataset:schema`: rewrites dataset.schema.json (`-- --check`: fails if it is out of date). */
if (require.main === module) {
  const text = schemaText();
  if (process.argv.includes('--check')) {
    if (readFileSync(SCHEMA_FILE, 'utf8') !== text) {
      console.error('dataset.schema.json is out of date: run `npm run dataset:schema`.');
      process.exit(1);
    }
  } else {
    writeFileSync(SCHEMA_FILE, text);
    console.log(`Wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
  }
}
