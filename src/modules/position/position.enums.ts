import { registerEnumType } from 'type-graphql';
import { PerformanceRating, PositionCategory } from '../../domain/position.enums';

/** The GraphQL names and descriptions of the position enums (the values are rules: src/domain). */
registerEnumType(PositionCategory, {
  name: 'PositionCategory',
  description: 'Position category (UU ASN); `categoryName` on Position gives the Indonesian name.',
});

registerEnumType(PerformanceRating, {
  name: 'PerformanceRating',
  description: 'SKP performance rating for a year.',
});
