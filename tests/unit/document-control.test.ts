import { describe, expect, it } from 'vitest';
import { formatDate, formatPrintedAt, liveAddress, nextReviewText, reviewStatusLabel } from '../../src/lib/document-control';
import { joinBase } from '../../src/lib/paths';

describe('document control', () => {
  it('says "not scheduled" when a topic has no next review date', () => {
    expect(nextReviewText({ status: 'draft' })).toBe('not scheduled');
    expect(nextReviewText({ status: 'approved', nextReview: new Date('2027-11-22') })).toBe('22 November 2027');
  });

  it('labels a draft honestly', () => {
    expect(reviewStatusLabel('draft')).toBe('Draft: awaiting clinical review');
  });

  it('writes dates out in full so they cannot be misread', () => {
    expect(formatDate(new Date('2026-03-04'))).toBe('4 March 2026');
    expect(formatPrintedAt(new Date('2026-11-22T14:05:00Z'), 'UTC')).toBe('22 November 2026 at 14:05');
  });

  it('builds the live address from the site URL, or falls back to the path', () => {
    expect(liveAddress('/guidelines/tac/topics/dosing/', 'https://intranet.example.org/guidelines/tac/')).toBe(
      'https://intranet.example.org/guidelines/tac/topics/dosing/',
    );
    expect(liveAddress('/topics/dosing/')).toBe('/topics/dosing/');
  });

  it('joins a base path and a site path', () => {
    expect(joinBase('/', 'topics/x/')).toBe('/topics/x/');
    expect(joinBase('/guidelines/tacrolimus', '/topics/x/')).toBe('/guidelines/tacrolimus/topics/x/');
  });
});
