import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derivedPercentages, wrongPercentages } from '../../src/lib/derived-figures';

const content = join(import.meta.dirname, '../../content');

describe('derived percentages', () => {
  it('computes the share to the decimals written', () => {
    expect(derivedPercentages('18 of 19 (94.7%)')[0]).toMatchObject({ numerator: 18, denominator: 19, written: 94.7, computed: 94.7 });
    expect(wrongPercentages('18 of 19 (94.5%)')).toHaveLength(1);
    expect(wrongPercentages('in 66 of 123 births (53.7%) and 8 of 111 newborns (7.2%)')).toEqual([]);
    expect(wrongPercentages('16/19 (84%)')).toEqual([]);
    expect(wrongPercentages('16/19 (85%)').map((figure) => figure.computed)).toEqual([84]);
  });

  it('every percentage written beside its count in the content matches it', () => {
    const files = [
      ...readdirSync(join(content, 'topics')).map((name) => join(content, 'topics', name)),
      join(content, 'at-a-glance.md'),
      join(content, 'references.yaml'),
    ];
    const wrong = files.flatMap((file) => wrongPercentages(readFileSync(file, 'utf8')).map((figure) => `${file}: "${figure.text}" should be ${figure.computed}%`));
    expect(wrong).toEqual([]);
  });
});
