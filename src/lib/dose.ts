/**
 * Weight-based tacrolimus dose arithmetic and trough checks. Pure functions, no rounding surprises:
 * every result is rounded to 4 decimal places so 0.05 x 7 reads 0.35, not 0.35000000000000003.
 * Doses are mg, weights kg, levels ng/mL: the names say so.
 */
import type { DoseRegimen, DoseTools, TroughCondition, TroughPhase, TroughRange } from '../content.config.ts';

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
  /**
   * The other ranges for this phase, whatever the condition chosen (none included), each placed too,
   * with the condition it belongs to: the chosen condition's first.
   */
  alsoListed: Array<{ range: TroughRange; condition: TroughCondition; position: TroughPosition; otherPhase: boolean }>;
}

/** The headline range of a phase: the one a level gets its verdict against. */
export function headlineRange(tools: Pick<DoseTools, 'troughRanges'>, phaseId: string): TroughRange {
  const range = tools.troughRanges.find((candidate) => candidate.headline && candidate.phases.includes(phaseId));
  if (!range) throw new Error(`No headline trough range for phase "${phaseId}".`);
  return range;
}

/**
 * Checks a level for one phase and condition. With a condition that allows a verdict, the verdict
 * is against the phase's headline range, and every other range for the phase follows it (the chosen
 * condition's first). With a condition that allows none (lupus nephritis), that condition's ranges are
 * listed first, with the phase their source gave them for, then every range for the phase.
 */
export function checkTrough(levelNgPerMl: number, tools: Pick<DoseTools, 'troughPhases' | 'conditions' | 'troughRanges'>, phaseId: string, conditionId: string): TroughCheck {
  const phase = tools.troughPhases.find((candidate) => candidate.id === phaseId);
  const condition = tools.conditions.find((candidate) => candidate.id === conditionId);
  if (!phase) throw new Error(`Unknown phase "${phaseId}".`);
  if (!condition) throw new Error(`Unknown condition "${conditionId}".`);
  const conditionOf = (range: TroughRange) => tools.conditions.find((candidate) => candidate.id === range.condition)!;
  const place = (range: TroughRange) => ({ range, condition: conditionOf(range), position: troughPosition(levelNgPerMl, range), otherPhase: !range.phases.includes(phase.id) });
  const forPhase = tools.troughRanges.filter((range) => range.phases.includes(phase.id));
  const chosenFirst = (ranges: TroughRange[]) => [...ranges.filter((range) => range.condition === condition.id), ...ranges.filter((range) => range.condition !== condition.id)];
  if (!condition.verdict) {
    const own = tools.troughRanges.filter((range) => range.condition === condition.id);
    const others = forPhase.filter((range) => range.condition !== condition.id);
    return { phase, condition, noVerdict: condition.note ?? 'no range for it is reliable enough to judge a level against.', alsoListed: [...own, ...others].map(place) };
  }
  const headline = headlineRange(tools, phase.id);
  const alsoListed = chosenFirst(forPhase.filter((range) => range !== headline)).map(place);
  return { phase, condition, verdict: { position: troughPosition(levelNgPerMl, headline), range: headline }, alsoListed };
}

/** One way to make a dose from whole units of one product: how many of each strength. */
export interface UnitCount {
  strengthMg: number;
  count: number;
}

const greatestCommonDivisor = (a: number, b: number): number => (b === 0 ? a : greatestCommonDivisor(b, a % b));

/**
 * The fewest whole units of the given strengths that make exactly `totalSteps`, or undefined
 * when no combination does.
 */
function fewestUnits(totalSteps: number, strengthsInSteps: number[]): number[] | undefined {
  const best: Array<number[] | undefined> = [[]];
  for (let total = 1; total <= totalSteps; total += 1) {
    let choice: number[] | undefined;
    for (const strength of strengthsInSteps) {
      const rest = total - strength;
      if (rest < 0 || !best[rest]) continue;
      if (!choice || best[rest]!.length + 1 < choice.length) choice = [...best[rest]!, strength];
    }
    best[total] = choice;
  }
  return best[totalSteps];
}

/**
 * A dose in µg made from the fewest whole units of the given strengths (µg), largest strength first,
 * or undefined when whole units cannot make it. Works in µg, so 0.2 + 0.2 + 0.2 is exactly 0.6 mg.
 */
export function fewestUnitCounts(perDoseMicrograms: number, strengthsMicrograms: number[]): UnitCount[] | undefined {
  const step = strengthsMicrograms.reduce(greatestCommonDivisor);
  if (perDoseMicrograms <= 0 || perDoseMicrograms % step !== 0) return undefined;
  const units = fewestUnits(perDoseMicrograms / step, strengthsMicrograms.map((strength) => strength / step));
  if (!units) return undefined;
  const counts = new Map<number, number>();
  for (const unit of units) counts.set(unit * step, (counts.get(unit * step) ?? 0) + 1);
  return [...counts.entries()].sort(([x], [y]) => y - x).map(([strength, count]) => ({ strengthMg: strength / 1000, count }));
}

/** "twice a day", "3 times a day". */
export function timesADay(dosesPerDay: number): string {
  return dosesPerDay === 1 ? 'once a day' : dosesPerDay === 2 ? 'twice a day' : `${dosesPerDay} times a day`;
}

/** "0.375-0.75 mg", "0.75 mg": a range, or one figure when both ends are equal, with its unit. */
export function formatRange(range: { min: number; max: number }, unit: string): string {
  return range.min === range.max ? `${formatMg(range.min)} ${unit}` : `${formatMg(range.min)}-${formatMg(range.max)} ${unit}`;
}

/** The calculated (exact) dose: per dose, times a day and per day. */
export function exactDoseText(dose: DoseResult): string {
  return `${formatRange(dose.perDoseMg, 'mg')} per dose, ${timesADay(dose.dosesPerDay)} = ${formatRange(dose.dailyMg, 'mg/day')}`;
}

const positionWords: Record<TroughPosition, string> = { below: 'below', within: 'within', above: 'above' };

/** "2-6 ng/mL". */
export const troughRangeText = (range: Pick<TroughRange, 'min' | 'max'>): string => `${formatMg(range.min)}-${formatMg(range.max)} ng/mL`;

/** The verdict (or the reason there is none) as one sentence, in plain case, naming the range's status. */
export function troughSummary(levelNgPerMl: number, check: TroughCheck): string {
  if (!check.verdict) return `No verdict for ${formatMg(levelNgPerMl)} ng/mL in ${check.condition.name.toLowerCase()}: ${check.noVerdict}`;
  const { range, position } = check.verdict;
  const phase = `${check.phase.name.charAt(0).toLowerCase()}${check.phase.name.slice(1)}`;
  return `${formatMg(levelNgPerMl)} ng/mL is ${positionWords[position]} ${troughRangeText(range)}, ${range.described ?? range.source} (${rangeEvidenceWords[range.evidence]}), for ${phase}.`;
}

/** A listed range: where the level sits against it, its condition, who and when it was used in. */
export function listedRangeText(item: TroughCheck['alsoListed'][number]): { lead: string; detail: string } {
  const condition = item.condition.id === 'any' ? 'Any condition' : item.condition.name;
  return {
    lead: `${positionWords[item.position]} ${troughRangeText(item.range)}`,
    detail: `${condition}: ${item.range.population}; ${item.range.studyWindow.text}${item.otherPhase ? `, not the phase chosen` : ''}.`,
  };
}

/** The words shown for a range's evidence status. */
export const rangeEvidenceWords = { verified: 'verified', secondary: 'secondary', unconfirmed: 'unconfirmed', 'low-reliability': 'low reliability' } as const;
