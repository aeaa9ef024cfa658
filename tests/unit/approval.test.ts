/**
 * `npm run approve` on a scratch copy of content/: what it records, what it refuses (with its
 * message, writing nothing), and what happens to the approval after an edit: the strict build's
 * check, the page states and the review report.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { approve } from '../../src/cli/approve';
import {
  approvalLabel,
  approvalProblems,
  approvalStates,
  approvalsMode,
  parseApprover,
  readApprovals,
  topicFiles,
  topicFingerprint,
  yearsAfter,
} from '../../src/lib/approval';
import { reviewSchema } from '../../src/content.config';

// Each approval runs the build's content checks over the whole content folder: seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const project = resolve(import.meta.dirname, '../..');
const topic = 'level-sampling';
const by = 'Dr A Example, consultant nephrologist';
let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'tacrolimus-approval-'));
  cpSync(join(project, 'content'), join(root, 'content'), { recursive: true });
  rmSync(join(root, 'content/local.yaml'), { force: true });
  rmSync(join(root, 'content/approvals.yaml'), { force: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const approvalsPath = () => join(root, 'content/approvals.yaml');
const edit = (file: string, from: string | RegExp, to: string) => {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  const changed = text.replace(from, to);
  expect(changed, `${file}: the edit must change the file`).not.toBe(text);
  writeFileSync(path, changed);
};
const stateOf = (slug: string) => approvalStates(root).get(slug)!;
const strict = { APPROVALS: 'strict' };

describe('npm run approve', () => {
  it('records the approval: who, when, the next review two years on, and the fingerprint of the topic', () => {
    const result = approve([topic, '--by', by, '--on', '2026-11-30'], root, '2026-12-04');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('approved by Dr A Example, consultant nephrologist on 2026-11-30');
    expect(result.out).toContain('Next review: 2028-11-30 (2 years on');
    const fingerprint = topicFingerprint(topicFiles(root).get(topic)!, root);
    expect(result.out).toContain(`Fingerprint: ${fingerprint}`);
    const recorded = parse(readFileSync(approvalsPath(), 'utf8'));
    expect(recorded.approvals).toEqual([
      { topic, status: 'approved', name: 'Dr A Example', role: 'consultant nephrologist', on: '2026-11-30', nextReview: '2028-11-30', fingerprint },
    ]);
    expect(readApprovals(root).problems).toEqual([]);
    expect(stateOf(topic).state).toBe('approved');
    expect(approvalLabel(stateOf(topic), { status: 'draft' })).toBe('Approved by Dr A Example, consultant nephrologist on 30 November 2026');
    // The topic file itself is as its authors wrote it.
    expect(readFileSync(join(root, 'content/topics/level-sampling.md'), 'utf8')).toBe(readFileSync(join(project, 'content/topics/level-sampling.md'), 'utf8'));
  });

  it('takes --next-review, and replaces a topic\'s earlier approval rather than adding a second', () => {
    approve([topic, '--by', by, '--on', '2026-01-10'], root, '2026-12-04');
    approve(['monitoring', '--by', 'B Pharmacist, lead renal pharmacist'], root, '2026-12-04');
    const again = approve([topic, '--by=Prof C Reviewer, FRCP, paediatric nephrologist', '--on=2026-12-01', '--next-review=2027-12-01'], root, '2026-12-04');
    expect(again.code).toBe(0);
    expect(again.out).toContain('This replaces the approval of 2026-01-10 by Dr A Example, consultant nephrologist.');
    const { approvals } = readApprovals(root);
    expect(approvals.map((entry) => [entry.topic, entry.name, entry.role, entry.nextReview.toISOString().slice(0, 10)])).toEqual([
      [topic, 'Prof C Reviewer, FRCP', 'paediatric nephrologist', '2027-12-01'],
      ['monitoring', 'B Pharmacist', 'lead renal pharmacist', '2028-12-04'],
    ].sort((a, b) => a[0].localeCompare(b[0])));
  });

  describe('refuses, with its message, and records nothing', () => {
    const refused: Array<[string, string[], string]> = [
      ['a topic that does not exist', ['no-such-topic', '--by', by], 'approve: no topic "no-such-topic" in content/topics. Topics: added-toxicity,'],
      ['no topic', ['--by', by], 'approve: name the topic to approve'],
      ['no --by', [topic], 'approve: say who approved the topic: --by "Dr A Example, consultant nephrologist"'],
      ['an empty name', [topic, '--by', ''], 'approve: the approver\'s name is empty'],
      ['a role without a name', [topic, '--by', ', consultant nephrologist'], 'approve: the approver\'s name is empty'],
      ['a name without a role', [topic, '--by', 'Dr A Example'], 'approve: give the approver\'s role after a comma'],
      ['a date that does not exist', [topic, '--by', by, '--on', '2026-02-30'], 'approve: --on 2026-02-30: not a calendar day written YYYY-MM-DD'],
      ['a date in another form', [topic, '--by', by, '--on', '30/11/2026'], 'approve: --on 30/11/2026: not a calendar day written YYYY-MM-DD'],
      ['an approval dated after today', [topic, '--by', by, '--on', '2026-12-05'], 'approve: --on 2026-12-05 is after today (2026-12-04)'],
      ['a next review before the approval', [topic, '--by', by, '--on', '2026-11-30', '--next-review', '2026-11-01'], 'approve: --next-review 2026-11-01 must come after the approval (2026-11-30)'],
      ['an unknown option', [topic, '--by', by, '--approver', 'x'], 'approve: unknown option --approver'],
      ['two topics', [topic, 'monitoring', '--by', by], 'approve: one topic at a time'],
    ];
    for (const [what, args, message] of refused) {
      it(what, () => {
        const result = approve(args, root, '2026-12-04');
        expect(result.code).toBe(1);
        expect(result.out).toBe('');
        expect(result.err).toContain(message);
        expect(result.err).toContain('Nothing was recorded.');
        expect(existsSync(approvalsPath())).toBe(false);
      });
    }

    it('content that fails the build\'s checks, listing the problems', () => {
      edit('content/topics/level-sampling.md', '[@prograf-smpc', '[@no-such-source');
      const result = approve([topic, '--by', by], root, '2026-12-04');
      expect(result.code).toBe(1);
      expect(result.err).toContain('approve: the content checks failed with');
      expect(result.err).toMatch(/content\/topics\/level-sampling\.md:\d+: citation key "@no-such-source" \(column \d+\) is not in content\/references\.yaml/);
      expect(existsSync(approvalsPath())).toBe(false);
    });
  });

  it('runs as a command: exit status, output, and a refusal on standard error', () => {
    const cli = join(project, 'src/cli/approve.ts');
    const ok = spawnSync(process.execPath, [cli, topic, '--by', by, '--on', '2026-11-30'], { cwd: root, encoding: 'utf8', env: { ...process.env, APPROVALS: '' } });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Recorded in content/approvals.yaml: "Taking a trough level" (content/topics/level-sampling.md) approved by Dr A Example, consultant nephrologist on 2026-11-30.');
    const refused = spawnSync(process.execPath, [cli, topic, '--by', '  '], { cwd: root, encoding: 'utf8' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('approve: the approver\'s name is empty');
  });
});

describe('after approval', () => {
  beforeEach(() => {
    expect(approve([topic, '--by', by, '--on', '2026-11-30'], root, '2026-12-04').code).toBe(0);
  });

  it('an edit to the change log, the updated date or the review block only: the approval holds, strict builds pass', () => {
    edit('content/topics/level-sampling.md', /^updated: .*$/m, 'updated: 2026-12-05');
    edit('content/topics/level-sampling.md', /^(changes:\n  - date: .*\n    version: .*\n    summary: ")/m, '$1Reworded: ');
    edit('content/topics/level-sampling.md', /^review:\n  status: draft\n/m, 'review:\n  status: in-review\n');
    expect(stateOf(topic).state).toBe('approved');
    expect(approvalProblems(root, strict)).toEqual([]);
  });

  it('one clinical sentence edited: changed since approval on the page, and the strict build\'s check names the file', () => {
    const body = readFileSync(join(root, 'content/topics/level-sampling.md'), 'utf8').split(/^---$/m)[2];
    const sentence = /^- (.+?) \[@/m.exec(body)![1];
    edit('content/topics/level-sampling.md', sentence, `${sentence}, as a rule`);
    const state = stateOf(topic);
    expect(state.state).toBe('changed');
    expect(approvalLabel(state, { status: 'draft' })).toBe('Changed since approval on 30 November 2026: awaiting re-review');
    // Without APPROVALS=strict the build goes ahead, marking the page; with it, the check fails.
    expect(approvalProblems(root, {})).toEqual([]);
    expect(approvalProblems(root, strict)).toEqual([
      {
        file: 'content/topics/level-sampling.md',
        message: 'changed since its approval on 2026-11-30 by Dr A Example, consultant nephrologist: APPROVALS=strict publishes only approved text; have it approved again (npm run approve -- level-sampling --by "name, role") or build without APPROVALS=strict',
      },
    ]);
    // Approved again, it holds again.
    expect(approve([topic, '--by', by, '--on', '2026-12-04'], root, '2026-12-04').code).toBe(0);
    expect(stateOf(topic).state).toBe('approved');
    expect(approvalProblems(root, strict)).toEqual([]);
  });

  it('a cited reference changes the approval; a reference the topic does not cite leaves it', () => {
    const cited = topicFiles(root).get(topic)!.frontmatter!.citations[0];
    const references = readFileSync(join(root, 'content/references.yaml'), 'utf8');
    const uncited = (parse(references) as Array<{ id: string }>).map((entry) => entry.id).find((id) => !topicFiles(root).get(topic)!.frontmatter!.citations.includes(id) && id !== 'prograf-smpc')!;
    edit('content/references.yaml', new RegExp(`(- id: "${uncited}"\\n(?:  .*\\n)*?  note: ")`), '$1Seen again. ');
    expect(stateOf(topic).state).toBe('approved');
    edit('content/references.yaml', new RegExp(`(- id: "${cited}"\\n(?:  .*\\n)*?  note: ")`), '$1Seen again. ');
    expect(stateOf(topic).state).toBe('changed');
  });

  it('the review report lists it as changed since approval, first, in text and JSON', () => {
    edit('content/topics/level-sampling.md', /(\n- [^\n]*?)( \[@)/, '$1, as a rule$2');
    const report = join(project, 'src/cli/review-report.ts');
    const text = execFileSync(process.execPath, [report, '--today=2026-12-04'], { cwd: root, encoding: 'utf8' });
    expect(text).toContain('17 topics, 0 approved, 1 changed since approval, 0 overdue.');
    const firstRow = text.split('\n')[5];
    expect(firstRow).toMatch(/^Taking a trough level\s+CHANGED SINCE APPROVAL\s+Dr A Example, consultant nephrologist\s+2026-11-30\s+2028-11-30$/);
    const json = JSON.parse(execFileSync(process.execPath, [report, '--json', '--today=2026-12-04'], { cwd: root, encoding: 'utf8' }));
    expect(json.topics[0]).toEqual({
      slug: topic,
      title: 'Taking a trough level',
      status: 'changed since approval',
      reviewedBy: 'Dr A Example, consultant nephrologist',
      reviewedOn: '2026-11-30',
      nextReview: '2028-11-30',
      overdue: false,
      approval: 'changed',
      changedSinceApproval: true,
    });
    expect(json.topics.filter((row: { approval: string | null }) => row.approval === null)).toHaveLength(16);
  });
});

describe('content/approvals.yaml and APPROVALS', () => {
  it('names an approval for a topic that does not exist, and a topic approved twice', () => {
    approve([topic, '--by', by, '--on', '2026-11-30'], root, '2026-12-04');
    const text = readFileSync(approvalsPath(), 'utf8');
    const entry = text.slice(text.indexOf('  - topic:'));
    writeFileSync(approvalsPath(), `${text}${entry}${entry.replace(`topic: ${topic}`, 'topic: no-such-topic')}`);
    expect(approvalProblems(root, {}).map((problem) => problem.message)).toEqual([
      'topic "level-sampling" has two approvals: keep the latest only',
      'approval for topic "no-such-topic", which does not exist',
    ]);
  });

  it('rejects a record without a fingerprint or a name, naming the field and line', () => {
    writeFileSync(approvalsPath(), 'approvals:\n  - topic: level-sampling\n    status: approved\n    name: ""\n    role: "nurse"\n    on: 2026-11-30\n    nextReview: 2028-11-30\n');
    const messages = approvalProblems(root, {}).map((problem) => `${problem.file}:${problem.line}: ${problem.message}`);
    expect(messages).toContain('content/approvals.yaml:4: field "approvals.0.name": name the person who approved the topic');
    expect(messages).toContain('content/approvals.yaml:2: required field "approvals.0.fingerprint" is missing');
  });

  it('APPROVALS takes strict or nothing', () => {
    expect(approvalsMode({})).toBe('mark');
    expect(approvalsMode({ APPROVALS: 'strict' })).toBe('strict');
    expect(() => approvalsMode({ APPROVALS: 'yes' })).toThrow('APPROVALS=yes: use APPROVALS=strict (or leave it unset)');
    expect(approvalProblems(root, { APPROVALS: 'yes' })[0].message).toBe('APPROVALS=yes: use APPROVALS=strict (or leave it unset)');
  });

  it('a topic cannot call itself approved in its frontmatter', () => {
    const result = reviewSchema.safeParse({ status: 'approved', reviewedBy: 'Someone', reviewedOn: '2026-11-30' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].message).toContain('approval is not set in a topic\'s frontmatter: record it with npm run approve');
    expect(reviewSchema.safeParse({ status: 'in-review' }).success).toBe(true);
  });
});

describe('the approver and the dates', () => {
  it('splits name and role at the last comma', () => {
    expect(parseApprover('Dr Jane Smith, FRCP, consultant nephrologist')).toEqual({ name: 'Dr Jane Smith, FRCP', role: 'consultant nephrologist' });
  });

  it('puts the next review two years on, 29 February to 28 February', () => {
    expect(yearsAfter(new Date('2026-11-30'), 2).toISOString().slice(0, 10)).toBe('2028-11-30');
    expect(yearsAfter(new Date('2028-02-29'), 2).toISOString().slice(0, 10)).toBe('2030-02-28');
  });
});
