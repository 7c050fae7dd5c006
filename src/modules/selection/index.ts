import { visibilityOf, type Feature } from '../../platform/http/feature';
import { Role } from '../../platform/auth/auth.types';
import { MAX_STAGES } from '../../domain/selection-stages';
import { PositionCategory } from '../../domain/position.enums';
import { reportRoutes } from './report.route';
import { SelectionDecisionResolver, SelectionResolver } from './selection.resolver';
import {
  SelectionStagesResolver,
  StageTemplateResolver,
  StandingResolver,
} from './selection-stages.resolver';
import { FROZEN_CANDIDATES } from './selection.service';
import { Selection } from './selection.entity';
import { SelectionDecision } from './selection-decision.entity';
import { BeritaAcaraSequence } from './berita-acara-sequence.entity';
import { MAX_MEMBERS } from '../../domain/committee';
import { verifyRoutes } from './verify.route';
import { SelectionStage } from './selection-stage.entity';
import { SelectionStageScore } from './selection-stage-score.entity';
import { StageTemplateStage } from './stage-template.entity';

/** Committee selections: frozen rankings, stages and scores, decisions, fingerprints and the report. */
export const selectionFeature: Feature = {
  name: 'selection',
  resolvers: [
    SelectionResolver,
    SelectionDecisionResolver,
    SelectionStagesResolver,
    StageTemplateResolver,
    StandingResolver,
  ],
  entities: [
    Selection,
    SelectionDecision,
    BeritaAcaraSequence,
    SelectionStage,
    SelectionStageScore,
    StageTemplateStage,
  ],
  visibility: [
    visibilityOf<Selection>({
      entity: Selection,
      visible: (rows, access) =>
        rows.filter(
          (s) =>
            access.role === Role.ADMIN ||
            ((access.role === Role.HR || access.role === Role.COMMITTEE) &&
              s.agency === access.agency),
        ),
    }),
  ],
  cost: {
    lists: {
      'Selection.members': MAX_MEMBERS,
      'Selection.stages': MAX_STAGES,
      'Selection.standings': FROZEN_CANDIDATES,
      'Selection.proposedNames': 3,
      'Standing.scores': MAX_STAGES,
      'Query.stageTemplates': Object.keys(PositionCategory).length,
      'StageTemplate.stages': MAX_STAGES,
    },
    work: {
      // Every frozen candidate walked through the stages, from two statements.
      'Selection.standings': 20,
      'Selection.proposedNames': 20,
    },
  },
  routes: (deps) => [...reportRoutes(deps), ...verifyRoutes(deps)],
};
