/**
 * Weight-based tacrolimus dose arithmetic and trough checks. Pure functions, no rounding surprises:
 * every result is rounded to 4 decimal places so 0.05 x 7 reads 0.35, not 0.35000000000000003.
 * Doses are mg, weights kg, levels ng/mL: the names say so.
 */
import type { DoseRegimen, TroughRange } from '../content.config.ts';

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

/**
 * Rounds a dose to a practical step (such as 0.5 mg) as an aid only: never down to zero, the
 * smallest result being one step.
 */
export function roundToStep(doseMg: number, stepMg: number): number {
  if (!(stepMg > 0)) throw new Error('The rounding step must be more than 0 mg.');
  const steps = Math.max(1, Math.round(roundMg(doseMg / stepMg)));
  return roundMg(steps * stepMg);
}

export type TroughPosition = 'below' | 'within' | 'above';

/** Where a measured trough sits against one range (ends included). */
export function troughPosition(levelNgPerMl: number, range: Pick<TroughRange, 'min' | 'max'>): TroughPosition {
  if (levelNgPerMl < range.min) return 'below';
  if (levelNgPerMl > range.max) return 'above';
  return 'within';
}

export interface TroughComparison {
  range: TroughRange;
  position: TroughPosition;
}

/**
 * Compares a level with every range cited for a phase. `agreement` is the single verdict when all
 * ranges agree, or undefined when they disagree (the reader must see each one).
 */
export function compareTrough(levelNgPerMl: number, ranges: TroughRange[]): { comparisons: TroughComparison[]; agreement?: TroughPosition } {
  const comparisons = ranges.map((range) => ({ range, position: troughPosition(levelNgPerMl, range) }));
  const positions = new Set(comparisons.map((comparison) => comparison.position));
  return { comparisons, agreement: positions.size === 1 ? comparisons[0].position : undefined };
}

/** Rows of the printable weight-band table: one per weight, each regimen's dose or why not. */
export function weightBandRows(weightsKg: number[], regimens: DoseRegimen[]): Array<{ weightKg: number; doses: DoseOutcome[] }> {
  return weightsKg.map((weightKg) => ({ weightKg, doses: regimens.map((regimen) => calculateDose(weightKg, regimen)) }));
}

/** The weights the printed table shows, 5-100 kg. */
export const weightBandsKg = [5, 7.5, 10, 12.5, 15, 20, 25, 30, 35, 40, 50, 60, 70, 80, 90, 100];
