import { DEMO_TODAY } from './constants';

/** The callers of the role matrix; HR_Y is HR of the regency (`Y`), the rest are of `X`. */
export type Caller = 'ADMIN' | 'HR' | 'HR_Y' | 'COMMITTEE' | 'EMPLOYEE' | 'ANALYST';

/** The province of the demo data (agency X of the matrix). */
export const AGENCY_X = 'PROV-MALUKU';

/**
 * Root operations and who may run them ('ok', or the error code; 'ok' where a role is not
 * named), with the variables `p` (a position of X) and `nip` (an employee of X).
 */
export const ROLE_MATRIX: [string, string, Partial<Record<Caller, string>>][] = [
  ['employees list', '{ employees(first: 1) { totalCount } }', { ANALYST: 'ok' }],
  ['labels', '{ labels { enum value label } }', {}],
  [
    'candidates',
    `query($p: String!) { candidates(positionCode: $p, first: 1) { totalCount } }`,
    { EMPLOYEE: 'FORBIDDEN', ANALYST: 'FORBIDDEN' },
  ],
  [
    'talentMatrix',
    `{ talentMatrix(scope: { agencyCode: "${AGENCY_X}" }, year: 2026) { employees } }`,
    { COMMITTEE: 'FORBIDDEN', EMPLOYEE: 'FORBIDDEN' },
  ],
  [
    'trainingCompliance',
    `{ trainingCompliance(scope: { agencyCode: "${AGENCY_X}" }, year: 2026) { employees } }`,
    { COMMITTEE: 'FORBIDDEN', EMPLOYEE: 'FORBIDDEN' },
  ],
  [
    'competencyHeatMap',
    `{ competencyHeatMap(scope: { agencyCode: "${AGENCY_X}" }, policy: { asOf: "${DEMO_TODAY}" }) { asOf } }`,
    { COMMITTEE: 'FORBIDDEN', EMPLOYEE: 'FORBIDDEN' },
  ],
  [
    'professionalismIndex',
    `{ professionalismIndex(scope: { agencyCode: "${AGENCY_X}" }, year: 2026) { employees } }`,
    { COMMITTEE: 'FORBIDDEN', EMPLOYEE: 'FORBIDDEN' },
  ],
  [
    'succession',
    `query($p: String!) { succession(positionCode: $p, first: 1) { box } }`,
    { EMPLOYEE: 'FORBIDDEN', ANALYST: 'FORBIDDEN' },
  ],
  [
    'benchStrength',
    `{ benchStrength(scope: { agencyCode: "${AGENCY_X}" }) { readyNow } }`,
    { EMPLOYEE: 'FORBIDDEN', ANALYST: 'FORBIDDEN' },
  ],
  [
    'auditEvents',
    '{ auditEvents(first: 1) { totalCount } }',
    { COMMITTEE: 'FORBIDDEN', EMPLOYEE: 'FORBIDDEN', ANALYST: 'FORBIDDEN' },
  ],
  [
    'datasetExport',
    '{ datasetExport(sections: [AGENCIES]) }',
    { HR: 'FORBIDDEN', COMMITTEE: 'FORBIDDEN', EMPLOYEE: 'FORBIDDEN', ANALYST: 'FORBIDDEN' },
  ],
  [
    'updatePosition',
    `mutation($p: String!) { updatePosition(input: { code: $p }) { userErrors { code } } }`,
    { COMMITTEE: 'FORBIDDEN', EMPLOYEE: 'FORBIDDEN', ANALYST: 'FORBIDDEN' },
  ],
  [
    'recordAssessment',
    `mutation($nip: String!) { recordAssessment(input: { nip: $nip, assessedOn: "2026-01-01", method: ASSESSMENT_CENTER, results: [] }) { userErrors { code } } }`,
    { COMMITTEE: 'FORBIDDEN', EMPLOYEE: 'FORBIDDEN', ANALYST: 'FORBIDDEN' },
  ],
  [
    'createCompetency',
    `mutation { createCompetency(input: { code: "X.99", name: "x", type: TECHNICAL, description: "x", levels: [] }) { userErrors { code } } }`,
    { HR: 'FORBIDDEN', COMMITTEE: 'FORBIDDEN', EMPLOYEE: 'FORBIDDEN', ANALYST: 'FORBIDDEN' },
  ],
  [
    'importDataset',
    'mutation { importDataset(input: { dataset: {}, dryRun: true }) { userErrors { code } } }',
    { HR: 'FORBIDDEN', COMMITTEE: 'FORBIDDEN', EMPLOYEE: 'FORBIDDEN', ANALYST: 'FORBIDDEN' },
  ],
  [
    'setTalentBoxAction',
    'mutation { setTalentBoxAction(input: { box: 0, label: "", action: "" }) { userErrors { code } } }',
    { HR: 'FORBIDDEN', COMMITTEE: 'FORBIDDEN', EMPLOYEE: 'FORBIDDEN', ANALYST: 'FORBIDDEN' },
  ],
];
