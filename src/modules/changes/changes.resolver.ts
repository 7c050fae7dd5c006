import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Int,
  ObjectType,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import type { Context } from '../../platform/graphql/context';
import { AppError, badInput, ErrorCode } from '../../shared/errors';
import { Role } from '../../platform/auth/auth.types';
import { Employee } from '../employee/employee.entity';
import { Position } from '../position/position.entity';
import {
  changeFeed,
  MAX_EVENT_EMPLOYEES,
  subscriptionOf,
  type EmployeeChangeEvent,
} from './change-feed';

@ObjectType({ description: 'Employees of an agency whose records changed together.' })
export class EmployeesChanged {
  @Field(() => String, { description: 'The agency.' })
  agencyCode!: string;

  @Field(() => Date, { description: 'When the latest of the changes was made.' })
  at!: Date;

  @Field(() => Int, {
    description:
      'How many employees of the agency changed: exact when `complete`; otherwise at most this many (an employee changed again before the event was sent may count twice).',
  })
  changedEmployees!: number;

  @Field(() => Boolean, {
    description: `Whether \`employees\` holds every one of them. False when more than ${MAX_EVENT_EMPLOYEES} changed: \`employees\` then holds the ${MAX_EVENT_EMPLOYEES} with the lowest ids; read the agency's employees again for the rest.`,
  })
  complete!: boolean;

  /** The employees' ids (at most `MAX_EVENT_EMPLOYEES`, lowest first), resolved when sent. */
  ids!: number[];
}

@ObjectType({
  description:
    'The facts of candidates changed (levels, trainings, ratings, records): the ranking of the position may have moved; read it again.',
})
export class RankingChanged {
  @Field(() => Position, { description: 'The position followed.' })
  position!: Position;

  @Field(() => Date, { description: 'When the latest of the changes was made.' })
  at!: Date;

  @Field(() => Int, { description: 'How many candidates in the viewer’s scope changed.' })
  changedCandidates!: number;
}

const latest = (events: readonly EmployeeChangeEvent[]) =>
  new Date(events.reduce((at, e) => Math.max(at, e.at.getTime()), 0));
const later = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);

/**
 * The event of an agency's changed employees (`mine`, lowest id first, each once): it names
 * the first `MAX_EVENT_EMPLOYEES` of them and counts them all.
 */
export function employeesChanged(
  agencyCode: string,
  mine: readonly EmployeeChangeEvent[],
): EmployeesChanged {
  return Object.assign(new EmployeesChanged(), {
    agencyCode,
    at: latest(mine),
    changedEmployees: mine.length,
    complete: mine.length <= MAX_EVENT_EMPLOYEES,
    ids: mine.slice(0, MAX_EVENT_EMPLOYEES).map((e) => e.employeeId),
  });
}

/**
 * Two events a client has not taken yet, as one: the lowest ids of both (each once), counted
 * exactly while both name all of theirs, else summed.
 */
export function mergeEmployeesChanged(
  older: EmployeesChanged,
  newer: EmployeesChanged,
): EmployeesChanged {
  const ids = [...new Set([...older.ids, ...newer.ids])].sort((a, b) => a - b);
  const named = older.complete && newer.complete;
  return Object.assign(new EmployeesChanged(), {
    agencyCode: newer.agencyCode,
    at: later(older.at, newer.at),
    changedEmployees: named ? ids.length : older.changedEmployees + newer.changedEmployees,
    complete: named && ids.length <= MAX_EVENT_EMPLOYEES,
    ids: ids.slice(0, MAX_EVENT_EMPLOYEES),
  });
}

/** Two ranking events a client has not taken yet, as one. */
function mergeRankingChanged(older: RankingChanged, newer: RankingChanged): RankingChanged {
  return Object.assign(new RankingChanged(), {
    position: newer.position,
    at: later(older.at, newer.at),
    changedCandidates: older.changedCandidates + newer.changedCandidates,
  });
}

/**
 * How many employees a subscription event resolves for its subscriber (what its delivery
 * costs, per employee of the selection): an `EmployeesChanged` its named employees (at most
 * `MAX_EVENT_EMPLOYEES`), a `RankingChanged` none.
 */
export function eventSize(value: unknown): number {
  return value instanceof EmployeesChanged ? value.ids.length : 0;
}

/**
 * Change notifications over GraphQL subscriptions (served as Server-Sent Events at
 * `/graphql/stream`), fed from the change log every API process already reads for its
 * ranking index. Authorised when the subscription starts, by the same rules as the queries.
 */
@Resolver()
export class ChangesResolver {
  @Authorized(Role.ADMIN, Role.HR, Role.COMMITTEE, Role.ANALYST)
  @Subscription(() => EmployeesChanged, {
    description:
      'Employees of an agency whose records changed (ADMIN and ANALYST: any agency; HR and COMMITTEE: their own).',
    subscribe: ({ args, context }: { args: { agencyCode: string }; context: Context }) => {
      context.access.require(Role.ADMIN, Role.HR, Role.COMMITTEE, Role.ANALYST);
      const agency = args.agencyCode.trim();
      if (context.access.agency && context.access.agency !== agency)
        throw new AppError(
          ErrorCode.FORBIDDEN,
          `The ${context.access.role} role may follow its own agency only (${context.access.agency}).`,
          { argument: 'agencyCode' },
        );
      return subscriptionOf(
        changeFeed(context.primaryKnex),
        (events) => {
          const mine = events.filter((e) => e.agencyCode === agency);
          return mine.length === 0 ? null : employeesChanged(agency, mine);
        },
        mergeEmployeesChanged,
        context.signal,
      );
    },
  })
  employeeChanged(
    @Arg('agencyCode', () => String, { description: 'The agency to follow.' }) _agencyCode: string,
    @Root() change: EmployeesChanged,
  ): EmployeesChanged {
    return change;
  }

  @Authorized(Role.ADMIN, Role.HR, Role.COMMITTEE)
  @Subscription(() => RankingChanged, {
    description:
      'The candidates of a position changed (ADMIN: anyone; HR and COMMITTEE: their agency’s people).',
    subscribe: async ({ args, context }: { args: { positionCode: string }; context: Context }) => {
      context.access.require(Role.ADMIN, Role.HR, Role.COMMITTEE);
      const position = await context.loaders.byKey(Position, 'code').load(args.positionCode.trim());
      if (!position)
        throw badInput(`No position has code "${args.positionCode}".`, {
          argument: 'positionCode',
        });
      const agency = context.access.agency;
      return subscriptionOf(
        changeFeed(context.primaryKnex),
        (events) => {
          const mine = agency ? events.filter((e) => e.agencyCode === agency) : events;
          return mine.length === 0
            ? null
            : Object.assign(new RankingChanged(), {
                position,
                at: latest(mine),
                changedCandidates: mine.length,
              });
        },
        mergeRankingChanged,
        context.signal,
      );
    },
  })
  rankingChanged(
    @Arg('positionCode', () => String, { description: 'The position to follow.' })
    _positionCode: string,
    @Root() change: RankingChanged,
  ): RankingChanged {
    return change;
  }
}

@Resolver(() => EmployeesChanged)
export class EmployeesChangedResolver {
  @FieldResolver(() => [Employee], {
    description:
      'The employees as they are now, as far as the viewer may see them (gone ones left out); see `complete`.',
  })
  async employees(@Root() change: EmployeesChanged, @Ctx() ctx: Context): Promise<Employee[]> {
    // One context serves the whole subscription: forget what earlier events loaded.
    ctx.loaders.clear();
    ctx.em.clear();
    const found = await ctx.loaders.byId(Employee).loadMany(change.ids);
    return found.filter((e): e is Employee => e instanceof Employee);
  }
}
