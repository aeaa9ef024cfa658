import { describe, expect, it } from 'vitest';
import { chosenTopics, holdsText, searchFor } from '../../src/lib/binder-choice';

const slugs = ['overview', 'dosing-and-trough-targets', 'monitoring', 'level-sampling'];

describe('the binder choice in the address', () => {
  it('chooses every topic without a parameter', () => {
    expect(chosenTopics('', slugs)).toEqual(slugs);
  });

  it('chooses the named topics, in binder order, ignoring unknown ones', () => {
    expect(chosenTopics('?topics=level-sampling,nope,monitoring', slugs)).toEqual(['monitoring', 'level-sampling']);
  });

  it('falls back to the whole binder when nothing named is known, rather than printing an empty one', () => {
    expect(chosenTopics('?topics=nope', slugs)).toEqual(slugs);
    expect(chosenTopics('?topics=', slugs)).toEqual(slugs);
  });

  it('writes a choice as a readable address, and the whole binder as none', () => {
    expect(searchFor(['level-sampling', 'monitoring'], slugs)).toBe('?topics=monitoring,level-sampling');
    expect(searchFor(slugs, slugs)).toBe('');
    expect(searchFor(['monitoring'], slugs, '?topics=overview&x=1')).toBe('?topics=monitoring&x=1');
    expect(chosenTopics(searchFor(['overview', 'level-sampling'], slugs), slugs)).toEqual(['overview', 'level-sampling']);
  });

  it('says what the binder holds', () => {
    expect(holdsText(['A', 'B', 'C', 'D'], 4)).toBe('all 4 topics');
    expect(holdsText(['Monitoring'], 4)).toBe('1 of 4 topics: Monitoring');
    expect(holdsText([], 4)).toBe('no topics (tick at least one)');
  });
});
