/**
 * `npm run review-report`: each topic's review status, reviewer, reviewed date and next review,
 * overdue ones first. `--json` prints the rows as JSON (for a pharmacy's spreadsheet);
 * `--today=YYYY-MM-DD` (or REVIEW_TODAY) judges "overdue" against another day. Exits 0 whatever
 * is overdue: it reports, it does not gate.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { topicSchema } from '../content.config.ts';
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
const topicsDir = join(root, 'content/topics');
const topics: ReviewInput[] = [];
for (const name of readdirSync(topicsDir).filter((file) => /\.mdx?$/.test(file)).sort()) {
  const text = readFileSync(join(topicsDir, name), 'utf8');
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
  const parsed = topicSchema.safeParse(frontmatter ? parse(frontmatter) : undefined);
  if (!parsed.success) {
    console.error(`content/topics/${name}: frontmatter is not valid (run npm run build for the details)`);
    process.exit(1);
  }
  topics.push({ slug: parsed.data.slug ?? name.replace(/\.mdx?$/, ''), title: parsed.data.title, order: parsed.data.order, review: parsed.data.review });
}

const today = buildDay(todayArg ? { REVIEW_TODAY: todayArg } : process.env);
const rows = reviewRows(topics, today);
// Every field on every row (null where not set), so a spreadsheet gets the same columns each time.
const jsonRows = rows.map((row) => ({ slug: row.slug, title: row.title, status: row.status, reviewedBy: row.reviewedBy ?? null, reviewedOn: row.reviewedOn ?? null, nextReview: row.nextReview ?? null, overdue: row.overdue }));
if (json) console.log(JSON.stringify({ today, topics: jsonRows }, null, 2));
else process.stdout.write(reviewReportText(rows, today));
