/**
 * Derived figures checked against their parts: a percentage written beside its count, as in
 * "18 of 19 (94.7%)" or "66/123 (53.7%)", must be the count's share rounded to the decimals shown.
 */
export interface DerivedPercentage {
  text: string;
  numerator: number;
  denominator: number;
  written: number;
  /** The share rounded to as many decimals as the written figure shows. */
  computed: number;
}

const countWithShare = /\b(\d+)\s*(?:of|out of|\/)\s*(\d+)(?:\s+[a-z][a-z -]{0,40}?)?\s*\((\d+(?:\.\d+)?)\s*%\)/gi;

/** Every "N of M (P%)" in a text, with the percentage it should be. */
export function derivedPercentages(text: string): DerivedPercentage[] {
  return [...text.matchAll(countWithShare)].map((match) => {
    const numerator = Number(match[1]);
    const denominator = Number(match[2]);
    const written = Number(match[3]);
    const decimals = match[3].split('.')[1]?.length ?? 0;
    const factor = 10 ** decimals;
    const computed = denominator === 0 ? Number.NaN : Math.round((numerator / denominator) * 100 * factor) / factor;
    return { text: match[0], numerator, denominator, written, computed };
  });
}

/** The percentages whose written figure is not the share of the count beside it. */
export function wrongPercentages(text: string): DerivedPercentage[] {
  return derivedPercentages(text).filter((figure) => figure.written !== figure.computed);
}
