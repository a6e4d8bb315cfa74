import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';
import type { WebHost } from '../support/web-host';
import { WindowClient } from '../support/window-client';

// `npm run screenshots` refreshes the projector pictures README shows: the board at 1080p as a
// room sees it, for the sample as it opens (NO-GO), after the error rate recovers (GO), with a
// poll going round the room, and with the host gone (STALE). Changes come from a second window
// on the host's bridge, as the commander's laptop would send them.

const OUT = 'docs/screenshots';

test.use({ viewport: { width: 1920, height: 1080 } });

async function openBoard(page: Page, host: WebHost): Promise<void> {
  await page.goto(`${host.url}#/projector`);
  await expect(page.getByTestId('projector')).toHaveAttribute('data-state', 'live');
}

/** Runs `commands` from another window, one after another. */
async function send(host: WebHost, commands: object[]): Promise<void> {
  const editor = await WindowClient.connect(host.url, 'commander');
  try {
    for (const command of commands) await editor.call('workbook:dispatch-command', command);
  } finally {
    editor.close();
  }
}

const reading = (id: string, metricId: string, value: number, msAgo: number) => ({
  type: 'wave.reading-add',
  id,
  waveId: 'wave-2',
  metricId,
  at: new Date(Date.now() - msAgo).toISOString(),
  value,
  source: '',
});

test('NO-GO: the sample as it opens', async ({ page, host }) => {
  await openBoard(page, host);
  await expect(page.getByTestId('projector-verdict')).toHaveText('NO-GO');
  await page.screenshot({ path: join(OUT, 'projector-nogo.png') });
});

test('GO: the 5xx rate is back under 2%', async ({ page, host }) => {
  await openBoard(page, host);
  // Two good readings: the breach is no longer sustained over its window, so the gate continues.
  await send(host, [
    reading('r-doc-5xx-1', 'm-api-5xx', 1.1, 2000),
    reading('r-doc-5xx-2', 'm-api-5xx', 0.9, 1000),
  ]);
  await expect(page.getByTestId('projector-verdict')).toHaveText('GO');
  await page.screenshot({ path: join(OUT, 'projector-go.png') });
});

test('a go/no-go poll going round the room', async ({ page, host }) => {
  await openBoard(page, host);
  const positions = [
    { id: 'p-owner', label: 'Rollout owner', person: 'Amara Okafor' },
    { id: 'p-ic', label: 'Incident commander', person: 'Dmitri Halloran' },
    { id: 'p-sre', label: 'Platform SRE', person: 'Jun Park' },
    { id: 'p-enable', label: 'Sales enablement', person: 'Tomás Ekwueme' },
  ];
  await send(host, [
    { type: 'poll.start', id: 'poll-doc', waveId: 'wave-2', positions },
    { type: 'poll.answer', pollId: 'poll-doc', positionId: 'p-owner', answer: 'HOLD', reason: '' },
    {
      type: 'poll.answer',
      pollId: 'poll-doc',
      positionId: 'p-ic',
      answer: 'NO-GO',
      reason: 'The 5xx rate has been over 2% for 15 minutes.',
    },
  ]);
  await expect(page.getByTestId('projector-position').nth(2)).toHaveAttribute('data-answer', 'turn');
  await page.screenshot({ path: join(OUT, 'projector-poll.png') });
});

test('STALE: the host has gone away', async ({ page, host }) => {
  await openBoard(page, host);
  await host.stop();
  await expect(page.getByTestId('projector')).toHaveAttribute('data-state', 'stale');
  await page.screenshot({ path: join(OUT, 'projector-stale.png') });
});
