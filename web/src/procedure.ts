/**
 * The committee's procedure in the console, without React: the API's limits on its free text,
 * the checks made on a field before a request, and the API's refusals in the viewer's words.
 */
import { parseNip } from '../../src/domain/nip';
import { ApiError } from './api-error';
import type { MessageKey, Translator } from './words';

/**
 * The most characters of a selection's note and a decision's reason: the API's `MAX_TEXT`
 * (src/modules/selection/selection.service.ts), mirrored here once; a unit test holds them equal.
 */
export const MAX_SELECTION_TEXT = 2000;

/** The most candidates an opening freezes, best first: the API's `FROZEN_CANDIDATES`, likewise. */
export const MAX_FROZEN_CANDIDATES = 100;

/** A field's problem, to be said in words: a message key and its values. */
export interface FieldProblem {
  readonly key: MessageKey;
  readonly params?: Record<string, string | number>;
}

/**
 * What is wrong with a free-text field before it is sent: empty or only spaces where required
 * (the API refuses an empty reason and the committee's record needs a real one), or longer than
 * the API takes.
 */
export function checkText(
  value: string,
  rule: { required: boolean; max: number },
): FieldProblem | undefined {
  if (rule.required && value.trim() === '') return { key: 'fieldRequired' };
  if (value.length > rule.max)
    return { key: 'fieldTooLong', params: { max: rule.max, length: value.length } };
  return undefined;
}

/** A field's problem in words. */
export function sayProblem(t: Translator, problem: FieldProblem): string {
  const params = { ...problem.params };
  for (const [name, value] of Object.entries(params))
    if (typeof value === 'number')
      params[name] = value.toLocaleString(t.language === 'id' ? 'id-ID' : 'en-GB');
  return t(problem.key, params);
}

/** The codes of a mutation's user errors the console words itself. */
const USER_ERROR_WORDS: Record<string, MessageKey> = {
  APPEND_ONLY: 'userErrorAppendOnly',
  CLOSED: 'userErrorClosed',
  CYCLE: 'userErrorInvalid',
  DUPLICATE: 'userErrorInvalid',
  INVALID: 'userErrorInvalid',
  NOT_FOUND: 'userErrorNotFound',
  OUT_OF_RANGE: 'userErrorOutOfRange',
  REQUIRED: 'userErrorRequired',
  TAKEN: 'userErrorInvalid',
};

/**
 * A mutation's user errors in the viewer's words, by their code (never the API's English
 * message); one sentence a distinct code.
 */
export function sayUserErrors(t: Translator, errors: readonly { code: string }[]): string {
  const keys = [...new Set(errors.map((e) => USER_ERROR_WORDS[e.code] ?? 'userErrorInvalid'))];
  return keys.map((key) => t(key)).join(' ');
}

/** A failed request in the viewer's words, by the API's error code (never its English message). */
export function sayFailure(t: Translator, error: unknown): string {
  const code = error instanceof ApiError ? error.code : 'ERROR';
  return t.errorMeaning(code) ?? t('unknownError');
}

/** A score as typed (a decimal comma or point), or what is wrong with it: empty, not 0–100. */
export function checkScore(value: string): { score: number } | { problem: FieldProblem } {
  const text = value.trim().replace(',', '.');
  if (text === '') return { problem: { key: 'fieldRequired' } };
  const score = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(score >= 0 && score <= 100))
    return { problem: { key: 'scoreOutOfRange' } };
  return { score };
}

/**
 * A stage score's user errors in words: a refusal at a stage after the one the candidate dropped
 * at (`INVALID` on the stage) says so; the rest as every mutation's.
 */
export function sayScoreErrors(
  t: Translator,
  errors: readonly { code: string; field?: readonly string[] | null }[],
): string {
  const dropped = errors.some((e) => e.code === 'INVALID' && e.field?.includes('stage'));
  const rest = errors.filter((e) => !(e.code === 'INVALID' && e.field?.includes('stage')));
  return [dropped ? t('userErrorDropped') : '', rest.length > 0 ? sayUserErrors(t, rest) : '']
    .filter(Boolean)
    .join(' ');
}

/** A committee member as the form holds it. */
export interface MemberRow {
  name: string;
  nip: string;
  role: 'CHAIR' | 'SECRETARY' | 'MEMBER';
}

/** What is wrong with a list of members before it is sent: the list's, and each row's fields. */
export interface MembersProblems {
  readonly list: FieldProblem[];
  readonly rows: { name?: FieldProblem; nip?: FieldProblem }[];
}

/**
 * The API's rules for a committee (src/domain/committee.ts), checked on the field: an odd number
 * from 3 to 15, exactly one chair, at most one secretary, every name given (at most 200
 * characters), every NIP valid (src/domain/nip.ts) and none twice. Null when there is none.
 */
export function checkMembers(rows: readonly MemberRow[]): MembersProblems | null {
  const list: FieldProblem[] = [];
  const count = rows.length;
  if (count < 3 || count > 15 || count % 2 === 0)
    list.push({ key: 'membersCount', params: { count } });
  const chairs = rows.filter((r) => r.role === 'CHAIR').length;
  if (chairs !== 1) list.push({ key: 'membersOneChair', params: { count: chairs } });
  const secretaries = rows.filter((r) => r.role === 'SECRETARY').length;
  if (secretaries > 1) list.push({ key: 'membersOneSecretary', params: { count: secretaries } });
  const seen = new Set<string>();
  const problems = rows.map((row) => {
    const name = checkText(row.name, { required: true, max: 200 });
    const nip = row.nip.trim();
    let nipProblem: FieldProblem | undefined;
    if (!parseNip(nip).ok) nipProblem = { key: 'nipInvalid' };
    else if (seen.has(nip)) nipProblem = { key: 'nipTwice' };
    seen.add(nip);
    return { name, nip: nipProblem };
  });
  const any = list.length > 0 || problems.some((p) => p.name || p.nip);
  return any ? { list, rows: problems } : null;
}
