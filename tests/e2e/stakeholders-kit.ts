import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { WebHost } from '../support/web-host';
import { expect, openListed, workbooksDir } from './fixtures';

// A workbook for the stakeholder specs: the sample with a step-3 section of 12 groups (two major
// ones not covered, one minor one with nobody) and a champions check that follows the evidence.

export const GROUPS = [
  'Support agents EMEA',
  'Support agents Americas',
  'Team leads',
  'Finance approvers',
  'Field sales',
  'Inside sales',
  'Sales managers',
  'IT service desk',
  'Executives',
  'Marketing ops',
  'Legal reviewers',
  'Partner managers',
];
export const gid = (i: number) => `sg-${i + 1}`;
/** Major groups missing something: sg-2 lacks a champion, sg-4 an owner. sg-11 is not major. */
export const UNCOVERED = { champion: gid(1), owner: gid(3) };

export function peopleCsv(n = 200): string {
  const rows = ['Name,Email,Department,Job title,Office,Manager'];
  const offices = ['Lisbon', 'Dublin', 'Austin', 'Toronto'];
  for (let i = 0; i < n; i++) {
    const name = `Person ${String(i + 1).padStart(3, '0')}`;
    rows.push(
      `${name},p${i + 1}@example.org,${GROUPS[i % GROUPS.length]},Agent,${offices[i % 4]},${i >= 12 ? `Person ${String((i % 12) + 1).padStart(3, '0')}` : ''}`,
    );
  }
  return `${rows.join('\n')}\n`;
}

export async function stakeholderWorkbook(page: Page, host: WebHost, file = 'people.rollout.json') {
  await page.goto(host.url);
  await expect(page.getByTestId('workbook-name')).toBeVisible();
  const wb = JSON.parse(await readFile(host.samplePath, 'utf8'));
  wb.id = 'wb-people';
  wb.name = 'People drill';
  wb.scorecard.assessments = wb.scorecard.assessments.filter(
    (a: { itemId: string }) => a.itemId !== 'go-champions',
  );
  wb.stakeholders = {
    groups: GROUPS.map((name, i) => ({
      id: gid(i),
      name,
      size: 20,
      role: i === 8 ? 'sponsor' : 'recipient',
      major: i !== 10,
      sponsor: i === 10 ? '' : 'Priya Raman',
      champions: i === 1 || i === 10 ? [] : ['Leah Brandt'],
      commsOwner: i === 3 || i === 10 ? '' : 'Tomás Ekwueme',
      mondayChange: '',
    })),
    people: [],
    placements: [],
    checkins: [],
    objections: [],
    comms: [],
    decisions: [],
  };
  await writeFile(join(workbooksDir(host), file), JSON.stringify(wb, null, 2));
  await openListed(page, file);
  await expect(page.getByTestId('workbook-name')).toHaveText('People drill');
  return join(workbooksDir(host), file);
}

export const csvFile = (name: string, text: string) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(text, 'utf8'),
});
