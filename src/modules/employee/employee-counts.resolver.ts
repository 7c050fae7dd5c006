import { Arg, Float, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { EmployeeCount } from './employee-counts';
import { meanLevel, meanTrainingHours } from './employee-means';

@Resolver(() => EmployeeCount)
export class EmployeeCountResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'The mean current level (the latest assessment up to today, stale ones included) of a competency among the employees of the group who have one; those never assessed in it are left out, not counted as 0. Rounded to two decimals. Null on the row of withheld groups, when no one is assessed, and, to an ANALYST, when fewer than the minimum group size are.',
  })
  meanLevel(
    @Root() row: EmployeeCount,
    @Arg('competency', () => String, { description: 'The competency code (`M.03`).' })
    competency: string,
  ) {
    return meanLevel(row, competency);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'The mean JP of training completed in the year per employee of the group, everyone counted (no training that year: 0). Rounded to two decimals. Null on the row of withheld groups.',
  })
  meanTrainingHours(
    @Root() row: EmployeeCount,
    @Arg('year', () => Int, { description: 'The calendar year.' }) year: number,
  ) {
    return meanTrainingHours(row, year);
  }
}
