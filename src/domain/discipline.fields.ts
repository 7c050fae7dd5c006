import {
  DISCIPLINE_KIND_LEVEL,
  DISCIPLINE_LEVELS,
  DisciplineKind,
  isOpenEnded,
} from './discipline';
import type { DisciplineRecordInput } from './dataset.types';
import type { RecordReader } from './record-reader';

/** No sentence in the republic's civil service predates it; none is dated past the format's years. */
const EARLIEST_SENTENCE = '1945-08-17';
const LATEST_SENTENCE = '2200-12-31';
const KINDS = Object.values(DisciplineKind);

/**
 * A disciplinary sentence's fields: the level and a kind of that level (PP 94/2021, Pasal 8),
 * the decision number, the first day and the last (inclusive; none for dismissal, which has no
 * end, and required for every other sentence), the last not before the first. A sentence may
 * start after today (a decision takes effect later). Whether the NIP names an employee is the
 * caller's to check. Errors name the record by its NIP and decision.
 */
export function readDisciplineRecord(r: RecordReader): DisciplineRecordInput | null {
  const nip = r.string('nip', { required: true, max: 18 });
  const level = r.oneOf('level', DISCIPLINE_LEVELS);
  const kind = r.oneOf('kind', KINDS);
  const decisionNumber = r.string('decisionNumber', { required: true, max: 100 });
  const range = { from: EARLIEST_SENTENCE, to: LATEST_SENTENCE };
  const from = r.date('from', true, range);
  const until = r.date('until', false, range);
  const untilGiven = r.has('until');
  const record = `NIP ${nip ?? '?'}, decision ${decisionNumber ?? '?'}`;
  let ok =
    !!nip && !!level && !!kind && !!decisionNumber && !!from && (until !== null || !untilGiven);
  if (kind && level && DISCIPLINE_KIND_LEVEL[kind] !== level) {
    r.issue(
      'kind',
      'INVALID',
      `${record}: ${kind} is a ${DISCIPLINE_KIND_LEVEL[kind]} sentence, not ${level}`,
    );
    ok = false;
  }
  if (kind && isOpenEnded(kind) && untilGiven) {
    r.issue('until', 'INVALID', `${record}: dismissal (${kind}) has no end; leave until empty`);
    ok = false;
  } else if (kind && !isOpenEnded(kind) && !untilGiven) {
    r.issue('until', 'REQUIRED', `${record}: a ${kind} sentence has a last day (until)`);
    ok = false;
  }
  if (from && until && until < from) {
    r.issue('until', 'OUT_OF_RANGE', `${record}: ends on ${until}, before it starts (${from})`);
    ok = false;
  }
  if (!ok) return null;
  return {
    nip: nip!,
    level: level!,
    kind: kind!,
    decisionNumber: decisionNumber!,
    from: from!,
    until,
  };
}
