import { Role } from '../../platform/auth/auth.types';
import { actorOf } from '../../records/audit';
import {
  Arg,
  Ctx,
  Field,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  registerEnumType,
  Authorized,
} from 'type-graphql';
import { JSONObjectResolver } from 'graphql-scalars';
import type { Context } from '../../platform/graphql/context';
import { userErrorOf } from '../../records/dataset-issue';
import { UserError } from '../../shared/user-error';
import { exportDataset } from '../../records/export-dataset';
import { importDataset } from './dataset.service';
import { SECTIONS, type Section } from '../../domain/dataset.types';

export enum DatasetSection {
  AGENCIES = 'agencies',
  ORG_UNITS = 'orgUnits',
  COMPETENCIES = 'competencies',
  COURSES = 'courses',
  POSITIONS = 'positions',
  EMPLOYEES = 'employees',
  ASSESSMENTS = 'assessments',
  TRAININGS = 'trainings',
  DISCIPLINE = 'discipline',
}
registerEnumType(DatasetSection, {
  name: 'DatasetSection',
  description: 'A section of the dataset document.',
  valuesConfig: {
    AGENCIES: { description: 'Agencies (instansi): `agencies`.' },
    ORG_UNITS: { description: 'Org units (unit kerja): `orgUnits`.' },
    COMPETENCIES: { description: 'The competency dictionary with levels: `competencies`.' },
    COURSES: { description: 'The course catalogue with outcomes: `courses`.' },
    POSITIONS: { description: 'Positions with their job profiles: `positions`.' },
    EMPLOYEES: { description: 'Employees with yearly performance: `employees`.' },
    ASSESSMENTS: { description: 'Assessments with their results: `assessments`.' },
    TRAININGS: { description: 'Training records (courses completed): `trainings`.' },
    DISCIPLINE: {
      description: 'Discipline sentences (PP 94/2021) per employee: `discipline`.',
    },
  },
});

@ObjectType({ description: 'One bad record of an import: where it is and why.' })
export class ImportIssue {
  @Field(() => String, {
    description: 'Section name as in the document (e.g. `employees`), or `document`.',
  })
  section!: string;
  @Field(() => Int, { nullable: true, description: 'Index of the record in its section.' }) index!:
    number | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The record’s own key as the document gives it: its NIP, PPPK number or code (null for a record without one, or an issue of the whole document).',
  })
  key!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Field path inside the record, e.g. `requirements[2].level`.',
  })
  field!: string | null;
  @Field(() => String, {
    description: 'Reason code (REQUIRED, INVALID, NOT_FOUND, DUPLICATE, CYCLE, …).',
  })
  code!: string;
  @Field(() => String, { description: 'Reason in words.' }) message!: string;
}

@ObjectType({ description: 'What an import did to one section.' })
export class ImportSectionCount {
  @Field(() => String, { description: 'Section name.' }) section!: string;
  @Field(() => Int, { description: 'Records in the document.' }) received!: number;
  @Field(() => Int, { description: 'Records that were new.' }) created!: number;
  @Field(() => Int, { description: 'Records that existed and were written again.' })
  updated!: number;
  @Field(() => Int, { description: 'Records already present as given (identical assessments).' })
  unchanged!: number;
}

@ObjectType('ImportReport', {
  description: 'The outcome of an import: applied whole, or not at all with every issue.',
})
export class ImportReportType {
  @Field(() => Boolean, { description: 'Every record landed (false: nothing changed).' })
  applied!: boolean;
  @Field(() => [ImportSectionCount], {
    description: 'Counts per section (when applied or dry-run).',
  })
  sections!: ImportSectionCount[];
  @Field(() => [ImportIssue], { description: 'Bad records (at most 1000 listed).' })
  issues!: ImportIssue[];
  @Field(() => Int, { description: 'Number of issues in all.' }) issueCount!: number;
}

@InputType({ description: 'A dataset document to import.' })
export class ImportDatasetInput {
  @Field(() => JSONObjectResolver, {
    description: 'The document, in the dataset format (docs/dataset.md).',
  })
  dataset!: Record<string, unknown>;

  @Field(() => Boolean, { defaultValue: false, description: 'Check and count, then roll back.' })
  dryRun!: boolean;
}

@ObjectType({ description: 'Result of importing a dataset.' })
export class ImportDatasetPayload {
  @Field(() => ImportReportType, { description: 'Counts and issues.' }) report!: ImportReportType;
  @Field(() => [UserError], { description: 'The issues as user errors on `input.dataset`.' })
  userErrors!: UserError[];
}

@Resolver()
export class DatasetResolver {
  @Authorized(Role.ADMIN)
  @Mutation(() => ImportDatasetPayload, {
    nullable: true,
    description: 'Imports a dataset document: an idempotent upsert in one transaction.',
  })
  async importDataset(
    @Arg('input', () => ImportDatasetInput, { description: 'What to change.' })
    input: ImportDatasetInput,
    @Ctx() ctx: Context,
  ) {
    const report = await importDataset(ctx.knex, input.dataset, {
      today: ctx.today,
      dryRun: input.dryRun,
      waitMs: ctx.writeWaitMs,
      audit: { actor: actorOf(ctx), action: 'importDataset' },
    });
    ctx.loaders.clear();
    ctx.em.clear();
    return { report, userErrors: report.issues.map((issue) => userErrorOf(issue, 'document')) };
  }

  @Authorized(Role.ADMIN)
  @Query(() => JSONObjectResolver, {
    nullable: true,
    description: 'The data as a dataset document (all sections, or those asked for).',
  })
  async datasetExport(
    @Arg('sections', () => [DatasetSection], {
      nullable: true,
      description: 'Sections to include; default all.',
    })
    sections: DatasetSection[] | null,
    @Ctx() ctx: Context,
  ) {
    const document = await exportDataset(ctx.knex);
    const wanted = new Set<string>(sections ?? SECTIONS);
    return Object.fromEntries(
      Object.entries(document).filter(([section]) => wanted.has(section as Section)),
    );
  }
}
