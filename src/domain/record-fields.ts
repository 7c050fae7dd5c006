import { EmploymentType } from './employee.enums';
import { parseNip } from './nip';
import { PerformanceRating, POSITION_CATEGORY_INFO, PositionCategory } from './position.enums';
import { isRankCode, normaliseEducationCode } from './reference.data';
import { DEFAULT_DISCIPLINE_YEARS, DISCIPLINE_LEVELS } from './discipline';
import type { EmployeeRecord, PositionRecord } from './dataset.types';
import { isWholeIn, withFieldCount, type RecordReader } from './record-reader';

/** The fields of the two richest records, an employee and a position's conditions. */

/** An enum's values, listed once per enum (records ask for them millions of times). */
const listed = new WeakMap<object, readonly string[]>();
const values = <T extends string>(e: Record<string, T>): readonly T[] => {
  let list = listed.get(e);
  if (!list) listed.set(e, (list = Object.values(e)));
  return list as readonly T[];
};
const PPPK_NUMBER = /^[0-9]{8,32}$/;
/** No serving employee was born earlier, nor first appointed before the republic's civil service. */
const EARLIEST_BIRTH_DATE = '1900-01-01';
const EARLIEST_APPOINTMENT = '1945-08-17';

/** A position's conditions (persyaratan): the category's defaults for what is left out. */
export function readConditions(
  r: RecordReader,
  category: string | null,
  courseOf: (code: string) => unknown,
): PositionRecord['conditions'] | null {
  const defaults = {
    minRank: null,
    minEducation: null,
    requiredCourses: [],
    minYearsOfService: null,
    minPerformance: null,
    performanceYears: 2,
    retirementAge: category
      ? POSITION_CATEGORY_INFO[category as PositionCategory].retirementAge
      : 58,
    disciplineLevel: null,
    disciplineYears: DEFAULT_DISCIPLINE_YEARS,
  };
  const raw = r.value('conditions');
  if (raw === undefined || raw === null) return defaults;
  const conditions = r.nested('conditions', raw);
  if (!conditions) return null;
  let ok = true;
  const minRank = conditions.string('minRank');
  if (minRank && !isRankCode(minRank)) {
    conditions.issue('minRank', 'INVALID', `"${minRank}" is not a rank code (I/a … IV/e)`);
    ok = false;
  }
  const minEducationRaw = conditions.string('minEducation');
  const minEducation = minEducationRaw ? normaliseEducationCode(minEducationRaw) : null;
  if (minEducationRaw && !minEducation) {
    conditions.issue(
      'minEducation',
      'INVALID',
      `"${minEducationRaw}" is not an education code (SD SMP SMA D1 D2 D3 S1 D4 S2 S3)`,
    );
    ok = false;
  }
  const requiredCourses: string[] = [];
  conditions.list('requiredCourses', (item, _i, path) => {
    if (typeof item !== 'string' || !item.trim()) {
      conditions.issue(path, 'INVALID', 'must be a course code');
      ok = false;
    } else if (!courseOf(item.trim())) {
      conditions.issue(path, 'NOT_FOUND', `no course has code "${item.trim()}"`);
      ok = false;
    } else if (!requiredCourses.includes(item.trim())) requiredCourses.push(item.trim());
  });
  const minYearsOfService = conditions.integer('minYearsOfService', { min: 0, max: 60 });
  const minPerformance = conditions.oneOf('minPerformance', values(PerformanceRating), false);
  const performanceYears =
    conditions.integer('performanceYears', { min: 1, max: 10 }) ?? defaults.performanceYears;
  const retirementAge =
    conditions.integer('retirementAge', { min: 40, max: 75 }) ?? defaults.retirementAge;
  const disciplineLevel = conditions.oneOf('disciplineLevel', DISCIPLINE_LEVELS, false);
  const disciplineYears =
    conditions.integer('disciplineYears', { min: 1, max: 10 }) ?? defaults.disciplineYears;
  conditions.rejectUnknownFields();
  if (!ok) return null;
  return {
    minRank,
    minEducation: minEducation ?? null,
    requiredCourses,
    minYearsOfService,
    minPerformance,
    performanceYears,
    retirementAge,
    disciplineLevel,
    disciplineYears,
  };
}

/** An employee: identity by employment type, rank or grade, education, unit, dates, ratings. */
export function readEmployee(
  r: RecordReader,
  unitOf: (code: string) => unknown,
  positionExists: (code: string) => boolean,
  today: string,
): EmployeeRecord | null {
  const employmentType = r.oneOf('employmentType', values(EmploymentType));
  const nip = r.string('nip', { max: 40 });
  const pppkNumber = r.string('pppkNumber', { max: 40 });
  const name = r.string('name', { required: true, max: 200 });
  const rank = r.string('rank');
  const pppkGrade = r.integer('pppkGrade', { min: 1, max: 17 });
  const educationRaw = r.string('education', { required: true });
  const orgUnit = r.code('orgUnit');
  const position = r.code('position', false);
  const birthDate = r.date('birthDate', false, { from: EARLIEST_BIRTH_DATE, to: today });
  const appointedOn = r.date('appointedOn', false, { from: EARLIEST_APPOINTMENT, to: today });
  const potential = r.number('potential', { min: 0, max: 100, decimals: 2 });
  let ok = !!employmentType && !!name && !!orgUnit;

  if (employmentType === 'PPPK') {
    if (nip) r.issue('nip', 'INVALID', 'PPPK employees have a PPPK number, not a NIP');
    if (!pppkNumber) r.issue('pppkNumber', 'REQUIRED', 'is required for PPPK');
    else if (!PPPK_NUMBER.test(pppkNumber)) r.issue('pppkNumber', 'INVALID', 'must be 8–32 digits');
    if (rank) r.issue('rank', 'INVALID', 'PPPK have a grade (pppkGrade), not a rank');
    ok &&= !nip && !!pppkNumber && PPPK_NUMBER.test(pppkNumber) && !rank;
  } else if (employmentType) {
    if (pppkNumber)
      r.issue('pppkNumber', 'INVALID', `${employmentType} employees are identified by NIP`);
    if (pppkGrade !== null) r.issue('pppkGrade', 'INVALID', 'only PPPK have a grade');
    if (!nip) r.issue('nip', 'REQUIRED', `is required for ${employmentType}`);
    else {
      const parsed = parseNip(nip);
      if (!parsed.ok) {
        r.issue('nip', 'INVALID', `NIP ${nip.slice(0, 20)}: ${parsed.reason}`);
        ok = false;
      } else if (parsed.parts.birthDate > today) {
        r.issue('nip', 'INVALID', `NIP ${nip}: the birth date is in the future`);
        ok = false;
      }
    }
    if (rank && !isRankCode(rank)) {
      r.issue('rank', 'INVALID', `"${rank}" is not a rank code (I/a … IV/e)`);
      ok = false;
    }
    ok &&= !pppkNumber && pppkGrade === null && !!nip;
  }
  const education = educationRaw ? normaliseEducationCode(educationRaw) : undefined;
  if (educationRaw && !education) {
    r.issue(
      'education',
      'INVALID',
      `"${educationRaw}" is not an education code (SD SMP SMA D1 D2 D3 S1 D4 S2 S3)`,
    );
  }
  if (orgUnit && !unitOf(orgUnit)) {
    r.issue('orgUnit', 'NOT_FOUND', `no org unit has code "${orgUnit}"`);
    ok = false;
  }
  if (position && !positionExists(position)) {
    r.issue('position', 'NOT_FOUND', `no position has code "${position}"`);
    ok = false;
  }
  if (birthDate && appointedOn && appointedOn <= birthDate) {
    r.issue('appointedOn', 'INVALID', 'must be after the birth date');
    ok = false;
  }
  const performance: EmployeeRecord['performance'] = [];
  const years = new Set<number>();
  r.list('performance', (item, _i, path) => {
    // The usual rating, `{ year, rating }` and both valid, is taken as it is: no reader.
    const plain = plainRating(item);
    if (plain && !years.has(plain.year)) {
      years.add(plain.year);
      return performance.push(plain);
    }
    const p = r.nested(path, item);
    if (!p) return (ok = false);
    const year = p.integer('year', { required: true, min: 1950, max: 2200 });
    const rating = p.oneOf('rating', values(PerformanceRating));
    p.rejectUnknownFields();
    if (year === null || !rating) return (ok = false);
    if (years.has(year)) {
      p.issue('year', 'DUPLICATE', `year ${year} is rated more than once`);
      return (ok = false);
    }
    years.add(year);
    performance.push({ year, rating });
  });
  performance.sort((a, b) => a.year - b.year);
  if (!ok || !education) return null;
  return {
    nip: employmentType === 'PPPK' ? null : nip,
    pppkNumber: employmentType === 'PPPK' ? pppkNumber : null,
    name: name!,
    employmentType: employmentType!,
    rank: employmentType === 'PPPK' ? null : rank,
    pppkGrade: employmentType === 'PPPK' ? pppkGrade : null,
    education,
    orgUnit: orgUnit!,
    position,
    birthDate,
    appointedOn,
    potential,
    performance,
  };
}

/**
 * A performance rating that is exactly `{ year, rating }`, a whole year from 1950 to 2200 and a
 * known rating, as it stands; anything else is null and goes through the field checks.
 */
function plainRating(item: unknown): EmployeeRecord['performance'][number] | null {
  const record = withFieldCount(item, 2);
  if (!record) return null;
  const { year, rating } = record;
  return isWholeIn(year, 1950, 2200) &&
    typeof rating === 'string' &&
    values(PerformanceRating).includes(rating as PerformanceRating)
    ? (record as unknown as EmployeeRecord['performance'][number])
    : null;
}
