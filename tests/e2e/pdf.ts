/** Printing a page to PDF in Chromium and reading the PDF's text back with poppler's pdftotext. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

export interface PrintedPdf {
  text: string;
  pages: number;
  path: string;
}

export async function printToPdf(page: Page): Promise<PrintedPdf> {
  const path = join(mkdtempSync(join(tmpdir(), 'print-')), 'page.pdf');
  writeFileSync(path, await page.pdf({ format: 'A4' }));
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  return { text: text.replace(/[ \t]+/g, ' '), pages, path };
}
