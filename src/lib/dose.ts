/**
 * Weight-based tacrolimus dose arithmetic and trough checks. Pure functions, no rounding surprises:
 * every result is rounded to 4 decimal places so 0.05 x 7 reads 0.35, not 0.35000000000000003.
 * Doses are mg, weights kg, levels ng/mL: the names say so.
 */
import type { DoseRegimen, DoseTools, Product, TroughCondition, TroughPhase, TroughRange } from '../content.config.ts';

/** Absolute limits of a body weight this site will calculate with, in kg. */
export const plausibleWeightKg = { min: 0.5, max: 300 } as const;

/** Rounds away floating-point noise (4 decimal places is finer than any tacrolimus dose step). */
export function roundMg(value: number): number {
  return Math.round((value + Number.EPSILON) * 10000) / 10000;
}

/** "1.5", "0.75", "2": a dose written without trailing zeros. */
export function formatMg(value: number): string {
  return String(roundMg(value));
}

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

/**
 * Reads a number typed by a person: "20", "20.5" or "20,5" (decimal comma). Anything else,
 * including "1,234", "20kg" or "1e2", is refused with a reason.
 */
export function parseDecimal(input: string, what: string, unit: string): ParsedNumber {
  const text = input.trim().replace(/\s+/g, '');
  if (text === '') return { ok: false, message: `Enter the ${what} in ${unit}.` };
  // "20,5" is a decimal comma; "1,234" could be a thousands separator, so it is refused, not guessed.
  if (/^\d+,\d{3}$/.test(text)) {
    return { ok: false, message: `“${text}” is ambiguous. Write decimals with a point or a comma and at most two decimal places, for example 20.5 or 20,5.` };
  }
  const normalised = /^\d+,\d{1,2}$/.test(text) ? text.replace(',', '.') : text;
  if (!/^-?\d+(\.\d+)?$/.test(normalised) && !/^-?\.\d+$/.test(normalised)) {
    return { ok: false, message: `“${input.trim().slice(0, 20)}” is not a number. Enter the ${what} in ${unit}, for example 20 or 20.5.` };
  }
  const value = Number(normalised);
  if (!Number.isFinite(value)) return { ok: false, message: `Enter the ${what} in ${unit} as a number.` };
  if (value <= 0) return { ok: false, message: `The ${what} must be more than 0 ${unit}.` };
  return { ok: true, value };
}

/** Reads a body weight in kg, refusing implausible values. */
export function parseWeightKg(input: string): ParsedNumber {
  const parsed = parseDecimal(input, 'weight', 'kg');
  if (!parsed.ok) return parsed;
  if (parsed.value < plausibleWeightKg.min || parsed.value > plausibleWeightKg.max) {
    return { ok: false, message: `${formatMg(parsed.value)} kg is not a plausible body weight. Check the number and its unit (kg).` };
  }
  return parsed;
}

/** Reads a measured trough level in ng/mL. */
export function parseTroughNgPerMl(input: string): ParsedNumber {
  const parsed = parseDecimal(input, 'trough level', 'ng/mL');
  if (!parsed.ok) return parsed;
  if (parsed.value > 100) return { ok: false, message: `${formatMg(parsed.value)} ng/mL is far above any tacrolimus level in these sources. Check the number and its unit (ng/mL).` };
  return parsed;
}

export interface DoseResult {
  weightKg: number;
  dailyMg: { min: number; max: number };
  perDoseMg: { min: number; max: number };
  dosesPerDay: number;
  /** The arithmetic, written out for the reader. */
  working: string[];
}

export type DoseOutcome = { ok: true; dose: DoseResult } | { ok: false; message: string };

/** The daily and per-dose tacrolimus dose for a weight under one regimen, or why it cannot be given. */
export function calculateDose(weightKg: number, regimen: DoseRegimen): DoseOutcome {
  const limits = regimen.weightLimitsKg;
  if (weightKg < limits.min || weightKg > limits.max) {
    return {
      ok: false,
      message: `${formatMg(weightKg)} kg is outside ${limits.min}-${limits.max} kg, the weights accepted for this regimen. ${regimen.weightLimitsNote}`,
    };
  }
  const { min, max } = regimen.doseMgPerKgPerDay;
  const dailyMg = { min: roundMg(min * weightKg), max: roundMg(max * weightKg) };
  const perDoseMg = { min: roundMg(dailyMg.min / regimen.dosesPerDay), max: roundMg(dailyMg.max / regimen.dosesPerDay) };
  const rate = min === max ? `${formatMg(min)} mg/kg/day` : `${formatMg(min)}-${formatMg(max)} mg/kg/day`;
  const daily = min === max ? `${formatMg(dailyMg.min)} mg/day` : `${formatMg(dailyMg.min)}-${formatMg(dailyMg.max)} mg/day`;
  const perDose = min === max ? `${formatMg(perDoseMg.min)} mg` : `${formatMg(perDoseMg.min)}-${formatMg(perDoseMg.max)} mg`;
  return {
    ok: true,
    dose: {
      weightKg,
      dailyMg,
      perDoseMg,
      dosesPerDay: regimen.dosesPerDay,
      working: [
        `${formatMg(weightKg)} kg × ${rate} = ${daily}`,
        `${daily} ÷ ${regimen.dosesPerDay} doses a day = ${perDose} per dose`,
      ],
    },
  };
}

export type TroughPosition = 'below' | 'within' | 'above';

/** Where a measured trough sits against one range (ends included). */
export function troughPosition(levelNgPerMl: number, range: Pick<TroughRange, 'min' | 'max'>): TroughPosition {
  if (levelNgPerMl < range.min) return 'below';
  if (levelNgPerMl > range.max) return 'above';
  return 'within';
}

/** A level read against one phase and condition: one verdict (or none, with the reason) and the other ranges. */
export interface TroughCheck {
  phase: TroughPhase;
  condition: TroughCondition;
  /** The verdict against the phase's headline range; absent when the condition allows none. */
  verdict?: { position: TroughPosition; range: TroughRange };
  /** Why there is no verdict, when there is none. */
  noVerdict?: string;
  /** The other ranges for this phase and the chosen condition ("sources differ"), each placed too. */
  alsoListed: Array<{ range: TroughRange; position: TroughPosition; otherPhase: boolean }>;
}

/** The headline range of a phase: the one a level gets its verdict against. */
export function headlineRange(tools: Pick<DoseTools, 'troughRanges'>, phaseId: string): TroughRange {
  const range = tools.troughRanges.find((candidate) => candidate.headline && candidate.phases.includes(phaseId));
  if (!range) throw new Error(`No headline trough range for phase "${phaseId}".`);
  return range;
}

/**
 * Checks a level for one phase and condition. With a condition that allows a verdict, the verdict
 * is against the phase's headline range and the condition's own ranges for that phase are listed.
 * With a condition that allows none (lupus nephritis), every range for the condition is listed, with
 * the phase its source gave it for.
 */
export function checkTrough(levelNgPerMl: number, tools: Pick<DoseTools, 'troughPhases' | 'conditions' | 'troughRanges'>, phaseId: string, conditionId: string): TroughCheck {
  const phase = tools.troughPhases.find((candidate) => candidate.id === phaseId);
  const condition = tools.conditions.find((candidate) => candidate.id === conditionId);
  if (!phase) throw new Error(`Unknown phase "${phaseId}".`);
  if (!condition) throw new Error(`Unknown condition "${conditionId}".`);
  const place = (range: TroughRange) => ({ range, position: troughPosition(levelNgPerMl, range), otherPhase: !range.phases.includes(phase.id) });
  if (!condition.verdict) {
    const ranges = tools.troughRanges.filter((range) => range.condition === condition.id);
    return { phase, condition, noVerdict: condition.note ?? 'no range for it is reliable enough to judge a level against.', alsoListed: ranges.map(place) };
  }
  const headline = headlineRange(tools, phase.id);
  const alsoListed =
    condition.id === 'any' ? [] : tools.troughRanges.filter((range) => range.condition === condition.id && range.phases.includes(phase.id)).map(place);
  return { phase, condition, verdict: { position: troughPosition(levelNgPerMl, headline), range: headline }, alsoListed };
}

/** One way to make a dose from whole units of one product: how many of each strength. */
export interface UnitCount {
  strengthMg: number;
  count: number;
}

/** A dose that can be measured from whole units, what it is made of and the mg/kg/day it gives. */
export interface MeasurableDose {
  perDoseMg: number;
  dosesPerDay: number;
  dailyMg: number;
  mgPerKgPerDay: number;
  units: UnitCount[];
}

/** Measurable doses of one product for a calculated per-dose range. */
export interface ProductDoses {
  product: Product;
  /** Inside the range: the dose nearest its lower end and the dose nearest its upper end (may be the same). */
  inRange?: { low: MeasurableDose; high: MeasurableDose };
  /** When no whole-unit dose lies inside the range: the nearest below (none if under one smallest unit) and above. */
  nearest?: { below?: MeasurableDose; above: MeasurableDose };
}

/** Works in micrograms, so 0.2 + 0.2 + 0.2 is exactly 0.6 mg. */
const toMicrograms = (mg: number) => Math.round(mg * 1000);
const greatestCommonDivisor = (a: number, b: number): number => (b === 0 ? a : greatestCommonDivisor(b, a % b));

/**
 * The fewest whole units of the given strengths that make exactly `totalMicrograms`, or undefined
 * when no combination does. Largest strengths listed first.
 */
function fewestUnits(totalMicrograms: number, strengthsMicrograms: number[]): number[] | undefined {
  const best: Array<number[] | undefined> = [[]];
  for (let total = 1; total <= totalMicrograms; total += 1) {
    let choice: number[] | undefined;
    for (const strength of strengthsMicrograms) {
      const rest = total - strength;
      if (rest < 0 || !best[rest]) continue;
      if (!choice || best[rest]!.length + 1 < choice.length) choice = [...best[rest]!, strength];
    }
    best[total] = choice;
  }
  return best[totalMicrograms];
}

/** A whole-unit dose of a product (strengths in µg, largest first), with its daily total and mg/kg/day. */
function measurable(perDoseMicrograms: number, strengthsMicrograms: number[], weightKg: number, dosesPerDay: number): MeasurableDose {
  const step = strengthsMicrograms.reduce(greatestCommonDivisor);
  const units = fewestUnits(perDoseMicrograms / step, strengthsMicrograms.map((strength) => strength / step));
  if (!units) throw new Error(`${perDoseMicrograms / 1000} mg cannot be made from whole units.`);
  const counts = new Map<number, number>();
  for (const unit of units) counts.set(unit * step, (counts.get(unit * step) ?? 0) + 1);
  const perDoseMg = perDoseMicrograms / 1000;
  return {
    perDoseMg,
    dosesPerDay,
    dailyMg: roundMg(perDoseMg * dosesPerDay),
    mgPerKgPerDay: roundMg((perDoseMg * dosesPerDay) / weightKg),
    units: [...counts.entries()].sort(([x], [y]) => y - x).map(([strength, count]) => ({ strengthMg: strength / 1000, count })),
  };
}

/**
 * The equal doses (given `dosesPerDay` times a day) that can be made from whole units of a product
 * for a calculated per-dose range: the one nearest each end inside the range, or, when none lies
 * inside it, the nearest below and above. Never scaled for bioavailability.
 */
export function measurableDoses(perDoseMg: { min: number; max: number }, weightKg: number, dosesPerDay: number, product: Product): ProductDoses {
  const strengths = product.strengths.values.map(toMicrograms).sort((a, b) => b - a);
  const step = strengths.reduce(greatestCommonDivisor);
  // Every whole-unit dose is a multiple of the common step: 0.5 mg for 0.5/1/5 mg capsules, 0.2 mg for 0.2/1 mg sachets.
  const min = toMicrograms(perDoseMg.min);
  const max = toMicrograms(perDoseMg.max);
  const lowest = Math.ceil(min / step) * step;
  const highest = Math.floor(max / step) * step;
  const make = (micrograms: number) => measurable(micrograms, strengths, weightKg, dosesPerDay);
  if (lowest <= highest && highest > 0) {
    return { product, inRange: { low: make(Math.max(lowest, step)), high: make(highest) } };
  }
  const below = Math.floor(min / step) * step;
  return { product, nearest: { below: below > 0 && below < min ? make(below) : undefined, above: make(Math.max(lowest, step)) } };
}

/** "2 × 0.2 mg sachets", "1 × 1 mg capsule + 1 × 0.5 mg capsule": what one dose is made of. */
export function describeUnits(dose: MeasurableDose, unitName: string): string {
  return dose.units.map(({ strengthMg, count }) => `${count} × ${formatMg(strengthMg)} mg ${unitName}${count === 1 ? '' : 's'}`).join(' + ');
}

/** "0.5 mg twice a day = 1 mg/day (0.0667 mg/kg/day)": per dose, times a day and per day, with units. */
export function describeDose(dose: MeasurableDose): string {
  return `${formatMg(dose.perDoseMg)} mg ${timesADay(dose.dosesPerDay)} = ${formatMg(dose.dailyMg)} mg/day (${formatMg(dose.mgPerKgPerDay)} mg/kg/day)`;
}

/** "twice a day", "3 times a day". */
export function timesADay(dosesPerDay: number): string {
  return dosesPerDay === 1 ? 'once a day' : dosesPerDay === 2 ? 'twice a day' : `${dosesPerDay} times a day`;
}

/** One regimen at one weight: the calculated range and each calculator product's measurable doses, or why not. */
export type WeightBandCell = { ok: true; dose: DoseResult; products: ProductDoses[] } | { ok: false; message: string };

/** The calculated dose and every calculator product's measurable doses for a weight and regimen. */
export function doseWithProducts(weightKg: number, regimen: DoseRegimen, products: Product[]): WeightBandCell {
  const outcome = calculateDose(weightKg, regimen);
  if (!outcome.ok) return outcome;
  const usable = products.filter((product) => product.calculator);
  return { ok: true, dose: outcome.dose, products: usable.map((product) => measurableDoses(outcome.dose.perDoseMg, weightKg, regimen.dosesPerDay, product)) };
}

/** Rows of the printable weight-band table for one regimen: the weights inside its limits. */
export function weightBandRows(weightsKg: number[], regimen: DoseRegimen, products: Product[]): Array<{ weightKg: number; cell: WeightBandCell }> {
  return weightsKg
    .filter((weightKg) => weightKg >= regimen.weightLimitsKg.min && weightKg <= regimen.weightLimitsKg.max)
    .map((weightKg) => ({ weightKg, cell: doseWithProducts(weightKg, regimen, products) }));
}

/** The weights the printed tables show, 5-150 kg (each regimen shows those inside its own limits). */
export const weightBandsKg = [5, 7.5, 10, 12.5, 15, 20, 25, 30, 35, 40, 50, 60, 70, 80, 90, 100, 120, 150];

/** "0.375-0.75 mg", "0.75 mg": a range, or one figure when both ends are equal, with its unit. */
export function formatRange(range: { min: number; max: number }, unit: string): string {
  return range.min === range.max ? `${formatMg(range.min)} ${unit}` : `${formatMg(range.min)}-${formatMg(range.max)} ${unit}`;
}

/** The calculated (exact) dose: per dose, times a day and per day. */
export function exactDoseText(dose: DoseResult): string {
  return `${formatRange(dose.perDoseMg, 'mg')} per dose, ${timesADay(dose.dosesPerDay)} = ${formatRange(dose.dailyMg, 'mg/day')}`;
}

/** One line of a product's measurable doses: a label ("Lowest in range") and the dose in words. */
export interface DoseLine {
  label: string;
  text: string;
  /** The dose itself, when the line is one. */
  dose?: MeasurableDose;
  /** What one dose is made of: "2 × 0.2 mg sachets". */
  madeOf?: string;
}

/** A product's measurable doses as lines of text, the same on screen, in the table and on paper. */
export function productDoseLines(doses: ProductDoses): DoseLine[] {
  const unit = doses.product.unitName;
  const line = (label: string, dose: MeasurableDose): DoseLine => ({ label, text: describeDose(dose), dose, madeOf: describeUnits(dose, unit) });
  if (doses.inRange) {
    const { low, high } = doses.inRange;
    if (low.perDoseMg === high.perDoseMg) return [line('In range', low)];
    return [line('Low end', low), line('High end', high)];
  }
  const smallest = Math.min(...doses.product.strengths.values);
  const lines: DoseLine[] = [{ label: 'None in range', text: `No dose made of whole ${unit}s lies inside the calculated range.` }];
  lines.push(doses.nearest!.below ? line('Nearest below', doses.nearest!.below) : { label: 'Nearest below', text: `none: the range is under one ${formatMg(smallest)} mg ${unit}` });
  lines.push(line('Nearest above', doses.nearest!.above));
  return lines;
}

const positionWords: Record<TroughPosition, string> = { below: 'below', within: 'within', above: 'above' };

/** "2-6 ng/mL". */
export const troughRangeText = (range: Pick<TroughRange, 'min' | 'max'>): string => `${formatMg(range.min)}-${formatMg(range.max)} ng/mL`;

/** The verdict (or the reason there is none) as one sentence. */
export function troughSummary(levelNgPerMl: number, check: TroughCheck): string {
  if (!check.verdict) return `No verdict for ${formatMg(levelNgPerMl)} ng/mL in ${check.condition.name.toLowerCase()}: ${check.noVerdict}`;
  return `${formatMg(levelNgPerMl)} ng/mL is ${positionWords[check.verdict.position].toUpperCase()} ${troughRangeText(check.verdict.range)}, the range for ${check.phase.name.charAt(0).toLowerCase()}${check.phase.name.slice(1)}.`;
}

/** A listed range under "sources differ": where the level sits against it, and what it is. */
export function listedRangeText(item: TroughCheck['alsoListed'][number]): { lead: string; detail: string } {
  return {
    lead: `${positionWords[item.position]} ${troughRangeText(item.range)}`,
    detail: `${item.range.population}; ${item.range.studyWindow.text}${item.otherPhase ? `, not the phase chosen` : ''}.`,
  };
}

/** The words shown for a range's evidence status. */
export const rangeEvidenceWords = { verified: 'verified', secondary: 'secondary', unconfirmed: 'primary study not identified', 'low-reliability': 'low reliability' } as const;
