import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { calculateDose, checkTrough, exactDoseText, fewestUnitCounts, formatMg, listedRangeText, parseTroughNgPerMl, parseWeightKg, roundMg, troughPosition, troughSummary } from '../../src/lib/dose';
import { doseToolsSchema, productsSchema, type DoseRegimen, type Product } from '../../src/content.config';

const tools = doseToolsSchema.parse(parse(readFileSync('content/dose-tools.yaml', 'utf8')));
const products = productsSchema.parse(parse(readFileSync('content/products.yaml', 'utf8'))).products;
const regimen = (id: string): DoseRegimen => tools.regimens.find((candidate) => candidate.id === id)!;
const product = (id: string): Product => products.find((candidate) => candidate.id === id)!;
const capsules = product('prograf-capsules');
const granules = product('modigraf-granules');

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

describe('product strengths', () => {
  it('holds the strengths from the product information: Prograf 0.5, 1, 5 mg; Modigraf 0.2, 1 mg; prolonged-release kept out of the calculator', () => {
    expect(capsules.strengths).toEqual({ unit: 'mg', values: [0.5, 1, 5] });
    expect(granules.strengths).toEqual({ unit: 'mg', values: [0.2, 1] });
    expect(product('advagraf-capsules')).toMatchObject({ releaseType: 'prolonged-release', calculator: false, strengths: { values: [0.5, 1, 3, 5] } });
    expect(product('envarsus-tablets')).toMatchObject({ releaseType: 'prolonged-release', calculator: false, strengths: { values: [0.75, 1, 4] } });
    expect(products.filter((candidate) => candidate.calculator).map((candidate) => candidate.id)).toEqual(['prograf-capsules', 'modigraf-granules']);
  });

  it('refuses a prolonged-release product in the twice-daily calculator', () => {
    const file = parse(readFileSync('content/products.yaml', 'utf8'));
    file.products[2].calculator = true;
    expect(productsSchema.safeParse(file).success).toBe(false);
  });

  it('states the Modigraf bioavailability difference and the trough check on switching, citing SMC 657/10', () => {
    const note = granules.notes.find((candidate) => candidate.text.includes('18%'))!;
    expect(note.text).toContain('trough check');
    expect(note.text).toContain('do not scale granule doses');
    expect(note.citations).toEqual(['smc2010-modigraf']);
  });
});

describe('whole units', () => {
  it('makes a dose from the fewest whole units, largest first, or says it cannot', () => {
    expect(fewestUnitCounts(7500, [5000, 1000, 500])).toEqual([{ strengthMg: 5, count: 1 }, { strengthMg: 1, count: 2 }, { strengthMg: 0.5, count: 1 }]);
    expect(fewestUnitCounts(1800, [1000, 200])).toEqual([{ strengthMg: 1, count: 1 }, { strengthMg: 0.2, count: 4 }]);
    expect(fewestUnitCounts(600, [1000, 200])).toEqual([{ strengthMg: 0.2, count: 3 }]);
    expect(fewestUnitCounts(750, [5000, 1000, 500])).toBeUndefined();
    expect(fewestUnitCounts(0, [1000, 200])).toBeUndefined();
    expect(exactDoseText((calculateDose(15, tools.regimens[0]) as { ok: true; dose: Parameters<typeof exactDoseText>[0] }).dose)).toBe('0.375-0.75 mg per dose, twice a day = 0.75-1.5 mg/day');
  });
});

describe('trough check', () => {
  it('places a level below, within or above a range, ends included', () => {
    expect(troughPosition(4.9, { min: 5, max: 10 })).toBe('below');
    expect(troughPosition(5, { min: 5, max: 10 })).toBe('within');
    expect(troughPosition(10, { min: 5, max: 10 })).toBe('within');
    expect(troughPosition(10.1, { min: 5, max: 10 })).toBe('above');
  });

  it('3 ng/mL after complete remission, no condition chosen: plain case, the range named as unconfirmed, 2-5 ng/mL beside it', () => {
    const check = checkTrough(3, tools, 'maintenance', 'any');
    expect(check.verdict).toMatchObject({ position: 'within', range: { min: 2, max: 6 } });
    expect(troughSummary(3, check)).toBe('3 ng/mL is within 2-6 ng/mL, a range found in the source article only (unconfirmed), for maintenance after complete remission.');
    expect(troughSummary(3, check)).not.toMatch(/WITHIN|ABOVE|BELOW/);
    expect(check.alsoListed.map(({ range, condition, position }) => `${position} ${range.min}-${range.max} ${condition.id} ${range.evidence}`)).toEqual(['within 2-5 mn secondary', 'below 4-6 ln low-reliability']);
    expect(listedRangeText(check.alsoListed[0])).toEqual({ lead: 'within 2-5 ng/mL', detail: 'Membranous nephropathy: Nephrotic idiopathic membranous nephropathy (randomised trial): every patient, whatever the response; step-down, months 7-9.' });
  });

  it('7.5 ng/mL after complete remission is above 2-6 ng/mL: one verdict, the other ranges listed, not pooled', () => {
    const check = checkTrough(7.5, tools, 'maintenance', 'any');
    expect(check.verdict).toMatchObject({ position: 'above', range: { min: 2, max: 6 } });
    expect(troughSummary(7.5, check)).toBe('7.5 ng/mL is above 2-6 ng/mL, a range found in the source article only (unconfirmed), for maintenance after complete remission.');
  });

  it('7 ng/mL in induction is within 5-10 ng/mL; 1.5 ng/mL is below', () => {
    expect(checkTrough(7, tools, 'induction', 'any').verdict).toMatchObject({ position: 'within', range: { min: 5, max: 10 } });
    expect(checkTrough(1.5, tools, 'induction', 'any').verdict!.position).toBe('below');
    expect(checkTrough(1.5, tools, 'maintenance', 'any').verdict!.position).toBe('below');
  });

  it('membranous nephropathy keeps the verdict and lists its own ranges for the phase under "sources differ"', () => {
    const induction = checkTrough(7, tools, 'induction', 'mn');
    expect(induction.verdict).toMatchObject({ position: 'within', range: { min: 5, max: 10 } });
    expect(induction.alsoListed.map(({ range, position }) => `${position} ${range.min}-${range.max}`)).toEqual(['within 5-10', 'within 4-8']);
    const maintenance = checkTrough(7.5, tools, 'maintenance', 'mn');
    expect(maintenance.verdict!.position).toBe('above');
    expect(maintenance.alsoListed.map(({ range, position }) => `${position} ${range.min}-${range.max}`)).toEqual(['above 2-5', 'above 4-6']);
    const partial = checkTrough(7.5, tools, 'partial', 'mn');
    expect(partial.verdict).toMatchObject({ position: 'within', range: { min: 5, max: 10 } });
    expect(partial.alsoListed.map(({ range }) => range.id)).toEqual(['mn-trial-step-down', 'ln-ai-page']);
    // The same ranges follow the verdict with no condition chosen: the condition only changes their order.
    expect(checkTrough(7.5, tools, 'partial', 'any').alsoListed.map(({ range }) => range.id)).toEqual(['mn-trial-step-down', 'ln-ai-page']);
    expect(checkTrough(7, tools, 'induction', 'any').alsoListed.map(({ range }) => range.id)).toEqual(['mn-trial-induction', 'mn-cohort-induction']);
  });

  it('5 ng/mL with lupus nephritis chosen: no verdict, the 4-6 ng/mL range listed with its low reliability', () => {
    for (const phase of ['induction', 'maintenance', 'partial']) {
      const check = checkTrough(5, tools, phase, 'ln');
      expect(check.verdict).toBeUndefined();
      expect(check.noVerdict).toContain('AI-written');
      expect(check.alsoListed[0]).toMatchObject({ range: { min: 4, max: 6, evidence: 'low-reliability' }, otherPhase: phase === 'induction' });
      // Then every range for the phase, the headline one among them.
      const forPhase = tools.troughRanges.filter((range) => range.phases.includes(phase) && range.condition !== 'ln').map((range) => range.id);
      expect(check.alsoListed.slice(1).map(({ range }) => range.id)).toEqual(forPhase);
      expect(troughSummary(5, check)).toBe('No verdict for 5 ng/mL in lupus nephritis: the only range seen comes from an AI-written question-and-answer page and was not found in the KDIGO 2024 guideline it credits.');
    }
  });

  it('reads levels in ng/mL and refuses nonsense: text, 0, negative, "1,234", over 100', () => {
    expect(parseTroughNgPerMl('7,5')).toEqual({ ok: true, value: 7.5 });
    expect(parseTroughNgPerMl('x')).toMatchObject({ ok: false, message: expect.stringContaining('is not a number') });
    expect(parseTroughNgPerMl('0')).toEqual({ ok: false, message: 'The trough level must be more than 0 ng/mL.' });
    expect(parseTroughNgPerMl('-3')).toEqual({ ok: false, message: 'The trough level must be more than 0 ng/mL.' });
    expect(parseTroughNgPerMl('1,234')).toMatchObject({ ok: false, message: expect.stringContaining('ambiguous') });
    expect(parseTroughNgPerMl('100.5')).toMatchObject({ ok: false, message: expect.stringContaining('far above') });
    expect(parseTroughNgPerMl('100')).toEqual({ ok: true, value: 100 });
    expect(parseTroughNgPerMl('500')).toEqual({ ok: false, message: '500 ng/mL is far above any tacrolimus level in these sources. Check the number and its unit (ng/mL).' });
  });
});

describe('trough ranges carry their context', () => {
  it('no range sits under a phase its study did not use: same stage, and its months inside the phase', () => {
    for (const range of tools.troughRanges) {
      for (const phaseId of range.phases) {
        const phase = tools.troughPhases.find((candidate) => candidate.id === phaseId)!;
        const where = `${range.id} (${range.min}-${range.max} ng/mL, ${range.studyWindow.text}) under ${phase.id}`;
        expect(range.studyWindow.stage, where).toBe(phase.stage);
        if (range.studyWindow.fromMonth !== undefined) expect(range.studyWindow.fromMonth, where).toBeGreaterThanOrEqual(phase.fromMonth);
        if (range.studyWindow.toMonth !== undefined && phase.toMonth !== undefined) expect(range.studyWindow.toMonth, where).toBeLessThanOrEqual(phase.toMonth);
        if (phase.toMonth !== undefined) expect(range.studyWindow.fromMonth ?? 0, where).toBeLessThan(phase.toMonth);
      }
    }
  });

  it('files the 4-8 ng/mL membranous cohort as a 24-week induction target, never under maintenance', () => {
    const cohort = tools.troughRanges.find((range) => range.citations.includes('pmid18651550-imn'))!;
    expect(cohort).toMatchObject({ min: 4, max: 8, phases: ['induction'], condition: 'mn', studyWindow: { stage: 'induction', text: '24 weeks' } });
  });

  it('the schema refuses a range without its phase, condition, population, study window or evidence status', () => {
    const file = parse(readFileSync('content/dose-tools.yaml', 'utf8'));
    for (const field of ['phases', 'condition', 'population', 'studyWindow', 'evidence']) {
      const copy = structuredClone(file);
      delete copy.troughRanges[0][field];
      const result = doseToolsSchema.safeParse(copy);
      expect(result.success, field).toBe(false);
    }
    const twoHeadlines = structuredClone(file);
    twoHeadlines.troughRanges[1].headline = true;
    twoHeadlines.troughRanges[1].condition = 'any';
    expect(doseToolsSchema.safeParse(twoHeadlines).success).toBe(false);
  });

  it('offers the conditions not specified, membranous nephropathy and lupus nephritis, with no verdict for lupus', () => {
    expect(tools.conditions.map((condition) => [condition.name, condition.verdict])).toEqual([
      ['Not specified', true],
      ['Membranous nephropathy', true],
      ['Lupus nephritis', false],
    ]);
  });
});

describe('adult-only figures', () => {
  it('labels the adult MCD trial regimen and its prednisolone 5-7.5 mg/day as adult only', () => {
    expect(regimen('adult-mcd').populationGroup).toBe('adult');
    const prednisolone = tools.coTherapy.find((item) => item.text.includes('5-7.5 mg/day'))!;
    expect(prednisolone).toMatchObject({ populationGroup: 'adult', label: 'Adults only' });
    expect(prednisolone.text).toContain('not a paediatric dose');
    // The derived figure in the label: 7.5 mg/day for a 15 kg child.
    expect(prednisolone.text).toContain(`${formatMg(7.5 / 15)} mg/kg/day`);
  });
});

describe('dose-tools data', () => {
  const topic = readFileSync('content/topics/dosing-and-trough-targets.md', 'utf8');
  const lines = topic.split('\n');
  /** The lines (paragraphs, list items, table rows) stating a figure with every one of its citation keys. */
  const linesWith = (figure: string, keys: string[]) => lines.filter((line) => line.includes(figure) && keys.every((key) => line.includes(`@${key}`)));
  const phaseWords: Record<string, RegExp> = { induction: /induction|first 6 months/i, maintenance: /complete remission/i, partial: /partial remission/i };

  it('states only figures the dosing topic states, each on a line with the same citations', () => {
    for (const range of tools.troughRanges) {
      const figure = `${range.min}-${range.max} ng/mL`;
      expect(linesWith(figure, range.citations), `${figure} with ${range.citations.join(', ')}`).not.toHaveLength(0);
    }
  });

  it('puts no range in a trough-table row of a phase other than its own, on this topic or Taking a trough level', () => {
    const sampling = readFileSync('content/topics/level-sampling.md', 'utf8').split('\n');
    const rowsWith = (figure: string, keys: string[]) =>
      [...lines, ...sampling].filter((line) => line.startsWith('|') && line.includes(figure) && keys.every((key) => line.includes(`@${key}`)));
    for (const range of tools.troughRanges) {
      for (const row of rowsWith(`${range.min}-${range.max} ng/mL`, range.citations)) {
        const phaseCell = row.split('|')[1];
        const named = Object.entries(phaseWords).filter(([, words]) => words.test(phaseCell)).map(([id]) => id);
        if (named.length === 0) continue;
        // Another range may state the same figure with the same citations for that phase (5-10 ng/mL, source article).
        const sameFigure = tools.troughRanges.filter((other) => other.min === range.min && other.max === range.max && other.citations.every((key) => row.includes(`@${key}`)));
        expect(named.some((id) => sameFigure.some((other) => other.phases.includes(id))), `${range.id} in the row "${phaseCell.trim()}"`).toBe(true);
      }
    }
  });

  it('states the co-therapy figures with their citations', () => {
    expect(linesWith('5-7.5 mg/day', ['chin2021-mcd'])).not.toHaveLength(0);
  });

  it('cites the same sources as the dosing topic', () => {
    for (const candidate of tools.regimens) for (const key of candidate.citations) expect(topic).toContain(`@${key}`);
    expect(topic).toContain('0.05-0.1 mg/kg/day');
    expect(topic).toContain('0.05 mg/kg twice daily');
    expect(topic).toContain('0.10 mg/kg/day');
    expect(topic).toContain('more than 25%');
  });

  it('words the creatinine rule with its baseline, the other causes and the US label, and no size of reduction', () => {
    const [creatinine] = tools.advice;
    expect(creatinine.text).toContain('more than 25% from baseline');
    for (const cause of ['volume depletion', 'diuretics', 'ACE inhibitors or ARBs', 'NSAIDs', 'a relapse']) expect(creatinine.text).toContain(cause);
    expect(creatinine.text).toContain('creatinine and the trough level are both high');
    expect(creatinine.text).toContain('gives no size of reduction');
    expect(creatinine.text).not.toMatch(/at once|immediately/);
    expect(creatinine.citations).toContain('fda-2022-prograf-srlc');
  });
});
