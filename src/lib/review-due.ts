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

/** Where a topic's approval stands (src/lib/approval.ts): none recorded, approved, or changed since. */
export type ApprovalStanding = 'none' | 'approved' | 'changed';

/** One row of the review report. */
export interface ReviewRow {
  slug: string;
  title: string;
  /** draft or in-review as the topic says; "approved" or "changed since approval" once an approval is recorded. */
  status: string;
  reviewedBy?: string;
  reviewedOn?: Day;
  nextReview?: Day;
  overdue: boolean;
  approval: ApprovalStanding;
}

export interface ReviewInput {
  slug: string;
  title: string;
  order: number;
  review: { status: string; reviewedBy?: string; reviewedOn?: Date; nextReview?: Date };
  /** The approval recorded for the topic, and whether the text still matches it. */
  approval?: { standing: Exclude<ApprovalStanding, 'none'>; by: string; on: Date; nextReview: Date };
}

export const changedSinceApprovalStatus = 'changed since approval';

/**
 * Each topic's review status: topics changed since their approval first (they need re-review
 * now), then overdue ones (longest overdue first), then the others in reading order.
 */
export function reviewRows(topics: ReviewInput[], today: Day): ReviewRow[] {
  const rows = [...topics]
    .sort((a, b) => a.order - b.order || a.title.localeCompare(b.title))
    .map((topic): ReviewRow => {
      const approval = topic.approval;
      const nextReview = approval?.nextReview ?? topic.review.nextReview;
      return {
        slug: topic.slug,
        title: topic.title,
        status: approval ? (approval.standing === 'approved' ? 'approved' : changedSinceApprovalStatus) : topic.review.status,
        reviewedBy: approval?.by ?? topic.review.reviewedBy,
        reviewedOn: approval ? utcDay(approval.on) : topic.review.reviewedOn && utcDay(topic.review.reviewedOn),
        nextReview: nextReview && utcDay(nextReview),
        overdue: isOverdue(nextReview, today),
        approval: approval?.standing ?? 'none',
      };
    });
  const changed = rows.filter((row) => row.approval === 'changed');
  const rest = rows.filter((row) => row.approval !== 'changed');
  const overdue = rest.filter((row) => row.overdue).sort((a, b) => (a.nextReview ?? '').localeCompare(b.nextReview ?? ''));
  return [...changed, ...overdue, ...rest.filter((row) => !row.overdue)];
}

/** The report as a plain-text table, for a terminal or a printout. */
export function reviewReportText(rows: ReviewRow[], today: Day): string {
  const header = ['Topic', 'Status', 'Reviewer', 'Reviewed', 'Next review', 'Overdue'];
  const body = rows.map((row) => [
    row.title,
    row.approval === 'changed' ? 'CHANGED SINCE APPROVAL' : row.status,
    row.reviewedBy ?? '-',
    row.reviewedOn ?? 'not yet',
    row.nextReview ?? 'not scheduled',
    row.overdue ? 'OVERDUE' : '',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  const overdueCount = rows.filter((row) => row.overdue).length;
  const changedCount = rows.filter((row) => row.approval === 'changed').length;
  const approvedCount = rows.filter((row) => row.approval === 'approved').length;
  return [
    `Review report for ${today}: ${rows.length} topics, ${approvedCount} approved, ${changedCount} changed since approval, ${overdueCount} overdue.`,
    ...(changedCount > 0 ? ['Changed since approval: the text differs from what was approved; the page says "awaiting re-review" until it is approved again.'] : []),
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
