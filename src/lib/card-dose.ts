/**
 * The card's starting-dose section: doses by body weight for one regimen, per dose and per day, in
 * whole capsules or sachets. This is the ONE place the card asks for weight bands: it adapts the
 * weight-band functions of src/lib/dose.ts to the card's rows, so a new band computation is swapped
 * in here and nowhere else.
 */
import type { DoseRegimen, Product } from '../content.config.ts';
import { exactDoseText, formatMg, formatRange, productDoseLines, weightBandRows } from './dose.ts';

/** One product's dose in a band: per dose (each of the regimen's doses a day) and per day, or why there is none in range. */
export type CardBandDose =
  | { productId: string; inRange: true; perDose: string; perDay: string; mgPerKgPerDay: string; madeOf: string }
  | { productId: string; inRange: false; text: string };

/** One row of the card's dose table. */
export interface CardDoseBand {
  /** "20 kg" (a weight) or "20-24.9 kg" (a band). */
  weight: string;
  /** The exact calculation for the weight, in small type: not a dose to give. */
  exact?: string;
  doses: CardBandDose[];
}

/** The weights the card shows: fewer than the full tables, so the card stays one sheet. */
export const cardWeightsKg = [5, 10, 15, 20, 25, 30, 40, 50, 60, 70, 80, 100];

/** The card's dose rows for a regimen: for each weight, each product's whole-unit doses inside the calculated range. */
export function cardDoseBands(regimen: DoseRegimen, products: Product[]): CardDoseBand[] {
  return weightBandRows(cardWeightsKg, regimen, products).map(({ weightKg, cell }) => {
    if (!cell.ok) return { weight: `${formatMg(weightKg)} kg`, doses: products.map((product) => ({ productId: product.id, inRange: false as const, text: cell.message })) };
    return {
      weight: `${formatMg(weightKg)} kg`,
      exact: exactDoseText(cell.dose),
      doses: cell.products.map((doses): CardBandDose => {
        const lines = productDoseLines(doses).filter((line) => line.dose && line.label !== 'Nearest below' && line.label !== 'Nearest above');
        if (lines.length === 0) return { productId: doses.product.id, inRange: false, text: `none in range` };
        const perDose = { min: lines[0].dose!.perDoseMg, max: lines.at(-1)!.dose!.perDoseMg };
        const perDay = { min: lines[0].dose!.dailyMg, max: lines.at(-1)!.dose!.dailyMg };
        const rate = { min: lines[0].dose!.mgPerKgPerDay, max: lines.at(-1)!.dose!.mgPerKgPerDay };
        return {
          productId: doses.product.id,
          inRange: true,
          perDose: formatRange(perDose, 'mg'),
          perDay: formatRange(perDay, 'mg/day'),
          mgPerKgPerDay: formatRange(rate, 'mg/kg/day'),
          madeOf: lines.map((line) => line.madeOf).join(' to '),
        };
      }),
    };
  });
}
