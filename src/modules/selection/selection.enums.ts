import { registerEnumType } from 'type-graphql';
import { StageKind } from '../../domain/selection-stages';
import { TieBreak } from '../../domain/selection-standings';

/** The GraphQL names and descriptions of the selection's stage enums (the rules: src/domain). */
registerEnumType(StageKind, {
  name: 'StageKind',
  description:
    'A stage of an open (JPT) or competitive (administrator) selection, PermenPANRB 15/2019.',
  valuesConfig: {
    ADMINISTRATION: {
      description:
        'Administration: documents and conditions. Passes or fails only (score 100 or 0), no weight.',
    },
    COMPETENCY: {
      description:
        'Managerial and socio-cultural competency (assessment centre): the JPM of the SKJ; the frozen JPM stands in while no score is entered.',
    },
    TECHNICAL: { description: 'Technical competency of the post’s field.' },
    PAPER: { description: 'A paper (makalah) and its presentation.' },
    INTERVIEW: { description: 'The final interview.' },
    TRACK_RECORD: {
      description: 'The track record (rekam jejak): performance, integrity, discipline.',
    },
    HEALTH_PSYCHOLOGY: {
      description:
        'Health and psychological tests. Passes or fails only (score 100 or 0), no weight.',
    },
  },
});

registerEnumType(TieBreak, {
  name: 'TieBreak',
  description: 'The rule that ordered two standings of equal total, tried in this order.',
  valuesConfig: {
    COMPETENCY_SCORE: {
      description: 'The higher COMPETENCY score (entered, or the frozen JPM) goes first.',
    },
    JOB_PERSON_MATCH: { description: 'The higher JPM frozen at opening goes first.' },
    FROZEN_RANKING: {
      description: 'The earlier place in the ranking frozen at opening goes first (never ties).',
    },
  },
});

export { StageKind, TieBreak };
