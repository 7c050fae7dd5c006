import { MAX_EVENT_EMPLOYEES } from './modules/changes/change-feed';
import { employeeFilterShape } from './modules/employee/filter-shape';
import type { CostModel, InputCost } from './shared/limits';

/**
 * What one skill condition of a filter costs, in units of one plain field (~10 µs of server
 * time: a fit is 10, a page of 100 employees with their nested fields a few thousand). A skill
 * condition is a pass over every result of its competency in the ranking index, and the
 * employees it finds go to SQL as one array. At a million employees a competency everyone is
 * assessed in holds ~1.5 million results: the pass alone takes ~14 ms (measured on those
 * columns), the array of the ~600,000 it may find several times that; at 100,000 a tenth. So
 * 1,000, priced for the largest province, like every other entry here: fifty such conditions
 * are half of the default limit.
 */
export const SKILL_CONDITION_COST = 1_000;
/** A nested filter (`and`/`or` item, `not`): one more SQL expression; its own conditions count apart. */
export const FILTER_BRANCH_COST = 10;

/**
 * The most items each list field without a page argument can hold, from the domain: five
 * proficiency levels, nine talent boxes, a job profile's dozen-odd requirements. The cost of
 * a query assumes every list is this full.
 */
const LIST_BOUNDS: Readonly<Record<string, number>> = {
  'Competency.levels': 5,
  'CompetencyLevel.indicators': 10,
  'Competency.developedBy': 20,
  'Competency.requiredBy': 50,
  'OrgUnit.children': 30,
  'Position.requirements': 15,
  'PositionConditions.requiredCourses': 5,
  'Fit.terms': 15,
  'Fit.gaps': 15,
  'Fit.unmetConditions': 8,
  'Gap.courses': 5,
  'TrainingPlan.courses': 15,
  'TrainingPlan.uncoveredGaps': 15,
  'PlannedCourse.closes': 3,
  'PlannedCourse.raises': 3,
  'PlannedCourse.prerequisiteOf': 15,
  'TrainingPlan.byReason': 4,
  'Employee.competencies': 20,
  'Employee.performance': 10,
  'Assessment.results': 20,
  'Course.outcomes': 10,
  'Course.prerequisites': 3,
  'Course.requiredFor': 10,
  'CompetencyHeatMap.rows': 50,
  'CompetencyHeatMap.competencies': 50,
  'HeatMapRow.cells': 50,
  'TrainingNeeds.competencies': 50,
  'TrainingNeeds.courses': 50,
  'TrainingProgramme.courses': 50,
  'ProfessionalismSummary.bands': 5,
  'TalentMatrix.cells': 9,
  'Query.benchStrength': 50,
  'Query.vacancies': 50,
  'DevelopmentPlanSummary.plans': 200,
  'DevelopmentPlan.courses': 25,
  'Employee.developmentPlans': 10,
  'Query.talentBoxActions': 9,
  'ImportReport.sections': 8,
  'ImportReport.issues': 1000,
  'Query.employeeCounts': 1000,
  'EmployeesChanged.employees': MAX_EVENT_EMPLOYEES,
};

/**
 * What a field computes each time it resolves, in units of one plain field. A fit scores one
 * employee against one profile and plans the training (tens of fields' work); the best-fitting
 * positions score an employee against every position; an analysis reads a whole scope; the
 * dataset export reads the whole database.
 */
const WORK: Readonly<Record<string, number>> = {
  'Query.fit': 10,
  'Query.employeeCounts': 200,
  // A skill search from the competency's side: one skill condition, whatever the filter adds.
  'Competency.holders': SKILL_CONDITION_COST,
  'Employee.fit': 10,
  'Fit.trainingPlan': 10,
  'Employee.bestFitPositions': 2_000,
  'Query.candidates': 100,
  'Position.candidates': 100,
  'Query.succession': 200,
  'Query.benchStrength': 200,
  'Query.vacancies': 300,
  'Query.competencyHeatMap': 500,
  'Query.trainingNeeds': 500,
  'Query.trainingCompliance': 200,
  'Query.talentMatrix': 200,
  'Query.professionalismIndex': 200,
  'Employee.professionalismIndex': 5,
  'Employee.talentBox': 5,
  'Query.datasetExport': 20_000,
  'Mutation.importDataset': 5_000,
};

/** What an argument of each input type asks for, by its value (types not here cost nothing). */
const INPUT_COSTS: Readonly<Record<string, (value: unknown) => InputCost>> = {
  EmployeeFilter: (value) => {
    const { skills, branches, depth } = employeeFilterShape(value);
    return {
      cost: skills * SKILL_CONDITION_COST + branches * FILTER_BRANCH_COST,
      conditions: skills + branches,
      depth,
    };
  },
};

/** The cost model of this schema (see docs/security.md, "Limits"). */
export const COST_MODEL: CostModel = {
  listBound: (type, field) => LIST_BOUNDS[`${type}.${field}`],
  work: (type, field) => WORK[`${type}.${field}`] ?? 0,
  inputCost: (type, value) => INPUT_COSTS[type]?.(value),
};
