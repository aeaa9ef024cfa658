import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDay, isOverdue, localDay, overdueDetail, reviewReportText, reviewRows, type ReviewInput } from '../../src/lib/review-due';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const topics: ReviewInput[] = [
  { slug: 'dosing', title: 'Dosing', order: 2, review: { status: 'draft' }, approval: { standing: 'approved', by: 'A Pharmacist, renal pharmacist', on: day('2025-11-01'), nextReview: day('2026-11-01') } },
  { slug: 'overview', title: 'Overview', order: 1, review: { status: 'draft' } },
  { slug: 'sampling', title: 'Sampling', order: 3, review: { status: 'in-review', nextReview: day('2026-06-01') } },
  { slug: 'safety', title: 'Safety', order: 4, review: { status: 'draft' }, approval: { standing: 'approved', by: 'B Nephrologist, consultant', on: day('2026-01-10'), nextReview: day('2027-01-10') } },
];
/** A topic whose text changed after its approval. */
const changed: ReviewInput = { slug: 'brands', title: 'Brands', order: 5, review: { status: 'draft' }, approval: { standing: 'changed', by: 'C Committee, medicines committee', on: day('2026-10-01'), nextReview: day('2028-10-01') } };

describe('overdue at a given date', () => {
  it('is overdue only once the next-review day has passed', () => {
    expect(isOverdue(day('2026-06-01'), '2026-05-31')).toBe(false);
    expect(isOverdue(day('2026-06-01'), '2026-06-01')).toBe(false);
    expect(isOverdue(day('2026-06-01'), '2026-06-02')).toBe(true);
    expect(isOverdue('2026-06-01', '2027-01-01')).toBe(true);
    expect(isOverdue(undefined, '2099-01-01')).toBe(false);
  });

  it('says when it fell due, written out', () => {
    expect(overdueDetail(day('2026-06-01'))).toBe('fell due on 1 June 2026');
  });

  it('takes the build day from REVIEW_TODAY, or the build date, and rejects a malformed one', () => {
    expect(buildDay({ REVIEW_TODAY: '2026-12-01' })).toBe('2026-12-01');
    expect(buildDay({}, new Date('2027-03-04T23:00:00Z'))).toBe('2027-03-04');
    expect(() => buildDay({ REVIEW_TODAY: '1/12/2026' })).toThrow('REVIEW_TODAY=1/12/2026: write the date as YYYY-MM-DD');
  });

  it("judges the browser's date in the reader's own time zone", () => {
    const now = new Date(2027, 0, 16, 0, 30); // local midnight plus half an hour
    expect(localDay(now)).toBe('2027-01-16');
  });
});

describe('the review report', () => {
  it('lists overdue topics first (longest overdue first), then the rest in reading order', () => {
    const rows = reviewRows(topics, '2026-12-01');
    expect(rows.map((row) => [row.slug, row.overdue])).toEqual([
      ['sampling', true],
      ['dosing', true],
      ['overview', false],
      ['safety', false],
    ]);
    expect(rows[1]).toEqual({ slug: 'dosing', title: 'Dosing', status: 'approved', reviewedBy: 'A Pharmacist, renal pharmacist', reviewedOn: '2025-11-01', nextReview: '2026-11-01', overdue: true, approval: 'approved' });
  });

  it('lists a topic changed since its approval first of all, as changed since approval', () => {
    const rows = reviewRows([...topics, changed], '2026-12-01');
    expect(rows.map((row) => row.slug)).toEqual(['brands', 'sampling', 'dosing', 'overview', 'safety']);
    expect(rows[0]).toEqual({ slug: 'brands', title: 'Brands', status: 'changed since approval', reviewedBy: 'C Committee, medicines committee', reviewedOn: '2026-10-01', nextReview: '2028-10-01', overdue: false, approval: 'changed' });
    const lines = reviewReportText(rows, '2026-12-01').split('\n');
    expect(lines[0]).toBe('Review report for 2026-12-01: 5 topics, 2 approved, 1 changed since approval, 2 overdue.');
    expect(lines[1]).toContain('Changed since approval: the text differs from what was approved');
    expect(lines[5]).toMatch(/^Brands\s+CHANGED SINCE APPROVAL\s+C Committee, medicines committee\s+2026-10-01\s+2028-10-01$/);
  });

  it('prints a table with status, reviewer, reviewed date and next review', () => {
    const text = reviewReportText(reviewRows(topics, '2026-12-01'), '2026-12-01');
    const lines = text.split('\n');
    expect(lines[0]).toBe('Review report for 2026-12-01: 4 topics, 2 approved, 0 changed since approval, 2 overdue.');
    expect(lines[2]).toMatch(/^Topic\s+Status\s+Reviewer\s+Reviewed\s+Next review\s+Overdue$/);
    expect(lines[4]).toMatch(/^Sampling\s+in-review\s+-\s+not yet\s+2026-06-01\s+OVERDUE$/);
    expect(lines[6]).toMatch(/^Overview\s+draft\s+-\s+not yet\s+not scheduled$/);
  });

  it('npm run review-report exits 0 and --json gives every field on every row', () => {
    const node = 'node_modules/node/bin/node';
    const text = execFileSync(node, ['src/cli/review-report.ts', '--today=2026-12-01'], { encoding: 'utf8' });
    // No topic of this site is approved: no one here is a clinical reviewer.
    expect(text).toMatch(/^Review report for 2026-12-01: 17 topics, 0 approved, 0 changed since approval, \d+ overdue\./);
    const json = JSON.parse(execFileSync(node, ['src/cli/review-report.ts', '--json', '--today=2026-12-01'], { encoding: 'utf8' }));
    expect(json.today).toBe('2026-12-01');
    expect(json.topics).toHaveLength(17);
    expect(Object.keys(json.topics[0])).toEqual(['slug', 'title', 'status', 'reviewedBy', 'reviewedOn', 'nextReview', 'overdue', 'approval', 'changedSinceApproval']);
    expect(readFileSync('package.json', 'utf8')).toContain('"review-report": "node src/cli/review-report.ts"');
  }, 60_000);
});
