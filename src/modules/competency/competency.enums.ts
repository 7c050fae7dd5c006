import { registerEnumType } from 'type-graphql';
import { CompetencyType } from '../../domain/competency.enums';

/** The GraphQL names and descriptions of the competency enums (the values are rules: src/domain). */
registerEnumType(CompetencyType, {
  name: 'CompetencyType',
  description: 'Competency block (Permenpan RB 38/2017).',
  valuesConfig: {
    TECHNICAL: { description: 'Teknis: written by each agency per field of work.' },
    MANAGERIAL: { description: 'Manajerial: the national dictionary M.01–M.08.' },
    SOCIOCULTURAL: { description: 'Sosial kultural: SK.01 Perekat Bangsa.' },
  },
});
