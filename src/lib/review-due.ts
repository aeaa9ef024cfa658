/**
 * Reviews that fall due: a topic whose next-review date has passed is "Review overdue". Decided at
 * build time (against REVIEW_TODAY, or the build date) for readers without JavaScript, and again in
 * the browser against the reader's own date, on load and before printing, so a copy left on an
 * intranet still turns overdue. Dates are compared as calendar days (YYYY-MM-DD).
 */

/** A calendar day, YYYY-MM-DD. */
export type Day = string;

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar day of a date in UTC (content dates are UTC midnights). */
export function utcDay(date: Date): Day {
  return date.toISOString().slice(0, 10);
}

/** The calendar day of a moment where the reader is (the browser's own time zone). */
export function localDay(now: Date): Day {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The day the build judges overdue reviews against: REVIEW_TODAY=YYYY-MM-DD, or the build's own date. */
export function buildDay(env: Record<string, string | undefined> = process.env, now = new Date()): Day {
  const fixed = env.REVIEW_TODAY;
  if (fixed === undefined || fixed === '') return utcDay(now);
  if (!dayPattern.test(fixed) || Number.isNaN(Date.parse(fixed))) throw new Error(`REVIEW_TODAY=${fixed}: write the date as YYYY-MM-DD`);
  return fixed;
}

/** Overdue once the next-review day has passed (on the day itself the review is due, not overdue). */
export function isOverdue(nextReview: Date | Day | undefined, today: Day): boolean {
  if (nextReview === undefined) return false;
  const due = typeof nextReview === 'string' ? nextReview : utcDay(nextReview);
  return due < today;
}

export const overdueLabel = 'Review overdue';

/** "fell due on 1 March 2026", the words after the label. */
export function overdueDetail(nextReview: Date): string {
  const date = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(nextReview);
  return `fell due on ${date}`;
}

/** One row of the review report. */
export interface ReviewRow {
  slug: string;
  title: string;
  status: string;
  reviewedBy?: string;
  reviewedOn?: Day;
  nextReview?: Day;
  overdue: boolean;
}

export interface ReviewInput {
  slug: string;
  title: string;
  order: number;
  review: { status: string; reviewedBy?: string; reviewedOn?: Date; nextReview?: Date };
}

/**
 * Each topic's review status, overdue ones first (longest overdue first), then the others in
 * reading order.
 */
export function reviewRows(topics: ReviewInput[], today: Day): ReviewRow[] {
  const rows = [...topics]
    .sort((a, b) => a.order - b.order || a.title.localeCompare(b.title))
    .map((topic) => ({
      slug: topic.slug,
      title: topic.title,
      status: topic.review.status,
      reviewedBy: topic.review.reviewedBy,
      reviewedOn: topic.review.reviewedOn && utcDay(topic.review.reviewedOn),
      nextReview: topic.review.nextReview && utcDay(topic.review.nextReview),
      overdue: isOverdue(topic.review.nextReview, today),
    }));
  const overdue = rows.filter((row) => row.overdue).sort((a, b) => (a.nextReview ?? '').localeCompare(b.nextReview ?? ''));
  return [...overdue, ...rows.filter((row) => !row.overdue)];
}

/** The report as a plain-text table, for a terminal or a printout. */
export function reviewReportText(rows: ReviewRow[], today: Day): string {
  const header = ['Topic', 'Status', 'Reviewer', 'Reviewed', 'Next review', 'Overdue'];
  const body = rows.map((row) => [
    row.title,
    row.status,
    row.reviewedBy ?? '-',
    row.reviewedOn ?? 'not yet',
    row.nextReview ?? 'not scheduled',
    row.overdue ? 'OVERDUE' : '',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  const overdueCount = rows.filter((row) => row.overdue).length;
  return [
    `Review report for ${today}: ${rows.length} topics, ${overdueCount} overdue.`,
    '',
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...body.map(line),
    '',
  ].join('\n');
}

/**
 * In the browser: shows or hides every `[data-next-review]` element against today's date, and a
 * `[data-overdue-list]` container only while one of its items shows. Returns how many are overdue.
 */
export function applyOverdue(root: ParentNode, today: Day): number {
  let count = 0;
  for (const element of root.querySelectorAll<HTMLElement>('[data-next-review]')) {
    const overdue = isOverdue(element.dataset.nextReview, today);
    element.hidden = !overdue;
    if (overdue && !element.closest('[data-overdue-list]')) count++;
  }
  for (const list of root.querySelectorAll<HTMLElement>('[data-overdue-list]')) {
    list.hidden = !list.querySelector('[data-next-review]:not([hidden])');
  }
  return count;
}
