import { visibilityOf, type Feature } from '../../platform/http/feature';
import { FILTER_BRANCH_COST, SKILL_CONDITION_COST } from '../../platform/graphql/cost';
import { employeeFilterShape } from './filter-shape';
import {
  EmployeeCompetencyResolver,
  EmployeeResolver,
  OrgUnitEmployeesResolver,
  PositionHoldersResolver,
} from './employee.resolver';
import { CompetencyHoldersResolver } from './competency-holders.resolver';
import { EmployeeCountResolver } from './employee-counts.resolver';
import { EmployeeMutationResolver } from './employee.mutations';
import { Employee } from './employee.entity';
import { PerformanceRecord } from './performance-record.entity';
import { DisciplineRecord } from './discipline-record.entity';

/**
 * What a computed order costs (units of one plain field): a sort of every employee in scope,
 * priced for the largest province like a skill condition (a pass over the scope); LEVEL reads
 * each one's latest assessment of the competency besides (docs/performance.md).
 */
const COMPUTED_ORDER_COST: Readonly<Record<string, number>> = {
  RANK: SKILL_CONDITION_COST,
  YEARS_OF_SERVICE: SKILL_CONDITION_COST,
  LEVEL: 3 * SKILL_CONDITION_COST,
};

/** Employees (ASN), their current competencies, performance, searches and counts. */
export const employeeFeature: Feature = {
  name: 'employee',
  resolvers: [
    EmployeeResolver,
    EmployeeCompetencyResolver,
    OrgUnitEmployeesResolver,
    PositionHoldersResolver,
    CompetencyHoldersResolver,
    EmployeeCountResolver,
    EmployeeMutationResolver,
  ],
  entities: [Employee, PerformanceRecord, DisciplineRecord],
  leanEntities: [Employee],
  cost: {
    lists: {
      'Employee.competencies': 20,
      'Employee.performance': 10,
      'Employee.discipline': 20,
      'Query.employeeCounts': 1000,
    },
    work: {
      'Query.employeeCounts': 200,
      // One statement for every group of the answer, over the counted employees and their
      // assessment results in the competency (or training records of the year): counted per
      // group here, as a list's fields are, which prices one such statement at 5,000 (or 2,000).
      'EmployeeCount.meanLevel': 5,
      'EmployeeCount.meanTrainingHours': 2,
      // A skill search from the competency's side: one skill condition, whatever the filter adds.
      'Competency.holders': SKILL_CONDITION_COST,
    },
    inputs: {
      // A computed order sorts every employee the filter selects (no index reads the page).
      EmployeeOrder: (value) => ({
        cost: COMPUTED_ORDER_COST[(value as { field?: string }).field ?? ''] ?? 0,
        conditions: 0,
        depth: 0,
      }),
      EmployeeFilter: (value) => {
        const { skills, branches, depth } = employeeFilterShape(value);
        return {
          cost: skills * SKILL_CONDITION_COST + branches * FILTER_BRANCH_COST,
          conditions: skills + branches,
          depth,
        };
      },
    },
  },
  visibility: [
    visibilityOf<Employee>({
      entity: Employee,
      async visible(rows, access) {
        const keep = await Promise.all(rows.map((e) => access.seesEmployee(e)));
        return rows.filter((_, i) => keep[i]);
      },
    }),
  ],
};
