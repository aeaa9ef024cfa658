import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOmissions, loadOmissions, parseOmissions } from '../../src/lib/omissions';
import { formatProblem } from '../../src/lib/content-checks';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/omissions', name), 'utf8');

describe('omissions (content/omissions.yaml)', () => {
  it('loads the shipped list, every entry with what and why', () => {
    const omissions = loadOmissions();
    expect(omissions.length).toBeGreaterThan(5);
    for (const item of omissions) {
      expect(item.what.length).toBeGreaterThan(0);
      expect(item.why.length).toBeGreaterThan(0);
    }
  });

  it('rejects an entry without its reason, naming file, line and field', () => {
    expect(() => parseOmissions(fixture('missing-why.yaml'), 'content/omissions.yaml')).toThrow(
      'content/omissions.yaml:3: required field "1.why" is missing',
    );
  });

  it('rejects a file that is not a list', () => {
    expect(() => parseOmissions('what: one\nwhy: two\n')).toThrow('content/omissions.yaml:1: field "(root)"');
  });

  it('gives every shipped entry a kind, and a topic wherever one is named', () => {
    const omissions = loadOmissions();
    expect(omissions.filter((item) => item.kind === 'not-found').length).toBeGreaterThan(5);
    expect(omissions.filter((item) => item.kind === 'not-published').length).toBeGreaterThan(5);
  });

  it('rejects an entry whose topic does not exist, naming file, line and topic', () => {
    const text = '- what: A subject.\n  why: Not seen.\n  topic: special-population\n';
    expect(checkOmissions(text, new Set(['special-populations'])).problems.map(formatProblem)).toEqual([
      'content/omissions.yaml:3: field "0.topic": topic "special-population" does not exist',
    ]);
  });

  it('rejects an unknown kind, naming the kinds allowed', () => {
    const text = '- what: A subject.\n  why: Not seen.\n  kind: missing\n';
    expect(checkOmissions(text, new Set()).problems.map(formatProblem)).toEqual([
      'content/omissions.yaml:3: field "0.kind": must be one of: not-found, not-published',
    ]);
  });

  it('defaults the kind to not-found', () => {
    expect(parseOmissions('- what: A subject.\n  why: Not seen.\n')[0].kind).toBe('not-found');
  });
});
