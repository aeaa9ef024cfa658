/**
 * Document control: how a topic's review status, dates and version are shown on screen and in print.
 * A topic that has never been reviewed says "not scheduled" for its next review rather than
 * inventing a date.
 */
import type { ReviewStatus } from '../content.config.ts';

export interface TopicReview {
  status: ReviewStatus;
  reviewedBy?: string;
  reviewedOn?: Date;
  nextReview?: Date;
}

const reviewStatusLabels: Record<ReviewStatus, string> = {
  draft: 'Draft: awaiting clinical review',
  'in-review': 'In clinical review',
  approved: 'Clinically reviewed and approved',
};

/** The review status as a reader should see it. */
export function reviewStatusLabel(status: ReviewStatus): string {
  return reviewStatusLabels[status];
}

/** "22 November 2026": dates are written out so 03/04 can never be misread across countries. */
export function formatDate(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** "2026-11-22", for `<time datetime>`. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The next review date, or "not scheduled" when none has been set. */
export function nextReviewText(review: TopicReview): string {
  return review.nextReview ? formatDate(review.nextReview) : 'not scheduled';
}

/** "22 November 2026, 14:05", the moment a page was printed, in the reader's local time. */
export function formatPrintedAt(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone,
  }).format(date);
}

/** The full address of a page: the public site URL when configured, otherwise the path alone. */
export function liveAddress(path: string, siteUrl?: string): string {
  if (!siteUrl) return path;
  const origin = new URL(siteUrl);
  return new URL(path, origin.origin).toString();
}
