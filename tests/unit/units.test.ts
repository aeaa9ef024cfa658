import { describe, expect, it } from 'vitest';
import { unitlessFigures } from '../../src/lib/content-checks';

describe('dose and level figures carry units', () => {
  it('accepts figures with units', () => {
    expect(unitlessFigures('Start at 0.05-0.1 mg/kg/day [@a].\nTarget trough 5-10 ng/mL [@a].\nKeep 0.5 mg steps.')).toEqual([]);
  });

  it('flags a trough range without ng/mL and a dose without mg', () => {
    expect(unitlessFigures('Intro.\nAim for a trough of 5-10 during induction [@a].\nGive 0.05 twice daily [@a].')).toEqual([
      { line: 2, figure: '5-10' },
      { line: 3, figure: '0.05' },
    ]);
  });

  it('does not mistake percentages, durations or identifiers for doses', () => {
    expect(unitlessFigures('Relapse 21.7% in 6-12 months; PMID 20220333; RR 1.98; trough levels over 2-4 months.')).toEqual([]);
  });
});
