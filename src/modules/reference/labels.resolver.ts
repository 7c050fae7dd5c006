import { Arg, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import './reference.enums';
import type { Context } from '../../platform/graphql/context';
import { answerLanguage } from '../../platform/graphql/language';
import { Language } from '../../domain/language';
import { educationLabel, rankLabel } from '../../domain/labels';
import { Label } from './label.types';
import { labelsOfSchema } from './labels.service';
import { Rank } from './rank.entity';
import { EducationLevel } from './education-level.entity';

const LANGUAGE_ARGUMENT = {
  nullable: true,
  defaultValue: Language.ID,
  description:
    'The language of the label; left out, the request’s `Accept-Language` chooses (Indonesian without one).',
} as const;

@Resolver()
export class LabelsResolver {
  @Query(() => [Label], {
    description:
      'The label of every value of every enum of this schema, enum by enum, for front ends that show codes.',
  })
  labels(
    @Arg('language', () => Language, LANGUAGE_ARGUMENT) language: Language | null,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: Context,
  ): Label[] {
    return labelsOfSchema(info.schema, answerLanguage(language, info, ctx));
  }
}

@Resolver(() => Rank)
export class RankLabelResolver {
  @FieldResolver(() => String, {
    description: 'Pangkat and golongan, e.g. "Penata Tingkat I (III/d)".',
  })
  label(
    @Root() rank: Rank,
    @Arg('language', () => Language, LANGUAGE_ARGUMENT) language: Language | null,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: Context,
  ): string {
    return rankLabel(rank.code, answerLanguage(language, info, ctx));
  }
}

@Resolver(() => EducationLevel)
export class EducationLevelLabelResolver {
  @FieldResolver(() => String, {
    description: 'The level’s name with its code, e.g. "Sarjana / Diploma IV (S1)".',
  })
  label(
    @Root() level: EducationLevel,
    @Arg('language', () => Language, LANGUAGE_ARGUMENT) language: Language | null,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: Context,
  ): string {
    return educationLabel(level.code, answerLanguage(language, info, ctx));
  }
}
