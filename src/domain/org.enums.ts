export enum AgencyKind {
  MINISTRY = 'MINISTRY',
  AGENCY = 'AGENCY',
  PROVINCE = 'PROVINCE',
  REGENCY = 'REGENCY',
  CITY = 'CITY',
}
