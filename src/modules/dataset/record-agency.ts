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

/** The agency a record already stored under the same key belongs to, if any. */
function storedAgency(section: Section, record: Row, known: KnownKeys): string | null {
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
 * Issues for a record outside the agency a caller is bound to: another agency's records and
 * units are answered as not found, as they are for reads.
 */
export function outsideAgency(
  section: Section,
  record: Row,
  known: KnownKeys,
  agency: string,
): DatasetIssue[] {
  const issue = (field: string, message: string): DatasetIssue => ({
    section,
    index: 0,
    field,
    code: 'NOT_FOUND',
    message,
  });
  const issues: DatasetIssue[] = [];
  const stored = storedAgency(section, record, known);
  if (stored !== null && stored !== agency) {
    const field = section === 'employees' ? (record.nip ? 'nip' : 'pppkNumber') : 'code';
    issues.push(issue(field, `no record has ${field} "${text(record[field]) ?? ''}"`));
  }
  const target = agencyOfRecord(section, record, known);
  if (target !== null && target !== agency) {
    if (section === 'orgUnits')
      issues.push(issue('agency', `no agency has code "${text(record.agency)}"`));
    else if (section === 'positions' || section === 'employees')
      issues.push(issue('orgUnit', `no org unit has code "${text(record.orgUnit)}"`));
    else
      issues.push(
        issue(
          record.nip ? 'nip' : 'pppkNumber',
          `no employee has ${record.nip ? `NIP ${text(record.nip)}` : `PPPK number ${text(record.pppkNumber)}`}`,
        ),
      );
  }
  return issues;
}
