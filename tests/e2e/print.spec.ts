import { expect, test } from '@playwright/test';
import { printToPdf } from './pdf.ts';
import { subPath } from '../playwright.config.ts';
import { printedSubOrigin, subOrigin } from '../ports.ts';

const printedStamp = /Printed \d{1,2} \w+ \d{4} at \d{2}:\d{2}/;

test('a printed topic carries the document-control block, its references and no screen controls', async ({ page }) => {
  await page.goto('/topics/dosing-and-trough-targets/');
  const pdf = await printToPdf(page);
  expect(pdf.text).toContain('Uncontrolled when printed: check the live version before use.');
  expect(pdf.text).toMatch(/Document Dosing and trough targets/);
  expect(pdf.text).toMatch(/Version Tacrolimus Reference \d+\.\d+\.\d+ \(site and binder\)/);
  expect(pdf.text).toMatch(/Last updated \d{1,2} \w+ \d{4}/);
  expect(pdf.text).toContain('Review status Draft: awaiting clinical review');
  expect(pdf.text).toContain('Next review not scheduled');
  expect(pdf.text).toMatch(printedStamp);
  expect(pdf.text).toContain('Live version /topics/dosing-and-trough-targets/');
  expect(pdf.text.match(/Uncontrolled when printed: check the live version/g)).toHaveLength(1);
  expect(pdf.text).toContain('References');
  expect(pdf.text).toMatch(/Page 1 of \d+/);
  for (const control of ['Print topic', 'Print this section', 'Skip to content', 'Search the guidance', 'On this page']) {
    expect(pdf.text, control).not.toContain(control);
  }
  expect(pdf.pages).toBeGreaterThan(1);
  expect(pdf.pages).toBeLessThan(15);
});

test('printing one section prints only that section and the references it cites', async ({ page }) => {
  await page.goto('/topics/dosing-and-trough-targets/');
  await page.evaluate(() => {
    window.print = () => {};
  });
  await page.getByRole('button', { name: 'Print this section: Trough targets by phase' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-print-section', 'trough-targets-by-phase');
  const citedInSection = await page
    .locator('[data-section="trough-targets-by-phase"] sup.citation a')
    .evaluateAll((links) => [...new Set(links.map((link) => link.getAttribute('href')!.slice(1)))]);
  const allReferences = await page.locator('.reference-list li').count();
  await expect(page.locator('.reference-list li.print-cited')).toHaveCount(citedInSection.length);
  expect(citedInSection.length).toBeLessThan(allReferences);
  const pdf = await printToPdf(page);
  expect(pdf.text).toContain('Trough targets by phase');
  // Other sections' headings stay off the page (the change log may still name them).
  expect(pdf.text).not.toMatch(/^\s*Starting dose\s*$/m);
  expect(pdf.text).not.toMatch(/^\s*Tapering and stopping\s*$/m);
  expect(pdf.text).toContain('Uncontrolled when printed: check the live version before use.');
  expect(pdf.text).toMatch(printedStamp);
  expect(pdf.pages).toBeLessThan(6);

  // The page returns to normal after printing (Chromium fires afterprint when the PDF is done).
  await expect(page.locator('html')).not.toHaveAttribute('data-print-section', /.*/);
  await expect(page.locator('.print-target, .print-cited')).toHaveCount(0);
});

test('the binder prints a cover, a contents page and every topic', async ({ page }) => {
  await page.goto('/binder/');
  const titles = await page.locator('.binder-contents li a').allTextContents();
  expect(titles.length).toBeGreaterThanOrEqual(10);
  const pdf = await printToPdf(page);
  expect(pdf.text).toContain('ward binder');
  expect(pdf.text).toContain('Contents');
  expect(pdf.text).toContain('Professional disclaimer');
  for (const title of titles) expect(pdf.text, title).toContain(title);
  expect(pdf.text).toContain('References: Dosing and trough targets');
  // The weight-band tables print after the dosing topic, with their doses and their own references.
  const tablesAt = pdf.text.indexOf('References: Weight-band dose tables');
  expect(tablesAt).toBeGreaterThan(pdf.text.indexOf('References: Dosing and trough targets'));
  expect(pdf.text).toContain('General starting range: 0.05-0.1 mg/kg/day');
  expect(pdf.text).toMatch(/1 mg twice a day = 2 mg\/day/);
  expect(pdf.text).toContain('20.1-24 kg');
  expect(pdf.text.match(/Uncontrolled when printed: check the live version/g)).toHaveLength(1);
  expect(pdf.pages).toBeGreaterThan(titles.length + 2);
  expect(pdf.pages).toBeLessThan(200);
});

test('collapsed details print open, then close again', async ({ page }) => {
  await page.goto('/topics/monitoring/');
  const note = page.locator('details.evidence-note').first();
  await expect(note).not.toHaveAttribute('open', /.*/);
  // The first words inside the folded note, after its summary line.
  const folded = await note.evaluate((element) => [...element.children].filter((child) => child.tagName !== 'SUMMARY').map((child) => child.textContent).join(' '));
  const firstWords = folded.trim().split(/\s+/).slice(0, 3).join(' ');
  expect(firstWords.length).toBeGreaterThan(5);
  const pdf = await printToPdf(page);
  expect(pdf.text.replace(/\s+/g, ' ')).toContain(firstWords);
  // The change log prints at the end of the topic.
  expect(pdf.text).toContain('First draft');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(note).not.toHaveAttribute('open', /.*/);
});

test('with a public site URL the printout gives the full address and a QR code', async ({ page }) => {
  await page.goto(`${subOrigin}${subPath}topics/monitoring/`);
  await expect(page.locator('.document-control-qr svg')).toHaveCount(1);
  const pdf = await printToPdf(page);
  expect(pdf.text).toContain(`Live version ${printedSubOrigin}${subPath}topics/monitoring/`);
});

test('the binder carries the weight-band tables after the dosing topic, cited against their own reference list', async ({ page }) => {
  await page.goto('/binder/');
  const order = await page.locator('.binder > article').evaluateAll((articles) => articles.map((article) => article.getAttribute('aria-labelledby')));
  expect(order[order.indexOf('dosing-and-trough-targets--topic') + 1]).toBe('weight-band-tables--topic');
  await expect(page.locator('.binder-contents a[href="#weight-band-tables--topic"]')).toHaveText('Weight-band dose tables');
  const section = page.locator('[data-binder-weight-bands]');
  await expect(section.getByRole('heading', { level: 2 })).toHaveText(['Weight-band dose tables', 'References: Weight-band dose tables']);
  await expect(section.getByRole('heading', { level: 3 })).toHaveCount(4);
  const table = section.getByRole('region', { name: 'Table: weight-band doses, Child, other nephrotic syndrome or type not known' });
  const twentyTwo = table.getByRole('row', { name: /^20\.1-24 kg/ });
  await expect(twentyTwo.getByRole('cell').nth(0)).toHaveText('1 mg twice a day = 2 mg/day 0.0995-0.0833 mg/kg/day; 1 × 1 mg capsule');
  await expect(section.locator('[data-weight-band]')).toHaveCount(4);
  const cited = await section.locator('sup.citation a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
  expect(cited.length).toBeGreaterThan(5);
  for (const href of cited) {
    expect(href).toMatch(/^#weight-band-tables--ref-/);
    await expect(section.locator(`.reference-list ${href}`)).toHaveCount(1);
  }
  const ids = await page.locator('[id]').evaluateAll((elements) => elements.map((element) => element.id));
  expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
});
