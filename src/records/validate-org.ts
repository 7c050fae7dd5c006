import { AgencyKind } from '../domain/org.enums';
import { provinceOf } from '../domain/province';
import type { AgencyRecord, OrgUnitRecord } from '../domain/dataset.types';
import type { RecordReader } from '../domain/record-reader';
import { values, type DocumentReader } from './validate-reader';

/** Agencies: code, name, kind and province (kept as its Kemendagri code). */
export function readAgencies(doc: DocumentReader): void {
  doc.records('agencies', (r) => {
    const code = r.code('code');
    const name = r.string('name', { required: true, max: 200 });
    const kind = r.oneOf('kind', values(AgencyKind));
    const given = r.string('province', { max: 100 });
    const province = given ? provinceOf(given) : undefined;
    if (given && !province)
      r.issue(
        'province',
        'INVALID',
        `"${given}" is not a province of Indonesia: give its Kemendagri code ("81") or its name ("Maluku")`,
      );
    if (!doc.firstSeen(r, doc.docAgencies, code, 'code') || !code) return;
    doc.docAgencies.add(code);
    if (name && kind && (!given || province))
      doc.dataset.agencies.push({
        code,
        name,
        kind,
        province: province?.code ?? null,
      } satisfies AgencyRecord);
  });
}

/** Org units: their agency, and a parent of the same agency without a cycle. */
export function readOrgUnits(doc: DocumentReader): void {
  const unitRecords: { r: RecordReader; record: OrgUnitRecord }[] = [];
  doc.records('orgUnits', (r) => {
    const code = r.code('code');
    const agency = r.code('agency');
    const name = r.string('name', { required: true, max: 200 });
    const parent = r.code('parent', false);
    if (agency && !doc.agencyExists(agency))
      r.issue('agency', 'NOT_FOUND', `no agency has code "${agency}"`);
    if (code && parent === code) r.issue('parent', 'CYCLE', 'an org unit cannot be its own parent');
    if (!doc.firstSeen(r, doc.docUnits, code, 'code') || !code || !agency) return;
    doc.docUnits.set(code, { agency, parent, index: r.index });
    if (name) unitRecords.push({ r, record: { code, agency, name, parent } });
  });
  // Parents are checked once every unit of the document is known.
  for (const { r, record } of unitRecords) {
    if (record.parent && record.parent !== record.code) {
      if (parentIsGood(doc, r, record)) doc.dataset.orgUnits.push(record);
    } else if (!record.parent) doc.dataset.orgUnits.push(record);
  }
}

/** Whether a unit's parent exists, is of the same agency and closes no cycle. */
function parentIsGood(doc: DocumentReader, r: RecordReader, record: OrgUnitRecord): boolean {
  const parent = doc.unitOf(record.parent!);
  if (!parent) {
    r.issue('parent', 'NOT_FOUND', `no org unit has code "${record.parent}"`);
    return false;
  }
  if (parent.agency !== record.agency) {
    r.issue(
      'parent',
      'INVALID',
      `parent "${record.parent}" belongs to agency "${parent.agency}", not "${record.agency}"`,
    );
    return false;
  }
  if (reaches(record.parent!, record.code, (c) => doc.unitOf(c)?.parent ?? null)) {
    r.issue(
      'parent',
      'CYCLE',
      `making "${record.parent}" the parent of "${record.code}" closes a cycle`,
    );
    return false;
  }
  return true;
}

/** Whether following `next` from `from` reaches `target` (single successor: a tree's parents). */
function reaches(from: string, target: string, next: (code: string) => string | null): boolean {
  const seen = new Set<string>();
  for (let at: string | null = from; at !== null; at = next(at)) {
    if (at === target) return true;
    if (seen.has(at)) return false;
    seen.add(at);
  }
  return false;
}
