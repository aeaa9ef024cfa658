import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { bandDoseText, bandFor, bandText, largestShortfall, noDoseText, patientBands, ruleDoseMicrograms, shortfallSentence, unitsText, weightBands, type WeightBand } from '../../src/lib/dose-bands';
import { doseToolsSchema, productsSchema, type DoseRegimen, type Product } from '../../src/content.config';

const tools = doseToolsSchema.parse(parse(readFileSync('content/dose-tools.yaml', 'utf8')));
const products = productsSchema.parse(parse(readFileSync('content/products.yaml', 'utf8'))).products.filter((product) => product.calculator);
const regimen = (id: string): DoseRegimen => tools.regimens.find((candidate) => candidate.id === id)!;
const tables = patientBands(tools, products);
const table = (patientId: string) => tables.find((entry) => entry.patient.id === patientId)!;
const maxUnits = tools.granules.maxUnits;

/** Every weight a band covers, in tenths of a kg. */
const tenthsIn = (band: WeightBand) => {
  const weights: number[] = [];
  for (let tenths = Math.round(band.fromKg * 10); tenths <= Math.round(band.toKg * 10); tenths += 1) weights.push(tenths);
  return weights;
};

/** Fails unless every dose in every band is within the regimen at every 0.1 kg of the band, and the bands tile the weights. */
function expectBandsInRange(bands: WeightBand[], subject: DoseRegimen, limits: { min: number; max: number }, where: string) {
  const lowRate = Math.round(subject.doseMgPerKgPerDay.min * 1000); // µg/kg/day
  const highRate = Math.round(subject.doseMgPerKgPerDay.max * 1000);
  const single = subject.doseMgPerKgPerDay.min === subject.doseMgPerKgPerDay.max;
  expect(bands[0].fromKg, `${where}: first band starts at the lowest weight`).toBe(limits.min);
  expect(bands.at(-1)!.toKg, `${where}: last band ends at the highest weight`).toBe(limits.max);
  bands.forEach((band, index) => {
    expect(band.fromKg, `${where} ${bandText(band)}`).toBeLessThanOrEqual(band.toKg);
    // No gap, no overlap: the next band starts 0.1 kg after this one ends.
    if (index > 0) expect(Math.round(band.fromKg * 10), `${where}: ${bandText(bands[index - 1])} then ${bandText(band)}`).toBe(Math.round(bands[index - 1].toKg * 10) + 1);
    for (const { product, cell } of band.cells) {
      if (cell.kind !== 'dose') continue;
      const { dose } = cell;
      const dailyMicrograms = Math.round(dose.dailyMg * 1000);
      expect(dailyMicrograms, `${where} ${bandText(band)} ${product.id}`).toBe(Math.round(dose.perDoseMg * 1000) * subject.dosesPerDay);
      // Whole units of the product's strengths, adding up to the dose.
      expect(Math.round(dose.units.reduce((sum, unit) => sum + unit.strengthMg * 1000 * unit.count, 0))).toBe(Math.round(dose.perDoseMg * 1000));
      for (const unit of dose.units) {
        expect(product.strengths.values, `${where} ${product.id}`).toContain(unit.strengthMg);
        expect(Number.isInteger(unit.count) && unit.count > 0).toBe(true);
      }
      if (product.form === 'granules') expect(dose.unitCount, `${where} ${bandText(band)}: sachets`).toBeLessThanOrEqual(maxUnits);
      for (const tenths of tenthsIn(band)) {
        const weight = `${where} ${product.id} ${tenths / 10} kg (${bandText(band)}, ${bandDoseText(dose)})`;
        // 10·D ≤ R·W: the daily dose in µg at W tenths of a kg is at most R µg/kg/day.
        expect(10 * dailyMicrograms <= highRate * tenths, `${weight}: above ${subject.doseMgPerKgPerDay.max} mg/kg/day`).toBe(true);
        if (!single) expect(10 * dailyMicrograms >= lowRate * tenths, `${weight}: below ${subject.doseMgPerKgPerDay.min} mg/kg/day`).toBe(true);
        // The same check in mg/kg/day, as a reader would do it.
        expect(dose.dailyMg / (tenths / 10)).toBeLessThanOrEqual(subject.doseMgPerKgPerDay.max + 1e-9);
      }
      expect(dose.mgPerKgPerDay.atFrom).toBeLessThanOrEqual(subject.doseMgPerKgPerDay.max);
      expect(dose.mgPerKgPerDay.atTo).toBeLessThanOrEqual(dose.mgPerKgPerDay.atFrom);
    }
    if (band.answer === 'capsule') expect(band.cells.some(({ product, cell }) => product.form === 'capsule' && cell.kind === 'dose')).toBe(true);
  });
}

describe('the sweep: every regimen, every 0.1 kg of its accepted weights', () => {
  for (const subject of tools.regimens) {
    for (const group of ['child', 'adult'] as const) {
      it(`${subject.id} (${subject.weightLimitsKg.min}-${subject.weightLimitsKg.max} kg), granules as for ${group === 'child' ? 'a child' : 'an adult'}: no band's dose leaves the range`, () => {
        const bands = weightBands(subject, subject.weightLimitsKg, products, maxUnits, group);
        expectBandsInRange(bands, subject, subject.weightLimitsKg, subject.id);
      });
    }
  }

  for (const { patient, regimen: used, bands } of tables) {
    it(`the table for "${patient.name}" tiles ${patient.weightLimitsKg.min}-${patient.weightLimitsKg.max} kg and stays in range`, () => {
      expectBandsInRange(bands, used, patient.weightLimitsKg, patient.id);
    });
  }

  it('catches a dose above range: a band widened by 0.1 kg fails the check', () => {
    const bands = weightBands(regimen('paediatric-srns'), { min: 10, max: 30 }, products, maxUnits);
    // 20-23.9 kg gives 1 mg twice a day; stretched down to 19.9 kg it is 0.1005 mg/kg/day.
    const stretched = bands.map((band) => (band.fromKg === 20 ? { ...band, fromKg: 19.9 } : band));
    expect(() => expectBandsInRange(stretched, regimen('paediatric-srns'), { min: 10, max: 30 }, 'stretched')).toThrow();
  });
});

describe('the issue weights: 6, 12.5, 17, 22 and 150 kg for each patient', () => {
  for (const { patient, regimen: used, bands } of tables) {
    for (const weight of [6, 12.5, 17, 22, 150]) {
      it(`${patient.id} at ${weight} kg: a dose in range with at most ${maxUnits} sachets, or refused outside ${patient.weightLimitsKg.min}-${patient.weightLimitsKg.max} kg`, () => {
        const band = bandFor(bands, weight);
        if (weight < patient.weightLimitsKg.min || weight > patient.weightLimitsKg.max) {
          expect(band).toBeUndefined();
          return;
        }
        expect(band).toBeDefined();
        for (const { product, cell } of band!.cells) {
          if (cell.kind !== 'dose') continue;
          expect(cell.dose.dailyMg / weight).toBeLessThanOrEqual(used.doseMgPerKgPerDay.max + 1e-9);
          if (used.doseMgPerKgPerDay.min < used.doseMgPerKgPerDay.max) expect(cell.dose.dailyMg / weight).toBeGreaterThanOrEqual(used.doseMgPerKgPerDay.min - 1e-9);
          if (product.form === 'granules') expect(cell.dose.unitCount).toBeLessThanOrEqual(maxUnits);
        }
        expect(band!.answer).not.toBe('pharmacy');
      });
    }
  }
});

describe('the bands a nurse reads', () => {
  const cellOf = (band: WeightBand, form: Product['form']) => band.cells.find(({ product }) => product.form === form)!.cell;

  it('child with steroid-resistant disease, 0.10 mg/kg/day: 6 kg takes 0.2 mg of granules; 12.5 kg one 0.5 mg capsule (0.08 mg/kg/day), not the 1 mg (0.16) printed before', () => {
    const { bands } = table('child-srns');
    const six = bandFor(bands, 6)!;
    expect(bandText(six)).toBe('5-7.9 kg');
    expect(six.answer).toBe('granules');
    expect(cellOf(six, 'capsule')).toEqual({ kind: 'none-in-range' });
    expect(cellOf(six, 'granules')).toMatchObject({ kind: 'dose', dose: { perDoseMg: 0.2, dailyMg: 0.4, mgPerKgPerDay: { atFrom: 0.08, atTo: 0.0506 } } });
    const twelve = bandFor(bands, 12.5)!;
    expect(bandText(twelve)).toBe('12-15.9 kg');
    expect(cellOf(twelve, 'capsule')).toMatchObject({ kind: 'dose', dose: { perDoseMg: 0.5, dailyMg: 1, mgPerKgPerDay: { atFrom: 0.0833, atTo: 0.0629 } } });
    expect(cellOf(twelve, 'granules')).toMatchObject({ kind: 'dose', dose: { perDoseMg: 0.6, unitCount: 3 } });
    const seventeen = bandFor(bands, 17)!;
    expect(bandText(seventeen)).toBe('16-19.9 kg');
    expect(cellOf(seventeen, 'capsule')).toMatchObject({ kind: 'dose', dose: { perDoseMg: 0.5 } });
    const twentyTwo = bandFor(bands, 22)!;
    expect(bandText(twentyTwo)).toBe('20-23.9 kg');
    expect(cellOf(twentyTwo, 'capsule')).toMatchObject({ kind: 'dose', dose: { perDoseMg: 1, dailyMg: 2, mgPerKgPerDay: { atFrom: 0.1, atTo: 0.0837 } } });
    // 150 kg is beyond a child's accepted weights.
    expect(bandFor(bands, 150)).toBeUndefined();
  });

  it('child, other nephrotic syndrome, 0.05-0.1 mg/kg/day: 5 kg takes granules (the old table printed 0.5 mg capsules, 0.2 mg/kg/day); 20 kg one 0.5 mg capsule', () => {
    const { bands } = table('child-other');
    const five = bandFor(bands, 5)!;
    expect(five.answer).toBe('granules');
    expect(cellOf(five, 'capsule')).toEqual({ kind: 'none-in-range' });
    expect(noDoseText({ kind: 'none-in-range' }, products[0], five.answer)).toBe('No whole-capsule dose in range: use the granule dose.');
    expect(cellOf(five, 'granules')).toMatchObject({ kind: 'dose', dose: { perDoseMg: 0.2, mgPerKgPerDay: { atFrom: 0.08, atTo: 0.05 } } });
    const twenty = bandFor(bands, 20)!;
    expect(bandText(twenty)).toBe('16.1-20 kg');
    expect(cellOf(twenty, 'capsule')).toMatchObject({ kind: 'dose', dose: { perDoseMg: 0.5, dailyMg: 1, mgPerKgPerDay: { atFrom: 0.0621, atTo: 0.05 } } });
    const seventeen = bandFor(bands, 17)!;
    const twentyTwo = bandFor(bands, 22)!;
    expect(bandText(seventeen)).toBe('16.1-20 kg');
    expect(bandText(twentyTwo)).toBe('20.1-24 kg');
    expect(cellOf(twentyTwo, 'capsule')).toMatchObject({ kind: 'dose', dose: { perDoseMg: 1, mgPerKgPerDay: { atFrom: 0.0995, atTo: 0.0833 } } });
  });

  it('adults take capsules: no granule dose where a capsule fits; 150 kg on the adult minimal change trial is 7.5 mg twice a day, not 16-19 sachets', () => {
    for (const id of ['adult-mcd', 'adult-other']) {
      for (const band of table(id).bands) expect(cellOf(band, 'granules').kind, `${id} ${bandText(band)}`).toBe('not-offered');
    }
    const band = bandFor(table('adult-mcd').bands, 150)!;
    expect(bandText(band)).toBe('150-159.9 kg');
    const capsules = cellOf(band, 'capsule');
    expect(capsules).toMatchObject({ kind: 'dose', dose: { perDoseMg: 7.5, dailyMg: 15 } });
    expect(capsules.kind === 'dose' && unitsText(capsules.dose.units, 'capsule')).toBe('1 × 5 mg capsule + 2 × 1 mg capsules + 1 × 0.5 mg capsule');
    expect(bandDoseText((capsules as { kind: 'dose'; dose: Parameters<typeof bandDoseText>[0] }).dose)).toBe('7.5 mg twice a day = 15 mg/day');
    const other = bandFor(table('adult-other').bands, 150)!;
    expect(cellOf(other, 'capsule')).toMatchObject({ kind: 'dose', dose: { perDoseMg: 4, dailyMg: 8, mgPerKgPerDay: { atTo: 0.0533 } } });
  });

  it('a child\'s granules stop at the first dose needing more than 5 sachets, and do not come back at heavier weights', () => {
    const { bands } = table('child-srns');
    const firstTooMany = bands.findIndex((band) => cellOf(band, 'granules').kind === 'too-many-units');
    expect(bandText(bands[firstTooMany])).toBe('56-59.9 kg');
    for (const band of bands.slice(firstTooMany)) expect(cellOf(band, 'granules').kind).toBe('too-many-units');
    expect(noDoseText({ kind: 'too-many-units', maxUnits: 5 }, products[1], 'capsule')).toBe('Not as granules: the dose would need more than 5 sachets; use capsules.');
  });

  it('says how far below a single figure a band\'s dose may fall, and gives none for a range', () => {
    expect(largestShortfall(regimen('paediatric-srns'), table('child-srns').bands)).toMatchObject({ mgPerKgPerDay: 0.0503, percentBelow: 50, atKg: 19.9 });
    expect(shortfallSentence(regimen('adult-mcd'), table('adult-mcd').bands)).toBe(
      'Rounding down, a band\'s dose is never above 0.1 mg/kg/day; at a band\'s heavier edge it may fall as low as 0.0752 mg/kg/day (25% below, Prograf capsules at 39.9 kg).',
    );
    expect(shortfallSentence(regimen('general'), table('child-other').bands)).toBeUndefined();
  });

  it('where nothing measurable fits, the band says to ask the pharmacy', () => {
    const tiny: DoseRegimen = { ...regimen('paediatric-srns'), id: 'tiny', doseMgPerKgPerDay: { min: 0.01, max: 0.01 }, weightLimitsKg: { min: 5, max: 6 } };
    const bands = weightBands(tiny, tiny.weightLimitsKg, products, maxUnits);
    expect(bands).toHaveLength(1);
    expect(bands[0].answer).toBe('pharmacy');
    expect(bands[0].cells.map(({ cell }) => cell.kind)).toEqual(['none-in-range', 'none-in-range']);
  });

  it('the rule in integers: 0.05-0.1 mg/kg/day at 20 kg is 0.5 mg (the lower of the two that fit); 0.10 mg/kg/day at 19.9 kg rounds down to 0.5 mg', () => {
    expect(ruleDoseMicrograms(200, regimen('general'), [1000, 500, 5000])).toBe(500);
    expect(ruleDoseMicrograms(201, regimen('general'), [1000, 500, 5000])).toBe(1000);
    expect(ruleDoseMicrograms(199, regimen('paediatric-srns'), [5000, 1000, 500])).toBe(500);
    expect(ruleDoseMicrograms(200, regimen('paediatric-srns'), [5000, 1000, 500])).toBe(1000);
    expect(ruleDoseMicrograms(90, regimen('general'), [5000, 1000, 500])).toBeUndefined();
  });
});

describe('patients choose the regimen', () => {
  it('offers four patients, each with its regimen and why; a child is never given the adult-only trial', () => {
    expect(tools.patients.map((patient) => [patient.id, patient.group, patient.regimen])).toEqual([
      ['child-srns', 'child', 'paediatric-srns'],
      ['child-other', 'child', 'general'],
      ['adult-mcd', 'adult', 'adult-mcd'],
      ['adult-other', 'adult', 'general'],
    ]);
    const file = parse(readFileSync('content/dose-tools.yaml', 'utf8'));
    file.patients[0].regimen = 'adult-mcd';
    const result = doseToolsSchema.safeParse(file);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.message)).toContain('"adult-mcd" was studied in adults only');
  });

  it('refuses a patient whose weights go beyond the regimen\'s, saying so', () => {
    const file = parse(readFileSync('content/dose-tools.yaml', 'utf8'));
    file.patients[0].weightLimitsKg.max = 120;
    const result = doseToolsSchema.safeParse(file);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: ['patients', 0, 'weightLimitsKg'], message: "must lie inside the regimen's 5-100 kg" });
  });

  it('a child with steroid-resistant disease: both starting doses under "sources differ", the one used first', () => {
    const { sourcesDiffer } = tools.patients.find((patient) => patient.id === 'child-srns')!;
    expect(sourcesDiffer[0].text).toMatch(/^Used here: 0\.10 mg\/kg\/day/);
    expect(sourcesDiffer.map((item) => item.citations[0])).toEqual(['gulati-srns-tac', 'droracle2025', 'choudhry2009']);
    expect(sourcesDiffer[2].text).toContain('0.1-0.2 mg/kg/day');
  });

  it('labels the general range with what its source covers: one range for every patient, children and adults not told apart', () => {
    expect(regimen('general').population).toContain('children and adults not told apart');
    expect(regimen('general').population).toContain('AI-written');
    expect(regimen('general').population).not.toMatch(/^Children and adults/);
  });

  it('states the rule in one line, citing sources for titrating to the trough level, and the granule limit citing SMC 657/10', () => {
    expect(tools.doseRule.text).toContain('then adjust to the trough level');
    expect(tools.doseRule.citations).toEqual(['chen2010-mn', 'prograf-smpc']);
    expect(tools.granules).toMatchObject({ maxUnits: 5, citations: ['smc2010-modigraf'] });
    expect(tools.granules.text).toContain('cannot swallow capsules');
  });
});
