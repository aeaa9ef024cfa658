/**
 * Which edits change an approval's fingerprint: what could change the clinical meaning counts
 * (a sentence, a figure, a title, the data a tool renders, a cited reference); the change log,
 * `updated`, the review block, order, YAML comments and whitespace do not.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint, fingerprintedTopic, type FingerprintInput } from '../../src/lib/approval-fingerprint';
import { fingerprintInput, topicDataFiles, topicFiles } from '../../src/lib/approval';

const root = resolve(import.meta.dirname, '../..');
const dosing = topicFiles(root).get('dosing-and-trough-targets')!;
const base: FingerprintInput = fingerprintInput(dosing, root);
const baseline = fingerprint(base);

const withTopic = (edit: (text: string) => string): string => {
  const topicText = edit(base.topicText);
  expect(topicText, 'the edit must change the file').not.toBe(base.topicText);
  return fingerprint({ ...base, topicText });
};
const withData = (file: string, edit: (text: string) => string): string => {
  const text = edit(base.dataFiles[file]);
  expect(text).not.toBe(base.dataFiles[file]);
  return fingerprint({ ...base, dataFiles: { ...base.dataFiles, [file]: text } });
};

describe('the fingerprint of an approval', () => {
  it('is sha256 and stable for the same content', () => {
    expect(baseline).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(fingerprint(fingerprintInput(dosing, root))).toBe(baseline);
  });

  it('covers the dosing topic\'s text, both data files its tools render and every reference it cites', () => {
    expect(Object.keys(base.dataFiles).sort()).toEqual(['content/dose-tools.yaml', 'content/products.yaml']);
    const ids = base.references.map((entry) => entry.id);
    for (const key of dosing.frontmatter!.citations) expect(ids).toContain(key);
    // The products' own sources are cited through the data.
    expect(ids).toContain('prograf-smpc');
    expect(topicDataFiles(['product-strengths'])).toEqual(['content/products.yaml']);
    expect(topicDataFiles([])).toEqual([]);
  });

  describe('edits that do not count', () => {
    it('a new change log entry and a new updated date', () => {
      expect(withTopic((text) => text
        .replace(/^updated: .*$/m, 'updated: 2026-12-04')
        .replace(/^changes:\n/m, 'changes:\n  - date: 2026-12-04\n    version: 0.4.0\n    summary: "Wording of the change log only."\n'))).toBe(baseline);
    });

    it('rewording an existing change entry', () => {
      expect(withTopic((text) => text.replace('First draft written from the source documents', 'First draft, written from the source documents'))).toBe(baseline);
    });

    it('the review block (status, a scheduled next review)', () => {
      expect(withTopic((text) => text.replace(/^review:\n  status: draft\n/m, 'review:\n  status: in-review\n  nextReview: 2027-06-01\n'))).toBe(baseline);
    });

    it('the place in the reading order', () => {
      expect(withTopic((text) => text.replace(/^order: 40$/m, 'order: 41'))).toBe(baseline);
    });

    it('whitespace: a paragraph rewrapped, trailing spaces, blank lines, padded table cells', () => {
      expect(withTopic((text) => text
        .replace('start at 0.05-0.1 mg/kg/day, that is', 'start at 0.05-0.1 mg/kg/day,\n  that is')
        .replace('## Starting dose\n', '## Starting dose   \n\n\n')
        .replace('| Who | Per dose |', '|  Who  |  Per dose  |'))).toBe(baseline);
    });

    it('the order of the frontmatter lists (citations, populations)', () => {
      expect(withTopic((text) => text.replace('populations: [adult, paediatric]', 'populations: [paediatric, adult]').replace('citations: [droracle2025, advagraf-pil,', 'citations: [advagraf-pil, droracle2025,'))).toBe(baseline);
    });

    it('a YAML comment or another layout of the same data', () => {
      expect(withData('content/dose-tools.yaml', (text) => `# A comment for editors.\n${text}`)).toBe(baseline);
      expect(withData('content/products.yaml', (text) => text.replace('strengths: { unit: mg, values: [0.5, 1, 5] }', 'strengths:\n      unit: mg\n      values: [0.5, 1, 5]'))).toBe(baseline);
    });
  });

  describe('edits that count', () => {
    it('one clinical sentence reworded', () => {
      expect(withTopic((text) => text.replace('Prescribe and dispense by brand', 'Prescribe and supply by brand'))).not.toBe(baseline);
    });

    it('one figure', () => {
      expect(withTopic((text) => text.replace('start at 0.05-0.1 mg/kg/day', 'start at 0.05-0.15 mg/kg/day'))).not.toBe(baseline);
    });

    it('a citation removed from a statement', () => {
      expect(withTopic((text) => text.replace(' [@droracle2025; @kdigo2021]', ' [@droracle2025]'))).not.toBe(baseline);
    });

    it('an evidence marker', () => {
      expect(withTopic((text) => text.replace('[unconfirmed](evidence:monitoring#kidney-function)', ''))).not.toBe(baseline);
    });

    it('the title or the summary', () => {
      expect(withTopic((text) => text.replace('title: "Dosing and trough targets"', 'title: "Dosing and trough levels"'))).not.toBe(baseline);
      expect(withTopic((text) => text.replace('Starting dose, trough targets by phase', 'Starting dose and trough targets by phase'))).not.toBe(baseline);
    });

    it('a population or condition the topic is for', () => {
      expect(withTopic((text) => text.replace('populations: [adult, paediatric]', 'populations: [adult]'))).not.toBe(baseline);
    });

    it('a dose or a trough range in the data the tools render', () => {
      const tools = base.dataFiles['content/dose-tools.yaml'];
      const firstMax = /max: (\d+(?:\.\d+)?)/.exec(tools)!;
      expect(withData('content/dose-tools.yaml', (text) => text.replace(firstMax[0], `max: ${Number(firstMax[1]) + 1}`))).not.toBe(baseline);
    });

    it('a product strength', () => {
      expect(withData('content/products.yaml', (text) => text.replace(/values: \[0\.5, 1, 5\]/, 'values: [0.5, 1]'))).not.toBe(baseline);
    });

    it('how far a cited source could be confirmed', () => {
      const references = base.references.map((entry) => (entry.id === 'droracle2025' ? { ...entry, verification: entry.verification === 'verified' ? 'secondary' : 'verified' } : entry));
      expect(fingerprint({ ...base, references })).not.toBe(baseline);
    });
  });

  it('keeps only the meaningful frontmatter fields', () => {
    expect(Object.keys(fingerprintedTopic(base.topicText).frontmatter).sort()).toEqual(['citations', 'conditions', 'kind', 'populations', 'summary', 'title', 'tools']);
  });
});
