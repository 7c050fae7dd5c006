import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, tokenFor, type TestApp } from '../support/harness';

/**
 * While a workbook bomb is being refused (its header lies about its size, so the check has to
 * expand it, counting, until a limit stops it), other callers keep being answered: the probes
 * finish before the refusal does.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp('demo');
});
afterAll(async () => {
  await app?.close();
});

/** A sheet of ~3.4 million rows deflated to a few hundred KB, its declared sizes rewritten to 1,000 bytes. */
function lyingBomb(): Buffer {
  const row = '<row r="1"><c r="A1"><v>1</v></c></row>';
  const sheet = `<worksheet><sheetData>${row.repeat(Math.ceil((130 * 1024 * 1024) / row.length))}</sheetData></worksheet>`;
  const out = Buffer.from(zipSync({ 'xl/worksheets/sheet1.xml': [strToU8(sheet), { level: 6 }] }));
  for (let i = 0; i + 4 <= out.length; i++) {
    const signature = out.readUInt32LE(i);
    if (signature === 0x04034b50) out.writeUInt32LE(1000, i + 22);
    else if (signature === 0x02014b50) out.writeUInt32LE(1000, i + 24);
  }
  return out;
}

describe('oversized workbooks', () => {
  it('are refused while other callers keep being answered', async () => {
    const bomb = lyingBomb();
    const small = () =>
      fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${tokenFor('HR', { agency: 'PROV-MALUKU' })}`,
        },
        body: JSON.stringify({ query: '{ positions(first: 1) { totalCount } }' }),
      }).then(
        async (r) => ((await r.json()) as { data?: { positions?: { totalCount: number } } }).data,
      );
    // The small query, once before (its first run compiles it).
    expect((await small())?.positions?.totalCount).toBeGreaterThan(0);
    const finished: string[] = [];
    // A burst of four bombs, each expanded until a limit stops it.
    const refusals = Array.from({ length: 4 }, () =>
      fetch(`${app.url}/import?dryRun=true`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${tokenFor('ADMIN')}`,
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        },
        body: bomb,
      }).then(async (response) => {
        finished.push('bomb');
        return { status: response.status, body: await response.text() };
      }),
    );
    // Let the uploads arrive and their checks begin.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const health = fetch(`${app.url}/health`).then((r) => {
      finished.push('health');
      return r.status;
    });
    const query = small().then((data) => {
      finished.push('query');
      return data;
    });
    expect(await health).toBe(200);
    expect((await query)?.positions?.totalCount).toBeGreaterThan(0);
    for (const refused of await Promise.all(refusals)) {
      expect(refused.status).toBe(413);
      expect(refused.body).toMatch(/rows|expands to more than/);
    }
    // Both probes were answered before the first bomb was refused.
    expect(finished.indexOf('health')).toBeLessThan(finished.indexOf('bomb'));
    expect(finished.indexOf('query')).toBeLessThan(finished.indexOf('bomb'));
  }, 120_000);
});
