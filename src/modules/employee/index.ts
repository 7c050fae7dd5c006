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
import { EmployeeMutationResolver } from './employee.mutations';
import { Employee } from './employee.entity';
import { PerformanceRecord } from './performance-record.entity';
import { DisciplineRecord } from './discipline-record.entity';

/** Employees (ASN), their current competencies, performance, searches and counts. */
export const employeeFeature: Feature = {
  name: 'employee',
  resolvers: [
    EmployeeResolver,
    EmployeeCompetencyResolver,
    OrgUnitEmployeesResolver,
    PositionHoldersResolver,
    CompetencyHoldersResolver,
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
