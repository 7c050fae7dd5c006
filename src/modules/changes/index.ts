import type { Feature } from '../../platform/http/feature';
import { MAX_EVENT_EMPLOYEES } from './change-feed';
import { ChangesResolver, EmployeesChangedResolver, eventSize } from './changes.resolver';

/** Change notifications (subscriptions). */
export const changesFeature: Feature = {
  name: 'changes',
  resolvers: [ChangesResolver, EmployeesChangedResolver],
  cost: {
    lists: {
      'EmployeesChanged.employees': MAX_EVENT_EMPLOYEES,
    },
  },
  eventSize,
};
