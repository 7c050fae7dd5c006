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
  entities: [Employee, PerformanceRecord],
  leanEntities: [Employee],
  cost: {
    lists: {
      'Employee.competencies': 20,
      'Employee.performance': 10,
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
