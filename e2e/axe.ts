// One way to ask axe about a page, for every spec: WCAG 2.1 A/AA rules, violations only.
// - resultTypes: ['violations']: passes name their rule with one node, which spares axe building a
//   selector for every passing node (a third of its time on a chapter).
// - Legacy mode: axe runs in the page itself. The default mode gathers partial results per frame and
//   then finishes them in a fresh about:blank page, a new renderer each time: 5–8 of a chapter's 10 s
//   of axe, measured on a 2-core machine with performanceTimer. The pages here
//   have no cross-origin frames, which is what the default mode is for.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { FRAMES_PENDING_ATTRIBUTE } from '../src/app/shell/framesPending';

export interface AxeAsk {
  /** CSS selectors to check (the whole page when absent). */
  include?: string[];
  /** Also run heading-order (best practice, moderate), which the WCAG tags leave out. */
  headingOrder?: boolean;
  /** Keep only serious and critical violations (and heading-order, when asked for). */
  seriousOnly?: boolean;
}

export interface AxeAnswer {
  /** One line per violation: rule (impact): the first three nodes. */
  found: string[];
  /** Every rule that ran, so a caller can check that a rule it relies on did. */
  ran: string[];
}

export async function axeViolations(page: Page, { include = [], headingOrder = false, seriousOnly = false }: AxeAsk = {}): Promise<AxeAnswer> {
  // A wide frame far down the page becomes a keyboard stop once measured, after the page is shown.
  await expect(page.locator(`html[${FRAMES_PENDING_ATTRIBUTE}]`)).toHaveCount(0);
  let axe = new AxeBuilder({ page })
    .setLegacyMode(true)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .options({ resultTypes: ['violations'], ...(headingOrder ? { rules: { 'heading-order': { enabled: true } } } : {}) });
  for (const selector of include) axe = axe.include(selector);
  const result = await axe.analyze();
  const found = result.violations
    .filter((v) => !seriousOnly || v.impact === 'serious' || v.impact === 'critical' || (headingOrder && v.id === 'heading-order'))
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  const ran = [...result.passes, ...result.violations, ...result.incomplete, ...result.inapplicable].map((r) => r.id);
  return { found, ran };
}
