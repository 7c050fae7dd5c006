import { describe, expect, it } from 'vitest';
import { COST_MODEL, ENTITIES, FEATURES, RESOLVERS } from '../../src/app/features';
import { costModelOf } from '../../src/platform/graphql/cost';

describe('the features as they declare themselves', () => {
  it('each have a name of their own', () => {
    const names = FEATURES.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('list each entity and resolver class once', () => {
    expect(new Set(ENTITIES).size).toBe(ENTITIES.length);
    expect(new Set(RESOLVERS).size).toBe(RESOLVERS.length);
  });

  it('price the fields the cost model answers for', () => {
    expect(COST_MODEL.listBound('Competency', 'levels')).toBe(5);
    expect(COST_MODEL.listBound('Competency', 'nothing')).toBeUndefined();
    expect(COST_MODEL.work('Mutation', 'importDataset')).toBe(5_000);
    expect(COST_MODEL.work('Query', 'employees')).toBe(0);
    expect(COST_MODEL.inputCost?.('EmployeeFilter', { and: [{}, {}] })?.conditions).toBe(2);
  });
});

describe('costModelOf', () => {
  it('refuses a field priced by two features', () => {
    expect(() =>
      costModelOf([{ work: { 'Query.fit': 10 } }, { work: { 'Query.fit': 20 } }]),
    ).toThrow('The cost of Query.fit is declared by two features.');
  });

  it('answers nothing for a field no feature prices', () => {
    const model = costModelOf([undefined, { lists: { 'A.b': 3 } }]);
    expect(model.listBound('A', 'b')).toBe(3);
    expect(model.listBound('A', 'c')).toBeUndefined();
    expect(model.work('A', 'b')).toBe(0);
    expect(model.inputCost?.('X', {})).toBeUndefined();
  });
});
