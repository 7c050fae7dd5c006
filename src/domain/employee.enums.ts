export enum EmploymentType {
  PNS = 'PNS',
  CPNS = 'CPNS',
  PPPK = 'PPPK',
}
