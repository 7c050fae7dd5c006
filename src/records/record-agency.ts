import type { DatasetIssue, Section } from '../domain/dataset.types';
import { employeeKey, type KnownKeys } from './known-keys';

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
    case 'discipline':
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
 * Issues for a record outside the agency a caller is bound to, in the words used for a key
 * that does not exist: the record it would replace belongs to another agency, or it would
 * land in another agency's unit or on another agency's employee. Only the agency an org unit
 * names (agencies are public) is refused as not the caller's.
 */
export function outsideAgency(
  section: Section,
  record: Row,
  known: KnownKeys,
  agency: string,
): DatasetIssue[] {
  const issue = (field: string, code: string, message: string): DatasetIssue[] => [
    { section, index: 0, field, code, message },
  ];
  const stored = storedAgency(section, record, known);
  if (stored !== null && stored !== agency) {
    const field = section === 'employees' ? (record.nip ? 'nip' : 'pppkNumber') : 'code';
    return issue(field, 'NOT_FOUND', `no record has ${field} "${text(record[field]) ?? ''}"`);
  }
  const target = agencyOfRecord(section, record, known);
  if (target === null || target === agency) return [];
  switch (section) {
    case 'agencies':
      return issue('code', 'INVALID', `must be your agency (${agency})`);
    case 'orgUnits':
      return issue('agency', 'INVALID', `must be your agency (${agency})`);
    case 'positions':
    case 'employees':
      return issue('orgUnit', 'NOT_FOUND', `no org unit has code "${text(record.orgUnit)}"`);
    default:
      return record.nip
        ? issue('nip', 'NOT_FOUND', `no employee has NIP ${text(record.nip)}`)
        : issue(
            'pppkNumber',
            'NOT_FOUND',
            `no employee has PPPK number ${text(record.pppkNumber)}`,
          );
  }
}
