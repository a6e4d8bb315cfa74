import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

// Accessibility non-negotiable: axe finds no violations. Shared by every spec that scans a screen.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** One readable line per failing node: rule, impact, where, and axe's own fix-it summary. */
function describeViolations(results: Awaited<ReturnType<AxeBuilder['analyze']>>): string[] {
  return results.violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    at ${JSON.stringify(n.target)}\n    ${
          n.failureSummary?.replaceAll('\n', '\n    ') ?? ''
        }\n    html: ${n.html.slice(0, 200)}`,
    ),
  );
}

/** Scans the whole page as it is now; `screen` names it in the failure message. */
export async function expectNoViolations(page: Page, screen: string): Promise<void> {
  // Legacy mode runs axe in the page itself. The app has no frames (its CSP leaves frame-src at
  // default-src 'none'), so the cross-frame mode's extra blank page only costs ~2.5 s a scan.
  const results = await new AxeBuilder({ page }).withTags(TAGS).setLegacyMode(true).analyze();
  const found = describeViolations(results);
  if (found.length > 0) console.log(`axe, ${screen}:\n  ${found.join('\n  ')}`);
  expect(found, `axe violations on ${screen}`).toEqual([]);
}
