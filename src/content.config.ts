/**
 * The contract for content authors: every collection, its loader and its schema, in one place.
 * - topics: one Markdown file each in content/topics;
 * - glance: the at-a-glance answers on the home page (content/at-a-glance.md);
 * - references: the bibliography (content/references.yaml).
 * Search aliases and the other data files are validated by the schemas below too; the dose tools' and
 * products' schemas are in src/schemas/dose-tools.ts, the bedside card's in src/schemas/card.ts.
 * The build's own checks (integrations/content-checks.ts) use these same schemas and add what zod
 * cannot see: unknown or unused citation keys, duplicate slugs, file and line numbers.
 */
import { defineCollection } from 'astro/content/config';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { referenceIdPattern, verificationStatuses } from './schemas/common.ts';

// The parts a newcomer looks for on their own live beside this file; every name stays importable from here.
export { referenceIdPattern, verificationStatuses } from './schemas/common.ts';
export * from './schemas/dose-tools.ts';
export * from './schemas/card.ts';

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
