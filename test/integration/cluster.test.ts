import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../src/modules/dataset/dataset.service';
import { generateDemoDataset } from '../../src/demo/demo.generate';
import { Topology } from '../../scripts/topology';
import { DEMO_TODAY } from '../support/constants';
import { TEST_SECRET, TEST_SELECTION_KEY, tokenFor } from '../support/harness';

/**
 * A real topology on this machine: a PostgreSQL primary, a streaming replica made from it by a
 * base backup, and two API processes reading from the replica and writing to the primary. The
 * databases are stopped and started under the processes' feet.
 */
let dir: string;
let topology: Topology;
const ADMIN = tokenFor('ADMIN');

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cg-cluster-'));
  topology = await Topology.start({
    dir,
    processes: 2,
    fast: true,
    seed: async (knex) => {
      await importDataset(knex, generateDemoDataset({ today: DEMO_TODAY }), {
        today: DEMO_TODAY,
        audit: { actor: { role: 'SYSTEM', subject: 'test' }, action: 'import' },
      });
    },
    // CLUSTER_LOG=info shows the processes' warnings and failed requests while debugging.
    onServerLine: process.env.CLUSTER_LOG
      ? (api, line) => {
          if (/errors|warn|replica|primary/i.test(line)) console.log(api, line.slice(0, 400));
        }
      : undefined,
    env: {
      JWT_SECRET: TEST_SECRET,
      SELECTION_KEY: TEST_SELECTION_KEY,
      NODE_ENV: 'test',
      REPLICA_CHECK_MS: '100',
      REPLICA_MAX_LAG_MS: '2000',
      LOG_LEVEL: process.env.CLUSTER_LOG ?? 'silent',
    },
  });
}, 240_000);

afterAll(async () => {
  await topology?.stop();
  await rm(dir, { recursive: true, force: true });
}, 60_000);

interface Answer {
  status: number;
  headers: Headers;
  body: {
    data?: any;
    errors?: { message: string; extensions?: { code?: string } }[];
    extensions?: any;
  };
}

async function gql(
  api: number,
  query: string,
  variables: object = {},
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${topology.apis[api].url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Answer['body'],
  };
}

async function ok(api: number, query: string, variables: object = {}, headers = {}) {
  const answer = await gql(api, query, variables, headers);
  expect(answer.body.errors).toBeUndefined();
  return answer;
}

/** A sample of `/metrics` of one API process: the value of a series, 0 when absent. */
async function metric(api: number, series: string): Promise<number> {
  const text = await (await fetch(`${topology.apis[api].url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

async function ready(api: number): Promise<any> {
  return (await fetch(`${topology.apis[api].url}/ready`)).json();
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not in ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const replicaName = () => new URL(topology.replicaUrls[0]).host;
const BY_NIP = `query ByNip($nip: String!) { employee(nip: $nip) { nip name competencies { level competency { code } } } }`;
const CANDIDATES = `query Ranking($p: String!) { candidates(positionCode: $p, first: 100, policy: { asOf: "${DEMO_TODAY}" }) {
  totalCount nodes { jobPersonMatch employee { nip } } } }`;

let nips: string[];

describe('a primary, a streaming replica and two API processes', () => {
  it('read queries on the replica, in rotation in both processes', async () => {
    for (const api of [0, 1])
      await until(`process ${api} is ready with the replica in rotation`, async () => {
        const now = await ready(api);
        return now.status === 'ready' && now.replicasInRotation === 1;
      });
    expect(await ready(0)).toEqual({
      status: 'ready',
      primary: 'up',
      replicas: 1,
      replicasInRotation: 1,
    });
    const page = await ok(0, `{ employees(first: 20) { nodes { nip } } }`);
    nips = page.body.data.employees.nodes.map((n: { nip: string | null }) => n.nip).filter(Boolean);
    const series = `competency_graph_graphql_request_duration_seconds_count{operation="ByNip",type="query",database="${replicaName()}"}`;
    const before = await metric(0, series);
    for (const nip of nips.slice(0, 5)) {
      const answer = await ok(0, BY_NIP, { nip });
      expect(answer.body.data.employee.nip).toBe(nip);
      expect(answer.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(await metric(0, series)).toBe(before + 5);
  }, 60_000);

  it('puts a write through one process in the other’s next ranking and in the writer’s next read', async () => {
    const position = 'ADM-016';
    const before = await ok(1, CANDIDATES, { p: position });
    const last = before.body.data.candidates.nodes.at(-1);
    const requirements = (
      await ok(
        0,
        `query($p: String!) { position(code: $p) { requirements { competency { code } } } }`,
        { p: position },
      )
    ).body.data.position.requirements.map((r: any) => ({
      competency: r.competency.code,
      level: 5,
    }));
    const recorded = await ok(
      0,
      `mutation($nip: String!, $results: [AssessmentResultInput!]!) { recordAssessment(input: {
        nip: $nip, assessedOn: "2026-10-01", method: ASSESSMENT_CENTER, results: $results }) { userErrors { message } } }`,
      { nip: last.employee.nip, results: requirements },
      { 'x-request-id': 'cluster-test-write-1' },
    );
    expect(recorded.body.data.recordAssessment.userErrors).toEqual([]);
    const lsn = recorded.headers.get('x-commit-lsn');
    expect(lsn).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    expect(recorded.headers.get('x-request-id')).toBe('cluster-test-write-1');

    // The other process, at once: its index follows the primary's change log.
    const after = await ok(1, CANDIDATES, { p: position }, { 'x-min-lsn': lsn! });
    const moved = after.body.data.candidates.nodes.find(
      (n: any) => n.employee.nip === last.employee.nip,
    );
    expect(moved?.jobPersonMatch).toBe(100);
    // The writer, at once, reads its own write (from a replica that has it, or the primary).
    const history = await ok(
      0,
      `query($nip: String!) { employee(nip: $nip) { assessments(first: 5) { nodes { assessedOn } } } }`,
      { nip: last.employee.nip },
    );
    expect(history.body.data.employee.assessments.nodes.map((n: any) => n.assessedOn)).toContain(
      '2026-10-01',
    );
    // The audit trail names the request.
    const audit = await ok(
      1,
      `{ auditEvents(first: 1, filter: { action: "recordAssessment" }) { nodes { requestId recordKey } } }`,
      {},
      { 'x-min-lsn': lsn! },
    );
    expect(audit.body.data.auditEvents.nodes[0]).toEqual({
      requestId: 'cluster-test-write-1',
      recordKey: expect.stringContaining(last.employee.nip),
    });
  }, 60_000);

  it('fails no read while the replica is stopped for seconds and started again', async () => {
    const failures: string[] = [];
    let done = 0;
    let running = true;
    const reader = async (worker: number) => {
      for (let i = 0; running; i++) {
        const api = (worker + i) % 2;
        const answer =
          i % 3 === 0
            ? await gql(api, CANDIDATES, { p: 'ADM-017' })
            : await gql(api, BY_NIP, { nip: nips[i % nips.length] });
        if (answer.status !== 200 || answer.body.errors)
          failures.push(`${answer.status} ${JSON.stringify(answer.body.errors)}`);
        done++;
      }
    };
    const readers = Array.from({ length: 4 }, (_, w) => reader(w));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await topology.stopReplica(0);
    for (const api of [0, 1])
      await until(
        `process ${api} takes the replica out`,
        async () => (await ready(api)).replicasInRotation === 0,
      );
    const whileDown = done;
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(done).toBeGreaterThan(whileDown); // reads went on, from the primary
    await topology.startReplica(0);
    for (const api of [0, 1])
      await until(
        `process ${api} takes the replica back`,
        async () => (await ready(api)).replicasInRotation === 1,
      );
    const series = `competency_graph_graphql_request_duration_seconds_count{operation="ByNip",type="query",database="${replicaName()}"}`;
    const back = await metric(0, series);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    running = false;
    await Promise.all(readers);
    expect(failures).toEqual([]);
    expect(await metric(0, series)).toBeGreaterThan(back); // and the replica serves again
  }, 120_000);

  it('without the primary: reads go on from the replica, writes answer SERVICE_UNAVAILABLE', async () => {
    await topology.stopPrimary();
    try {
      for (const api of [0, 1])
        await until(
          `process ${api} sees the primary gone`,
          async () => (await ready(api)).primary === 'down',
        );
      expect((await ready(0)).status).toBe('read-only');
      const read = await ok(1, BY_NIP, { nip: nips[0] });
      expect(read.body.data.employee.nip).toBe(nips[0]);
      // The ranking answers from the index as it last caught up, and says so.
      const ranking = await ok(0, CANDIDATES, { p: 'ADM-016' });
      expect(ranking.body.data.candidates.nodes.length).toBeGreaterThan(0);
      expect(ranking.body.extensions.ranking.staleSince).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(await metric(0, 'competency_graph_primary_up')).toBe(0);
      const write = await gql(
        0,
        `mutation($nip: String!) { recordAssessment(input: { nip: $nip, assessedOn: "2026-10-02",
          method: ASSESSMENT_CENTER, results: [{ competency: "M.01", level: 3 }] }) { userErrors { message } } }`,
        { nip: nips[1] },
      );
      expect(write.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await topology.startPrimary();
    }
    for (const api of [0, 1])
      await until(
        `process ${api} sees the primary back`,
        async () => (await ready(api)).primary === 'up',
      );
    const again = await ok(1, CANDIDATES, { p: 'ADM-016' });
    expect(again.body.extensions?.ranking).toBeUndefined();
  }, 120_000);

  it('shows what it does at /metrics, and the figures move with requests', async () => {
    const requests = 'competency_graph_http_requests_total{route="graphql",status="200"}';
    const before = await metric(1, requests);
    await ok(1, BY_NIP, { nip: nips[2] });
    await ok(1, BY_NIP, { nip: nips[3] });
    expect(await metric(1, requests)).toBe(before + 2);
    const text = await (await fetch(`${topology.apis[1].url}/metrics`)).text();
    for (const name of [
      'competency_graph_cost_spent_total',
      'competency_graph_ranking_index_employees',
      'competency_graph_ranking_index_load_seconds',
      'competency_graph_ranking_index_lag_seconds',
      `competency_graph_replica_lag_seconds{replica="${replicaName()}"}`,
      'competency_graph_db_pool_connections{database="primary",state="used"}',
      'competency_graph_process_resident_memory_bytes',
    ])
      expect(text).toContain(name);
    expect(await metric(1, 'competency_graph_ranking_index_employees')).toBeGreaterThan(100);
    expect(
      await metric(1, `competency_graph_replica_in_rotation{replica="${replicaName()}"}`),
    ).toBe(1);
  }, 60_000);
});
