/**
 * Doses and levels written without their unit: a trough, level or target range, or a dose-sized
 * decimal, with no mg/kg/day, ng/mL (or similar) after it. The build names each one with its line.
 */

const unitAfter = String.raw`\s*(?:ng\/mL|µg\/L|mg\/kg\/day|mg\/kg|mg\/day|mg|mcg|µg|%|kg|months?|weeks?|days?|hours?|h\b|years?)`;
/** A level range written near "trough", "level" or "target" without a unit after it. */
const unitlessLevel = new RegExp(String.raw`\b(?:trough|level|target)s?\b[^.;:|]{0,40}?\b(\d+(?:\.\d+)?-\d+(?:\.\d+)?)(?!\d|\.\d|-)(?!${unitAfter})`, 'gi');
/** A dose-sized decimal (0.05, 0.1-0.5) without a unit after it. */
const unitlessDose = new RegExp(String.raw`(?<![\d.])(0\.\d+(?:-\d+(?:\.\d+)?)?)(?![\d.-])(?!${unitAfter})`, 'g');

/** Dose and level figures in a body that carry no unit, with their lines. */
export function unitlessFigures(body: string): Array<{ line: number; figure: string }> {
  const found: Array<{ line: number; figure: string }> = [];
  body.split('\n').forEach((text, index) => {
    for (const pattern of [unitlessLevel, unitlessDose]) {
      for (const match of text.matchAll(pattern)) found.push({ line: index + 1, figure: match[1] });
    }
  });
  return found;
}
