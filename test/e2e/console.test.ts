import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConsoleDir } from '../../src/platform/http/console';
import { startTestApp, tokenFor, type TestApp } from '../support/harness';
import { chromiumPath } from '../support/chromium';
import { axeViolations, englishOnlyWords, untranslated } from '../support/console-checks';

/**
 * The committee console in a real headless Chromium against the real server on the demo
 * province. The screenshots it takes are the ones README.md and docs/committee.md show.
 */
const SCREENSHOTS = path.resolve(__dirname, '../../docs/screenshots');
const COMMITTEE = tokenFor('COMMITTEE', { agency: 'PROV-MALUKU' });
const POLICY = { scale: 'OPTIMAL', capPerCompetency: true, capTotal: true, validityYears: 3 };

let app: TestApp;
let browser: Browser;
let page: Page;
let position: string;
/** The candidate opened by the fit test (with unmet conditions and a plan). */
let chosen: any;
/** The schema's enum values, which an Indonesian screen must show by their names. */
let enumCodes: Set<string>;
const english = englishOnlyWords();
/** Screens checked, for the closing test that every one was. */
const checked = new Set<string>();

/**
 * The checks every screen passes once its data is on it: no enum code or English word in the
 * Indonesian text, no serious or critical accessibility violation; then its screenshot.
 */
async function checkScreen(name: string, fullPage = true): Promise<void> {
  expect(await untranslated(page, enumCodes, english), `untranslated text on ${name}`).toEqual([]);
  expect(await axeViolations(page), `accessibility of ${name}`).toEqual([]);
  checked.add(name);
  await shot(name, fullPage);
}

/** Puts a token in the console's session, as signing in would. */
async function useToken(token: string): Promise<void> {
  await page.evaluate(`sessionStorage.setItem('competency-graph.token', ${JSON.stringify(token)})`);
}

/**
 * A screenshot for the README: the whole page, or (long lists) what the window shows. Taken
 * only when asked (`npm run screenshots`), so the test run never rewrites tracked files.
 */
async function shot(name: string, fullPage = true): Promise<void> {
  if (!process.env.CONSOLE_SCREENSHOTS) return;
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** The API's own ranking, as any client would ask for it. */
async function apiRanking(code: string, filter: Record<string, unknown> = {}): Promise<string[]> {
  const data = await app.gql<{ candidates: { nodes: { employee: { nip: string } }[] } }>(
    `query ($code: String!, $policy: ScoringPolicyInput, $filter: CandidateFilter) {
      candidates(positionCode: $code, first: 20, policy: $policy, filter: $filter) {
        nodes { employee { nip } }
      }
    }`,
    { code, policy: POLICY, filter },
    COMMITTEE,
  );
  return data.data!.candidates.nodes.map((fit) => fit.employee.nip);
}

async function shownRanking(): Promise<string[]> {
  const rows = page.getByTestId('candidates').locator('tbody tr');
  await expect.poll(() => rows.count()).toBeGreaterThan(0);
  return rows.evaluateAll((list) => list.map((row) => row.getAttribute('data-nip') ?? ''));
}

beforeAll(async () => {
  if (!existsSync(path.join(defaultConsoleDir(), 'index.html')))
    throw new Error('The console is not built: run `npm run web:build` (npm test does it first).');
  mkdirSync(SCREENSHOTS, { recursive: true });
  app = await startTestApp('demo', { demoTokens: true });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
  page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'id-ID' });
  const positions = await app.gql(
    `{ positions(first: 1, filter: { agencyCode: "PROV-MALUKU", categories: [ADMINISTRATOR] }) {
        nodes { code } } }`,
    {},
    COMMITTEE,
  );
  position = positions.data.positions.nodes[0].code;
  const schema = await app.gql(
    `{ __schema { types { name enumValues { name } } } }`,
    {},
    COMMITTEE,
  );
  enumCodes = new Set(
    schema.data.__schema.types
      // The language switch shows ID and EN on purpose: they are the languages' own codes.
      .filter((type: any) => type.name !== 'Language')
      .flatMap((type: any) => (type.enumValues ?? []).map((value: any) => value.name as string)),
  );
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the committee console', () => {
  it('signs in through the demo role picker and lists positions', async () => {
    await page.goto(app.url);
    // Roles by their Indonesian names, never the API's codes.
    const roles = page.getByTestId('demo-roles').getByRole('button');
    await expect
      .poll(() => roles.allTextContents())
      .toEqual(['Panitia seleksi', 'Kepegawaian (BKD)', 'Administrator', 'Pegawai', 'Analis']);
    await checkScreen('sign-in');
    await page.getByTestId('demo-roles').getByRole('button', { name: 'Panitia seleksi' }).click();
    await expect
      .poll(() => page.getByTestId('role').textContent())
      .toBe('Masuk sebagai Panitia seleksi · PROV-MALUKU');
    await page.getByLabel('Cari').fill(position);
    const rows = page.getByTestId('positions').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByLabel('Cari').fill('');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    await checkScreen('positions', false);
  });

  it('opens a position: its profile and the candidates in the API’s order', async () => {
    await page.goto(`${app.url}/#/positions/${position}`);
    const requirements = await app.gql(
      `query ($code: String!) { position(code: $code) { requirements { level } } }`,
      { code: position },
      COMMITTEE,
    );
    await expect
      .poll(() => page.getByTestId('requirements').locator('tbody tr').count())
      .toBe(requirements.data.position.requirements.length);
    expect(await shownRanking()).toEqual(await apiRanking(position));
    await checkScreen('position', false);

    await page.getByLabel('Hanya yang memenuhi syarat').check();
    const qualified = await apiRanking(position, { qualifiedOnly: true });
    await expect.poll(shownRanking).toEqual(qualified);
    await page.getByLabel('Hanya yang memenuhi syarat').uncheck();
    await expect.poll(shownRanking).toEqual(await apiRanking(position));
  });

  it('pages forward and back through the candidates', async () => {
    const first = await shownRanking();
    await page.getByRole('button', { name: /Berikutnya/ }).click();
    await expect.poll(shownRanking).not.toEqual(first);
    const numbers = await page
      .getByTestId('candidates')
      .locator('tbody tr td:nth-child(2)')
      .first()
      .textContent();
    expect(numbers).toBe('21');
    await page.getByRole('button', { name: /Sebelumnya/ }).click();
    await expect.poll(shownRanking).toEqual(first);
  });

  it('opens a candidate: every term, the reasons and the training plan', async () => {
    const ranking = await apiRanking(position);
    // The first candidate of the list with an unmet condition and a plan with courses.
    for (const nip of ranking) {
      const fit = await app.gql(
        `query ($nip: String!, $code: String!, $policy: ScoringPolicyInput) {
          fit(nip: $nip, positionCode: $code, policy: $policy) {
            employee { name }
            terms { competency { code } critical gap actual }
            unmetConditions { code message }
            trainingPlan { totalHours totalCost courses { reason course { code } }
              byReason { reason courses hours cost } }
          }
        }`,
        { nip, code: position, policy: POLICY },
        COMMITTEE,
      );
      const data = fit.data.fit;
      if (data.unmetConditions.length > 0 && data.trainingPlan.courses.length > 0) {
        // Rather one who also falls short on a critical competency, if the ranking has one.
        const short = data.terms.some(
          (term: any) => term.critical && (term.actual === null || term.gap < 0),
        );
        chosen ??= { nip, ...data };
        if (short) {
          chosen = { nip, ...data };
          break;
        }
      }
    }
    expect(chosen).toBeDefined();
    await page.getByRole('link', { name: `Lihat kesesuaian ${chosen.employee.name}` }).click();
    await expect
      .poll(() => page.getByTestId('terms').locator('tbody tr').count())
      .toBe(chosen.terms.length);
    // Each reason is listed, with its chip (in Indonesian: the sentence is the console's own),
    // and each critical competency below its standard with them.
    const reasons = page.getByTestId('unmet-conditions');
    const critical = chosen.terms.filter(
      (term: any) => term.critical && (term.actual === null || term.gap < 0),
    );
    expect(await reasons.locator('li').count()).toBe(
      chosen.unmetConditions.length + critical.length,
    );
    for (const term of critical)
      expect(await reasons.locator(`[data-critical="${term.competency.code}"]`).count()).toBe(1);
    for (const condition of chosen.unmetConditions)
      expect(await reasons.locator(`[data-code="${condition.code}"]`).count()).toBe(1);
    const plan = page.getByTestId('training-plan');
    expect(await plan.locator('tbody tr').count()).toBe(chosen.trainingPlan.courses.length);
    // Each course says why it is there, and the sums by reason are the API's.
    for (const planned of chosen.trainingPlan.courses)
      expect(
        await plan
          .locator(`tbody tr[data-code="${planned.course.code}"]`)
          .getAttribute('data-reason'),
      ).toBe(planned.reason);
    expect(
      await plan.getByTestId('plan-why').evaluateAll((list) => list.map((e) => e.textContent)),
    ).not.toContain('');
    const money = (value: number) =>
      new Intl.NumberFormat('id-ID', {
        style: 'currency',
        currency: 'IDR',
        maximumFractionDigits: 0,
      }).format(value);
    for (const total of chosen.trainingPlan.byReason) {
      const row = plan.locator(`tfoot tr[data-reason-total="${total.reason}"]`);
      expect(await row.textContent()).toContain(`${total.hours} JP`);
      expect(await row.textContent()).toContain(money(total.cost));
    }
    expect(await page.getByTestId('plan-cost').textContent()).toBe(
      money(chosen.trainingPlan.totalCost),
    );
    expect(await page.getByTestId('plan-hours').textContent()).toBe(
      `${chosen.trainingPlan.totalHours} JP`,
    );
    expect(await page.getByRole('img', { name: /Level standar dan aktual/ }).count()).toBe(1);
    await checkScreen('fit');
  });

  it('switches the language to English and back', async () => {
    await page.locator('header label', { hasText: /^EN$/ }).click();
    await expect.poll(() => page.locator('h2').first().textContent()).toMatch(/^How .+ fits .+/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('heading', { name: 'Training plan' }).count()).toBe(1);
    // In English the reasons are the API's own words.
    const reasons = await page.getByTestId('unmet-conditions').textContent();
    for (const condition of chosen.unmetConditions) expect(reasons).toContain(condition.message);
    await shot('fit-en');
    await page.locator('header label', { hasText: /^ID$/ }).click();
    await expect.poll(() => page.locator('h2').first().textContent()).toMatch(/^Kesesuaian /);
  });

  it('compares two candidates side by side', async () => {
    const [a, b] = await apiRanking(position);
    await page.goto(`${app.url}/#/positions/${position}`);
    await shownRanking();
    await page.locator(`tr[data-nip="${a}"] input[type=checkbox]`).check();
    await page.locator(`tr[data-nip="${b}"] input[type=checkbox]`).check();
    await page.getByRole('button', { name: /Bandingkan terpilih \(2\)/ }).click();
    const header = page.getByTestId('comparison').locator('thead th');
    await expect.poll(() => header.count()).toBe(3);
    expect(await header.nth(1).textContent()).toContain(a);
    expect(await header.nth(2).textContent()).toContain(b);
    await checkScreen('compare');
  });

  it('renders the printable committee report: the top N chosen, shortfalls and stale levels marked, on A4', async () => {
    await page.goto(`${app.url}/#/positions/${position}/report`);
    const rows = page.getByTestId('report').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(20);
    const top = await apiRanking(position);
    const names = await rows.evaluateAll((list) =>
      list.map((row) => row.querySelector('small')?.textContent ?? ''),
    );
    expect(names.map((text) => text.split(' · ')[0])).toEqual(top);
    expect(await page.getByTestId('report-meta').textContent()).toMatch(
      /skala Optimal \(BRIN 3\/2023\), ambang JPM 78/,
    );
    // Every level below its standard and every stale assessment is marked, as the API says.
    const api = await app.gql(
      `query ($code: String!, $policy: ScoringPolicyInput) {
        candidates(positionCode: $code, first: 20, policy: $policy) {
          nodes { terms { actual required stale } } } }`,
      { code: position, policy: POLICY },
      COMMITTEE,
    );
    const terms = api.data.candidates.nodes.flatMap((fit: any) => fit.terms);
    const short = terms.filter((x: any) => x.actual !== null && x.actual < x.required).length;
    const stale = terms.filter((x: any) => x.actual !== null && x.stale).length;
    expect(short).toBeGreaterThan(0);
    expect(await page.locator('.report-table td[data-short]').count()).toBe(short);
    expect(await page.locator('.report-table td[data-stale]').count()).toBe(stale);
    expect(await page.getByTestId('report-legend').textContent()).toContain('A4 lanskap');
    await checkScreen('report', false);

    // The committee chooses how many: 10.
    await page.getByRole('textbox', { name: 'Kandidat teratas yang dicetak' }).click();
    await page.getByRole('option', { name: '10', exact: true }).click();
    await expect.poll(() => rows.count()).toBe(10);

    // Printed: no controls, and the table within A4 landscape's printable width (297 mm less
    // two 12 mm margins, at 96 px an inch).
    await page.emulateMedia({ media: 'print' });
    const printable = Math.floor(((297 - 24) / 25.4) * 96);
    await page.setViewportSize({ width: printable, height: 700 });
    expect(await page.getByRole('button', { name: 'Cetak' }).isVisible()).toBe(false);
    expect(await page.locator('header').isVisible()).toBe(false);
    const width = await page.locator('.report-table').evaluate((table) => table.scrollWidth);
    expect(width).toBeLessThanOrEqual(printable);
    await shot('report-print', false);
    const pdf = await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Ten candidates fit on one or two pages.
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1360, height: 900 });
  });

  it('shows an employee’s profile, best-fitting positions, the plan towards the best and 20 JP progress', async () => {
    const [nip] = await apiRanking(position);
    await page.goto(`${app.url}/#/employees/${nip}`);
    await expect
      .poll(() => page.getByTestId('competency-profile').locator('tbody tr').count())
      .toBeGreaterThan(0);
    expect(await page.getByTestId('training-hours').textContent()).toMatch(/dari 20 JP/);
    expect(await page.getByTestId('best-fits').locator('tbody tr').count()).toBeGreaterThan(0);
    await checkScreen('employee');
  });

  it('gives an employee their own page: positions to aim for and the plan towards the best', async () => {
    const nip = (
      await app.gql(
        `{ employees(first: 1, filter: { agencyCode: "PROV-MALUKU" }) { nodes { nip } } }`,
        {},
        COMMITTEE,
      )
    ).data.employees.nodes[0].nip as string;
    const own = tokenFor('EMPLOYEE', { nip });
    await useToken(own);
    await page.goto(`${app.url}/#/`);
    await page.reload();
    await page.getByRole('link', { name: 'Halaman saya' }).click();
    const fits = page.getByTestId('best-fits').locator('tbody tr');
    await expect.poll(() => fits.count()).toBeGreaterThan(0);
    const api = await app.gql(
      `query ($nip: String!) { employee(nip: $nip) { bestFitPositions(first: 5) { position { code } } } }`,
      { nip },
      own,
    );
    const best = api.data.employee.bestFitPositions.map((fit: any) => fit.position.code);
    await expect.poll(() => fits.count()).toBe(best.length);
    const code = best[0] as string;
    const fit = await app.gql(
      `query ($nip: String!, $code: String!, $policy: ScoringPolicyInput) {
        fit(nip: $nip, positionCode: $code, policy: $policy) { trainingPlan { totalHours courses { course { code } } } } }`,
      { nip, code, policy: POLICY },
      own,
    );
    const planCard = page.getByTestId('best-fit-plan');
    const expected = fit.data.fit.trainingPlan;
    if (expected.courses.length > 0) {
      await expect
        .poll(() => planCard.getByTestId('plan-hours').textContent())
        .toBe(`${expected.totalHours} JP`);
    } else {
      await expect.poll(() => planCard.textContent()).toContain('Tidak perlu pelatihan');
    }
    await checkScreen('my-page');
  });

  it('opens an org unit’s analyses as HR: talent matrix with a box’s people and actions, heat map, 20 JP, IP ASN, needs, bench', async () => {
    await useToken(tokenFor('HR', { agency: 'PROV-MALUKU' }));
    const unit = await app.gql(
      `{ orgUnits(first: 1, filter: { agencyCode: "PROV-MALUKU", rootsOnly: true }) { nodes { code } } }`,
      {},
      tokenFor('HR', { agency: 'PROV-MALUKU' }),
    );
    const code = unit.data.orgUnits.nodes[0].code as string;
    const hr = tokenFor('HR', { agency: 'PROV-MALUKU' });
    const scope = { orgUnitCode: code, includeSubunits: true };
    await page.goto(`${app.url}/#/units/${code}`);
    await page.reload();

    // The talent matrix: a box opened by keyboard lists its people and the suggested action.
    const cells = page.getByTestId('talent-grid').locator('td button');
    await expect.poll(() => cells.count()).toBe(9);
    const matrix = await app.gql(
      `query ($scope: AnalyticsScope!) { talentMatrix(scope: $scope) { cells { box count action } } }`,
      { scope },
      hr,
    );
    const counts = await cells.evaluateAll((list) => list.map((b) => Number(b.dataset.count)));
    const boxes = await cells.evaluateAll((list) => list.map((b) => Number(b.dataset.box)));
    for (const [i, box] of boxes.entries())
      expect(counts[i]).toBe(matrix.data.talentMatrix.cells.find((c: any) => c.box === box).count);
    const busiest = counts.indexOf(Math.max(...counts));
    await cells.nth(busiest).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('talent-cell-people').locator('li').count())
      .toBe(Math.min(20, counts[busiest]));
    expect(await page.getByTestId('talent-cell-action').textContent()).toBe(
      matrix.data.talentMatrix.cells.find((c: any) => c.box === boxes[busiest]).action,
    );
    await checkScreen('unit-talent');

    // The heat map: each cell's share as the API counts it.
    await page.getByTestId('tab-heatmap').click();
    const heat = await app.gql(
      `query ($scope: AnalyticsScope!) { competencyHeatMap(scope: $scope) {
        rows { orgUnit { code } cells { competency { code } required share } } } }`,
      { scope },
      hr,
    );
    const withPeople = heat.data.competencyHeatMap.rows.flatMap((row: any) =>
      row.cells
        .filter((c: any) => c.required > 0)
        .map((c: any) => ({ unit: row.orgUnit.code, code: c.competency.code, share: c.share })),
    );
    expect(withPeople.length).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByTestId('heat-map').locator('td[data-share]').count())
      .toBe(withPeople.length);
    for (const cell of withPeople.slice(0, 10))
      expect(
        await page
          .locator(`tr[data-unit="${cell.unit}"] td[data-competency="${cell.code}"]`)
          .textContent(),
      ).toBe(String(Math.round(cell.share * 100)));
    await checkScreen('unit-heat-map');

    // 20 JP compliance: the counts, and who is below the target.
    await page.getByTestId('tab-compliance').click();
    const compliance = await app.gql(
      `query ($scope: AnalyticsScope!) { trainingCompliance(scope: $scope) {
        employees averageHours employeesBelowTarget(first: 20) { totalCount nodes { employee { nip } } } } }`,
      { scope },
      hr,
    );
    const c = compliance.data.trainingCompliance;
    await expect
      .poll(() => page.getByTestId('compliance-employees').textContent())
      .toBe(String(c.employees));
    expect(await page.getByTestId('compliance-average').textContent()).toBe(
      new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
        c.averageHours,
      ),
    );
    await expect
      .poll(() =>
        page
          .getByTestId('below-target')
          .locator('tbody tr')
          .evaluateAll((list) => list.map((row) => row.getAttribute('data-nip'))),
      )
      .toEqual(c.employeesBelowTarget.nodes.map((n: any) => n.employee.nip));
    await checkScreen('unit-compliance');

    // IP ASN: the mean and its four dimensions.
    await page.getByTestId('tab-professionalism').click();
    const ip = await app.gql(
      `query ($scope: AnalyticsScope!) { professionalismIndex(scope: $scope) { average bands { count } } }`,
      { scope },
      hr,
    );
    const two = (n: number) =>
      new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
        n,
      );
    await expect
      .poll(() => page.getByTestId('ip-average').textContent())
      .toBe(two(ip.data.professionalismIndex.average));
    expect(await page.getByTestId('ip-dimensions').locator('tr').count()).toBe(4);
    expect(await page.getByTestId('ip-bands').locator('tr').count()).toBe(
      ip.data.professionalismIndex.bands.length,
    );
    await checkScreen('unit-ip-asn');

    // Training needs, then the bench of the key positions.
    await page.getByTestId('tab-needs').click();
    await expect
      .poll(() => page.getByTestId('needs-competencies').locator('tbody tr').count())
      .toBeGreaterThan(0);
    await checkScreen('unit-needs');
    await page.getByTestId('tab-bench').click();
    const bench = await app.gql(
      `query ($scope: AnalyticsScope!) { benchStrength(scope: $scope) { position { code } readyNow } }`,
      { scope },
      hr,
    );
    await expect
      .poll(() =>
        page
          .getByTestId('bench')
          .locator('tbody tr')
          .evaluateAll((list) => list.map((row) => row.getAttribute('data-code'))),
      )
      .toEqual(bench.data.benchStrength.map((b: any) => b.position.code));
    await checkScreen('unit-bench');
  });

  it('shows each role only the analyses it may see: counts without names to the analyst, the bench to the committee', async () => {
    const unit = await app.gql(
      `{ orgUnits(first: 1, filter: { agencyCode: "PROV-MALUKU", rootsOnly: true }) { nodes { code } } }`,
      {},
      COMMITTEE,
    );
    const code = unit.data.orgUnits.nodes[0].code as string;
    await useToken(COMMITTEE);
    await page.goto(`${app.url}/#/units/${code}`);
    await page.reload();
    await expect.poll(() => page.getByRole('tab').allTextContents()).toEqual(['Kekuatan kader']);
    await expect
      .poll(() => page.getByTestId('bench').locator('tbody tr').count())
      .toBeGreaterThan(0);
    expect(await page.getByRole('alert').count()).toBe(0);

    await useToken(tokenFor('ANALYST'));
    await page.goto(`${app.url}/#/agencies/PROV-MALUKU?tab=compliance`);
    await page.reload();
    await expect
      .poll(() => page.getByRole('tab').allTextContents())
      .toEqual([
        'Matriks talenta',
        'Peta kompetensi',
        'Kepatuhan 20 JP',
        'IP ASN',
        'Kebutuhan pelatihan',
      ]);
    await expect.poll(() => page.getByTestId('compliance-employees').count()).toBe(1);
    expect(
      await page.getByText('Peran Anda melihat jumlah saja, tanpa nama pegawai.').count(),
    ).toBe(1);
    expect(await page.getByTestId('below-target').count()).toBe(0);
    await checkScreen('agency-compliance');
  });

  it('works by keyboard: a role picked, a position found and opened, its first candidate opened', async () => {
    await page.evaluate('sessionStorage.clear()');
    await page.goto(`${app.url}/#/`);
    await page.reload();
    const committee = page
      .getByTestId('demo-roles')
      .getByRole('button', { name: 'Panitia seleksi' });
    await committee.focus();
    await page.keyboard.press('Enter');
    const search = page.getByLabel('Cari');
    await expect.poll(() => search.count()).toBe(1);
    await search.focus();
    await page.keyboard.type(position);
    const link = page.getByTestId('positions').locator('tbody a').first();
    await expect.poll(() => page.getByTestId('positions').locator('tbody tr').count()).toBe(1);
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/positions/${position}$`));
    const first = page.getByRole('link', { name: /^Lihat kesesuaian / }).first();
    await expect.poll(() => first.count()).toBe(1);
    // Tab from the first candidate's compare box reaches their fit link next.
    await page.getByTestId('candidates').locator('tbody input[type=checkbox]').first().focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(`document.activeElement?.getAttribute('aria-label')`)).toMatch(
      /^Lihat kesesuaian /,
    );
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/fit\//);
    await expect
      .poll(() => page.getByTestId('terms').locator('tbody tr').count())
      .toBeGreaterThan(0);
  });

  it('runs a selection from opening to the signed report, with what-if and vacancies ahead', async () => {
    await useToken(COMMITTEE);
    await page.goto(`${app.url}/#/positions/${position}`);
    await page.reload();
    await page.getByRole('button', { name: 'Buka seleksi' }).click();
    await page.getByRole('button', { name: 'Ya, buka seleksi' }).click();
    await page.waitForURL(/#\/selections\//);
    await expect.poll(() => page.getByTestId('verified').textContent()).toBe('Terverifikasi');
    const rows = page.getByTestId('frozen-candidates').locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    const [topNip] = await apiRanking(position);
    expect(await rows.first().getAttribute('data-nip')).toBe(topNip);
    const top = (
      await app.gql(
        `query($nip: String!) { employee(nip: $nip) { name } }`,
        { nip: topNip },
        COMMITTEE,
      )
    ).data.employee.name as string;
    await page.getByLabel(`Alasan: ${top}`).fill('JPM tertinggi di antara kandidat');
    await page.getByRole('button', { name: `Catat keputusan: ${top}` }).click();
    await page.getByRole('button', { name: 'Ya, catat keputusan' }).click();
    await expect
      .poll(() => page.getByTestId('decisions').textContent())
      .toContain('JPM tertinggi di antara kandidat');
    await expect.poll(() => rows.first().textContent()).toContain('Daftar pendek');
    await page.getByRole('button', { name: 'Tutup seleksi' }).click();
    await page.getByRole('button', { name: 'Ya, tutup seleksi' }).click();
    await expect.poll(() => page.getByText(/Ditutup/).count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: `Catat keputusan: ${top}` }).count()).toBe(0);
    await checkScreen('selection', false);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-report').click(),
    ]);
    const saved = await download.path();
    expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');

    // What-if on a fit: the plan's courses taken as completed, the JPM computed again.
    expect(chosen.trainingPlan.courses.length).toBeGreaterThan(0);
    await page.goto(`${app.url}/#/positions/${position}/fit/${chosen.nip}`);
    await page.getByTestId('what-if').getByRole('button', { name: 'Hitung' }).click();
    const assumed = await app.gql(
      `query($nip: String!, $p: String!, $assume: Assumptions, $policy: ScoringPolicyInput) {
         fit(nip: $nip, positionCode: $p, policy: $policy, assume: $assume) { jobPersonMatch } }`,
      {
        nip: chosen.nip,
        p: position,
        policy: POLICY,
        assume: { trainings: chosen.trainingPlan.courses.map((c: any) => c.course.code) },
      },
      COMMITTEE,
    );
    const after = new Intl.NumberFormat('id-ID', {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(assumed.data.fit.jobPersonMatch);
    await expect.poll(() => page.getByTestId('what-if-result').textContent()).toContain(after);

    await page.goto(`${app.url}/#/vacancies`);
    await page.getByLabel('Dalam (tahun)').first().click();
    await page.getByRole('option', { name: '10' }).click();
    const api = await app.gql(`{ vacancies(within: 10) { position { code } } }`, {}, COMMITTEE);
    const expected = api.data.vacancies.map((v: any) => v.position.code);
    await expect
      .poll(() =>
        page
          .getByTestId('vacancies')
          .locator('tbody tr')
          .evaluateAll((list) => list.map((row) => row.getAttribute('data-code'))),
      )
      .toEqual(expected);
    await checkScreen('vacancies');
  }, 300_000);

  it('finds people by skill and downloads the list as CSV and Excel', async () => {
    await useToken(COMMITTEE);
    await page.goto(`${app.url}/#/skills?competency=M.03&level=3`);
    await page.reload();
    const expected = await app.gql(
      `{ employees(filter: { competencies: [{ code: "M.03", minLevel: 3 }] }) { totalCount } }`,
      {},
      COMMITTEE,
    );
    const total: number = expected.data.employees.totalCount;
    expect(total).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('skill-count').textContent()).toBe(`${total} pegawai`);
    const shown = await page.getByTestId('skill-results').locator('tbody tr').count();
    expect(shown).toBe(Math.min(total, 100));
    await checkScreen('skills', false);

    const [excel] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh Excel' }).click(),
    ]);
    expect(excel.suggestedFilename()).toMatch(/^ConsoleSkillSearch-\d{4}-\d\d-\d\d\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await excel.path());
    const sheet = workbook.worksheets[0];
    // The columns of the published document (its fields in name order).
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['nip', 'name', 'rank.code']));
    expect(sheet.actualRowCount).toBe(shown + 1);

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh CSV' }).click(),
    ]);
    const text = readFileSync(await csv.path(), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.trimEnd().split('\r\n')).toHaveLength(shown + 1);
  });

  it('says in words what the API refused', async () => {
    // ANALYST may not read names: the ranking is refused, and the console says why.
    await useToken(tokenFor('ANALYST'));
    await page.goto(`${app.url}/#/positions/${position}`);
    await page.reload();
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('Peran Anda tidak boleh melihat ini.');
    // A token the server does not accept.
    const forged = `${COMMITTEE.slice(0, -4)}AAAA`;
    await useToken(forged);
    await page.reload();
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('Sesi Anda tidak sah');
    await page.getByRole('button', { name: 'Keluar' }).click();
    await expect.poll(() => page.getByTestId('demo-roles').count()).toBe(1);
  });

  it('opens every screen as each role that may see it: no refusal, no raw code or English, no axe violation', async () => {
    const units = await app.gql(
      `{ orgUnits(first: 1, filter: { agencyCode: "PROV-MALUKU", rootsOnly: true }) { nodes { code } } }`,
      {},
      COMMITTEE,
    );
    const unit = units.data.orgUnits.nodes[0].code as string;
    const [nip] = await apiRanking(position);
    const screens: Record<string, string> = {
      positions: '#/positions',
      position: `#/positions/${position}`,
      fit: `#/positions/${position}/fit/${nip}`,
      report: `#/positions/${position}/report`,
      employee: `#/employees/${nip}`,
      units: '#/units',
      unit: `#/units/${unit}`,
      agency: '#/agencies/PROV-MALUKU',
      vacancies: '#/vacancies',
      skills: '#/skills?competency=M.03&level=3',
    };
    const roles: [string, string, string[]][] = [
      ['ADMIN', tokenFor('ADMIN'), Object.keys(screens)],
      ['HR', tokenFor('HR', { agency: 'PROV-MALUKU' }), Object.keys(screens)],
      [
        'COMMITTEE',
        COMMITTEE,
        ['positions', 'position', 'fit', 'report', 'employee', 'units', 'unit', 'agency'],
      ],
      ['ANALYST', tokenFor('ANALYST'), ['positions', 'units', 'unit', 'agency']],
      ['EMPLOYEE', tokenFor('EMPLOYEE', { nip }), ['employee', 'positions']],
    ];
    const settled = async () => {
      await expect.poll(() => page.locator('main h2').count()).toBeGreaterThan(0);
      await expect.poll(() => page.locator('[role=status]').count()).toBe(0);
    };
    const problems: string[] = [];
    for (const [role, token, allowed] of roles) {
      await useToken(token);
      for (const name of allowed) {
        await page.goto(`${app.url}/${screens[name]}`);
        await page.reload();
        await settled();
        // Each tab of an analysis screen, as the role sees them.
        const tabs = await page.getByRole('tab').count();
        for (let i = 0; i < Math.max(1, tabs); i++) {
          if (tabs > 0) {
            await page.getByRole('tab').nth(i).click();
            await settled();
          }
          const where = `${role} on ${name}${tabs > 0 ? ` (${await page.getByRole('tab').nth(i).textContent()})` : ''}`;
          const refusals = await page.getByRole('alert').allTextContents();
          problems.push(...refusals.map((text) => `${where}: alert ${text}`));
          problems.push(
            ...(await untranslated(page, enumCodes, english)).map((p) => `${where}: ${p}`),
          );
          problems.push(...(await axeViolations(page)).map((p) => `${where}: ${p}`));
        }
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('checked every screen for untranslated text and accessibility', () => {
    expect([...checked].sort()).toEqual(
      [
        'agency-compliance',
        'compare',
        'employee',
        'fit',
        'my-page',
        'position',
        'positions',
        'report',
        'selection',
        'sign-in',
        'skills',
        'unit-bench',
        'unit-compliance',
        'unit-heat-map',
        'unit-ip-asn',
        'unit-needs',
        'unit-talent',
        'vacancies',
      ].sort(),
    );
  });
});

// Talent review (calibration and succession plans): its own block, after the shared checks.
describe('the talent review in the console', () => {
  it('calibrates a box: the reason checked on the field, the act confirmed, the computed box kept', async () => {
    await page.goto(app.url);
    await useToken(COMMITTEE);
    await page.goto(`${app.url}/#/talent-review`);
    await page.reload();
    const rows = page
      .locator('[data-testid=talent-review] tbody tr[data-nip]')
      .filter({ has: page.getByRole('button', { name: /^Kalibrasi kotak / }) });
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await checkScreen('talent-review');
    const row = rows.first();
    const nip = (await row.getAttribute('data-nip'))!;
    const computed = (await row.getByTestId('computed-box').textContent())!;
    await row.getByRole('button').click();
    const dialog = page.getByRole('dialog');
    // An empty reason is refused on the field, in Indonesian, before any request.
    await dialog.getByRole('button', { name: 'Kalibrasi', exact: true }).click();
    await expect.poll(() => dialog.getByText('Alasan wajib diisi.').count()).toBe(1);
    expect(await app.orm.em.getKnex()('talent_calibration').count('* as n')).toEqual([{ n: '0' }]);
    await dialog.getByRole('textbox', { name: 'Kotak baru' }).click();
    await page.getByRole('option', { name: 'Kotak 9', exact: true }).click();
    await dialog.getByLabel('Alasan kalibrasi').fill('Memimpin transformasi layanan digital');
    await dialog.getByRole('button', { name: 'Kalibrasi', exact: true }).click();
    await expect
      .poll(() => dialog.getByTestId('confirm-calibration').textContent())
      .toContain('menjadi kotak 9');
    expect(await axeViolations(page), 'accessibility of the confirmation').toEqual([]);
    await dialog.getByRole('button', { name: 'Ya, tetapkan' }).click();
    await expect.poll(() => page.getByTestId('calibration-saved').count()).toBe(1);
    const api = await app.gql(
      `query($nip: String!) { employee(nip: $nip) { talentBox { box computedBox calibrated reason } } }`,
      { nip },
      COMMITTEE,
    );
    expect(api.data.employee.talentBox).toMatchObject({
      box: 9,
      calibrated: true,
      reason: 'Memimpin transformasi layanan digital',
    });
    expect(computed).toBe(`Kotak ${api.data.employee.talentBox.computedBox}`);
    const shown = page.locator(`[data-testid=talent-review] tbody tr[data-nip="${nip}"]`);
    await expect
      .poll(() => shown.getByTestId('box-in-force').textContent())
      .toContain('Dikalibrasi');
    expect(await shown.getByTestId('calibration-reason').textContent()).toBe(
      'Memimpin transformasi layanan digital',
    );
  });

  it('nominates successors of a key position, one of them the emergency successor, and approves the plan after a confirmation', async () => {
    await page.goto(app.url);
    await useToken(COMMITTEE);
    await page.goto(`${app.url}/#/positions/${position}`);
    await page.reload();
    await page.getByRole('link', { name: 'Rencana suksesi' }).click();
    await page.waitForURL(/\/succession$/);
    await expect
      .poll(() => page.getByText('Belum ada rencana suksesi untuk jabatan ini.').count())
      .toBe(1);
    const holders = await app.gql(
      `query($code: String!) { position(code: $code) { holders(first: 10) { nodes { nip } } } }`,
      { code: position },
      COMMITTEE,
    );
    const holding = new Set(holders.data.position.holders.nodes.map((h: any) => h.nip));
    const candidates = page.getByTestId('succession-candidates').locator('tbody tr[data-nip]');
    await expect.poll(() => candidates.count()).toBeGreaterThan(1);
    const nips = (
      await candidates.evaluateAll((list) => list.map((row) => row.getAttribute('data-nip')))
    ).filter((nip) => nip && !holding.has(nip)) as string[];
    const rowOf = (nip: string) =>
      page.locator(`[data-testid=succession-candidates] tbody tr[data-nip="${nip}"]`);
    await rowOf(nips[0]).getByRole('checkbox').check();
    await rowOf(nips[0])
      .getByRole('button', { name: /^Usulkan/ })
      .click();
    await expect.poll(() => page.getByTestId('plan-status').textContent()).toBe('Rancangan');
    await rowOf(nips[1])
      .getByRole('button', { name: /^Usulkan/ })
      .click();
    const successors = page.getByTestId('successors').locator('tbody tr');
    await expect.poll(() => successors.count()).toBe(2);
    await checkScreen('succession');
    await page.getByRole('button', { name: 'Setujui rencana' }).click();
    const dialog = page.getByRole('dialog');
    await expect
      .poll(() => dialog.getByTestId('confirm-approval').textContent())
      .toContain('versi 1 dengan 2 suksesor');
    await dialog.getByRole('button', { name: 'Setujui rencana' }).click();
    await expect.poll(() => page.getByTestId('plan-status').textContent()).toBe('Disetujui');
    const api = await app.gql(
      `query($code: String!) { position(code: $code) { successionPlan { status successors { emergency employee { nip } } } } }`,
      { code: position },
      COMMITTEE,
    );
    expect(api.data.position.successionPlan).toEqual({
      status: 'APPROVED',
      successors: [
        { emergency: true, employee: { nip: nips[0] } },
        { emergency: false, employee: { nip: nips[1] } },
      ],
    });
  });
});

// The committee's procedure (issue 30, item 5): confirmations, checks on the field, decisions
// with their reasons, links by role, dates in the agency's time zone.
describe('the committee’s procedure in the console', () => {
  /** The selection the procedure tests open, on a position other than the first test's. */
  let selectionId: string;
  let procedurePosition: string;

  /** Counts the operations of a name the page posts from now on. */
  function countPosts(operation: string): () => number {
    let count = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && (request.postData() ?? '').includes(operation)) count++;
    });
    return () => count;
  }

  /** An hour and minute as the id-ID clock shows them in a zone ("02.05"). */
  const clock = (moment: string, timeZone: string) =>
    new Intl.DateTimeFormat('id-ID', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(moment));

  /** Puts a token in the session, on the console's origin (the first test run may start blank). */
  const signInAs = async (token: string) => {
    if (!page.url().startsWith(app.url)) await page.goto(app.url);
    await useToken(token);
  };

  const settled = async () => {
    await expect.poll(() => page.locator('main h2').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[role=status]').count()).toBe(0);
  };

  /** The hash links in the page's main part. */
  const mainLinks = () =>
    page
      .locator('main a[href^="#/"]')
      .evaluateAll((list) => list.map((a) => a.getAttribute('href') ?? ''));

  it('asks before opening a selection, with the number frozen: cancel sends nothing, confirm opens it', async () => {
    const positions = await app.gql(
      `{ positions(first: 2, filter: { agencyCode: "PROV-MALUKU", categories: [ADMINISTRATOR] }) {
          nodes { code } } }`,
      {},
      COMMITTEE,
    );
    procedurePosition = positions.data.positions.nodes[1].code;
    const total = (
      await app.gql(
        `query($code: String!, $policy: ScoringPolicyInput) {
           candidates(positionCode: $code, policy: $policy, first: 1) { totalCount } }`,
        { code: procedurePosition, policy: POLICY },
        COMMITTEE,
      )
    ).data.candidates.totalCount as number;
    const opened = async () =>
      (
        await app.gql(
          `query($code: String!) { selections(positionCode: $code, first: 10) { totalCount } }`,
          { code: procedurePosition },
          COMMITTEE,
        )
      ).data.selections.totalCount as number;
    const before = await opened();
    const posts = countPosts('ConsoleOpenSelection');
    await signInAs(COMMITTEE);
    await page.goto(`${app.url}/#/positions/${procedurePosition}`);
    await page.reload();
    await page.getByRole('button', { name: 'Buka seleksi' }).click();
    const dialog = page.getByRole('dialog');
    const frozen =
      total > 100
        ? `Peringkat 100 kandidat teratas dari ${total} akan dibekukan dan tidak dapat diubah.`
        : `Peringkat ${total} kandidat akan dibekukan dan tidak dapat diubah.`;
    await expect.poll(() => page.getByTestId('confirm-open-body').textContent()).toContain(frozen);
    // The focus starts on "Batal": Enter never opens a selection by accident.
    await expect.poll(() => page.evaluate('document.activeElement?.textContent')).toBe('Batal');
    expect(await untranslated(page, enumCodes, english)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Batal' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(page.url()).toContain(`#/positions/${procedurePosition}`);
    expect(posts()).toBe(0);
    expect(await opened()).toBe(before);

    // A note over the API's limit is refused on the field, in Indonesian, with nothing sent.
    await page.getByRole('button', { name: 'Buka seleksi' }).click();
    const note = dialog.getByLabel('Catatan pembukaan (tidak wajib)');
    await note.fill('x'.repeat(2001));
    await expect
      .poll(() => dialog.textContent())
      .toContain('Paling banyak 2.000 karakter; saat ini 2.001.');
    await dialog.getByRole('button', { name: 'Ya, buka seleksi' }).click();
    expect(posts()).toBe(0);
    await note.fill('Rapat Baperjakat');
    await dialog.getByRole('button', { name: 'Ya, buka seleksi' }).click();
    await page.waitForURL(/#\/selections\//);
    expect(posts()).toBe(1);
    expect(await opened()).toBe(before + 1);
    selectionId = decodeURIComponent(page.url().split('#/selections/')[1]);
  }, 300_000);

  it('refuses an empty reason on the field, asks before deciding, and lists each decision with its reason, who, when (WIT) and history', async () => {
    const posts = countPosts('ConsoleRecordDecision');
    const rows = page.getByTestId('frozen-candidates').locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const nip = (await rows.first().getAttribute('data-nip'))!;
    const name = (
      await app.gql(`query($nip: String!) { employee(nip: $nip) { name } }`, { nip }, COMMITTEE)
    ).data.employee.name as string;
    const reason = page.getByLabel(`Alasan: ${name}`);
    const record = page.getByRole('button', { name: `Catat keputusan: ${name}` });
    for (const blank of ['', '   ']) {
      await reason.fill(blank);
      await record.click();
      await expect
        .poll(() => rows.first().textContent())
        .toContain('Wajib diisi; spasi saja tidak cukup.');
      expect(await page.getByRole('dialog').count()).toBe(0);
    }
    expect(posts()).toBe(0);

    // Cancel records nothing; confirm records it.
    await reason.fill('Kompetensi manajerial tertinggi');
    await record.click();
    const dialog = page.getByRole('dialog');
    await expect
      .poll(() => dialog.textContent())
      .toContain('Keputusan "Daftar pendek" dengan alasan "Kompetensi manajerial tertinggi"');
    await dialog.getByRole('button', { name: 'Batal' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(posts()).toBe(0);
    await record.click();
    await dialog.getByRole('button', { name: 'Ya, catat keputusan' }).click();
    const cell = rows.first().getByTestId('candidate-decision');
    await expect.poll(() => cell.textContent()).toContain('Kompetensi manajerial tertinggi');
    expect(posts()).toBe(1);

    // A correction supersedes it; the earlier one stays, on demand.
    await page.getByLabel(`Keputusan: ${name}`).first().click();
    await page.getByRole('option', { name: 'Terpilih', exact: true }).click();
    await reason.fill('Koreksi: terpilih oleh rapat kedua');
    await record.click();
    await expect
      .poll(() => dialog.textContent())
      .toContain('Keputusan ini menggantikan keputusan yang berlaku: Daftar pendek.');
    await dialog.getByRole('button', { name: 'Ya, catat keputusan' }).click();
    await expect.poll(() => cell.textContent()).toContain('Koreksi: terpilih oleh rapat kedua');
    const api = (
      await app.gql(
        `query($id: ID!) { selection(id: $id) { openedAt
           decisions(history: true) { current decision reason decidedAt decidedBy } } }`,
        { id: selectionId },
        COMMITTEE,
      )
    ).data.selection;
    const current = api.decisions.find((d: any) => d.current);
    expect(current.decision).toBe('SELECTED');
    await expect
      .poll(() => cell.textContent())
      .toContain(`${clock(current.decidedAt, 'Asia/Jayapura')} WIT oleh ${current.decidedBy}`);
    expect(await cell.textContent()).toContain('Terpilih');
    expect(await cell.getByTestId('decision-history').count()).toBe(0);
    await cell.getByRole('button', { name: `Riwayat (1): ${name}` }).click();
    const history = cell.getByTestId('decision-history');
    await expect.poll(() => history.textContent()).toContain('Kompetensi manajerial tertinggi');
    expect(await history.textContent()).toContain('Daftar pendek');
    expect(await history.textContent()).toContain('Digantikan');
    expect(await page.getByTestId('decisions').textContent()).toContain(
      'Koreksi: terpilih oleh rapat kedua',
    );

    // Times in the Maluku agency's own zone (WIT, UTC+9), with its suffix.
    const times = await page.getByTestId('selection-times').textContent();
    expect(times).toContain(`${clock(api.openedAt, 'Asia/Jayapura')} WIT`);
    expect(times).toContain('Rapat Baperjakat');
    expect(await page.getByText('Waktu dalam WIT, zona waktu instansi.').count()).toBe(1);
    expect(await untranslated(page, enumCodes, english)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  }, 300_000);

  it('asks before closing, with the decided count: cancel leaves it open, confirm closes it', async () => {
    const closed = async () =>
      (
        await app.gql(
          `query($id: ID!) { selection(id: $id) { closedAt candidates(first: 100) { nodes { jobPersonMatch } } } }`,
          { id: selectionId },
          COMMITTEE,
        )
      ).data.selection;
    const count = (await closed()).candidates.nodes.length;
    await page.getByRole('button', { name: 'Tutup seleksi' }).click();
    const dialog = page.getByRole('dialog');
    await expect
      .poll(() => dialog.textContent())
      .toContain(`1 dari ${count} kandidat sudah diputuskan.`);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Batal' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect((await closed()).closedAt).toBeNull();
    await page.getByRole('button', { name: 'Tutup seleksi' }).click();
    await dialog.getByRole('button', { name: 'Ya, tutup seleksi' }).click();
    await expect.poll(async () => (await closed()).closedAt).not.toBeNull();
    await expect.poll(() => page.getByTestId('selection-times').textContent()).toContain('Ditutup');
    expect(await page.getByRole('button', { name: 'Tutup seleksi' }).count()).toBe(0);
  }, 300_000);

  it('offers each role only links to screens it may open', async () => {
    const [nip] = await apiRanking(position);
    const visit = async (token: string, hash: string) => {
      await signInAs(token);
      await page.goto(`${app.url}/${hash}`);
      await page.reload();
      await settled();
    };
    /** Every link of a screen, through each of its tabs. */
    const linksThroughTabs = async () => {
      const links = await mainLinks();
      const tabs = await page.getByRole('tab').count();
      for (let i = 0; i < tabs; i++) {
        await page.getByRole('tab').nth(i).click();
        await settled();
        links.push(...(await mainLinks()));
      }
      return links;
    };

    // ANALYST: no person, position, fit or selection, where positions and names were linked.
    const analyst = tokenFor('ANALYST');
    for (const hash of ['#/positions', '#/units', '#/agencies/PROV-MALUKU']) {
      await visit(analyst, hash);
      if (hash === '#/positions')
        await expect.poll(() => page.locator('main tbody tr').count()).toBeGreaterThan(0);
      const links = await linksThroughTabs();
      expect(
        links.filter((link) => /^#\/(positions\/|employees\/|selections\/)/.test(link)),
        `ANALYST on ${hash}`,
      ).toEqual([]);
    }
    expect(await page.locator('nav[aria-label=main] a[href^="#/employees/"]').count()).toBe(0);

    // HR and COMMITTEE: their own agency only, in the units list and the agency pickers.
    for (const token of [tokenFor('HR', { agency: 'PROV-MALUKU' }), COMMITTEE]) {
      await visit(token, '#/units');
      const rows = page.locator('main tbody tr');
      await expect.poll(() => rows.count()).toBeGreaterThan(0);
      const agencies = (await mainLinks()).filter((link) => link.startsWith('#/agencies/'));
      expect(agencies.length).toBe(await rows.count());
      expect(new Set(agencies)).toEqual(new Set(['#/agencies/PROV-MALUKU']));
      await visit(token, '#/positions');
      await page.getByLabel('Instansi', { exact: true }).first().click();
      await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(0);
      expect(await page.getByRole('option').allTextContents()).toEqual([
        'Pemerintah Provinsi Maluku',
      ]);
      await page.keyboard.press('Escape');
    }

    // EMPLOYEE: their own page and fits; no position, no one else, no unit.
    const employee = tokenFor('EMPLOYEE', { nip });
    for (const hash of [`#/employees/${nip}`, '#/positions']) {
      await visit(employee, hash);
      const links = await mainLinks();
      if (hash !== '#/positions') expect(links.some((l) => l.includes(`/fit/${nip}`))).toBe(true);
      expect(
        links.filter(
          (link) =>
            link.startsWith('#/units') ||
            link.startsWith('#/agencies') ||
            (link.startsWith('#/employees/') && link !== `#/employees/${nip}`) ||
            (link.startsWith('#/positions/') && !link.includes(`/fit/${nip}`)),
        ),
        `EMPLOYEE on ${hash}`,
      ).toEqual([]);
    }
    expect(await page.locator('nav[aria-label=main] a[href="#/units"]').count()).toBe(0);
  }, 300_000);
});

describe('the staged selection in the console', () => {
  it('sets the committee on the field’s rules, records scores by stage (one candidate drops), proposes the names in order and links the verification page', async () => {
    const positions = await app.gql(
      `{ positions(first: 3, filter: { agencyCode: "PROV-MALUKU", categories: [ADMINISTRATOR] }) {
          nodes { code } } }`,
      {},
      COMMITTEE,
    );
    const codes = positions.data.positions.nodes.map((node: any) => node.code as string);
    const opened = await app.gql(
      `mutation($input: OpenSelectionInput!) { openSelection(input: $input) {
         selection { id fingerprint stages { id kind name order }
           standings { employee { id nip name } } }
         userErrors { code field } } }`,
      { input: { positionCode: codes[2] ?? codes[0], policy: POLICY, note: 'Seleksi bertahap' } },
      COMMITTEE,
    );
    expect(opened.data.openSelection.userErrors).toEqual([]);
    const selection = opened.data.openSelection.selection;
    const stage = (kind: string) => selection.stages.find((s: any) => s.kind === kind);
    expect(selection.stages.map((s: any) => s.kind)).toEqual([
      'ADMINISTRATION',
      'COMPETENCY',
      'TECHNICAL',
      'INTERVIEW',
      'TRACK_RECORD',
    ]);
    const [first, second, dropped] = selection.standings.map((s: any) => s.employee);
    const score = async (employee: any, kind: string, value: number) => {
      const done = await app.gql(
        `mutation($input: RecordStageScoreInput!) { recordStageScore(input: $input) {
           userErrors { code field } } }`,
        {
          input: {
            selectionId: selection.id,
            employee: employee.id,
            stage: stage(kind).id,
            score: value,
          },
        },
        COMMITTEE,
      );
      expect(done.data.recordStageScore.userErrors).toEqual([]);
    };

    if (!page.url().startsWith(app.url)) await page.goto(app.url);
    await useToken(COMMITTEE);
    await page.goto(`${app.url}/#/selections/${encodeURIComponent(selection.id)}`);
    await page.reload();
    const standings = page.getByTestId('standings');
    await expect.poll(() => standings.locator('tbody tr').count()).toBeGreaterThan(2);
    // The frozen JPM stands in for the competency stage; nobody has completed every stage.
    expect(await standings.textContent()).toContain('(JPM)');
    expect(await page.getByTestId('proposed-none').textContent()).toBe(
      'Belum ada kandidat yang menyelesaikan semua tahapan tanpa gugur.',
    );

    // The committee: an invalid NIP and a fourth member are refused on the field, then three.
    await page.getByRole('button', { name: 'Catat panitia' }).click();
    const members = [
      { name: 'Dr. Ir. Johanis Latuheru, M.Si.', nip: '197001011995031001' },
      { name: 'Maria Sahetapy, S.H.', nip: '197503152000122002' },
      { name: 'Yusuf Tuasikal, S.E.', nip: '198006202005011003' },
    ];
    for (const [i, member] of members.entries()) {
      await page.getByLabel(`Nama anggota ${i + 1}`).fill(member.name);
      await page.getByLabel(`NIP anggota ${i + 1}`).fill(i === 2 ? '12345' : member.nip);
    }
    await page.getByRole('button', { name: 'Tambah anggota' }).click();
    await page.getByRole('button', { name: 'Catat panitia' }).click();
    const form = page.getByTestId('members-form');
    await expect.poll(() => form.textContent()).toContain('NIP harus 18 angka yang sah');
    expect(await form.textContent()).toContain(
      'Jumlah anggota harus ganjil, dari 3 sampai 15; saat ini 4.',
    );
    await page.getByRole('button', { name: 'Hapus anggota 4' }).click();
    await page.getByLabel('NIP anggota 3').fill(members[2].nip);
    await page.getByLabel('Peran anggota 2').selectOption('SECRETARY');
    await page.getByRole('button', { name: 'Catat panitia' }).click();
    const table = page.getByTestId('members');
    await expect.poll(() => table.textContent()).toContain(members[2].name);
    expect(await table.locator('tbody tr').allTextContents()).toEqual([
      `Ketua${members[0].name}${members[0].nip}`,
      `Sekretaris${members[1].name}${members[1].nip}`,
      `Anggota${members[2].name}${members[2].nip}`,
    ]);

    // A score out of range is refused on the field; a pass/fail stage takes Lulus / Tidak lulus.
    const scores = page.getByTestId('stage-score-form');
    const dialog = page.getByRole('dialog');
    await scores.getByLabel('Kandidat', { exact: true }).selectOption(dropped.id);
    await scores.getByLabel('Tahap', { exact: true }).selectOption(stage('ADMINISTRATION').id);
    await scores.getByLabel('Tidak lulus', { exact: true }).check();
    await scores.getByRole('button', { name: 'Catat nilai' }).click();
    await expect
      .poll(() => page.getByTestId('confirm-score-body').textContent())
      .toBe(
        `Nilai 0 (Tidak lulus) untuk ${dropped.name} pada tahap ${stage('ADMINISTRATION').name} akan dicatat dan tidak dapat dihapus; nilai berikutnya menggantikannya.`,
      );
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Ya, catat nilai' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const row = (employee: any) => standings.locator(`tbody tr[data-nip="${employee.nip}"]`);
    await expect
      .poll(() => row(dropped).getByTestId('standing-status').textContent())
      .toBe(`Gugur pada tahap ${stage('ADMINISTRATION').name}`);
    // A later stage of a dropped candidate is refused on the field, with nothing sent.
    await scores.getByLabel('Tahap', { exact: true }).selectOption(stage('TECHNICAL').id);
    await scores.getByLabel('Nilai (0–100)').fill('70');
    await scores.getByRole('button', { name: 'Catat nilai' }).click();
    await expect.poll(() => scores.textContent()).toContain(`${dropped.name} gugur pada tahap`);
    expect(await dialog.count()).toBe(0);

    await scores.getByLabel('Kandidat', { exact: true }).selectOption(first.id);
    await scores.getByLabel('Tahap', { exact: true }).selectOption(stage('COMPETENCY').id);
    for (const wrong of ['', '120']) {
      await scores.getByLabel('Nilai (0–100)').fill(wrong);
      await scores.getByRole('button', { name: 'Catat nilai' }).click();
      await expect
        .poll(() => scores.textContent())
        .toContain(wrong ? 'Nilai harus berupa angka dari 0 sampai 100.' : 'Wajib diisi');
      expect(await dialog.count()).toBe(0);
    }
    await scores.getByLabel('Nilai (0–100)').fill('85');
    await scores.getByRole('button', { name: 'Catat nilai' }).click();
    await expect
      .poll(() => page.getByTestId('confirm-score-body').textContent())
      .toBe(
        `Nilai 85 untuk ${first.name} pada tahap ${stage('COMPETENCY').name} akan dicatat dan tidak dapat dihapus; nilai berikutnya menggantikannya.`,
      );
    await dialog.getByRole('button', { name: 'Ya, catat nilai' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => row(first).locator('td[data-stage="2"]').textContent()).toBe('85,0');

    // The rest through the API: the first 82,0 in all, the second 72,0.
    for (const [kind, value] of [
      ['ADMINISTRATION', 100],
      ['TECHNICAL', 80],
      ['INTERVIEW', 80],
      ['TRACK_RECORD', 80],
    ] as const)
      await score(first, kind, value);
    for (const [kind, value] of [
      ['ADMINISTRATION', 100],
      ['COMPETENCY', 75],
      ['TECHNICAL', 70],
      ['INTERVIEW', 70],
      ['TRACK_RECORD', 70],
    ] as const)
      await score(second, kind, value);
    await page.reload();
    const proposed = page.getByTestId('proposed-names').locator('li');
    await expect.poll(() => proposed.count()).toBe(2);
    expect(
      await proposed.evaluateAll((items) => items.map((li) => li.getAttribute('data-nip'))),
    ).toEqual([first.nip, second.nip]);
    expect(await proposed.first().textContent()).toContain('Nilai akhir 82,0');
    expect(await proposed.nth(1).textContent()).toContain('Nilai akhir 72,0');
    expect(await row(first).getByTestId('standing-status').textContent()).toBe(
      'Semua tahap dinilai',
    );
    expect(await row(first).getByTestId('standing-total').textContent()).toBe('82,0');

    const fingerprint = (
      await app.gql(
        `query($id: ID!) { selection(id: $id) { fingerprint } }`,
        { id: selection.id },
        COMMITTEE,
      )
    ).data.selection.fingerprint as string;
    expect(await page.getByTestId('verify-link').getAttribute('href')).toBe(
      `/selections/${encodeURIComponent(selection.id)}/verify?fingerprint=${encodeURIComponent(fingerprint)}`,
    );
    expect(await page.getByTestId('verify-link').textContent()).toBe('Verifikasi sidik jari');
    expect(await untranslated(page, enumCodes, english)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  }, 300_000);
});
