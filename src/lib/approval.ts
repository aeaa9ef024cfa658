/**
 * Approvals bound to the text they approved. `npm run approve` records one in content/approvals.yaml
 * with a fingerprint of what the topic says (src/lib/approval-fingerprint.ts); the build compares it
 * with the topic as it is now:
 * - no approval recorded: a draft (or in review), as its frontmatter says;
 * - approved: the fingerprint still matches, the page says who approved it and when;
 * - changed since approval: something the fingerprint covers has changed; the page says so until
 *   the topic is approved again. `APPROVALS=strict` makes such a topic fail the build.
 * Reads content/ from disk (the CLI, the build's checks and the pages all read the same files).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { approvalsSchema, topicSchema, type Approval, type TopicFrontmatter } from '../content.config.ts';
import { checkYamlFile, citationKeysInData, type ContentProblem } from './content-checks.ts';
import { fingerprint, type FingerprintInput } from './approval-fingerprint.ts';
import { frontmatterBlock } from './topic-links.ts';
import { site } from '../site.ts';
import { formatDate, reviewStatusLabel, type TopicReview } from './document-control.ts';

export const approvalsFile = 'content/approvals.yaml';
/** The next review, unless `--next-review` says otherwise: the site's review cycle (two years) after the approval. */
export const defaultReviewYears = site.reviewCycleMonths / 12;

/** The data files a topic's tools render figures from (on its page or on the tool pages that carry its review). */
export function topicDataFiles(tools: readonly string[]): string[] {
  const files = new Set<string>();
  // The dose calculator and the weight-band tables run on both files and carry the dosing topic's review.
  if (tools.includes('dose-calculator')) ['content/dose-tools.yaml', 'content/products.yaml'].forEach((file) => files.add(file));
  if (tools.includes('product-strengths')) files.add('content/products.yaml');
  return [...files];
}

export interface TopicFile {
  slug: string;
  /** The path from the project root: content/topics/<name>.md */
  file: string;
  text: string;
  frontmatter?: TopicFrontmatter;
}

/** Every topic file by slug (the file name, or `slug:` in its frontmatter). */
export function topicFiles(root = process.cwd()): Map<string, TopicFile> {
  const dir = join(root, 'content/topics');
  const topics = new Map<string, TopicFile>();
  if (!existsSync(dir)) return topics;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((entry) => /\.mdx?$/.test(entry)).sort()) {
    const text = readFileSync(join(dir, name), 'utf8');
    const match = frontmatterBlock.exec(text);
    const parsed = topicSchema.safeParse(match ? parse(match[1]) : undefined);
    const frontmatter = parsed.success ? parsed.data : undefined;
    const slug = frontmatter?.slug ?? name.split('/').pop()!.replace(/\.mdx?$/, '');
    topics.set(slug, { slug, file: `content/topics/${name}`, text, frontmatter });
  }
  return topics;
}

/** What a topic's fingerprint is taken over, read from disk. */
export function fingerprintInput(topic: TopicFile, root = process.cwd()): FingerprintInput {
  const tools = topic.frontmatter?.tools ?? [];
  const dataFiles = Object.fromEntries(topicDataFiles(tools).map((file) => [file, readFileSync(join(root, file), 'utf8')]));
  const keys = new Set([...(topic.frontmatter?.citations ?? []), ...Object.values(dataFiles).flatMap((text) => citationKeysInData(parse(text)))]);
  const all = parse(readFileSync(join(root, 'content/references.yaml'), 'utf8')) as Array<Record<string, unknown>>;
  const references = (Array.isArray(all) ? all : []).filter((entry) => keys.has(String(entry?.id)));
  return { topicText: topic.text, dataFiles, references };
}

export function topicFingerprint(topic: TopicFile, root = process.cwd()): string {
  return fingerprint(fingerprintInput(topic, root));
}

/** Reads content/approvals.yaml (none recorded when the file is absent), with its problems. */
export function readApprovals(root = process.cwd()): { approvals: Approval[]; problems: ContentProblem[] } {
  const path = join(root, approvalsFile);
  if (!existsSync(path)) return { approvals: [], problems: [] };
  const { data, problems } = checkYamlFile(approvalsFile, readFileSync(path, 'utf8'), approvalsSchema);
  return { approvals: data?.approvals ?? [], problems };
}

export type ApprovalState =
  | { state: 'none' }
  | { state: 'approved'; approval: Approval; fingerprint: string }
  | { state: 'changed'; approval: Approval; fingerprint: string };

/** A topic's approval against what the topic says now. */
export function approvalStateOf(approval: Approval | undefined, currentFingerprint: string): ApprovalState {
  if (!approval) return { state: 'none' };
  return { state: approval.fingerprint === currentFingerprint ? 'approved' : 'changed', approval, fingerprint: currentFingerprint };
}

/** When the files a state depends on last changed: content/ and its topics, by modification time. */
function contentSignature(root: string): string {
  const dir = join(root, 'content');
  if (!existsSync(dir)) return root;
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => /\.(md|mdx|yaml)$/.test(name)).sort();
  return `${root}|${files.map((name) => `${name}:${statSync(join(dir, name)).mtimeMs}`).join('|')}`;
}

/** Every topic's approval state, worked out once while the content files stay as they are. */
let stateCache: { signature: string; states: Map<string, ApprovalState> } | undefined;
export function approvalStates(root = process.cwd()): Map<string, ApprovalState> {
  const signature = contentSignature(root);
  if (stateCache?.signature === signature) return stateCache.states;
  const { approvals, problems } = readApprovals(root);
  if (problems.length > 0) throw new Error(`${approvalsFile} is not valid: ${problems.map((problem) => problem.message).join('; ')}`);
  const states = new Map<string, ApprovalState>();
  for (const topic of topicFiles(root).values()) {
    states.set(topic.slug, approvalStateOf(approvals.find((entry) => entry.topic === topic.slug), topicFingerprint(topic, root)));
  }
  stateCache = { signature, states };
  return states;
}

export function approvalState(slug: string, root = process.cwd()): ApprovalState {
  return approvalStates(root).get(slug) ?? { state: 'none' };
}

/** `APPROVALS=strict` refuses to build a topic changed since its approval; unset builds it, marked. */
/** How many topics carry an approval that still matches their text, out of how many topics. */
export function approvedTopicCount(root = process.cwd()): { approved: number; total: number } {
  const states = [...approvalStates(root).values()];
  return { approved: states.filter((state) => state.state === 'approved').length, total: states.length };
}

export function approvalsMode(env: Record<string, string | undefined> = process.env): 'strict' | 'mark' {
  const value = env.APPROVALS;
  if (value === undefined || value === '') return 'mark';
  if (value === 'strict') return 'strict';
  throw new Error(`APPROVALS=${value}: use APPROVALS=strict (or leave it unset)`);
}

/**
 * The build's approval checks: content/approvals.yaml valid, each topic it names existing and named
 * once; and, under APPROVALS=strict, no topic changed since its approval (each named by its file).
 */
export function approvalProblems(root = process.cwd(), env: Record<string, string | undefined> = process.env): ContentProblem[] {
  let mode: 'strict' | 'mark';
  try {
    mode = approvalsMode(env);
  } catch (error) {
    return [{ file: approvalsFile, message: (error as Error).message }];
  }
  const { approvals, problems } = readApprovals(root);
  if (problems.length > 0) return problems;
  const topics = topicFiles(root);
  const seen = new Set<string>();
  const found: ContentProblem[] = [];
  for (const approval of approvals) {
    if (!topics.has(approval.topic)) found.push({ file: approvalsFile, message: `approval for topic "${approval.topic}", which does not exist` });
    if (seen.has(approval.topic)) found.push({ file: approvalsFile, message: `topic "${approval.topic}" has two approvals: keep the latest only` });
    seen.add(approval.topic);
  }
  if (found.length > 0 || mode !== 'strict') return found;
  return strictProblems(approvals, topics, (topic) => topicFingerprint(topic, root));
}

/** Under APPROVALS=strict: one problem per topic changed since its approval, naming its file. */
export function strictProblems(approvals: Approval[], topics: Map<string, TopicFile>, fingerprintOf: (topic: TopicFile) => string): ContentProblem[] {
  return approvals.flatMap((approval) => {
    const topic = topics.get(approval.topic);
    if (!topic || fingerprintOf(topic) === approval.fingerprint) return [];
    return [{
      file: topic.file,
      message: `changed since its approval on ${isoDay(approval.on)} by ${approval.name}, ${approval.role}: APPROVALS=strict publishes only approved text; have it approved again (npm run approve -- ${topic.slug} --by "name, role") or build without APPROVALS=strict`,
    }];
  });
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "Dr A Example, consultant nephrologist" → name and role, split at the last comma. */
export function parseApprover(by: string | undefined): { name: string; role: string } | { error: string } {
  const example = '--by "Dr A Example, consultant nephrologist"';
  if (by === undefined) return { error: `say who approved the topic: ${example}` };
  const at = by.lastIndexOf(',');
  const name = (at === -1 ? by : by.slice(0, at)).trim();
  const role = at === -1 ? '' : by.slice(at + 1).trim();
  if (name === '') return { error: `the approver's name is empty: ${example}` };
  if (role === '') return { error: `give the approver's role after a comma: ${example}` };
  return { name, role };
}

/** A calendar day written YYYY-MM-DD that exists (no 31 April). */
export function parseDay(value: string, option: string): Date | { error: string } {
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || isoDay(date) !== value) {
    return { error: `${option} ${value}: not a calendar day written YYYY-MM-DD` };
  }
  return date;
}

/** The day `years` after `date` (29 February → 28 February when the year has none). */
export function yearsAfter(date: Date, years: number): Date {
  const next = new Date(Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate()));
  if (next.getUTCMonth() !== date.getUTCMonth()) next.setUTCDate(0);
  return next;
}

/**
 * content/approvals.yaml with this approval in it (replacing the topic's earlier one), as text:
 * a short header, then the records in topic order.
 */
export function approvalsText(existing: Approval[], approval: Approval): string {
  const approvals = [...existing.filter((entry) => entry.topic !== approval.topic), approval].sort((a, b) => a.topic.localeCompare(b.topic));
  const quote = (value: string) => JSON.stringify(value);
  const lines = [
    '# Clinical approvals, recorded by `npm run approve` (see docs/approving.md). Approval is the',
    '# hospital\'s act; this file records it. Each fingerprint covers what the topic said when it was',
    '# approved: edit the topic and its page shows "Changed since approval" until it is approved again.',
    'approvals:',
    ...approvals.flatMap((entry) => [
      `  - topic: ${entry.topic}`,
      '    status: approved',
      `    name: ${quote(entry.name)}`,
      `    role: ${quote(entry.role)}`,
      `    on: ${isoDay(entry.on)}`,
      `    nextReview: ${isoDay(entry.nextReview)}`,
      `    fingerprint: ${entry.fingerprint}`,
    ]),
  ];
  return `${lines.join('\n')}\n`;
}

/** "Approved by Dr A Example, consultant nephrologist on 4 December 2026", or what stands instead. */
export function approvalLabel(state: ApprovalState, review: TopicReview): string {
  if (state.state === 'approved') return `Approved by ${approverOf(state.approval)} on ${formatDate(state.approval.on)}`;
  if (state.state === 'changed') return `Changed since approval on ${formatDate(state.approval.on)}: awaiting re-review`;
  return reviewStatusLabel(review.status);
}

/** "Dr A Example, consultant nephrologist". */
export function approverOf(approval: Approval): string {
  return `${approval.name}, ${approval.role}`;
}

/**
 * The review facts a page shows: its frontmatter's, or, once approved, the approval's (who, when, the
 * next review). A topic changed since approval keeps the approval's next review, and its status line
 * says it awaits re-review.
 */
export function reviewWithApproval(review: TopicReview, state: ApprovalState): TopicReview {
  if (state.state === 'none') return review;
  const { approval } = state;
  if (state.state === 'approved') return { status: 'approved', reviewedBy: approverOf(approval), reviewedOn: approval.on, nextReview: approval.nextReview };
  return { ...review, nextReview: approval.nextReview };
}
