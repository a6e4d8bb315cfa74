import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Download, Page } from '@playwright/test';
import type { WebHost } from '../support/web-host';
import { expectNoViolations } from './axe';
import { expect, SAMPLE_REV, test, waitSaved } from './fixtures';
import { type Frame, openBoard, scanText, send } from './projector-kit';

// After a drill, end to end on the real host: a finished run (written as data, the way a drill
// run leaves it) is scored, replayed on the main window with the projector following, and its
// after-action report saved and opened in a fresh Chromium the way a reader without the app
// would: decisions, scores and a hostile inject title shown as text, no element made of it, and
// a PDF with pages.

const HOSTILE = '<img src=x onerror=alert(1)>';
const T0 = Date.parse('2026-12-01T09:00:00.000Z');

declare const document: {
  scripts: { length: number };
  images: { length: number };
  body: { textContent: string };
  querySelectorAll(s: string): { length: number };
};

async function finishedRun() {
  const file = JSON.parse(await readFile('resources/scenarios/permissions-outage.scenario.json', 'utf8'));
  const scenario = file.scenario;
  scenario.injects[0].title = HOSTILE;
  const log = (
    id: string,
    sec: number,
    kind: string,
    expectedId: string,
    decision: string,
    text: string,
    who: string,
  ) => ({
    id,
    kind,
    drillMs: sec * 1000,
    wallMs: T0 + sec * 1000,
    who,
    text,
    expectedId,
    decision,
  });
  return {
    id: 'drun-e2e',
    scenario,
    incidentId: '',
    facilitator: 'Ines Moreau',
    clock: { t0Wall: T0, speed: 1, pausedAt: null },
    endedAt: T0 + 2_400_000,
    fired: [
      { injectId: 'inj-1', drillMs: 0, wallMs: T0, how: 'scheduled' },
      { injectId: 'inj-2', drillMs: 900_000, wallMs: T0 + 900_000, how: 'scheduled' },
      { injectId: 'inj-3', drillMs: 1_800_000, wallMs: T0 + 1_800_000, how: 'jump' },
    ],
    cards: [],
    questionIndex: -1,
    log: [
      log('l1', 420, 'detected', 'exp-1a', '', 'Tickets point at the role mapping', 'Ana'),
      log('l2', 960, 'action', 'exp-1b', '', 'Access-denied rate checked: 4.2%', 'Ana'),
      log('l3', 1200, 'action', 'exp-2a', '', 'Waves paused', 'Ana'),
      log('l4', 1500, 'decision', '', 'rollback', 'Roll wave 2 back', 'Ines Moreau'),
      log('l5', 1740, 'comms', 'exp-2b', '', 'First update to sales leads', 'Chloé'),
    ],
    scores: [],
    strengths: [],
    improvements: [],
    questionnaire: [],
    reportFinal: false,
  };
}

/** Adds the finished run to the workbook and opens it on the drills page. */
async function withRun(page: Page, host: WebHost): Promise<void> {
  await page.goto(`${host.url}#/drills`);
  await waitSaved(page, SAMPLE_REV);
  const item = await finishedRun();
  await send(host, [['workbook:dispatch-command', { type: 'item.add', collection: 'drills.runs', item }]]);
  await waitSaved(page, SAMPLE_REV + 1);
  await page.getByTestId('review-run').selectOption('drun-e2e');
  await expect(page.getByTestId('run-review-drun-e2e')).toBeVisible();
}

async function rate(page: Page, objectiveId: string, rating: string, note: string, revision: number) {
  const row = page.getByTestId(`objective-${objectiveId}`);
  await row.getByTestId('rating').selectOption(rating);
  await row.getByTestId('rating-note').fill(note);
  await row.getByTestId('save-rating').click();
  await waitSaved(page, revision);
  await expect(page.getByTestId(`objective-${objectiveId}`).getByTestId('given')).toHaveText(
    new RegExp(`^Rated ${rating}:`),
  );
}

test('a finished drill: scored, replayed on main and projector, reported in HTML, Markdown and PDF', async ({
  page,
  host,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  await withRun(page, host);
  let rev = SAMPLE_REV + 1;

  // Scoring: the times and outcomes from the log, then the facilitator's ratings.
  await expect(page.getByTestId('drill-times')).toContainText('T+07:00');
  await expect(page.getByTestId('drill-times')).toContainText('T+25:00');
  await expect(page.getByTestId('drill-times')).toContainText('T+29:00');
  await expect(page.getByTestId('expected-exp-1b')).toContainText('Late');
  await expect(page.getByTestId('expected-exp-3a')).toContainText('Missed');
  await expect(page.getByTestId('expected-exp-4a')).toContainText('Not reached');
  await expect(page.getByTestId('objective-obj-detect').getByTestId('suggested')).toHaveText('S');
  // No rating chosen: said, nothing sent.
  await page.getByTestId('objective-obj-detect').getByTestId('save-rating').click();
  await expect(page.getByTestId('objective-obj-detect').getByRole('alert')).toHaveText(
    'Choose a rating: P, S, M or U',
  );
  await rate(page, 'obj-detect', 'S', 'Seven minutes to detect, the rate check came late', ++rev);
  await rate(page, 'obj-rollback', 'P', 'Rollback called by the book at T+25', ++rev);
  await rate(page, 'obj-comms', 'M', 'The sales director call went unanswered', ++rev);

  await page.getByTestId('drill-strengths').getByTestId('note-new').fill('Detection inside seven minutes');
  await page.getByTestId('drill-strengths').getByTestId('note-add').click();
  await waitSaved(page, ++rev);
  await page
    .getByTestId('drill-improvements')
    .getByTestId('note-new')
    .fill('Nobody owned the call with sales');
  await page.getByTestId('drill-improvements').getByTestId('note-add').click();
  await waitSaved(page, ++rev);

  // The questionnaire: an answer without its author is refused by the host, nothing changes.
  await page.getByTestId('qa-category').selectOption('what-to-change');
  await page.getByTestId('qa-answer').fill('Name a comms owner for sales leadership');
  await page.getByTestId('qa-save').click();
  await expect(page.getByTestId('qa-error')).toContainText('who: Who answered is required');
  await expect(page.getByTestId('revision')).toHaveText(`rev ${rev}`);
  await page.getByTestId('qa-who').fill('Ben Okafor');
  await page.getByTestId('qa-paper').check();
  await page.getByTestId('qa-save').click();
  await waitSaved(page, ++rev);
  await expect(page.getByTestId('answers-what-to-change')).toContainText('Name a comms owner');

  // Replay: step on the main window, the projector follows.
  const projector = await page.context().newPage();
  await projector.goto(`${host.url}#/projector`);
  await page.getByTestId('review-view-replay').click();
  await expect(projector.getByTestId('projector-replay')).toContainText('EXERCISE');
  await expect(projector.getByTestId('projector-replay-position')).toHaveText('T+00:00');
  await page.getByTestId('replay-next').click();
  await page.getByTestId('replay-next').click();
  await expect(page.getByTestId('replay-position')).toHaveText('T+15:00 of T+30:00');
  await expect(page.getByTestId('replay-count')).toHaveText('3 of 8 events by T+15:00');
  await expect(projector.getByTestId('projector-replay-position')).toHaveText('T+15:00');
  await expect(projector.getByTestId('projector-replay')).toContainText(
    'Access-denied rate crosses the stop condition',
  );
  await expect(projector.getByTestId('projector-replay')).toContainText(HOSTILE);
  await page.getByTestId('replay-next').click();
  await page.getByTestId('replay-next').click();
  await page.getByTestId('replay-next').click();
  await expect(projector.getByTestId('projector-replay')).toContainText('Roll wave 2 back');
  await page.getByTestId('replay-prev').click();
  await expect(page.getByTestId('replay-position')).toHaveText('T+20:00 of T+30:00');
  await expect(projector.getByTestId('projector-replay-position')).toHaveText('T+20:00');
  await expect(projector.getByTestId('projector-replay')).not.toContainText('Roll wave 2 back');
  // Played at 10×, it moves on both windows without any further push; paused, both agree.
  await page.getByTestId('replay-speed').selectOption('10');
  await page.getByTestId('replay-play').click();
  await expect(projector.getByTestId('projector-replay-position')).not.toHaveText('T+20:00');
  await page.getByTestId('replay-play').click();
  const paused = (await page.getByTestId('replay-position').textContent())!.split(' of ')[0]!;
  expect(paused > 'T+20:00').toBe(true);
  await expect(projector.getByTestId('projector-replay-position')).toHaveText(paused);

  // The report: a corrective action raised from it, then saved.
  await page.getByTestId('review-view-report').click();
  await expect(projector.getByTestId('projector-replay')).toHaveCount(0);
  await page.getByTestId('ca-text').fill('Name a comms owner for sales leadership');
  await page.getByTestId('ca-element').selectOption('organisation');
  await page.getByTestId('ca-owner').fill('Chloé Martin');
  await page.getByTestId('ca-add').click();
  await waitSaved(page, ++rev);
  await expect(page.getByTestId('report-actions')).toContainText('Chloé Martin');

  const save = async (testid: string) => {
    const waiting = page.waitForEvent('download');
    await page.getByTestId(testid).click();
    const download: Download = await waiting;
    return { name: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
  };
  const html = await save('drill-report-export-html');
  expect(html.name).toBe('exercise-after-action-report-permissions-outage-after-wave-2.html');
  expect(html.text).not.toMatch(/<script|<img/i);
  const md = await save('drill-report-export-md');
  expect(md.text).toContain('# EXERCISE: after-action report, Permissions outage after wave 2');
  expect(md.text).toContain('\\<img src=x onerror=alert\\(1\\)\\>');
  expect(md.text).not.toMatch(/(^|[^\\])<img/m);

  await mkdir(testInfo.outputDir, { recursive: true });
  const file = join(testInfo.outputDir, html.name);
  await writeFile(file, html.text);
  const context = await browser.newContext();
  try {
    const reader = await context.newPage();
    const dialogs: string[] = [];
    reader.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await reader.goto(pathToFileURL(file).href);
    const seen = await reader.evaluate(() => ({
      scripts: document.scripts.length,
      images: document.images.length,
      imgs: document.querySelectorAll('img').length,
      watermarks: document.querySelectorAll('.watermark').length,
      text: document.body.textContent,
    }));
    expect(seen).toMatchObject({ scripts: 0, images: 0, imgs: 0, watermarks: 1 });
    expect(seen.text).toContain('EXERCISE, not a real incident');
    expect(seen.text).toContain(HOSTILE);
    expect(seen.text).toContain('Roll wave 2 back');
    expect(seen.text).toContain('decision: rollback');
    expect(seen.text).toContain('S (Performed with some challenges)');
    expect(seen.text).toContain('The sales director call went unanswered');
    expect(seen.text).toContain('Detection inside seven minutes');
    expect(seen.text).toContain('Name a comms owner for sales leadership');
    expect(seen.text).toContain('organisation');
    expect(dialogs).toEqual([]);
    const pdf = await reader.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(2);
  } finally {
    await context.close();
  }

  // Marked final: no DRAFT watermark, and the scores are frozen on screen.
  await page.getByTestId('report-mark').click();
  await waitSaved(page, ++rev);
  await expect(page.getByTestId('report-state')).toHaveText(/^Final/);
  const final = await save('drill-report-export-html');
  expect(final.text).not.toContain('class="watermark"');
  await page.getByTestId('review-view-scoring').click();
  await expect(page.getByTestId('scoring-locked')).toBeVisible();
  await expect(page.getByTestId('objective-obj-comms').getByTestId('save-rating')).toBeDisabled();

  // What the file on disk holds.
  const wb = JSON.parse(await readFile(host.samplePath, 'utf8'));
  const run = wb.drills.runs.find((r: { id: string }) => r.id === 'drun-e2e');
  expect(run.scores.map((s: { rating: string }) => s.rating)).toEqual(['S', 'P', 'M']);
  expect(run.reportFinal).toBe(true);
  expect(wb.drills.correctiveActions.at(-1)).toMatchObject({ runId: 'drun-e2e', status: 'open' });
});

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });
    test('scoring, replay and report screens have no axe violations', async ({ page, host }) => {
      await withRun(page, host);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expectNoViolations(page, `${theme} / drill scoring`);
      await page.getByTestId('review-view-replay').click();
      await page.getByTestId('replay-next').click();
      await expectNoViolations(page, `${theme} / drill replay`);
      await page.getByTestId('review-view-report').click();
      await expectNoViolations(page, `${theme} / drill report`);
    });
  });
}

test('a drill run through the run commands is scored and reported from where it finished', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#/drills`);
  await waitSaved(page, SAMPLE_REV);
  const runId = 'drun-live-e2e';
  const log = (kind: string, who: string, text: string, expectedId = '', decision = ''): Frame => [
    'workbook:dispatch-command',
    { type: 'drills.run-log', runId, kind, who, text, expectedId, decision },
  ];
  // Created, started at 60×, jumped to its second inject, a few things logged, finished.
  await send(host, [
    [
      'workbook:dispatch-command',
      {
        type: 'drills.run-create',
        runId,
        scenarioId: 'lib-permissions-outage',
        facilitator: 'Dmitri Halloran',
      },
    ],
    ['workbook:dispatch-command', { type: 'drills.run-start', runId, speed: 60, severity: 'SEV2' }],
    log('detected', 'Jun Park', 'The tickets share one role', 'exp-1a'),
    ['workbook:dispatch-command', { type: 'drills.run-jump', runId }],
    log('decision', 'Dmitri Halloran', 'Roll wave 2 back now', '', 'rollback'),
    ['workbook:dispatch-command', { type: 'drills.run-finish', runId }],
  ]);
  await expect(page.getByTestId('review-run')).toHaveValue(runId);
  await expect(page.getByTestId('drill-times')).not.toContainText('no rollback decision');
  await expect(page.getByTestId('expected-exp-1a')).toContainText('Met');
  const rev = Number((await page.getByTestId('revision').textContent())!.replace('rev ', ''));
  await rate(page, 'obj-rollback', 'S', 'Called early, before the evidence was in', rev + 1);
  await page.getByTestId('review-view-report').click();
  const waiting = page.waitForEvent('download');
  await page.getByTestId('drill-report-export-md').click();
  const md = await readFile((await (await waiting).path())!, 'utf8');
  expect(md).toContain('Roll wave 2 back now');
  expect(md).toContain('S \\(Performed with some challenges\\)');
  expect(md).toContain('Called early, before the evidence was in');
});

test('the replay on the projector: 7:1 contrast and body text of 48 px at least', async ({ page, host }) => {
  await openBoard(page, host);
  // The main window's share, as it sends it: the sample's drill, stopped at T+44:00 (a decision).
  await send(host, [
    [
      'drills:share-replay',
      { runId: 'drill-perm-outage-1', positionMs: 2_640_000, speed: 1, playing: false },
    ],
  ]);
  await expect(page.getByTestId('projector-replay-position')).toHaveText('T+44:00');
  await expect(page.getByTestId('projector-replay')).toContainText('Roll wave 2 back');
  const found = (await page.evaluate(scanText)).filter((t) => t.text.length > 0);
  expect(found.filter((t) => t.ratio < 7)).toEqual([]);
  expect(found.filter((t) => t.body && t.px < 48)).toEqual([]);
  // Stopping the share takes the replay off the board.
  await send(host, [['drills:share-replay', null]]);
  await expect(page.getByTestId('projector-replay')).toHaveCount(0);
});
