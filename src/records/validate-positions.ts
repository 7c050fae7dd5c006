import { PositionCategory } from '../domain/position.enums';
import type { PositionRecord } from '../domain/dataset.types';
import type { RecordReader } from '../domain/record-reader';
import { readConditions } from '../domain/record-fields';
import { values, type DocumentReader } from './validate-reader';

/** Positions: job profile (requirements) and conditions. */
export function readPositions(doc: DocumentReader): void {
  doc.records('positions', (r) => {
    const code = r.code('code');
    const title = r.string('title', { required: true, max: 300 });
    const category = r.oneOf('category', values(PositionCategory));
    const orgUnit = r.code('orgUnit');
    const summary = r.string('summary') ?? '';
    const governmentAffair = r.string('governmentAffair', { max: 200 });
    let ok = true;
    if (orgUnit && !doc.unitOf(orgUnit)) {
      r.issue('orgUnit', 'NOT_FOUND', `no org unit has code "${orgUnit}"`);
      ok = false;
    }
    const requirements = readRequirements(doc, r);
    if (!requirements.ok) ok = false;
    const conditions = readConditions(r, category, (code) => doc.courseOf(code));
    if (!conditions) ok = false;
    if (!doc.firstSeen(r, doc.docPositions, code, 'code') || !code) return;
    doc.docPositions.add(code);
    if (ok && title && category && orgUnit && conditions) {
      doc.dataset.positions.push({
        code,
        title,
        category,
        orgUnit,
        summary,
        governmentAffair,
        requirements: requirements.list,
        conditions,
      });
    }
  });
}

/** A position's requirements: a known competency each, once, with a level and a weight. */
function readRequirements(
  doc: DocumentReader,
  r: RecordReader,
): { list: PositionRecord['requirements']; ok: boolean } {
  let ok = true;
  const list: PositionRecord['requirements'] = [];
  const seen = new Set<string>();
  r.list('requirements', (item, _i, path) => {
    const requirement = r.nested(path, item);
    if (!requirement) return (ok = false);
    const competency = requirement.code('competency');
    const level = requirement.integer('level', { required: true, min: 1, max: 5 });
    const weight = requirement.number('weight', { min: 0, max: 1000, exclusiveMin: true }) ?? 1;
    const critical = requirement.boolean('critical', false);
    requirement.rejectUnknownFields();
    if (!doc.checkCompetency(requirement, 'competency', competency) || level === null)
      return (ok = false);
    if (seen.has(competency!)) {
      requirement.issue('competency', 'DUPLICATE', `"${competency}" is required more than once`);
      return (ok = false);
    }
    seen.add(competency!);
    list.push({ competency: competency!, level, weight, critical });
  });
  return { list, ok };
}
