/**
 * `npm run review-report`: each topic's review status, reviewer, reviewed date and next review:
 * topics changed since their approval first, then overdue ones. An approval (content/approvals.yaml)
 * is checked against the topic's text as it is now (src/lib/approval.ts). `--json` prints the rows
 * as JSON (for a pharmacy's spreadsheet); `--today=YYYY-MM-DD` (or REVIEW_TODAY) judges "overdue"
 * against another day. Exits 0 whatever it finds: it reports, it does not gate (APPROVALS=strict
 * npm run build does).
 */
import { approverOf, approvalStates, topicFiles } from '../lib/approval.ts';
import { buildDay, reviewReportText, reviewRows, type ReviewInput } from '../lib/review-due.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const todayArg = args.find((arg) => arg.startsWith('--today='))?.slice('--today='.length);
const unknown = args.filter((arg) => arg !== '--json' && !arg.startsWith('--today='));
if (unknown.length > 0) {
  console.error(`review-report: unknown option ${unknown.join(' ')} (use --json, --today=YYYY-MM-DD)`);
  process.exit(2);
}

const root = process.cwd();
const topics: ReviewInput[] = [];
const files = topicFiles(root);
for (const topic of files.values()) {
  if (!topic.frontmatter) {
    console.error(`${topic.file}: frontmatter is not valid (run npm run build for the details)`);
    process.exit(1);
  }
}
let states;
try {
  states = approvalStates(root);
} catch (error) {
  console.error(`review-report: ${(error as Error).message} (run npm run build for the details)`);
  process.exit(1);
}
for (const topic of files.values()) {
  const { title, order, review } = topic.frontmatter!;
  const state = states.get(topic.slug);
  const approval = state && state.state !== 'none'
    ? { standing: state.state, by: approverOf(state.approval), on: state.approval.on, nextReview: state.approval.nextReview }
    : undefined;
  topics.push({ slug: topic.slug, title, order, review, approval });
}

const today = buildDay(todayArg ? { REVIEW_TODAY: todayArg } : process.env);
const rows = reviewRows(topics, today);
// Every field on every row (null where not set), so a spreadsheet gets the same columns each time.
const jsonRows = rows.map((row) => ({
  slug: row.slug,
  title: row.title,
  status: row.status,
  reviewedBy: row.reviewedBy ?? null,
  reviewedOn: row.reviewedOn ?? null,
  nextReview: row.nextReview ?? null,
  overdue: row.overdue,
  approval: row.approval === 'none' ? null : row.approval,
  changedSinceApproval: row.approval === 'changed',
}));
if (json) console.log(JSON.stringify({ today, topics: jsonRows }, null, 2));
else process.stdout.write(reviewReportText(rows, today));
