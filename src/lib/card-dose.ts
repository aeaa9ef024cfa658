/**
 * The card's starting-dose section: the weight bands of one patient (and so one regimen), each with
 * one whole-capsule or whole-sachet dose per product, per dose and per day. This is the ONE place the
 * card asks for weight bands: it adapts src/lib/dose-bands.ts (the same bands as the dose tools'
 * tables and calculator) to the card's rows.
 */
import type { DosePatient, DoseRegimen, DoseTools, Product } from '../content.config.ts';
import { bandText, noDoseText, patientRegimen, unitsText, weightBands } from './dose-bands.ts';
import { formatMg } from './dose.ts';

/** One product's dose in a band: per dose (each of the regimen's doses a day) and per day, or why there is none. */
export type CardBandDose =
  | { productId: string; inRange: true; perDose: string; perDay: string; madeOf: string }
  | { productId: string; inRange: false; text: string };

/** One row of the card's dose table. */
export interface CardDoseBand {
  /** "16.1-20 kg": both edges inside the band. */
  weight: string;
  doses: CardBandDose[];
}

export interface CardDose {
  patient: DosePatient;
  regimen: DoseRegimen;
  /** The products with a dose in at least one band (an adult's bands offer no granules). */
  products: Product[];
  bands: CardDoseBand[];
}

/** The card's dose rows for one patient: the dose tools' own weight bands, one whole-unit dose per product per band. */
export function cardDoseBands(tools: Pick<DoseTools, 'patients' | 'regimens' | 'granules'>, products: Product[], patientId: string): CardDose {
  const { patient, regimen } = patientRegimen(tools, patientId);
  const bands = weightBands(regimen, patient.weightLimitsKg, products, tools.granules.maxUnits, patient.group);
  const shown = products.filter((product) => product.calculator && bands.some((band) => band.cells.some((entry) => entry.product.id === product.id && entry.cell.kind === 'dose')));
  return {
    patient,
    regimen,
    products: shown,
    bands: bands.map((band) => ({
      weight: bandText(band),
      doses: shown.map((product): CardBandDose => {
        const { cell } = band.cells.find((entry) => entry.product.id === product.id)!;
        if (cell.kind !== 'dose') return { productId: product.id, inRange: false, text: noDoseText(cell, product, band.answer) };
        return { productId: product.id, inRange: true, perDose: `${formatMg(cell.dose.perDoseMg)} mg`, perDay: `${formatMg(cell.dose.dailyMg)} mg/day`, madeOf: unitsText(cell.dose.units, product.unitName) };
      }),
    })),
  };
}
