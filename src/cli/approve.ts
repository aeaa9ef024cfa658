/**
 * `npm run approve -- <topic> --by "<name, role>" [--on YYYY-MM-DD] [--next-review YYYY-MM-DD]`:
 * records a clinical approval of one topic in content/approvals.yaml, with a fingerprint of what the
 * topic says (its text, the data its figures come from, the references it cites). Approval is the
 * hospital's act (its medicines or guidelines committee, or the person it names); this only records it.
 * Refuses, writing nothing, when the topic does not exist, the name or role is missing, a date is
 * wrong, or the content checks the build runs find a problem. See docs/approving.md.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkContentFolder } from '../integrations/content-checks.ts';
import {
  approvalsFile,
  approvalsText,
  defaultReviewYears,
  isoDay,
  parseApprover,
  parseDay,
  readApprovals,
  topicFiles,
  topicFingerprint,
  yearsAfter,
} from '../lib/approval.ts';
import { formatProblem } from '../lib/content-checks.ts';

const usage = 'usage: npm run approve -- <topic> --by "<name, role>" [--on YYYY-MM-DD] [--next-review YYYY-MM-DD]';

export interface ApproveResult {
  code: number;
  out: string;
  err: string;
}

/** Splits `--name value` and `--name=value` options from the one positional argument. */
function parseArgs(args: string[]): { topic?: string; options: Map<string, string | undefined>; errors: string[] } {
  const options = new Map<string, string | undefined>();
  const positional: string[] = [];
  const errors: string[] = [];
  const known = ['--by', '--on', '--next-review'];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!known.includes(name)) {
      errors.push(`unknown option ${name} (use ${known.join(', ')})`);
      continue;
    }
    const value = inline ?? (args[index + 1]?.startsWith('--') ? undefined : args[++index]);
    options.set(name, value);
  }
  if (positional.length > 1) errors.push(`one topic at a time (got ${positional.join(', ')})`);
  return { topic: positional[0], options, errors };
}

/** Runs the command in a project folder; `today` is the day the approval defaults to. */
export function approve(args: string[], root = process.cwd(), today = isoDay(new Date())): ApproveResult {
  const refuse = (message: string): ApproveResult => ({ code: 1, out: '', err: `approve: ${message}\nNothing was recorded.\n` });
  const { topic: slug, options, errors } = parseArgs(args);
  if (errors.length > 0) return refuse(`${errors.join('; ')}\n${usage}`);
  if (!slug) return refuse(`name the topic to approve\n${usage}`);

  const topics = topicFiles(root);
  const topic = topics.get(slug);
  if (!topic) return refuse(`no topic "${slug}" in content/topics. Topics: ${[...topics.keys()].join(', ')}`);

  const approver = parseApprover(options.has('--by') ? (options.get('--by') ?? '') : undefined);
  if ('error' in approver) return refuse(approver.error);

  for (const name of ['--on', '--next-review']) {
    if (options.has(name) && options.get(name) === undefined) return refuse(`${name} needs a date, YYYY-MM-DD`);
  }
  const on = parseDay(options.get('--on') ?? today, '--on');
  if ('error' in on) return refuse(on.error);
  if (isoDay(on) > today) return refuse(`--on ${isoDay(on)} is after today (${today}): record an approval once it has been given`);
  const nextReviewOption = options.get('--next-review');
  const nextReview = nextReviewOption === undefined ? yearsAfter(on, defaultReviewYears) : parseDay(nextReviewOption, '--next-review');
  if ('error' in nextReview) return refuse(nextReview.error);
  if (nextReview <= on) return refuse(`--next-review ${isoDay(nextReview)} must come after the approval (${isoDay(on)})`);

  // The checks the build runs: approving text the build would refuse records nothing.
  const problems = checkContentFolder(root, { ...process.env, APPROVALS: '' });
  if (problems.length > 0) return refuse(`the content checks failed with ${problems.length} problem(s); fix them first:\n${problems.join('\n')}`);
  const existing = readApprovals(root);
  if (existing.problems.length > 0) return refuse(`${approvalsFile} is not valid:\n${existing.problems.map(formatProblem).join('\n')}`);

  const recorded = { topic: slug, status: 'approved' as const, name: approver.name, role: approver.role, on, nextReview, fingerprint: topicFingerprint(topic, root) };
  const replaced = existing.approvals.find((entry) => entry.topic === slug);
  writeFileSync(join(root, approvalsFile), approvalsText(existing.approvals, recorded));
  const out = [
    `Recorded in ${approvalsFile}: "${topic.frontmatter?.title ?? slug}" (${topic.file}) approved by ${approver.name}, ${approver.role} on ${isoDay(on)}.`,
    replaced ? `This replaces the approval of ${isoDay(replaced.on)} by ${replaced.name}, ${replaced.role}.` : undefined,
    `Next review: ${isoDay(nextReview)}${nextReviewOption === undefined ? ` (${defaultReviewYears} years on; --next-review YYYY-MM-DD sets another day)` : ''}.`,
    `Fingerprint: ${recorded.fingerprint}`,
    'The command records the approval; the approval itself is the hospital\'s. Commit the file with the topic it approves.',
    '',
  ].filter((line) => line !== undefined);
  return { code: 0, out: out.join('\n'), err: '' };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = process.cwd();
  if (!existsSync(join(root, 'content/topics'))) {
    console.error('approve: run it from the project folder (no content/topics here)');
    process.exit(1);
  }
  const result = approve(process.argv.slice(2), root);
  process.stdout.write(result.out);
  process.stderr.write(result.err);
  process.exit(result.code);
}
