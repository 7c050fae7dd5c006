import { Kind, type GraphQLResolveInfo } from 'graphql';
import type { Language } from '../../domain/language';
import type { Context } from './context';

/**
 * The language a field answers in: its `language` argument when the operation writes one, or
 * else the request's (from `Accept-Language`, Indonesian without it). The schema's default
 * (`= ID`) fills the argument in when it is left out, so whether it was written is read from
 * the operation itself (an explicit null counts as left out).
 */
export function answerLanguage(
  given: Language | null | undefined,
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'variableValues'>,
  ctx: Pick<Context, 'language'>,
): Language {
  const written = info.fieldNodes.some((node) =>
    node.arguments?.some(
      (argument) =>
        argument.name.value === 'language' &&
        // A variable the request leaves unset is as good as no argument.
        (argument.value.kind !== Kind.VARIABLE ||
          info.variableValues[argument.value.name.value] !== undefined),
    ),
  );
  return written && given ? given : ctx.language;
}
