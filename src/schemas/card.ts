import { z } from 'astro/zod';

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
