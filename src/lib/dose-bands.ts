/**
 * Weight bands: for one patient (and so one regimen), contiguous bands of body weight, each with one
 * starting dose per product in whole capsules or whole sachets. Pure functions, computed from the
 * regimen (content/dose-tools.yaml) and the product strengths (content/products.yaml).
 *
 * The rule, at every weight read to 0.1 kg:
 * - a range regimen (0.05-0.1 mg/kg/day): the lowest whole-unit dose whose mg/kg/day lies inside the range;
 * - a single figure (0.10 mg/kg/day): the dose rounded down to whole units, never above the figure.
 * Weights with the same doses form one band. Granules are never given as a dose needing more than
 * `maxUnits` sachets, and from the first weight that would, not at any heavier weight either.
 * Work is in integers (weights in tenths of a kg, doses in µg), so no rounding can push a dose out of range.
 */
import type { DosePatient, DoseRegimen, DoseTools, Product } from '../content.config.ts';
import { fewestUnitCounts, formatMg, roundMg, timesADay, type UnitCount } from './dose.ts';

/** One whole-unit dose in a band: per dose, per day, what it is made of, and its mg/kg/day at the band's edges. */
export interface BandDose {
  perDoseMg: number;
  dosesPerDay: number;
  dailyMg: number;
  units: UnitCount[];
  /** How many capsules or sachets one dose takes. */
  unitCount: number;
  /** mg/kg/day at the band's lighter edge (the highest) and its heavier edge (the lowest). */
  mgPerKgPerDay: { atFrom: number; atTo: number };
}

/** A product's answer in a band: a dose, no whole-unit dose inside the range, or more units than allowed. */
export type BandCell = { kind: 'dose'; dose: BandDose } | { kind: 'none-in-range' } | { kind: 'too-many-units'; maxUnits: number } | { kind: 'not-offered' };

/**
 * When granules are offered: for a child, in every band (young children, or a child who cannot swallow
 * capsules); for an adult, only where no whole-capsule dose fits (adult weights show capsules).
 */
export type GranuleUse = 'child' | 'adult';

/** What to give in a band: capsules where a capsule dose fits, granules where none does and a granule dose fits, else ask the pharmacy. */
export type BandAnswer = 'capsule' | 'granules' | 'pharmacy';

export interface WeightBand {
  /** Edges in kg, both inside the band, read to 0.1 kg: "10-19.9 kg". */
  fromKg: number;
  toKg: number;
  cells: Array<{ product: Product; cell: BandCell }>;
  answer: BandAnswer;
}

/** The dose tools' bands for one patient: the regimen used, the weights, and the bands covering them. */
export interface PatientBands {
  patient: DosePatient;
  regimen: DoseRegimen;
  bands: WeightBand[];
}

const toMicrograms = (mg: number) => Math.round(mg * 1000);
const toTenthsKg = (kg: number) => Math.round(kg * 10);
const greatestCommonDivisor = (a: number, b: number): number => (b === 0 ? a : greatestCommonDivisor(b, a % b));

/** A single-figure regimen: one mg/kg/day figure (min equals max), given as a ceiling. */
export const isSingleFigure = (regimen: Pick<DoseRegimen, 'doseMgPerKgPerDay'>) => regimen.doseMgPerKgPerDay.min === regimen.doseMgPerKgPerDay.max;

/**
 * The rule's dose per dose, in µg, at a weight in tenths of a kg, from whole units of the given
 * strengths (µg); undefined when no whole-unit dose satisfies the rule.
 */
export function ruleDoseMicrograms(weightTenthsKg: number, regimen: Pick<DoseRegimen, 'doseMgPerKgPerDay' | 'dosesPerDay'>, strengthsMicrograms: number[]): number | undefined {
  const step = strengthsMicrograms.reduce(greatestCommonDivisor);
  const perDay = regimen.dosesPerDay;
  // Rates in µg/kg/day; a daily dose of D µg at W tenths of a kg is R µg/kg/day when 10·D = R·W.
  const low = toMicrograms(regimen.doseMgPerKgPerDay.min);
  const high = toMicrograms(regimen.doseMgPerKgPerDay.max);
  const inRange = (perDose: number) => 10 * perDose * perDay <= high * weightTenthsKg && (isSingleFigure(regimen) || 10 * perDose * perDay >= low * weightTenthsKg);
  const makeable = (perDose: number) => fewestUnitCounts(perDose, strengthsMicrograms) !== undefined;
  if (isSingleFigure(regimen)) {
    for (let steps = Math.floor((high * weightTenthsKg) / (10 * perDay * step)); steps > 0; steps -= 1) {
      if (inRange(steps * step) && makeable(steps * step)) return steps * step;
    }
    return undefined;
  }
  for (let steps = Math.max(1, Math.ceil((low * weightTenthsKg) / (10 * perDay * step))); inRange(steps * step); steps += 1) {
    if (makeable(steps * step)) return steps * step;
  }
  return undefined;
}

/** The mg/kg/day a daily dose in mg gives at a weight. */
const rate = (dailyMg: number, weightKg: number) => roundMg(dailyMg / weightKg);

function bandDose(perDoseMicrograms: number, strengthsMicrograms: number[], dosesPerDay: number, fromKg: number, toKg: number): BandDose {
  const units = fewestUnitCounts(perDoseMicrograms, strengthsMicrograms)!;
  const perDoseMg = perDoseMicrograms / 1000;
  const dailyMg = roundMg(perDoseMg * dosesPerDay);
  return {
    perDoseMg,
    dosesPerDay,
    dailyMg,
    units,
    unitCount: units.reduce((sum, unit) => sum + unit.count, 0),
    mgPerKgPerDay: { atFrom: rate(dailyMg, fromKg), atTo: rate(dailyMg, toKg) },
  };
}

/** Cell keys per weight: the dose in µg, "none" or "many". */
type CellKey = number | 'none' | 'many' | 'not-offered';

/**
 * The bands for a regimen across a weight range: contiguous, no gap, no overlap, each weight read to
 * 0.1 kg. `maxUnits` limits granule doses (products of form "granules").
 */
export function weightBands(regimen: DoseRegimen, limitsKg: { min: number; max: number }, products: Product[], maxUnits: number, granuleUse: GranuleUse = 'child'): WeightBand[] {
  const usable = products.filter((product) => product.calculator);
  const strengths = usable.map((product) => product.strengths.values.map(toMicrograms).sort((a, b) => b - a));
  const granuleCutReached = usable.map(() => false);
  const keysAt = (weightTenthsKg: number): CellKey[] => {
    const doses = usable.map((_, index) => ruleDoseMicrograms(weightTenthsKg, regimen, strengths[index]));
    const capsuleFits = usable.some((product, index) => product.form !== 'granules' && doses[index] !== undefined);
    return usable.map((product, index) => {
      const dose = doses[index];
      if (product.form === 'granules' && granuleUse === 'adult' && capsuleFits) return 'not-offered';
      if (dose === undefined) return 'none';
      if (product.form !== 'granules') return dose;
      const count = fewestUnitCounts(dose, strengths[index])!.reduce((sum, unit) => sum + unit.count, 0);
      if (count > maxUnits) granuleCutReached[index] = true;
      return granuleCutReached[index] ? 'many' : dose;
    });
  };
  const runs: Array<{ from: number; to: number; keys: CellKey[] }> = [];
  for (let weight = toTenthsKg(limitsKg.min); weight <= toTenthsKg(limitsKg.max); weight += 1) {
    const keys = keysAt(weight);
    const last = runs.at(-1);
    if (last && last.keys.every((key, index) => key === keys[index])) last.to = weight;
    else runs.push({ from: weight, to: weight, keys });
  }
  return runs.map(({ from, to, keys }) => {
    const fromKg = from / 10;
    const toKg = to / 10;
    const cells = usable.map((product, index): { product: Product; cell: BandCell } => {
      const key = keys[index];
      if (key === 'none') return { product, cell: { kind: 'none-in-range' } };
      if (key === 'many') return { product, cell: { kind: 'too-many-units', maxUnits } };
      if (key === 'not-offered') return { product, cell: { kind: 'not-offered' } };
      return { product, cell: { kind: 'dose', dose: bandDose(key, strengths[index], regimen.dosesPerDay, fromKg, toKg) } };
    });
    const fits = (form: Product['form']) => cells.some(({ product, cell }) => product.form === form && cell.kind === 'dose');
    const answer: BandAnswer = fits('capsule') ? 'capsule' : fits('granules') ? 'granules' : 'pharmacy';
    return { fromKg, toKg, cells, answer };
  });
}

/** The regimen a patient is given, by the patient's id. */
export function patientRegimen(tools: Pick<DoseTools, 'patients' | 'regimens'>, patientId: string): { patient: DosePatient; regimen: DoseRegimen } {
  const patient = tools.patients.find((candidate) => candidate.id === patientId);
  if (!patient) throw new Error(`Unknown patient "${patientId}".`);
  const regimen = tools.regimens.find((candidate) => candidate.id === patient.regimen);
  if (!regimen) throw new Error(`No regimen "${patient.regimen}" for patient "${patientId}".`);
  return { patient, regimen };
}

/** Every patient's bands, in the order the tools list the patients. */
export function patientBands(tools: Pick<DoseTools, 'patients' | 'regimens' | 'granules'>, products: Product[]): PatientBands[] {
  return tools.patients.map((patient) => {
    const { regimen } = patientRegimen(tools, patient.id);
    return { patient, regimen, bands: weightBands(regimen, patient.weightLimitsKg, products, tools.granules.maxUnits, patient.group) };
  });
}

/** A weight read to the 0.1 kg the bands use. */
export const toBandWeight = (weightKg: number) => toTenthsKg(weightKg) / 10;

/** The band a weight (read to 0.1 kg) falls in, or undefined outside the bands. */
export function bandFor(bands: WeightBand[], weightKg: number): WeightBand | undefined {
  const weight = toBandWeight(weightKg);
  return bands.find((band) => band.fromKg <= weight && weight <= band.toKg);
}

/** "10-19.9 kg". */
export const bandText = (band: Pick<WeightBand, 'fromKg' | 'toKg'>) => (band.fromKg === band.toKg ? `${formatMg(band.fromKg)} kg` : `${formatMg(band.fromKg)}-${formatMg(band.toKg)} kg`);

/** "1 mg twice a day = 2 mg/day". */
export const bandDoseText = (dose: BandDose) => `${formatMg(dose.perDoseMg)} mg ${timesADay(dose.dosesPerDay)} = ${formatMg(dose.dailyMg)} mg/day`;

/** "0.1-0.0503 mg/kg/day": at the band's lighter edge, then at its heavier one. */
export const bandRateText = (dose: BandDose) =>
  dose.mgPerKgPerDay.atFrom === dose.mgPerKgPerDay.atTo ? `${formatMg(dose.mgPerKgPerDay.atFrom)} mg/kg/day` : `${formatMg(dose.mgPerKgPerDay.atFrom)}-${formatMg(dose.mgPerKgPerDay.atTo)} mg/kg/day`;

/** "2 × 0.2 mg sachets", "1 × 1 mg capsule + 1 × 0.5 mg capsule". */
export const unitsText = (units: UnitCount[], unitName: string) =>
  units.map(({ strengthMg, count }) => `${count} × ${formatMg(strengthMg)} mg ${unitName}${count === 1 ? '' : 's'}`).join(' + ');

/** What a band's cell says when it has no dose. */
export function noDoseText(cell: Exclude<BandCell, { kind: 'dose' }>, product: Product, answer: BandAnswer): string {
  if (cell.kind === 'not-offered') return 'Capsules at adult weights.';
  if (cell.kind === 'too-many-units') return `Not as granules: the dose would need more than ${cell.maxUnits} sachets; use capsules.`;
  const whole = `No whole-${product.unitName} dose in range`;
  if (product.form === 'granules') return answer === 'capsule' ? `${whole}: use capsules.` : `${whole}.`;
  if (answer === 'granules') return `${whole}: use the granule dose.`;
  return `${whole}.`;
}

/** The answer when nothing measurable fits. */
export const askPharmacyText = 'No measurable dose in range: ask the pharmacy.';

/**
 * For a single-figure regimen: how far below the figure a band's dose falls at worst, and where (at a
 * band's heavier edge). Undefined for a range regimen, whose doses never fall below its minimum.
 */
export function largestShortfall(regimen: DoseRegimen, bands: WeightBand[]): { mgPerKgPerDay: number; percentBelow: number; atKg: number; product: Product } | undefined {
  if (!isSingleFigure(regimen)) return undefined;
  const figure = regimen.doseMgPerKgPerDay.max;
  let worst: { mgPerKgPerDay: number; percentBelow: number; atKg: number; product: Product } | undefined;
  for (const band of bands) {
    for (const { product, cell } of band.cells) {
      if (cell.kind !== 'dose') continue;
      const low = cell.dose.mgPerKgPerDay.atTo;
      if (!worst || low < worst.mgPerKgPerDay) worst = { mgPerKgPerDay: low, percentBelow: Math.round(((figure - low) / figure) * 100), atKg: band.toKg, product };
    }
  }
  return worst;
}

/** That shortfall as the sentence under a single-figure regimen's table. */
export function shortfallSentence(regimen: DoseRegimen, bands: WeightBand[]): string | undefined {
  const worst = largestShortfall(regimen, bands);
  if (!worst) return undefined;
  const figure = formatMg(regimen.doseMgPerKgPerDay.max);
  return `Rounding down, a band's dose is never above ${figure} mg/kg/day; at a band's heavier edge it may fall as low as ${formatMg(worst.mgPerKgPerDay)} mg/kg/day (${worst.percentBelow}% below, ${worst.product.label} at ${formatMg(worst.atKg)} kg).`;
}

/** "0.10 mg/kg/day", "0.05 mg/kg twice daily": the figure in a regimen's name, after its colon. */
export const regimenFigure = (regimen: Pick<DoseRegimen, 'name'>) => regimen.name.split(': ').at(-1)!;
