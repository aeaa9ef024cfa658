/**
 * Decides "Review overdue" again in the reader's browser, against today's date: on load and before
 * printing, so a site copied once to an intranet still turns overdue. Loaded by page.ts only on
 * pages that carry a next-review date.
 */
import { applyOverdue, localDay } from '../lib/review-due.ts';

export function attachReviewDue(): void {
  const update = () => applyOverdue(document, localDay(new Date()));
  update();
  window.addEventListener('beforeprint', update);
}
