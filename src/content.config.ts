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

export const reviewSchema = z
  .object({
    status: z.enum(reviewStatuses, { error: `must be one of: ${reviewStatuses.join(', ')}` }),
    reviewedBy: z.string().min(1).optional(),
    reviewedOn: isoDate.optional(),
    nextReview: isoDate.optional(),
  })
  .refine((review) => review.status !== 'approved' || (review.reviewedBy && review.reviewedOn), {
    error: 'an approved topic needs reviewedBy and reviewedOn',
  });

export const changeSchema = z.object({
  date: isoDate,
  summary: z.string().min(1, { error: 'describe what changed' }),
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
  tools: z.array(z.enum(['dose-calculator'])).default([]),
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

const citationKeys = z.array(z.string().regex(referenceIdPattern)).min(1, { error: 'cite at least one source' });
const range = z
  .object({ min: z.number().positive(), max: z.number().positive() })
  .refine((value) => value.min <= value.max, { error: 'min must not exceed max' });

/** A weight-based regimen the dose calculator offers; doses in mg/kg/day, weights in kg. */
export const doseRegimenSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  population: z.string().min(1),
  doseMgPerKgPerDay: range,
  dosesPerDay: z.number().int().positive(),
  weightLimitsKg: range,
  weightLimitsNote: z.string().min(1),
  citations: citationKeys,
});

/** A trough range for one treatment phase, in ng/mL, with its source. */
export const troughRangeSchema = z.object({
  min: z.number().nonnegative(),
  max: z.number().positive(),
  source: z.string().min(1),
  citations: citationKeys,
});

export const doseToolsSchema = z.object({
  regimens: z.array(doseRegimenSchema).min(1),
  formulation: z.string().min(1),
  bodyWeight: z.string().min(1),
  troughPhases: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), name: z.string().min(1), ranges: z.array(troughRangeSchema).min(1) })).min(1),
  advice: z.array(z.object({ text: z.string().min(1), citations: citationKeys })),
});

export type DoseRegimen = z.output<typeof doseRegimenSchema>;
export type TroughRange = z.output<typeof troughRangeSchema>;
export type DoseTools = z.output<typeof doseToolsSchema>;

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
