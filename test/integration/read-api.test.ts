import { PositionCategory } from '../../src/domain/position.enums';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, tokenFor, type TestApp } from '../support/harness';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp('demo');
});
afterAll(() => app.close());

const EMPLOYEE_PAGE = `query Page($first: Int!) {
  employees(first: $first) {
    nodes {
      nip name
      rank { code name }
      orgUnit { code name agency { code } }
      position { code title requirements { level competency { code } } }
      competencies { level assessedOn stale competency { code name } }
    }
  }
}`;

describe('relation fields go through per-request loaders', () => {
  it('send two SQL statements for a page of 100 employees with nested relations', async () => {
    // Ranks and education levels (written only by migrations) are read once per process.
    await app.gql(EMPLOYEE_PAGE, { first: 1 });
    const small = await app.gql(EMPLOYEE_PAGE, { first: 10 });
    const large = await app.gql(EMPLOYEE_PAGE, { first: 100 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data.employees.nodes).toHaveLength(100);
    expect(large.data.employees.nodes.some((e: any) => e.rank && e.position)).toBe(true);
    // The page, then what its items ask for, read ahead in one statement: current levels,
    // positions, org units with their agencies, requirements, and the competencies of both.
    for (const result of [small, large]) expect(result.extensions?.sqlStatements).toBe(2);
  });

  it('answers an employee with current competencies in one statement', async () => {
    const nip = (await app.ok('{ employees(first: 1) { nodes { nip } } }')).employees.nodes[0].nip;
    const result = await app.gql(
      `query($nip: String!) { employee(nip: $nip) { name rank { code }
        competencies { level stale competency { code name type } } } }`,
      { nip },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.employee.competencies.length).toBeGreaterThan(0);
    for (const c of result.data.employee.competencies) {
      expect(c.competency.code).toMatch(/\S/);
      expect(c.competency.name).toMatch(/\S/);
    }
    expect(result.extensions?.sqlStatements).toBe(1);
  });

  it('keep the count flat for positions with requirements, courses and prerequisites', async () => {
    const query = `query($first: Int!) { positions(first: $first) { nodes { code
      requirements { competency { code developedBy { toLevel course { code prerequisites { code } } } } }
      conditions { minRank { code } minEducation { code } requiredCourses { code } } } } }`;
    const small = await app.gql(query, { first: 5 });
    const large = await app.gql(query, { first: 40 });
    expect(large.errors).toBeUndefined();
    // 10 edges; courses are reached by two paths (outcomes, required courses), which may take
    // one batch or two. Either way the count does not grow with the page.
    for (const result of [small, large])
      expect(result.extensions?.sqlStatements).toBeLessThanOrEqual(11);
  });
});

describe('lookups by natural key', () => {
  it('find an employee by NIP, with dates derived from it', async () => {
    const { employees } = await app.ok(
      '{ employees(first: 1, orderBy: { field: NIP }) { nodes { nip } } }',
    );
    const nip: string = employees.nodes[0].nip;
    const { employee } = await app.ok(
      `{ employee(nip: "${nip}") { nip birthDate appointedOn yearsOfService(asOf: "2026-11-01") } }`,
    );
    expect(employee.nip).toBe(nip);
    expect(employee.birthDate).toBe(`${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`);
    expect(employee.appointedOn).toBe(`${nip.slice(8, 12)}-${nip.slice(12, 14)}-01`);
  });

  it('find positions, competencies, courses, agencies and org units by code', async () => {
    const data = await app.ok(`{
      position(code: "JPT-001") { code title category categoryName }
      competency(code: "M.01") { code name type levels { level description indicators } }
      course(code: "PKA") { code title type modality hours cost provider outcomes { competency { code } minLevel toLevel } }
      agency(code: "PROV-MALUKU") { code name kind }
      orgUnit(code: "BPSDM-MALUKU") { code name agency { code } parent { code } }
    }`);
    expect(data.position).toMatchObject({
      code: 'JPT-001',
      category: 'JPT_MADYA',
      categoryName: 'Jabatan Pimpinan Tinggi Madya',
    });
    expect(data.competency.levels.map((l: { level: number }) => l.level)).toEqual([1, 2, 3, 4, 5]);
    expect(data.course).toMatchObject({
      code: 'PKA',
      hours: 271,
      cost: 25000000,
      type: 'LEADERSHIP',
    });
    expect(data.course.outcomes[0]).toMatchObject({ minLevel: 2, toLevel: 3 });
    expect(data.agency.kind).toBe('PROVINCE');
    expect(data.orgUnit).toEqual({
      code: 'BPSDM-MALUKU',
      name: 'BPSDM Provinsi Maluku',
      agency: { code: 'PROV-MALUKU' },
      parent: null,
    });
  });

  it('answer null for unknown keys', async () => {
    const data = await app.ok(
      '{ employee(nip: "199901012020011001") { name } position(code: "NOPE") { code } }',
    );
    expect(data).toEqual({ employee: null, position: null });
  });
});

describe('an employee by NIP with current levels', () => {
  it('comes in one statement, the same answer as the loaders give, and as hidden from another agency', async () => {
    const { employees: all } = await app.ok(
      '{ employees(first: 60) { nodes { nip agency { code } } } }',
    );
    // Those with a NIP (PNS and CPNS; PPPK employees have none).
    const employees = { nodes: all.nodes.filter((e: any) => e.nip) };
    const today = new Date().toISOString().slice(0, 10);
    const fields = (asOf: string) => `nip name rank { code } agency { code }
      competencies${asOf} { level assessedOn stale assessment { id } competency { code name } }`;
    let compared = 0;
    for (const { nip } of employees.nodes.slice(0, 20)) {
      const one = await app.gql(`query($nip: String!) { employee(nip: $nip) { ${fields('')} } }`, {
        nip,
      });
      const loaders = await app.gql(
        `query($nip: String!) { employee(nip: $nip) { ${fields(`(asOf: "${today}")`)} } }`,
        { nip },
      );
      expect(one.errors).toBeUndefined();
      expect(one.data).toEqual(loaders.data);
      // The employee and the levels with their competencies; the rank and agency from memory
      // or their own loaders.
      expect(one.extensions?.sqlStatements).toBeLessThan(
        loaders.extensions!.sqlStatements as number,
      );
      if (one.data.employee.competencies.length > 0) compared++;
    }
    expect(compared).toBeGreaterThan(5);
    const bare = await app.gql(
      `query($nip: String!) { employee(nip: $nip) { nip competencies { level competency { code } } } }`,
      { nip: employees.nodes[0].nip },
    );
    expect(bare.extensions?.sqlStatements).toBe(1);
    // HR of another agency sees no such employee, by either path.
    const other = employees.nodes.find(
      (e: any) => e.agency.code !== employees.nodes[0].agency.code,
    );
    expect(other).toBeDefined();
    const hr = tokenFor('HR', { agency: employees.nodes[0].agency.code });
    for (const asOf of ['', `(asOf: "${today}")`]) {
      const hidden = await app.gql(
        `query($nip: String!) { employee(nip: $nip) { nip competencies${asOf} { level } } }`,
        { nip: other.nip },
        hr,
      );
      expect(hidden.data.employee).toBeNull();
    }
  });
});

describe('Node interface', () => {
  it('fetches any object again by its global ID, through node and nodes', async () => {
    const data = await app.ok(
      '{ positions(first: 1) { nodes { id code } } courses(first: 1) { nodes { id code } } }',
    );
    const position = data.positions.nodes[0];
    const course = data.courses.nodes[0];
    const again = await app.ok(
      `query($ids: [ID!]!, $id: ID!) { node(id: $id) { id ... on Position { code } } nodes(ids: $ids) { id ... on Course { code } } }`,
      { id: position.id, ids: [course.id, 'bm9wZQ', position.id] },
    );
    expect(again.node).toEqual(position);
    expect(again.nodes[0]).toEqual(course);
    expect(again.nodes[1]).toBeNull();
    expect(again.nodes[2].id).toBe(position.id);
  });
});

describe('connections', () => {
  it('page forward and backward over the same items without gaps or repeats', async () => {
    const all = await app.ok('{ courses(first: 100) { totalCount nodes { code } } }');
    const codes: string[] = all.courses.nodes.map((c: { code: string }) => c.code);
    expect(codes.length).toBe(all.courses.totalCount);
    expect([...codes].sort()).toEqual(codes);

    const forward: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await app.ok(
        'query($after: String) { courses(first: 7, after: $after) { nodes { code } pageInfo { hasNextPage hasPreviousPage endCursor } } }',
        { after },
      );
      forward.push(...page.courses.nodes.map((c: { code: string }) => c.code));
      expect(page.courses.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!page.courses.pageInfo.hasNextPage) break;
      after = page.courses.pageInfo.endCursor;
    }
    expect(forward).toEqual(codes);

    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const page: any = await app.ok(
        'query($before: String) { courses(last: 9, before: $before) { nodes { code } pageInfo { hasPreviousPage startCursor } } }',
        { before },
      );
      backward.unshift(...page.courses.nodes.map((c: { code: string }) => c.code));
      if (!page.courses.pageInfo.hasPreviousPage) break;
      before = page.courses.pageInfo.startCursor;
    }
    expect(backward).toEqual(codes);
  });

  it('give edges with cursors that continue the list', async () => {
    const first = await app.ok(
      '{ employees(first: 2, orderBy: { field: NAME, direction: DESC }) { edges { cursor node { name } } } }',
    );
    const [, second] = first.employees.edges;
    const next = await app.ok(
      `{ employees(first: 1, after: "${second.cursor}", orderBy: { field: NAME, direction: DESC }) { nodes { name } } }`,
    );
    expect(next.employees.nodes[0].name <= second.node.name).toBe(true);
  });

  it('reject a page larger than 100 and mixed directions', async () => {
    const tooLarge = await app.gql('{ positions(first: 101) { totalCount } }');
    expect(tooLarge.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooLarge.errors?.[0].message).toBe(
      '`first` of `positions` must be between 0 and 100, got 101.',
    );
    expect(tooLarge.extensions?.sqlStatements).toBe(0);
    const mixed = await app.gql('{ positions(first: 1, last: 1) { totalCount } }');
    expect(mixed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('reject a cursor that was not made by the server', async () => {
    const result = await app.gql('{ employees(first: 1, after: "garbage") { totalCount } }');
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('filters', () => {
  it('narrow employees by agency, unit (with sub-units), position, type, rank and education', async () => {
    const data = await app.ok(`{
      all: employees { totalCount }
      regency: employees(filter: { agencyCode: "KAB-MALTENG" }) { totalCount nodes { agency { code } } }
      unit: employees(filter: { orgUnitCode: "BKD-PROV" }) { totalCount }
      tree: employees(filter: { orgUnitCode: "BKD-PROV", includeSubunits: true }) { totalCount nodes { orgUnit { code } } }
      pppk: employees(filter: { employmentType: PPPK }) { totalCount nodes { nip pppkNumber rank { code } } }
      senior: employees(filter: { minRank: "IV/a" }, first: 100) { nodes { rank { code } } }
      graduates: employees(filter: { minEducation: "S2" }, first: 100) { nodes { education { code } } }
      holders: employees(filter: { positionCode: "JPT-001" }) { nodes { position { code } } }
    }`);
    expect(data.regency.totalCount).toBeGreaterThan(0);
    expect(data.regency.totalCount).toBeLessThan(data.all.totalCount);
    expect(data.regency.nodes.every((e: any) => e.agency.code === 'KAB-MALTENG')).toBe(true);
    expect(data.tree.totalCount).toBeGreaterThan(data.unit.totalCount);
    expect(data.tree.nodes.every((e: any) => e.orgUnit.code.startsWith('BKD-PROV'))).toBe(true);
    expect(data.pppk.totalCount).toBeGreaterThan(0);
    expect(
      data.pppk.nodes.every((e: any) => e.nip === null && e.pppkNumber && e.rank === null),
    ).toBe(true);
    expect(data.senior.nodes.every((e: any) => e.rank.code.startsWith('IV/'))).toBe(true);
    expect(data.graduates.nodes.every((e: any) => ['S2', 'S3'].includes(e.education.code))).toBe(
      true,
    );
    expect(data.holders.nodes).toEqual([{ position: { code: 'JPT-001' } }]);
  });

  it('search names and NIP prefixes', async () => {
    const data = await app.ok(
      '{ byName: employees(filter: { search: "wattimena" }, first: 100) { nodes { name } } }',
    );
    expect(data.byName.nodes.length).toBeGreaterThan(0);
    expect(data.byName.nodes.every((e: any) => e.name.toLowerCase().includes('wattimena'))).toBe(
      true,
    );
    const { byNip } = await app.ok(
      '{ byNip: employees(filter: { search: "19" }, first: 100) { totalCount } }',
    );
    expect(byNip.totalCount).toBeGreaterThan(0);
  });

  it('narrow positions, courses, competencies, agencies and org units', async () => {
    const data = await app.ok(`{
      admins: positions(filter: { categories: [ADMINISTRATOR] }, first: 100) { nodes { category } }
      needsM08: positions(filter: { requiresCompetency: "T.SDM.04" }) { nodes { requirements { competency { code } } } }
      leadership: courses(filter: { type: LEADERSHIP }) { nodes { code } }
      develops: courses(filter: { developsCompetency: "T.SDM.04" }) { nodes { outcomes { competency { code } } } }
      technical: competencies(filter: { type: TECHNICAL }) { totalCount }
      regencies: agencies(filter: { kind: REGENCY }) { nodes { code } }
      roots: orgUnits(filter: { agencyCode: "PROV-MALUKU", rootsOnly: true }, first: 100) { nodes { parent { code } } }
    }`);
    expect(data.admins.nodes.every((p: any) => p.category === 'ADMINISTRATOR')).toBe(true);
    expect(
      data.needsM08.nodes.every((p: any) =>
        p.requirements.some((r: any) => r.competency.code === 'T.SDM.04'),
      ),
    ).toBe(true);
    expect(data.leadership.nodes.map((c: any) => c.code)).toEqual([
      'PKA',
      'PKN-I',
      'PKN-II',
      'PKP',
    ]);
    expect(data.develops.nodes.length).toBeGreaterThan(0);
    expect(
      data.develops.nodes.every((c: any) =>
        c.outcomes.some((o: any) => o.competency.code === 'T.SDM.04'),
      ),
    ).toBe(true);
    expect(data.technical.totalCount).toBe(30);
    expect(data.regencies.nodes.map((a: any) => a.code)).toEqual(['KAB-MALTENG', 'KAB-SBB']);
    expect(data.roots.nodes.every((u: any) => u.parent === null)).toBe(true);
  });
});

describe('positions by seniority', () => {
  it('list the top posts first, by code within a category, the same in pages of 7 as in one, both ways', async () => {
    const query = `query($after: String, $first: Int, $direction: OrderDirection!) {
      positions(first: $first, after: $after, orderBy: { field: SENIORITY, direction: $direction }) {
        totalCount pageInfo { hasNextPage endCursor } nodes { code category } } }`;
    const all = async (first: number, direction: 'ASC' | 'DESC') => {
      const out: { code: string; category: string }[] = [];
      let after: string | null = null;
      for (;;) {
        const answer: any = await app.ok(query, { after, first, direction });
        const positions = answer.positions;
        out.push(...positions.nodes);
        if (!positions.pageInfo.hasNextPage) return out;
        after = positions.pageInfo.endCursor;
      }
    };
    const one = await all(100, 'ASC');
    const order = Object.values(PositionCategory) as string[];
    const expected = [...one].sort(
      (a, b) => order.indexOf(a.category) - order.indexOf(b.category) || (a.code < b.code ? -1 : 1),
    );
    expect(one.map((p) => p.code)).toEqual(expected.map((p) => p.code));
    expect(one[0].category).toMatch(/^JPT_/);
    expect((await all(7, 'ASC')).map((p) => p.code)).toEqual(one.map((p) => p.code));
    expect((await all(7, 'DESC')).map((p) => p.code)).toEqual(one.map((p) => p.code).reverse());
  });
});

describe('relations both ways', () => {
  it('lead from a position to its competencies, to the courses that develop them, and back', async () => {
    const data = await app.ok(`{ position(code: "ADM-016") {
      orgUnit { code positions: agency { code } }
      requirements { level critical competency { code requiredBy { position { code } } developedBy { toLevel course { code requiredFor { code } } } } }
      holders { nodes { nip position { code } } }
    } }`);
    const requirement = data.position.requirements[0];
    expect(requirement.competency.requiredBy.some((r: any) => r.position.code === 'ADM-016')).toBe(
      true,
    );
    expect(requirement.competency.developedBy.length).toBeGreaterThan(0);
    expect(data.position.holders.nodes.every((e: any) => e.position.code === 'ADM-016')).toBe(true);
  });

  it('lead from an employee to current levels, assessment history, trainings and back', async () => {
    const { employees } = await app.ok(
      '{ employees(first: 50, filter: { agencyCode: "PROV-MALUKU" }) { nodes { nip } } }',
    );
    const data = await app.ok(
      `query($nip: String!) { employee(nip: $nip) {
      nip
      competencies(asOf: "2026-11-01") { level assessedOn stale competency { code } assessment { id employee { nip } } }
      assessments(first: 5) { totalCount nodes { assessedOn method results { level competency { code } } } }
      trainings(first: 5) { totalCount nodes { completedOn hours course { code completions(first: 1) { totalCount } } employee { nip } } }
      trainingHours(year: 2026) { year hours target met }
      performance { year rating }
    } }`,
      { nip: employees.nodes.find((e: any) => e.nip).nip },
    );
    const e = data.employee;
    const dates: string[] = e.assessments.nodes.map((a: any) => a.assessedOn);
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const level of e.competencies) expect(level.assessment.employee.nip).toBe(e.nip);
    expect(e.trainingHours.target).toBe(20);
    expect(e.trainingHours.met).toBe(e.trainingHours.hours >= 20);
  });

  it('report staleness as of the date asked', async () => {
    const { employees } = await app.ok(
      '{ employees(first: 100) { nodes { nip competencies(asOf: "2026-11-01") { assessedOn stale } } } }',
    );
    const levels = employees.nodes.flatMap((e: any) => e.competencies);
    expect(levels.some((l: any) => l.stale)).toBe(true);
    for (const l of levels) expect(l.stale).toBe(l.assessedOn < '2023-11-01');
  });

  it('walk the org-unit tree down and up', async () => {
    const data = await app.ok(
      '{ orgUnit(code: "BKD-PROV") { children { code parent { code } } agency { orgUnits(first: 100) { totalCount } } } }',
    );
    expect(data.orgUnit.children.length).toBe(2);
    expect(data.orgUnit.children.every((c: any) => c.parent.code === 'BKD-PROV')).toBe(true);
    expect(data.orgUnit.agency.orgUnits.totalCount).toBeGreaterThan(10);
  });
});
