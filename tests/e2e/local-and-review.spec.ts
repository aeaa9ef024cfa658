/**
 * The fixture build (`npm run build:fixture`, served from dist-fixture/): a hospital's local file
 * (tests/fixtures/local/sample.yaml) and topics whose reviews fall due, built with REVIEW_TODAY=2026-12-01.
 * - Taking a trough level: next review 1 June 2026, overdue at build time.
 * - Monitoring: next review 15 January 2027, not yet overdue at build time.
 * - Approvals recorded with npm run approve (tests/fixture-build.ts): Dosing and trough targets
 *   approved, then only its change log edited; Formulations and brands approved, then one sentence
 *   reworded.
 */
import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { printToPdf } from './pdf.ts';
import { fixtureOrigin, rootOrigin } from '../ports.ts';

test.use({ baseURL: fixtureOrigin });
test.beforeAll(() => {
  if (!existsSync('dist-fixture')) throw new Error('dist-fixture/ is missing: run npm run build:fixture first');
});

const organisation = 'Fixture Valley Hospital';
const sampling = '/topics/level-sampling/';

test.describe('a local file', () => {
  test('puts the organisation, the local owner and the local date in the footer and the about page', async ({ page }) => {
    await page.goto('/about/');
    const footer = page.locator('[data-local-footer]');
    await expect(footer).toHaveText(`Local copy for ${organisation} · local owner: Ward 7 pharmacy team · local details updated 30 November 2026`);
    await expect(page.locator('[data-local-about]')).toContainText(`${organisation}; local document owner Ward 7 pharmacy team`);
    const contacts = page.locator('[data-local-contacts] > li');
    await expect(page.getByRole('heading', { name: `Local contacts (${organisation})` })).toBeVisible();
    await expect(contacts).toHaveCount(2);
    await expect(contacts.nth(0)).toContainText('Renal pharmacist: extension 4321, 9am-5pm');
    await expect(contacts.nth(0).getByRole('link', { name: 'Taking a trough level' })).toHaveAttribute('href', sampling);
    await expect(contacts.nth(0).getByRole('link', { name: 'Dosing and trough targets: Dose and trough calculator' })).toHaveAttribute('href', '/dose-calculator/');
    await expect(contacts.nth(1)).toHaveText('Renal registrar on call: bleep 1234, out of hours');
  });

  test('shows a local note at its section as local practice, set apart from the cited evidence', async ({ page }) => {
    await page.goto(sampling);
    const section = page.locator('[data-section="when-to-take-the-sample"]');
    const note = section.locator('.local-practice');
    await expect(note).toBeVisible();
    await expect(note.locator('.local-label')).toHaveText(`Local practice (${organisation})`);
    await expect(note).toContainText('Fixture lab: results the same day if the sample reaches the lab by 2pm.');
    await expect(note).toContainText('local practice, not part of the cited evidence');
    // Not a callout, no citation inside, and the frame differs from the evidence notes.
    await expect(note).not.toHaveClass(/callout/);
    await expect(note.locator('sup.citation, a')).toHaveCount(0);
    expect(await note.evaluate((element) => getComputedStyle(element).borderTopStyle)).toBe('dashed');
    // Only in the section it names.
    await expect(page.locator('.local-practice')).toHaveCount(1);
    // The topic-level contact sits under the topic's head.
    await expect(page.locator('[data-local-target="level-sampling"] .local-contacts')).toContainText(`Local contact (${organisation})Renal pharmacist: extension 4321, 9am-5pm`);
  });

  test('keeps local text out of the citation numbering', async ({ page, request }) => {
    await page.goto('/topics/dosing-and-trough-targets/');
    const note = page.locator('[data-section="trough-targets-by-phase"] .local-practice');
    await expect(note).toContainText('the text [@prograf-smpc] here is local wording, not a citation.');
    await expect(note.locator('sup')).toHaveCount(0);
    // The reference list is the same as in the build without a local file.
    const withLocal = await page.locator('.reference-list li').count();
    const plain = await (await request.get(`${rootOrigin}/topics/dosing-and-trough-targets/`)).text();
    expect(withLocal).toBe((plain.match(/<li id="ref-/g) ?? []).length);
    // The contact placed at the calculator shows on the calculator's own page.
    await expect(page.locator('[data-local-target="dosing-and-trough-targets#dose-calculator"]')).toHaveCount(0);
    await page.goto('/dose-calculator/');
    await expect(page.locator('[data-local-target="dosing-and-trough-targets#dose-calculator"]')).toContainText('Renal pharmacist');
  });

  test('prints the local note, the organisation and the local owner in document control', async ({ page }) => {
    await page.goto(sampling);
    const text = (await printToPdf(page)).text.replace(/\s+/g, ' ');
    expect(text).toContain(`Local practice (${organisation})`);
    expect(text).toContain('Fixture lab: results the same day if the sample reaches the lab by 2pm.');
    expect(text).toMatch(/Version Tacrolimus Reference \d+\.\d+\.\d+ \(site and binder\); local details Fixture Valley Hospital, updated 30 November 2026/);
    expect(text).toContain('Owner Tacrolimus Reference editorial team (editorial); Ward 7 pharmacy team, Fixture Valley Hospital (local)');
    expect(text).toContain('Review overdue fell due on 1 June 2026');
    expect(text).toContain(`Local contact (${organisation})`);
  });
});

test.describe('reviews that fall due', () => {
  test('without JavaScript the build-time result shows: overdue on 1 December 2026', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: fixtureOrigin });
    const page = await context.newPage();
    await page.goto(sampling);
    await expect(page.locator('.review-status .review-overdue')).toHaveText('Review overdue: fell due on 1 June 2026');
    await page.goto('/topics/monitoring/');
    await expect(page.locator('.review-status .review-overdue')).toBeHidden();
    await page.goto('/');
    const list = page.locator('[data-overdue-list]');
    await expect(list.getByRole('heading', { name: 'Reviews overdue' })).toBeVisible();
    await expect(list.locator('li:visible')).toHaveText(['Taking a trough level: review fell due on 1 June 2026']);
    await context.close();
  });

  test('the browser decides again against today: a copy left on an intranet still turns overdue', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2027-02-01T09:00:00'));
    await page.goto('/topics/monitoring/');
    await expect(page.locator('.review-status .review-overdue')).toHaveText('Review overdue: fell due on 15 January 2027');
    await page.goto('/');
    await expect(page.locator('[data-overdue-list] li:visible')).toHaveText([
      'Monitoring: review fell due on 15 January 2027',
      'Taking a trough level: review fell due on 1 June 2026',
    ]);
  });

  test('before the date falls due the browser shows nothing overdue, home list included', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-05-01T09:00:00'));
    await page.goto(sampling);
    await expect(page.locator('.review-status .review-overdue')).toBeHidden();
    await page.goto('/');
    await expect(page.locator('[data-overdue-list]')).toBeHidden();
  });

  test('on the day itself the review is due, not overdue; the day after it is overdue', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2027-01-15T23:30:00'));
    await page.goto('/topics/monitoring/');
    await expect(page.locator('.review-status .review-overdue')).toBeHidden();
    await page.clock.setFixedTime(new Date('2027-01-16T00:10:00'));
    await page.reload();
    await expect(page.locator('.review-status .review-overdue')).toBeVisible();
  });

  test('decided again before printing, and printed in document control', async ({ page }) => {
    await page.clock.install({ time: new Date('2027-01-10T09:00:00') });
    await page.goto('/topics/monitoring/');
    await expect(page.locator('.review-status .review-overdue')).toBeHidden();
    // The page stays open past the due date; printing decides again.
    await page.clock.setSystemTime(new Date('2027-01-20T09:00:00'));
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await expect(page.locator('.document-control .review-overdue')).toBeAttached();
    await expect(page.locator('.document-control .review-overdue')).not.toHaveAttribute('hidden');
    const pdf = await printToPdf(page);
    expect(pdf.text).toMatch(/Review overdue fell due on 15 January 2027/);
    expect(pdf.text).toContain('Next review 15 January 2027');
  });

  test('the printed binder marks the overdue topic', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-12-01T09:00:00'));
    await page.goto('/binder/');
    await expect(page.locator('.binder-contents li', { hasText: 'Taking a trough level' }).locator('.review-overdue')).toBeVisible();
    await expect(page.locator('.binder-contents li', { hasText: 'Monitoring' }).locator('.review-overdue')).toBeHidden();
  });
});

test('a section-level change: the changes page names the section, and so do the reprint list and the binder cover', async ({ page }) => {
  await page.goto('/changes/');
  const current = (await page.locator('[data-current-version]').textContent())!;
  const item = page.locator(`[data-changed-topic][data-version="${current}"]`);
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Taking a trough level: section When to take the sample');
  await expect(item.getByRole('link', { name: 'When to take the sample' })).toHaveAttribute('href', '/topics/level-sampling/#when-to-take-the-sample');
  const select = page.getByLabel('My binder is version');
  const previous = (await select.locator('option').first().getAttribute('value'))!;
  await select.selectOption(previous);
  await page.getByRole('button', { name: 'Show the pages to reprint' }).click();
  await expect(page.locator('[data-reprint-result] h2')).toHaveText(`Reprint 1 topic since version ${previous}`);
  await expect(page.locator('[data-reprint-list] > li')).toHaveText([`Taking a trough level: section When to take the sample (changed in version ${current})`]);
  await page.goto('/binder/');
  await expect(page.locator('.binder-changes h2')).toHaveText(`Changed in version ${current} since version ${previous}`);
  await expect(page.locator('.binder-changes li')).toHaveText(['Taking a trough level: section When to take the sample']);
});

test.describe('approvals', () => {
  const approver = 'Dr Fixture Approver, consultant paediatric nephrologist';
  const approved = `Approved by ${approver} on 30 November 2026`;
  const changed = 'Changed since approval on 28 November 2026: awaiting re-review';

  test('an approval that holds: the page head says who approved it and when, on the topic and its tool pages, with JavaScript off', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: fixtureOrigin });
    const page = await context.newPage();
    for (const path of ['/topics/dosing-and-trough-targets/', '/dose-calculator/', '/weight-band-tables/']) {
      await page.goto(path);
      await expect(page.locator('.topic-header .review-words'), path).toHaveText(approved);
      await expect(page.locator('.topic-header')).not.toContainText('Draft');
      // Only the change log was edited after approval: the fingerprint still matches.
      await expect(page.locator('[data-approval-detail]')).toContainText(`30 November 2026 by ${approver} (fingerprint`);
      await expect(page.locator('[data-approval-detail]')).toContainText('matching the text');
    }
    await page.goto('/topics/dosing-and-trough-targets/');
    await expect(page.locator('.change-log li', { hasText: 'Fixture, change log only: ' })).toHaveCount(1);
    await page.goto('/');
    await expect(page.locator('.topic-list li', { hasText: 'Dosing and trough targets' }).locator('.topic-review')).toHaveText(approved);
    await expect(page.locator('.draft-notice')).toContainText('16 of 17 topics await clinical review');
    await context.close();
  });

  test('prints the approval in document control', async ({ page }) => {
    await page.goto('/topics/dosing-and-trough-targets/');
    const text = (await printToPdf(page)).text.replace(/\s+/g, ' ');
    expect(text).toContain(`Review status ${approved}`);
    expect(text).toContain('Next review 30 November 2028');
    expect(text).not.toContain('Draft: awaiting clinical review');
  });

  test('a sentence edited after approval: the page, the home page and /changes/ say changed since approval', async ({ page }) => {
    await page.goto('/topics/formulations-and-brands/');
    await expect(page.locator('.topic-header .review-words')).toHaveText(changed);
    await expect(page.locator('[data-approval-detail]')).toContainText('by Fixture Medicines Committee, drugs and therapeutics committee; changed since');
    const printed = (await printToPdf(page)).text.replace(/\s+/g, ' ');
    expect(printed).toContain(`Review status ${changed}`);
    for (const path of ['/', '/changes/']) {
      await page.goto(path);
      const list = page.locator('[data-changed-since-approval]');
      await expect(list.getByRole('heading', { name: 'Changed since approval' })).toBeVisible();
      await expect(list.locator('li')).toHaveText(['Formulations and brands: changed since approval on 28 November 2026 by Fixture Medicines Committee, drugs and therapeutics committee, awaiting re-review']);
      await expect(list.getByRole('link', { name: 'Formulations and brands' })).toHaveAttribute('href', '/topics/formulations-and-brands/');
    }
    await page.goto('/');
    await expect(page.locator('.topic-list li', { hasText: 'Formulations and brands' }).locator('.topic-review')).toHaveText(changed);
  });

  test('the site without approvals shows no changed-since-approval list', async ({ request }) => {
    for (const path of ['/', '/changes/']) {
      const html = await (await request.get(`${rootOrigin}${path}`)).text();
      expect(html).not.toContain('data-changed-since-approval');
    }
  });

  test('the review pack shows where the approval stands, and its fingerprint matches the approved one', async ({ page }) => {
    await page.goto('/review-pack/dosing-and-trough-targets/');
    await expect(page.locator('.review-pack-status')).toContainText(approved);
    await page.goto('/topics/dosing-and-trough-targets/');
    const short = (await page.locator('[data-approval-detail] code').first().textContent())!;
    await page.goto('/review-pack/dosing-and-trough-targets/');
    expect((await page.locator('[data-fingerprint]').textContent())!.replace('sha256:', '').startsWith(short)).toBe(true);
    await page.goto('/review-pack/');
    await expect(page.locator('[data-review-pack-link="formulations-and-brands"] [data-approval]')).toHaveText(` (${changed})`);
  });
});

test('pages with local details, overdue reviews and approvals are valid HTML and pass axe', async ({ page }) => {
  // The review packs themselves are checked page by page in quality.spec.ts.
  test.setTimeout(180_000);
  const { HtmlValidate } = await import('html-validate');
  const AxeBuilder = (await import('@axe-core/playwright')).default;
  const { readFileSync } = await import('node:fs');
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'prefer-native-element': 'off' } });
  const failures: string[] = [];
  for (const path of ['/', '/about/', sampling, '/topics/dosing-and-trough-targets/', '/dose-calculator/', '/topics/monitoring/', '/changes/', '/topics/formulations-and-brands/', '/review-pack/']) {
    const file = `dist-fixture${path}index.html`;
    const report = await validator.validateString(readFileSync(file, 'utf8'), file);
    for (const result of report.results) for (const message of result.messages) failures.push(`${file}:${message.line}: ${message.ruleId}: ${message.message}`);
    await page.goto(path);
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    for (const violation of axe.violations) failures.push(`${path}: ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  }
  expect(failures).toEqual([]);
});
