import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage();
await page.goto('http://localhost:4500' + process.argv[2]);
await page.emulateMedia({ media: 'print' });
await page.pdf({ path: process.argv[3], format: 'A4' });
await browser.close();
