import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOmissions, parseOmissions } from '../../src/lib/omissions';

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
});
