import type { DatasetIssue, Section } from './dataset.types';
import type { KnownKeys } from './dataset.validate';
import { employeeKey } from './dataset.write';

type Row = Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' ? v : null);

/** The agency a record belongs to (by its org unit or employee); null for shared catalogue data. */
export function agencyOfRecord(section: Section, record: Row, known: KnownKeys): string | null {
  switch (section) {
    case 'agencies':
      return text(record.code);
    case 'orgUnits':
      return text(record.agency);
    case 'positions':
    case 'employees':
      return known.orgUnits.get(text(record.orgUnit) ?? '')?.agency ?? null;
    case 'assessments':
    case 'trainings':
      return (
        known.employeeAgencies.get(
          employeeKey({ nip: text(record.nip), pppkNumber: text(record.pppkNumber) }),
        ) ?? null
      );
    default:
      return null;
  }
}

/** The agency of the record stored under the same key as `record`, if there is one. */
export function storedAgency(section: Section, record: Row, known: KnownKeys): string | null {
  const code = text(record.code) ?? '';
  switch (section) {
    case 'orgUnits':
      return known.orgUnits.get(code)?.agency ?? null;
    case 'positions':
      return known.positions.get(code) ?? null;
    case 'employees':
      return (
        known.employeeAgencies.get(
          employeeKey({ nip: text(record.nip), pppkNumber: text(record.pppkNumber) }),
        ) ?? null
      );
    default:
      return null;
  }
}

/**
 * The keys as a caller bound to `agency` sees them: another agency's org units, positions and
 * employees are left out, so every check and message treats them as not existing, exactly as
 * reads do. The catalogues (agencies, competencies, courses) are shared and stay.
 */
export function visibleTo(known: KnownKeys, agency: string): KnownKeys {
  const employeeAgencies = new Map(
    [...known.employeeAgencies].filter(([, owner]) => owner === agency),
  );
  return {
    ...known,
    orgUnits: new Map([...known.orgUnits].filter(([, unit]) => unit.agency === agency)),
    positions: new Map([...known.positions].filter(([, owner]) => owner === agency)),
    nips: new Set(
      [...known.nips].filter((nip) => employeeAgencies.has(employeeKey({ nip, pppkNumber: null }))),
    ),
    pppkNumbers: new Set(
      [...known.pppkNumbers].filter((n) =>
        employeeAgencies.has(employeeKey({ nip: null, pppkNumber: n })),
      ),
    ),
    employeeAgencies,
  };
}

/**
 * Issues for a validated record outside the agency a caller is bound to. The record it would
 * replace belongs to another agency: answered as not found, as a read would be. The record
 * would land in another agency (an org unit of another agency): refused as not theirs.
 */
export function outsideAgency(
  section: Section,
  record: Row,
  known: KnownKeys,
  agency: string,
): DatasetIssue[] {
  const stored = storedAgency(section, record, known);
  if (stored !== null && stored !== agency) {
    const field = section === 'employees' ? (record.nip ? 'nip' : 'pppkNumber') : 'code';
    return [
      {
        section,
        index: 0,
        field,
        code: 'NOT_FOUND',
        message: `no record has ${field} "${text(record[field]) ?? ''}"`,
      },
    ];
  }
  const target = agencyOfRecord(section, record, known);
  if (target !== null && target !== agency) {
    const field =
      section === 'orgUnits' || section === 'agencies'
        ? section === 'agencies'
          ? 'code'
          : 'agency'
        : section === 'positions' || section === 'employees'
          ? 'orgUnit'
          : record.nip
            ? 'nip'
            : 'pppkNumber';
    return [
      { section, index: 0, field, code: 'INVALID', message: `must be of your agency (${agency})` },
    ];
  }
  return [];
}
