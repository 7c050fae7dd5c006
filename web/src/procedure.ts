/**
 * The committee's procedure in the console, without React: the API's limits on its free text,
 * the checks made on a field before a request, and the API's refusals in the viewer's words.
 */
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
