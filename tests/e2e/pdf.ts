/** Printing a page to PDF and reading the PDF's text back with poppler's pdftotext. */
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

/** Prints a Playwright (Chromium) page on A4. */
export async function printToPdf(page: Page): Promise<PrintedPdf> {
  return readPdf(await page.pdf({ format: 'A4' }));
}

/** Reads the text and page count of PDF bytes from any browser. */
export function readPdf(bytes: Uint8Array): PrintedPdf {
  const path = join(mkdtempSync(join(tmpdir(), 'print-')), 'page.pdf');
  writeFileSync(path, bytes);
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  return { text: text.replace(/[ \t]+/g, ' '), pages, path };
}
