/**
 * Loads `content/dose-tools.yaml` (regimens, trough ranges) and `content/products.yaml` (product
 * strengths), the data the dose tools and the product-strengths table use.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlData } from './yaml-data.ts';
import type { z } from 'astro/zod';
import { doseToolsSchema, productsSchema, type DoseTools, type Product, type Products } from '../content.config.ts';

function loadYaml<Schema extends z.ZodType>(root: string, file: string, schema: Schema): z.output<Schema> {
  return parseYamlData(readFileSync(join(root, file), 'utf8'), file, schema);
}

export function loadDoseTools(root = process.cwd()): DoseTools {
  return loadYaml(root, 'content/dose-tools.yaml', doseToolsSchema);
}

export function loadProducts(root = process.cwd()): Products {
  return loadYaml(root, 'content/products.yaml', productsSchema);
}

/** What the calculator fetches (dose-tools.json): the dose tools and the products it can measure doses in. */
export interface DoseToolsBundle {
  tools: DoseTools;
  products: Products['products'];
}

export function loadDoseToolsBundle(root = process.cwd()): DoseToolsBundle {
  return { tools: loadDoseTools(root), products: calculatorProducts(root) };
}

/** Every citation key of some products (their strengths and notes). */
export function productCitationKeys(products: Product[]): string[] {
  return products.flatMap((product) => [...product.citations, ...product.notes.flatMap((note) => note.citations)]);
}

/** The weight-band tables' own page: its title, summary and site path (under the base), for the page, the binder and the links to it. */
export const weightBandPage = {
  title: 'Weight-band dose tables',
  summary: 'One starting dose for each band of body weight, in whole capsules or whole sachets, twice a day: per dose and per day, for each kind of patient.',
  path: 'weight-band-tables/',
} as const;

/** The product notes the weight-band tables show: each product's first note (the one about measuring doses). */
export function weightBandProductNotes(products: Product[]): Array<{ product: Product; note: Product['notes'][number] }> {
  return products.flatMap((product) => product.notes.slice(0, 1).map((note) => ({ product, note })));
}

/**
 * Every key the weight-band tables cite, in the order they show them: the products' strengths, the
 * first note of each product, then each regimen's table. For a page (or binder section) of its own.
 */
export function weightBandCitationKeys(tools: DoseTools, products: Product[]): string[] {
  return [
    ...tools.doseRule.citations,
    ...tools.granules.citations,
    ...products.flatMap((product) => product.citations),
    ...weightBandProductNotes(products).flatMap(({ note }) => note.citations),
    ...patientCitationKeys(tools),
  ];
}

/** Every key the patients' choices cite, in order: each patient's regimen, why, and the sources that differ. */
export function patientCitationKeys(tools: DoseTools): string[] {
  return tools.patients.flatMap((patient) => [
    ...(tools.regimens.find((regimen) => regimen.id === patient.regimen)?.citations ?? []),
    ...patient.whyCitations,
    ...patient.sourcesDiffer.flatMap((item) => item.citations),
  ]);
}

/** The dose calculator's own page: its title, summary and site path (under the base), for the page and the links to it. */
export const calculatorPage = {
  title: 'Dose and trough calculator',
  summary: 'A starting dose in whole capsules or sachets, per dose and per day, and a trough level check.',
  path: 'dose-calculator/',
} as const;

/**
 * Every key the calculator's page cites, in the order the page shows them: the regimens, the
 * co-therapy lines, the trough ranges and the advice, then the products a dose result names.
 */
export function calculatorCitationKeys(tools: DoseTools, products: Product[]): string[] {
  return [
    ...patientCitationKeys(tools),
    ...tools.doseRule.citations,
    ...tools.granules.citations,
    ...tools.coTherapy.flatMap((item) => item.citations),
    ...tools.troughRanges.flatMap((range) => range.citations),
    ...tools.advice.flatMap((item) => item.citations),
    ...productCitationKeys(products),
  ];
}

/** The products the calculator and the weight-band tables measure doses in (whole capsules, whole sachets). */
export function calculatorProducts(root = process.cwd()): Product[] {
  return loadProducts(root).products.filter((product) => product.calculator);
}

/**
 * The keys a topic's tools cite, for a topic showing `tools` (its frontmatter list). The dose
 * calculator and the weight-band tables have pages of their own (calculatorCitationKeys,
 * weightBandCitationKeys): the topic that links to them cites nothing of theirs.
 */
export function topicToolCitationKeys(tools: readonly string[], root = process.cwd()): string[] {
  return tools.includes('product-strengths') ? productCitationKeys(loadProducts(root).products) : [];
}
