/** Reader-facing names for the controlled vocabularies in topic frontmatter. */
const kindLabels: Record<string, string> = {
  indications: 'Indications',
  dosing: 'Dosing',
  monitoring: 'Monitoring',
  safety: 'Safety',
  pitfalls: 'Pitfalls',
  comparisons: 'Comparisons',
  populations: 'Special populations',
  mechanism: 'Mechanism',
};
const populationLabels: Record<string, string> = { adult: 'Adults', paediatric: 'Children' };
export const conditionNames: Record<string, string> = {
  SRNS: 'Steroid-resistant nephrotic syndrome',
  SDNS: 'Steroid-dependent nephrotic syndrome',
  FRNS: 'Frequently relapsing nephrotic syndrome',
  MCD: 'Minimal change disease',
  FSGS: 'Focal segmental glomerulosclerosis',
  MN: 'Membranous nephropathy',
  LN: 'Lupus nephritis',
};

export const kindLabel = (kind: string): string => kindLabels[kind] ?? kind;
export const populationLabel = (population: string): string => populationLabels[population] ?? population;
