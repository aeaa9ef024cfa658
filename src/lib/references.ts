/** Loading the bibliography and the topics from the content collections, for pages. */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Reference } from '../content.config.ts';

/** Every reference by id. */
export async function referencesById(): Promise<Map<string, Reference>> {
  const entries = await getCollection('references');
  return new Map(entries.map((entry) => [entry.id, entry.data as Reference]));
}

/** Topics in reading order. */
export async function topicsInOrder(): Promise<CollectionEntry<'topics'>[]> {
  const topics = await getCollection('topics');
  return topics.sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title));
}

/**
 * The topic the dose tools belong to (the one whose frontmatter lists `tools: [dose-calculator]`):
 * the calculator's and the weight-band tables' pages carry its review status, dates and change log.
 */
export async function doseToolsTopic(): Promise<CollectionEntry<'topics'>> {
  const topic = (await topicsInOrder()).find((entry) => entry.data.tools.includes('dose-calculator'));
  if (!topic) throw new Error('No topic shows the dose calculator (tools: [dose-calculator]), so the dose tools\' pages have no topic to belong to.');
  return topic;
}

/** The most recent `updated` date across topics: the date a binder owner compares against. */
export function latestUpdate(topics: CollectionEntry<'topics'>[]): Date | undefined {
  return topics.map((topic) => topic.data.updated).sort((a, b) => b.getTime() - a.getTime())[0];
}
