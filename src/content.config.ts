/**
 * Content collections: topics (one Markdown file each), the at-a-glance answers on the home page,
 * and the bibliography. Schemas live in `schemas.ts`; the build's own checks
 * (`integrations/content-checks.ts`) add what zod cannot see: unknown or unused citation keys,
 * duplicate slugs, file and line numbers.
 */
import { defineCollection } from 'astro/content/config';
import { file, glob } from 'astro/loaders';
import { glanceSchema, referenceSchema, topicSchema } from './schemas.ts';

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
