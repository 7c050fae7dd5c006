import { findInputProblem } from '../../domain/text';
import { AppError, ErrorCode } from '../../shared/errors';

/**
 * The check of a request's `variables` before anything else walks them: null when every
 * variable may be taken, else BAD_USER_INPUT naming the variable and, for a text, the path to it
 * (`Variable \`$input.name\` contains the bidirectional control U+202E.`; `extensions.argument`
 * the path, `extensions.variable` the variable's name). A value nested too deep is named by its
 * variable alone. Depth is counted from each variable, as it is from each argument. Copies
 * nothing: the texts are normalised later, field by field, as the arguments are read.
 */
export function checkVariables(variables: unknown): AppError | null {
  if (typeof variables !== 'object' || variables === null) return null;
  for (const variable of Object.keys(variables)) {
    const found = findInputProblem((variables as Record<string, unknown>)[variable], [variable]);
    if (!found) continue;
    const argument = found.kind === 'too-deep' ? variable : found.path.join('.');
    return new AppError(ErrorCode.BAD_USER_INPUT, `Variable \`$${argument}\` ${found.problem}.`, {
      argument,
      variable,
    });
  }
  return null;
}
