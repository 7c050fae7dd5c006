import { UserErrorCode } from '../shared/errors';
import type { UserError } from '../shared/user-error';
import type { DatasetIssue } from '../domain/dataset.types';

const CODES = new Set<string>(Object.values(UserErrorCode));

/**
 * A dataset issue as a user error. A mutation writes one record, so its issues point into
 * `input` (`["input", "requirements", "2", "level"]`); an import's point into the document
 * under `input.dataset`, naming section and record.
 */
export function userErrorOf(issue: DatasetIssue, of: 'record' | 'document'): UserError {
  const fieldPath = issue.field ? issue.field.split(/[.[\]]+/).filter(Boolean) : [];
  const code = (CODES.has(issue.code) ? issue.code : UserErrorCode.INVALID) as UserErrorCode;
  if (of === 'record') {
    return {
      field: ['input', ...fieldPath],
      code,
      message: issue.field ? `${issue.field}: ${issue.message}` : issue.message,
    };
  }
  const record = issue.index === null ? [] : [String(issue.index)];
  return {
    field: ['input', 'dataset', issue.section, ...record, ...fieldPath],
    code,
    message: `${issue.section}[${issue.index ?? '-'}]${issue.key ? ` (${issue.key})` : ''}${issue.field ? `.${issue.field}` : ''}: ${issue.message}`,
  };
}
