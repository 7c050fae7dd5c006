import { visibilityOf, type Feature } from '../../platform/http/feature';
import { Role } from '../../platform/auth/auth.types';
import { reportRoutes } from './report.route';
import { SelectionDecisionResolver, SelectionResolver } from './selection.resolver';
import { Selection } from './selection.entity';
import { SelectionDecision } from './selection-decision.entity';
import { BeritaAcaraSequence } from './berita-acara-sequence.entity';
import { MAX_MEMBERS } from '../../domain/committee';
import { verifyRoutes } from './verify.route';

/** Committee selections: frozen rankings, decisions, fingerprints and the report. */
export const selectionFeature: Feature = {
  name: 'selection',
  resolvers: [SelectionResolver, SelectionDecisionResolver],
  entities: [Selection, SelectionDecision, BeritaAcaraSequence],
  cost: { lists: { 'Selection.members': MAX_MEMBERS } },
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
  routes: (deps) => [...reportRoutes(deps), ...verifyRoutes(deps)],
};
