/** The three competency blocks of Permenpan RB 38/2017. */
export enum CompetencyType {
  TECHNICAL = 'TECHNICAL',
  MANAGERIAL = 'MANAGERIAL',
  SOCIOCULTURAL = 'SOCIOCULTURAL',
}
