import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  calculateDose,
  compareTrough,
  formatMg,
  parseTroughNgPerMl,
  parseWeightKg,
  roundMg,
  roundToStep,
  troughPosition,
  weightBandRows,
  weightBandsKg,
} from '../../src/lib/dose';
import { doseToolsSchema, type DoseRegimen } from '../../src/content.config';

const tools = doseToolsSchema.parse(parse(readFileSync('content/dose-tools.yaml', 'utf8')));
const regimen = (id: string): DoseRegimen => tools.regimens.find((candidate) => candidate.id === id)!;

describe('weight input', () => {
  it('reads whole numbers, decimals and decimal commas', () => {
    expect(parseWeightKg('20')).toEqual({ ok: true, value: 20 });
    expect(parseWeightKg(' 20.5 ')).toEqual({ ok: true, value: 20.5 });
    expect(parseWeightKg('20,5')).toEqual({ ok: true, value: 20.5 });
  });

  it.each([
    ['', 'Enter the weight in kg.'],
    ['abc', '“abc” is not a number. Enter the weight in kg, for example 20 or 20.5.'],
    ['20kg', '“20kg” is not a number. Enter the weight in kg, for example 20 or 20.5.'],
    ['1,234', '“1,234” is ambiguous. Write decimals with a point or a comma and at most two decimal places, for example 20.5 or 20,5.'],
    ['1e2', '“1e2” is not a number. Enter the weight in kg, for example 20 or 20.5.'],
    ['Infinity', '“Infinity” is not a number. Enter the weight in kg, for example 20 or 20.5.'],
    ['0', 'The weight must be more than 0 kg.'],
    ['-5', 'The weight must be more than 0 kg.'],
    ['400', '400 kg is not a plausible body weight. Check the number and its unit (kg).'],
  ])('refuses %j with a clear message', (input, message) => {
    expect(parseWeightKg(input)).toEqual({ ok: false, message });
  });
});

describe('dose calculation', () => {
  it('gives 1-2 mg/day and 0.5-1 mg per dose for 20 kg on the general range', () => {
    const outcome = calculateDose(20, regimen('general'));
    expect(outcome.ok && outcome.dose.dailyMg).toEqual({ min: 1, max: 2 });
    expect(outcome.ok && outcome.dose.perDoseMg).toEqual({ min: 0.5, max: 1 });
    expect(outcome.ok && outcome.dose.working).toEqual(['20 kg × 0.05-0.1 mg/kg/day = 1-2 mg/day', '1-2 mg/day ÷ 2 doses a day = 0.5-1 mg per dose']);
  });

  it('does not show floating-point noise: 0.05 x 30 reads 1.5', () => {
    expect(0.05 * 7).not.toBe(0.35);
    const seven = calculateDose(7, regimen('general'));
    expect(seven.ok && seven.dose.dailyMg.min).toBe(0.35);
    const outcome = calculateDose(30, regimen('general'));
    expect(outcome.ok && outcome.dose.dailyMg.min).toBe(1.5);
    expect(outcome.ok && formatMg(outcome.dose.perDoseMg.min)).toBe('0.75');
    expect(roundMg(0.1 * 3)).toBe(0.3);
  });

  it('gives the adult MCD trial dose as 0.05 mg/kg twice daily', () => {
    const outcome = calculateDose(70, regimen('adult-mcd'));
    expect(outcome.ok && outcome.dose.perDoseMg).toEqual({ min: 3.5, max: 3.5 });
    expect(outcome.ok && outcome.dose.dailyMg).toEqual({ min: 7, max: 7 });
  });

  it('refuses a weight outside the regimen limits and says why', () => {
    const outcome = calculateDose(20, regimen('adult-mcd'));
    expect(outcome).toEqual({ ok: false, message: expect.stringContaining('20 kg is outside 30-200 kg') });
    expect(!outcome.ok && outcome.message).toContain('enrolled adults');
  });
});

describe('rounding aid', () => {
  it('rounds to the nearest step and never to zero', () => {
    expect(roundToStep(0.75, 0.5)).toBe(1);
    expect(roundToStep(1.2, 0.5)).toBe(1);
    expect(roundToStep(0.1, 0.5)).toBe(0.5);
    expect(roundToStep(0.3, 0.25)).toBe(0.25);
    expect(() => roundToStep(1, 0)).toThrow('more than 0 mg');
  });
});

describe('trough check', () => {
  it('places a level below, within or above a range, ends included', () => {
    expect(troughPosition(4.9, { min: 5, max: 10 })).toBe('below');
    expect(troughPosition(5, { min: 5, max: 10 })).toBe('within');
    expect(troughPosition(10, { min: 5, max: 10 })).toBe('within');
    expect(troughPosition(10.1, { min: 5, max: 10 })).toBe('above');
  });

  it('gives one verdict only when every cited range agrees', () => {
    const maintenance = tools.troughPhases.find((phase) => phase.id === 'maintenance')!.ranges;
    expect(compareTrough(5.5, maintenance).agreement).toBeUndefined();
    expect(compareTrough(5.5, maintenance).comparisons.map((c) => c.position)).toEqual(['within', 'above', 'within', 'within']);
    expect(compareTrough(12, maintenance).agreement).toBe('above');
  });

  it('reads levels in ng/mL and refuses nonsense', () => {
    expect(parseTroughNgPerMl('7,5')).toEqual({ ok: true, value: 7.5 });
    expect(parseTroughNgPerMl('x')).toMatchObject({ ok: false });
    expect(parseTroughNgPerMl('500')).toEqual({ ok: false, message: '500 ng/mL is far above any tacrolimus level in these sources. Check the number and its unit (ng/mL).' });
  });
});

describe('weight-band table', () => {
  it('covers 5 to 100 kg with a dose or a reason for every regimen', () => {
    const rows = weightBandRows(weightBandsKg, tools.regimens);
    expect(rows[0].weightKg).toBe(5);
    expect(rows.at(-1)!.weightKg).toBe(100);
    for (const row of rows) expect(row.doses).toHaveLength(tools.regimens.length);
    const twenty = rows.find((row) => row.weightKg === 20)!;
    expect(twenty.doses[0].ok && twenty.doses[0].dose.perDoseMg).toEqual({ min: 0.5, max: 1 });
  });
});

describe('dose-tools data', () => {
  const topic = readFileSync('content/topics/dosing-and-trough-targets.md', 'utf8');
  it('states only figures the dosing topic states, with the same citations', () => {
    for (const phase of tools.troughPhases) {
      for (const range of phase.ranges) {
        expect(topic, `${range.min}-${range.max} ng/mL`).toContain(`${range.min}-${range.max} ng/mL`);
        for (const key of range.citations) expect(topic).toContain(`@${key}`);
      }
    }
    for (const candidate of tools.regimens) for (const key of candidate.citations) expect(topic).toContain(`@${key}`);
    expect(topic).toContain('0.05-0.1 mg/kg/day');
    expect(topic).toContain('0.05 mg/kg twice daily');
    expect(topic).toContain('0.10 mg/kg/day');
    expect(topic).toContain('more than 25%');
  });
});
