/**
 * The dose tools' data: content/dose-tools.yaml (regimens, the patients who choose them, trough
 * phases, conditions and ranges, co-therapy, advice, the treatment timeline) and content/products.yaml
 * (oral products and their strengths). Part of the content contract: src/content.config.ts re-exports
 * every name here.
 */
import { z } from 'astro/zod';
import { referenceIdPattern, verificationStatuses } from './common.ts';

const citationKeys = z.array(z.string().regex(referenceIdPattern)).min(1, { error: 'cite at least one source' });
const range = z
  .object({ min: z.number().positive(), max: z.number().positive() })
  .refine((value) => value.min <= value.max, { error: 'min must not exceed max' });

/** Who a figure was studied in: a regimen or a co-therapy dose given for adults only is labelled so. */
export const figurePopulations = ['adult', 'paediatric', 'any'] as const;

/** A weight-based regimen the dose calculator offers; doses in mg/kg/day, weights in kg. */
export const doseRegimenSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  /** adult: studied in adults only, labelled "adults only" wherever the regimen is shown. */
  populationGroup: z.enum(figurePopulations, { error: `must be one of: ${figurePopulations.join(', ')}` }),
  population: z.string().min(1),
  doseMgPerKgPerDay: range,
  dosesPerDay: z.number().int().positive(),
  weightLimitsKg: range,
  weightLimitsNote: z.string().min(1),
  citations: citationKeys,
});

/** How far a trough range could be confirmed, shown next to it. */
export const rangeEvidence = ['verified', 'secondary', 'unconfirmed', 'low-reliability'] as const;
/** A phase's stage: the months of treatment its ranges belong to. */
export const troughStages = ['induction', 'maintenance'] as const;

/** When a range was used, as its study states it: months from the start of tacrolimus. */
export const studyWindowSchema = z
  .object({
    /** The stage the study itself used the range for. */
    stage: z.enum(troughStages, { error: `must be one of: ${troughStages.join(', ')}` }),
    /** Words as the source gives them: "first 6 months", "24 weeks", "months 7-9". */
    text: z.string().min(1),
    fromMonth: z.number().nonnegative().optional(),
    toMonth: z.number().positive().optional(),
  })
  .refine((window) => window.fromMonth === undefined || window.toMonth === undefined || window.fromMonth < window.toMonth, {
    error: 'fromMonth must come before toMonth',
  });

/** A trough range in ng/mL with its context: phase, condition, population, study window, evidence. */
export const troughRangeSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  min: z.number().positive(),
  max: z.number().positive(),
  /** The phases (ids of troughPhases) it is listed under. */
  phases: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1, { error: 'name the phase(s) this range belongs to' }),
  /** `any`, or the condition (id of troughConditions) it was studied in. */
  condition: z.string().regex(/^[a-z0-9-]+$/, { error: 'name the condition, or "any"' }),
  /** The phase's headline range: the one a level gets its verdict against. */
  headline: z.boolean().default(false),
  population: z.string().min(1, { error: 'say who the range was used in' }),
  studyWindow: studyWindowSchema,
  evidence: z.enum(rangeEvidence, { error: `must be one of: ${rangeEvidence.join(', ')}` }),
  source: z.string().min(1),
  /** How the verdict sentence names the range: "a range found in the source article only". Needed for a headline range. */
  described: z.string().min(1).optional(),
  citations: citationKeys,
}).refine((value) => value.min < value.max, { error: 'min must be below max' });

export const troughPhaseSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  stage: z.enum(troughStages),
  /** Months from the start of tacrolimus the phase covers (no toMonth: open-ended). */
  fromMonth: z.number().nonnegative(),
  toMonth: z.number().positive().optional(),
});

export const troughConditionSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  /** false: no range for this condition is reliable enough to judge a level against. */
  verdict: z.boolean(),
  /** Shown instead of a verdict, or next to it. */
  note: z.string().min(1).optional(),
});

/** A co-therapy figure shown by the tools (such as prednisolone), with who it was studied in. */
export const coTherapySchema = z.object({
  text: z.string().min(1),
  populationGroup: z.enum(figurePopulations),
  label: z.string().min(1).optional(),
  citations: citationKeys,
});

/** Who the patient is, as the dose tools ask it first: child or adult, and the condition where a regimen is specific to one. */
export const patientGroups = ['child', 'adult'] as const;
export const dosePatientSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  group: z.enum(patientGroups, { error: `must be one of: ${patientGroups.join(', ')}` }),
  /** The regimen (id of regimens) the tools use for this patient. */
  regimen: z.string().regex(/^[a-z0-9-]+$/),
  /** Weights accepted for this patient, inside the regimen's own limits. */
  weightLimitsKg: range,
  weightLimitsNote: z.string().min(1),
  /** Why this regimen, in one sentence. */
  why: z.string().min(1),
  whyCitations: citationKeys,
  /** Other starting doses sources give this patient, the one used first ("Used here: ..."). */
  sourcesDiffer: z.array(z.object({ text: z.string().min(1), citations: citationKeys })).default([]),
});

export const doseToolsSchema = z
  .object({
    regimens: z.array(doseRegimenSchema).min(1),
    patients: z.array(dosePatientSchema).min(1),
    /** How each weight band's dose is chosen, in one line, citing the sources for titrating to the trough. */
    doseRule: z.object({ text: z.string().min(1), citations: citationKeys }),
    /** When granules are offered: the most sachets a dose may need, and why. */
    granules: z.object({ maxUnits: z.number().int().positive(), text: z.string().min(1), citations: citationKeys }),
    formulation: z.string().min(1),
    bodyWeight: z.string().min(1),
    /** What a verdict holds for: the sample, its timing, the assay. */
    troughConditions: z.string().min(1),
    troughPhases: z.array(troughPhaseSchema).min(1),
    conditions: z.array(troughConditionSchema).min(1),
    troughRanges: z.array(troughRangeSchema).min(1),
    coTherapy: z.array(coTherapySchema).default([]),
    advice: z.array(z.object({ text: z.string().min(1), citations: citationKeys })),
  })
  .superRefine((tools, context) => {
    const phaseIds = new Set(tools.troughPhases.map((phase) => phase.id));
    const conditionIds = new Set(tools.conditions.map((condition) => condition.id));
    if (!conditionIds.has('any')) context.addIssue({ code: 'custom', path: ['conditions'], message: 'offer the condition "any" (not specified)' });
    tools.troughRanges.forEach((range, index) => {
      for (const phase of range.phases) {
        if (!phaseIds.has(phase)) context.addIssue({ code: 'custom', path: ['troughRanges', index, 'phases'], message: `no phase "${phase}"` });
      }
      if (!conditionIds.has(range.condition)) context.addIssue({ code: 'custom', path: ['troughRanges', index, 'condition'], message: `no condition "${range.condition}"` });
      if (range.headline && range.condition !== 'any') {
        context.addIssue({ code: 'custom', path: ['troughRanges', index, 'headline'], message: 'a headline range applies to any condition' });
      }
    });
    const regimens = new Map(tools.regimens.map((regimen) => [regimen.id, regimen]));
    tools.patients.forEach((patient, index) => {
      const regimen = regimens.get(patient.regimen);
      if (!regimen) {
        context.addIssue({ code: 'custom', path: ['patients', index, 'regimen'], message: `no regimen "${patient.regimen}"` });
        return;
      }
      if (patient.weightLimitsKg.min < regimen.weightLimitsKg.min || patient.weightLimitsKg.max > regimen.weightLimitsKg.max) {
        context.addIssue({ code: 'custom', path: ['patients', index, 'weightLimitsKg'], message: `must lie inside the regimen's ${regimen.weightLimitsKg.min}-${regimen.weightLimitsKg.max} kg` });
      }
      if (patient.group === 'child' && regimen.populationGroup === 'adult') {
        context.addIssue({ code: 'custom', path: ['patients', index, 'regimen'], message: `"${regimen.id}" was studied in adults only` });
      }
      if (patient.group === 'adult' && regimen.populationGroup === 'paediatric') {
        context.addIssue({ code: 'custom', path: ['patients', index, 'regimen'], message: `"${regimen.id}" was studied in children only` });
      }
    });
    tools.troughRanges.forEach((range, index) => {
      if (range.headline && !range.described) context.addIssue({ code: 'custom', path: ['troughRanges', index, 'described'], message: 'a headline range needs the words the verdict names it by' });
    });
    for (const phase of tools.troughPhases) {
      const headlines = tools.troughRanges.filter((range) => range.headline && range.phases.includes(phase.id));
      if (headlines.length !== 1) {
        context.addIssue({ code: 'custom', path: ['troughPhases'], message: `phase "${phase.id}" needs exactly one headline range (has ${headlines.length})` });
      }
    }
  });

/**
 * The `timeline:` key of content/dose-tools.yaml: what the treatment timeline draws besides the
 * phases and their headline trough ranges (troughPhases, troughRanges): the milestones of the course
 * and the taper. Each is stated, with the same citations, in the dosing topic (a unit test checks).
 * Read on its own (loadTimeline), so the dose tools' schema above stays as it is.
 */
export const timelineMilestoneSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Months from the start of tacrolimus. */
  month: z.number().positive(),
  /** A short label drawn at the mark: "Judge the response". */
  label: z.string().min(1).max(40, { error: 'keep a milestone label short (40 characters at most): it is drawn on the picture' }),
  /** The statement the mark stands for, as the table beside the picture gives it. */
  text: z.string().min(1),
  evidence: z.enum(rangeEvidence).optional(),
  citations: citationKeys,
});
export const timelineSchema = z.object({
  title: z.string().min(1),
  milestones: z.array(timelineMilestoneSchema).min(1),
  taper: z.object({
    /** The earliest month the taper can start. */
    fromMonth: z.number().positive(),
    label: z.string().min(1).max(40),
    text: z.string().min(1),
    evidence: z.enum(rangeEvidence).optional(),
    citations: citationKeys,
  }),
});
export const timelineFileSchema = z.object({ timeline: timelineSchema });
export type Timeline = z.output<typeof timelineSchema>;
export type TimelineMilestone = z.output<typeof timelineMilestoneSchema>;
export type RangeEvidence = (typeof rangeEvidence)[number];

/** Product release types, forms and the unit a dose is counted in. */
export const releaseTypes = ['immediate-release', 'prolonged-release'] as const;
export const productForms = ['capsule', 'granules', 'tablet'] as const;

/** An oral tacrolimus product and its strengths (content/products.yaml). */
export const productSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  /** The product as it reads in a sentence: "Prograf capsules". */
  label: z.string().min(1),
  releaseType: z.enum(releaseTypes, { error: `must be one of: ${releaseTypes.join(', ')}` }),
  form: z.enum(productForms, { error: `must be one of: ${productForms.join(', ')}` }),
  /** What one whole unit is called: capsule, sachet, tablet (singular). */
  unitName: z.string().min(1),
  dosing: z.string().min(1),
  strengths: z.object({
    unit: z.literal('mg', { error: 'strengths are given in mg' }),
    values: z.array(z.number().positive()).min(1),
  }),
  /** Used by the dose calculator and weight-band table (immediate-release, twice daily only). */
  calculator: z.boolean(),
  evidence: z.enum(verificationStatuses),
  /** What was seen where. */
  seen: z.string().min(1),
  notes: z.array(z.object({ text: z.string().min(1), citations: citationKeys })).default([]),
  citations: citationKeys,
});

export const productsSchema = z
  .object({ products: z.array(productSchema).min(1), note: z.string().min(1) })
  .superRefine((file, context) => {
    file.products.forEach((product, index) => {
      if (product.calculator && product.releaseType !== 'immediate-release') {
        context.addIssue({ code: 'custom', path: ['products', index, 'calculator'], message: 'only immediate-release products are used by the twice-daily calculator' });
      }
    });
  });

export type Product = z.output<typeof productSchema>;
export type Products = z.output<typeof productsSchema>;
export type TroughPhase = z.output<typeof troughPhaseSchema>;
export type TroughCondition = z.output<typeof troughConditionSchema>;

export type DoseRegimen = z.output<typeof doseRegimenSchema>;
export type TroughRange = z.output<typeof troughRangeSchema>;
export type DoseTools = z.output<typeof doseToolsSchema>;
export type DosePatient = z.output<typeof dosePatientSchema>;
