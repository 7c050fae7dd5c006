import { CompetencyType } from '../domain/competency.enums';
import type { CompetencyRecord } from '../domain/dataset.types';
import type { RecordReader } from '../domain/record-reader';
import { values, type DocumentReader } from './validate-reader';

/** Competencies with their five levels. */
export function readCompetencies(doc: DocumentReader): void {
  doc.records('competencies', (r) => {
    const code = r.code('code');
    const name = r.string('name', { required: true, max: 200 });
    const type = r.oneOf('type', values(CompetencyType));
    const description = r.string('description') ?? '';
    const { levels, ok } = readLevels(r);
    if (!doc.firstSeen(r, doc.docCompetencies, code, 'code') || !code) return;
    doc.docCompetencies.add(code);
    if (name && type && ok) {
      levels.sort((a, b) => a.level - b.level);
      doc.dataset.competencies.push({ code, name, type, description, levels });
    }
  });
}

/** A competency's levels, each once, with their indicators; `ok` is false after any issue. */
function readLevels(r: RecordReader): { levels: CompetencyRecord['levels']; ok: boolean } {
  const levels: CompetencyRecord['levels'] = [];
  const seenLevels = new Set<number>();
  let ok = true;
  r.list('levels', (item, _i, path) => {
    const levelReader = r.nested(path, item);
    if (!levelReader) return (ok = false);
    const level = levelReader.integer('level', { required: true, min: 1, max: 5 });
    const text = levelReader.string('description', { required: true });
    const indicators: string[] = [];
    levelReader.list('indicators', (ind, _j, indPath) => {
      if (typeof ind === 'string' && ind.trim()) indicators.push(ind.trim());
      else {
        levelReader.issue(indPath, 'INVALID', 'must be a non-empty string');
        ok = false;
      }
    });
    levelReader.rejectUnknownFields();
    if (level !== null && seenLevels.has(level)) {
      levelReader.issue('level', 'DUPLICATE', `level ${level} appears more than once`);
      ok = false;
    }
    if (level === null || text === null) return (ok = false);
    seenLevels.add(level);
    levels.push({ level, description: text, indicators });
  });
  return { levels, ok };
}
