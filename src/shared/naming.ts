import { UserErrorCode } from './errors';
import type { UserError } from './user-error';

/** Why `title` is deprecated, wherever it stands beside `name`. */
export const TITLE_DEPRECATION = 'Use `name`, as on every other type; `title` answers the same.';

/** An input that may say its name as `name` or, deprecated, as `title`. */
export interface NamedInput {
  name?: string | null;
  title?: string | null;
}

/**
 * The input with its name as the record stores it (`title`): `name` or `title`, whichever is
 * given; both with different values is a user error (INVALID), and so is neither when the
 * name is required (REQUIRED).
 */
export function titleFromName<T extends NamedInput>(
  input: T,
  required: boolean,
): { input: Omit<T, 'name' | 'title'> & { title?: string }; userErrors: UserError[] } {
  const { name, title, ...rest } = input;
  if (name != null && title != null && name !== title)
    return {
      input: rest,
      userErrors: [
        {
          field: ['input', 'name'],
          code: UserErrorCode.INVALID,
          message: `Give \`name\` or its deprecated twin \`title\`, not both with different values ("${name}", "${title}").`,
        },
      ],
    };
  const given = name ?? title;
  if (given == null && required)
    return {
      input: rest,
      userErrors: [
        { field: ['input', 'name'], code: UserErrorCode.REQUIRED, message: '`name` is required.' },
      ],
    };
  return { input: given == null ? rest : { ...rest, title: given }, userErrors: [] };
}
