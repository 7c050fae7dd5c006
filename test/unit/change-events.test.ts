import 'reflect-metadata';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { COST_MODEL } from '../../src/app/features';
import {
  MAX_EVENT_EMPLOYEES,
  subscriptionOf,
  type ChangeFeed,
  type EmployeeChangeEvent,
} from '../../src/modules/changes/change-feed';
import {
  employeesChanged,
  eventSize,
  mergeEmployeesChanged,
  RankingChanged,
} from '../../src/modules/changes/changes.resolver';
import { appSchema as buildAppSchema } from '../../src/app/schema';
import { measureOperation } from '../../src/platform/graphql/limits';

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
const changes = (ids: number[], minute = 0): EmployeeChangeEvent[] =>
  ids.map((employeeId) => ({
    employeeId,
    agencyCode: 'PROV-MALUKU',
    at: new Date(Date.UTC(2026, 9, 1, 8, minute)),
  }));
const N = MAX_EVENT_EMPLOYEES;

describe('what an EmployeesChanged event carries', () => {
  // Each row: the employees changed, and what the event says (count, complete, names).
  const cases: [string, number[], number, boolean, number[]][] = [
    ['one', [7], 1, true, [7]],
    ['as many as it names', range(1, N), N, true, range(1, N)],
    ['one more than it names', range(1, N + 1), N + 1, false, range(1, N)],
    ['a bulk change', range(1, 100_000), 100_000, false, range(1, N)],
  ];
  it.each(cases)('%s', (_name, ids, count, complete, named) => {
    const event = employeesChanged('PROV-MALUKU', changes(ids));
    expect(event).toMatchObject({ agencyCode: 'PROV-MALUKU', changedEmployees: count, complete });
    expect(event.ids).toEqual(named);
    expect(eventSize(event)).toBe(named.length);
  });

  // Each row: two events not yet taken, and the one the client gets instead.
  const merges: [string, number[], number[], number, boolean, number[]][] = [
    ['disjoint', [1, 2], [3], 3, true, [1, 2, 3]],
    ['an employee in both counts once', [1, 2], [2, 3], 3, true, [1, 2, 3]],
    ['past the cap together', range(1, N), [N + 5], N + 1, false, range(1, N)],
    [
      'lowest ids of both, counted twice once past the cap',
      range(50, N + 10),
      range(1, 10),
      N + 20,
      false,
      [...range(1, 10), ...range(50, N - 10)],
    ],
  ];
  it.each(merges)('merged: %s', (_name, older, newer, count, complete, named) => {
    const merged = mergeEmployeesChanged(
      employeesChanged('PROV-MALUKU', changes(older, 1)),
      employeesChanged('PROV-MALUKU', changes(newer, 2)),
    );
    expect(merged).toMatchObject({ changedEmployees: count, complete });
    expect(merged.ids).toEqual(named);
    expect(merged.at).toEqual(new Date(Date.UTC(2026, 9, 1, 8, 2)));
  });

  it('a ranking event resolves no employees', () => {
    expect(eventSize(Object.assign(new RankingChanged(), { changedCandidates: 5000 }))).toBe(0);
  });
});

describe('a subscription’s queue', () => {
  /** A feed whose batches the test sends. */
  function fakeFeed() {
    const listeners = new Set<(events: readonly EmployeeChangeEvent[]) => void>();
    const feed = {
      listen: async (listener: (events: readonly EmployeeChangeEvent[]) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    } as unknown as ChangeFeed;
    return { feed, send: (ids: number[]) => listeners.forEach((l) => l(changes(ids))), listeners };
  }

  it('merges the batches a slow client has not taken into one value', async () => {
    const { feed, send, listeners } = fakeFeed();
    const stream = await subscriptionOf(
      feed,
      (events) => employeesChanged('PROV-MALUKU', events),
      mergeEmployeesChanged,
    );
    for (let batch = 0; batch < 1_000; batch++) send(range(batch * 10, 10));
    const first = await stream.next();
    expect(first.value).toMatchObject({ changedEmployees: 10_000, complete: false });
    expect(first.value.ids).toEqual(range(0, N));
    send([42]);
    expect((await stream.next()).value).toMatchObject({ changedEmployees: 1, ids: [42] });
    await stream.return!();
    expect(listeners.size).toBe(0);
    expect((await stream.next()).done).toBe(true);
  });
});

describe('the cost of a subscription', () => {
  it('counts the employees an event may name', () => {
    const document = parse(
      'subscription { employeeChanged(agencyCode: "X") { agencyCode employees { nip name } } }',
    );
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    )!;
    const measure = measureOperation(buildAppSchema(), operation, {}, {}, COST_MODEL);
    // employeeChanged, agencyCode, employees, and nip and name of each employee named.
    expect(measure.cost).toBe(3 + 2 * N);
  });
});
