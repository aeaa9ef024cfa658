/** The topics' change entries as the version logic reads them, with each section's heading text. */
import { render, type CollectionEntry } from 'astro:content';
import { topicPath } from './paths.ts';
import type { TopicChanges } from './versions.ts';

export interface TopicChangesWithSections extends TopicChanges {
  href: string;
  /** Heading text by heading id, for the sections change entries name. */
  sectionTitles: Record<string, string>;
}

export async function topicChanges(topics: CollectionEntry<'topics'>[]): Promise<TopicChangesWithSections[]> {
  return Promise.all(
    topics.map(async (topic) => {
      const { headings } = await render(topic);
      const sectionTitles: Record<string, string> = Object.fromEntries(headings.map((heading) => [heading.slug, heading.text]));
      if (topic.data.tools.includes('dose-calculator')) sectionTitles['dose-calculator'] = 'Dose and trough calculator';
      return {
        slug: topic.id,
        title: topic.data.title,
        href: topicPath(topic.id),
        sectionTitles,
        changes: topic.data.changes.map((change) => ({ date: change.date, version: change.version, summary: change.summary, sections: change.sections })),
      };
    }),
  );
}
