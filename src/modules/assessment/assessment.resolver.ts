import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../platform/graphql/context';
import { PersonalFact } from '../../platform/graphql/personal-facts';
import { paginate } from '../../platform/db/keyset';
import { connectionType, PageArgs } from '../../shared/pagination';
import { Competency } from '../competency/competency.entity';
import { Employee } from '../employee/employee.entity';
import { EmployeeCompetency } from '../employee/employee.types';
import { Assessment } from './assessment.entity';
import { AssessmentResult } from './assessment-result.entity';

export const AssessmentConnection = connectionType(Assessment);

@Resolver(() => Assessment)
export class AssessmentResolver {
  @PersonalFact()
  @FieldResolver(() => Employee, { nullable: true, description: 'Who was assessed.' })
  employee(@Root() assessment: Assessment, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Employee).load(assessment.employee.id);
  }

  @FieldResolver(() => [AssessmentResult], { description: 'The level given per competency.' })
  results(@Root() assessment: Assessment, @Ctx() ctx: Context) {
    return ctx.loaders
      .childrenOf(AssessmentResult, 'assessment', { id: 'ASC' })
      .load(assessment.id);
  }
}

@Resolver(() => AssessmentResult)
export class AssessmentResultResolver {
  @FieldResolver(() => Competency, { description: 'The competency assessed.' })
  competency(@Root() result: AssessmentResult, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Competency).load(result.competency.id);
  }
}

@Resolver(() => EmployeeCompetency)
export class EmployeeCompetencyAssessmentResolver {
  @FieldResolver(() => Assessment, { description: 'The assessment the level comes from.' })
  assessment(@Root() item: EmployeeCompetency, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Assessment).load(item.assessmentId);
  }
}

@Resolver(() => Employee)
export class EmployeeAssessmentsResolver {
  @PersonalFact()
  @FieldResolver(() => AssessmentConnection, {
    nullable: true,
    description: 'Assessment history, latest first.',
  })
  assessments(
    @Root() employee: Employee,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    const sort = [{ property: 'assessedOn', direction: 'DESC' }] as const;
    return paginate(ctx.em, Assessment, { employee: employee.id }, sort, page);
  }
}
