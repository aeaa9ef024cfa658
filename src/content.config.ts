/**
 * The contract for content authors: every collection, its loader and its schema, in one place.
 * - topics: one Markdown file each in content/topics;
 * - glance: the at-a-glance answers on the home page (content/at-a-glance.md);
 * - references: the bibliography (content/references.yaml).
 * Search aliases and the dose tools' data are validated by the schemas below too.
 * The build's own checks (integrations/content-checks.ts) use these same schemas and add what zod
 * cannot see: unknown or unused citation keys, duplicate slugs, file and line numbers.
 */
import { defineCollection } from 'astro/content/config';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';

export const topicKinds = [
  'indications',
  'dosing',
  'monitoring',
  'safety',
  'pitfalls',
  'comparisons',
  'populations',
  'mechanism',
] as const;
export const populations = ['adult', 'paediatric'] as const;
export const conditions = ['SRNS', 'SDNS', 'FRNS', 'MCD', 'FSGS', 'MN', 'LN'] as const;
/** Tools a topic can show after its text: the dose calculator, the table of product strengths, the treatment timeline. */
export const topicTools = ['dose-calculator', 'product-strengths', 'treatment-timeline'] as const;
export const reviewStatuses = ['draft', 'in-review', 'approved'] as const;
export const verificationStatuses = ['verified', 'secondary', 'unverified'] as const;
export const referenceTypes = [
  'guideline',
  'rct',
  'cohort',
  'meta-analysis',
  'review',
  'label',
  'regulator',
  'web',
  'other',
] as const;

/** A reference id as written after `@` in `[@id]`. */
export const referenceIdPattern = /^[a-z0-9][a-z0-9._:-]*$/;

const isoDate = z.coerce.date({ error: 'must be a date written as YYYY-MM-DD' });

/**
 * A topic's own review block: draft or in review, and the next review once one is scheduled.
 * Approval is not written here: `npm run approve` records it in content/approvals.yaml, bound to a
 * fingerprint of the text it approved (approvalsSchema below), so an edit after approval shows.
 */
export const reviewSchema = z
  .object({
    status: z.enum(reviewStatuses, { error: `must be one of: ${reviewStatuses.join(', ')}` }),
    reviewedBy: z.string().min(1).optional(),
    reviewedOn: isoDate.optional(),
    nextReview: isoDate.optional(),
  })
  .refine((review) => review.status !== 'approved', {
    path: ['status'],
    error: 'approval is not set in a topic\'s frontmatter: record it with npm run approve (content/approvals.yaml), which binds it to the text approved; write draft or in-review here',
  });

/** A fingerprint of what an approval covers: "sha256:" and 64 hex digits (src/lib/approval-fingerprint.ts). */
export const fingerprintPattern = /^sha256:[0-9a-f]{64}$/;

/**
 * One approval, as `npm run approve` records it: the topic, who approved it (a name and a role),
 * the day, the next review and the fingerprint of the text and data approved.
 */
export const approvalSchema = z
  .object({
    topic: z.string().regex(/^[a-z0-9-]+$/, { error: 'name the topic by its slug (its file name without .md)' }),
    status: z.literal('approved', { error: 'an approval record says status: approved' }),
    name: z.string().trim().min(1, { error: 'name the person who approved the topic' }),
    role: z.string().trim().min(1, { error: 'give the approver\'s role' }),
    on: isoDate,
    nextReview: isoDate,
    fingerprint: z.string().regex(fingerprintPattern, { error: 'a fingerprint is sha256: and 64 hex digits, written by npm run approve' }),
  })
  .refine((approval) => approval.on < approval.nextReview, { path: ['nextReview'], error: 'the next review must come after the approval' });

/** `content/approvals.yaml`: every topic's current approval, at most one per topic. */
export const approvalsSchema = z.object({ approvals: z.array(approvalSchema).default([]) });
export type Approval = z.output<typeof approvalSchema>;
export type Approvals = z.output<typeof approvalsSchema>;

/** A content version: three numbers, major.minor.patch ("0.2.0"). */
export const versionPattern = /^\d+\.\d+\.\d+$/;
const version = z.coerce.string().regex(versionPattern, { error: 'a version is three numbers, e.g. 0.2.0' });
/** A heading id within a topic (github-slugger form). */
const headingId = z.string().regex(/^[a-z0-9-]+$/, { error: 'a section is a heading id: lower case, digits and -' });

export const changeSchema = z.object({
  date: isoDate,
  /** The site version this change went out in (content/site.yaml `releases`). */
  version,
  summary: z.string().min(1, { error: 'describe what changed' }),
  /** The sections (heading ids of this topic) the change touched; none means the topic as a whole. */
  sections: z.array(headingId).default([]),
});

export const topicSchema = z.object({
  title: z.string().min(1),
  summary: z.string().min(1).max(300, { error: 'keep the summary to one sentence (300 characters at most)' }),
  order: z.number().int(),
  kind: z.enum(topicKinds, { error: `must be one of: ${topicKinds.join(', ')}` }),
  populations: z.array(z.enum(populations)).min(1, { error: 'name at least one population' }),
  conditions: z.array(z.enum(conditions)).default([]),
  citations: z.array(
    z.string().regex(referenceIdPattern, { error: 'a reference id is lower-case letters, digits and - . _ :' }),
  ),
  review: reviewSchema,
  updated: isoDate,
  changes: z.array(changeSchema).min(1, { error: 'record at least one change (what changed, when)' }),
  slug: z.string().optional(),
  /** Interactive tools shown after the topic text (with their printable fallbacks). */
  tools: z.array(z.enum(topicTools, { error: `must be one of: ${topicTools.join(', ')}` })).default([]),
});

export const glanceSchema = z.object({
  title: z.string().min(1),
  citations: topicSchema.shape.citations,
  updated: isoDate,
});

export const referenceSchema = z.object({
  id: z.string().regex(referenceIdPattern, { error: 'a reference id is lower-case letters, digits and - . _ :' }),
  type: z.enum(referenceTypes, { error: `must be one of: ${referenceTypes.join(', ')}` }),
  authors: z.array(z.string().min(1)).default([]),
  etAl: z.boolean().default(false),
  title: z.string().min(1),
  journal: z.string().optional(),
  publisher: z.string().optional(),
  year: z.number().int().min(1900).max(2100).optional(),
  month: z.string().optional(),
  volume: z.coerce.string().optional(),
  issue: z.coerce.string().optional(),
  pages: z.coerce.string().optional(),
  pmid: z.coerce.string().regex(/^\d+$/, { error: 'a PMID is digits only' }).optional(),
  pmcid: z.string().regex(/^PMC\d+$/, { error: 'a PMCID is PMC followed by digits' }).optional(),
  doi: z.string().regex(/^10\.\d{4,9}\/\S+$/, { error: 'a DOI starts with "10." (10.NNNN/...)' }).optional(),
  url: z.url({ error: 'must be a full http(s) address' }).optional(),
  verification: z.enum(verificationStatuses, { error: `must be one of: ${verificationStatuses.join(', ')}` }),
  note: z.string().min(1, { error: 'say what was seen where' }),
  /** The source is machine-written (an AI question-and-answer page): its badge says so. */
  aiGenerated: z.boolean().default(false),
  furtherReading: z.boolean().default(false),
});

export type TopicFrontmatter = z.output<typeof topicSchema>;
export type TopicFrontmatterInput = z.input<typeof topicSchema>;
export type Reference = z.output<typeof referenceSchema>;
export type ReferenceInput = z.input<typeof referenceSchema>;
export type VerificationStatus = (typeof verificationStatuses)[number];
export type ReviewStatus = (typeof reviewStatuses)[number];

/** A section of a topic, written `topic-slug#heading-id`. */
export const sectionTargetPattern = /^[a-z0-9-]+#[a-z0-9-]+$/;

export const searchAliasesSchema = z.object({
  aliases: z.array(
    z.object({
      terms: z.array(z.coerce.string().min(1)).min(1),
      meaning: z.string().min(1),
      sections: z.array(z.string().regex(sectionTargetPattern, { error: 'write a section as topic-slug#heading-id' })).min(1),
    }),
  ),
  corrections: z
    .array(z.object({ typed: z.string().min(1), searched: z.string().min(1), note: z.string().min(1) }))
    .default([]),
});

export type SearchAliases = z.output<typeof searchAliasesSchema>;

/** `content/abbreviations.yaml`: each abbreviation with its expansion (see docs/search.md). */
export const abbreviationsSchema = z.object({
  abbreviations: z
    .array(
      z
        .object({
          abbreviation: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9/-]*[A-Za-z0-9]$/, { error: 'write the letters as the text does, e.g. FSGS, eGFR, LC-MS/MS' }),
          expansion: z.string().min(3),
          plural: z.string().min(3).optional(),
          also_written: z.array(z.string().min(3)).default([]),
          also_typed: z.array(z.string().min(2)).default([]),
        })
        .strict()
        .refine((entry) => !` ${entry.expansion.toLowerCase()} `.includes(` ${entry.abbreviation.toLowerCase()} `), {
          error: 'the expansion must spell the abbreviation out, not repeat it',
        }),
    )
    .min(1)
    .refine((entries) => new Set(entries.map((entry) => entry.abbreviation)).size === entries.length, { error: 'each abbreviation once' }),
});

export type Abbreviations = z.output<typeof abbreviationsSchema>;
export type Abbreviation = Abbreviations['abbreviations'][number];

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

/**
 * `content/card.yaml`: the bedside card (/card/), one printed sheet. It holds only the card's own
 * words (headings, the line for a missing local contact); every clinical sentence is a topic's key
 * point, picked by a phrase it contains, and every figure comes from the dose tools' data.
 */
export const cardKeyPointSchema = z.object({
  topic: z.string().regex(/^[a-z0-9-]+$/, { error: 'name the topic by its slug' }),
  /** Words the key point contains (case-insensitive): exactly one key point of the topic must match. */
  with: z.string().min(3, { error: 'give a phrase of at least 3 characters the key point contains' }),
});
export const cardTableSchema = z.object({
  topic: z.string().regex(/^[a-z0-9-]+$/),
  /** The heading id of the section whose table is shown as one row. */
  section: z.string().regex(/^[a-z0-9-]+$/),
  /** The column (1-based) whose cells become the row's values; the first column names them. */
  valueColumn: z.number().int().min(2),
  /** The column whose citations and evidence markers go with each value. */
  sourceColumn: z.number().int().min(2).optional(),
});
export const cardSectionSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  heading: z.string().min(1),
  /** A block drawn from data rather than from key points. */
  show: z.enum(['dose-bands', 'trough-targets', 'timeline', 'local-contacts']).optional(),
  keyPoints: z.array(cardKeyPointSchema).default([]),
  table: cardTableSchema.optional(),
  /** Which column of the printed sheet (and of a wide screen) the section sits in. */
  column: z.union([z.literal(1), z.literal(2)]).default(1),
});
export const cardSchema = z.object({
  title: z.string().min(1),
  summary: z.string().min(1).max(300),
  /** The patient (id under patients: in dose-tools.yaml) whose weight bands the card shows: the one a ward starts most. */
  dosePatient: z.string().regex(/^[a-z0-9-]+$/),
  /** The topics whose pages link to the card. */
  linkedFrom: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
  /** Shown instead of contacts when the site has no local file: room to write them by hand. */
  noLocalContacts: z.string().min(1),
  sections: z.array(cardSectionSchema).min(1),
});
export type Card = z.output<typeof cardSchema>;
export type CardSection = z.output<typeof cardSectionSchema>;
export type CardKeyPoint = z.output<typeof cardKeyPointSchema>;

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

/**
 * `content/site.yaml`: the content version printed on every page, the editorial owner, and every
 * version released so far with its date (newest first). Topic change entries name one of these.
 */
export const releaseSchema = z.object({
  version,
  date: isoDate,
});
export const siteContentSchema = z.object({
  version,
  owner: z.string().min(1, { error: 'name the editorial owner' }),
  releases: z.array(releaseSchema).min(1, { error: 'list at least the current version under releases' }),
});
export type SiteContent = z.output<typeof siteContentSchema>;
export type Release = z.output<typeof releaseSchema>;

/** A place in the site a local detail attaches to: `topic-slug` or `topic-slug#heading-id`. */
export const localTargetPattern = /^[a-z0-9-]+(#[a-z0-9-]+)?$/;
const localTarget = z.string().regex(localTargetPattern, { error: 'write a place as topic-slug or topic-slug#heading-id' });

/**
 * `content/local.yaml` (optional, never shipped; see content/local.example.yaml): a hospital's own
 * organisation name, local document owner, contacts and local practice notes.
 */
/** An object that rejects fields it does not know, naming them (a typo in a local file must not pass silently). */
function strictObject<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : undefined),
  });
}

export const localSchema = strictObject(
  {
    organisation: z.string().min(1, { error: 'name the organisation' }),
    owner: z.string().min(1, { error: 'name the local document owner' }),
    updated: isoDate,
    contacts: z
      .array(
        strictObject({
          role: z.string().min(1, { error: 'say who this contact is (a role, not a person)' }),
          how: z.string().min(1, { error: 'say how to reach them' }),
          sections: z.array(localTarget).default([]),
        }),
      )
      .default([]),
    notes: z
      .array(
        strictObject({
          section: localTarget,
          text: z.string().min(1, { error: 'write the local practice note' }).max(600, { error: 'keep a local note short (600 characters at most)' }),
        }),
      )
      .default([]),
  },
);
export type LocalDetails = z.output<typeof localSchema>;

/**
 * `content/omissions.yaml`: subjects sought and not found, and claims the site does not publish, each
 * with what was seen where (the about page's "Subjects sought and not found" and "Claims not published").
 */
export const omissionKinds = ['not-found', 'not-published'] as const;
export const omissionSchema = z.object({
  what: z.string().min(1, { error: 'say what was sought or left out' }),
  why: z.string().min(1, { error: 'say why it was left out (what was seen where)' }),
  /** not-found: a subject no source seen gives; not-published: a claim seen but not checkable. */
  kind: z.enum(omissionKinds, { error: `must be one of: ${omissionKinds.join(', ')}` }).default('not-found'),
  /** The topic the subject belongs to (its slug), so the about page can group and link it. */
  topic: z.string().regex(/^[a-z0-9-]+$/, { error: 'write the topic as its slug, e.g. special-populations' }).optional(),
});
export const omissionsSchema = z.array(omissionSchema).min(1, { error: 'list at least one omission' });
export type Omission = z.output<typeof omissionSchema>;

/**
 * `content/sources-used.yaml`: the main sources, what each is and how far it could be checked (the
 * about page's "The main sources and how far each was checked", which topics link to as /about/#sources-used).
 */
export const sourceUsedSchema = z.object({
  name: z.string().min(1, { error: 'name the source as the topics call it' }),
  what: z.string().min(1, { error: 'say what the source is' }),
  checked: z.string().min(1, { error: 'say how far it could be checked' }),
  references: z.array(z.string().regex(referenceIdPattern)).default([]),
});
export const sourcesUsedSchema = z.array(sourceUsedSchema).min(1, { error: 'list at least one source' });
export type SourceUsed = z.output<typeof sourceUsedSchema>;

const topics = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: './content/topics' }),
  schema: topicSchema,
});

const glance = defineCollection({
  loader: glob({ pattern: 'at-a-glance.md', base: './content' }),
  schema: glanceSchema,
});

const references = defineCollection({
  loader: file('content/references.yaml'),
  schema: referenceSchema,
});

export const collections = { topics, glance, references };
