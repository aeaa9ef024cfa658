/**
 * The build's own content checks, for what zod alone cannot see: a citation key missing from the
 * bibliography or from the topic's frontmatter, a frontmatter citation never used, two topics with
 * one slug. Every problem names the file, the line where known, and the key or field at fault.
 * Here: the checks of each topic (checkMarkdown), of site.yaml and the local file, and of the whole
 * folder together (checkContent). How a problem is told and YAML files are validated with their lines
 * is in content-problems.ts, the bibliography's checks in reference-checks.ts, the unit check in
 * unit-checks.ts.
 */
import { LineCounter, parseDocument } from 'yaml';
import { findCitationMarkers, lineAndColumn } from './citations.ts';
import { glanceSchema, localSchema, siteContentSchema, topicSchema, type LocalDetails, type SiteContent, type TopicFrontmatter } from '../content.config.ts';
import { changeProblems, releaseProblems, updatedWithoutChange } from './versions.ts';
import { missingAliasTargets, parseSearchAliases } from './aliases.ts';
import { checkKeyPoints, checkTopicLinks, frontmatterBlock, outlineTopic, unlinkedTopicMentions, type TopicOutline } from './topic-links.ts';
import { checkYamlFile, schemaProblems, yamlLineLookup, type ContentProblem } from './content-problems.ts';
import { checkReferences } from './reference-checks.ts';
import { unitlessFigures } from './unit-checks.ts';
import { summaryLabelProblems } from './summary-labels.ts';

// The parts live in their own modules; every name stays importable from here.
export { checkYamlFile, formatProblem, parseYamlFile, schemaProblems, throwProblems, yamlLineLookup, type ContentProblem } from './content-problems.ts';
export { checkReferences, citationKeysInData, type ParsedReferences } from './reference-checks.ts';
export { unitlessFigures } from './unit-checks.ts';

/** A Markdown file split into its YAML frontmatter and body, with line numbers kept. */
export interface MarkdownSource {
  file: string;
  text: string;
}

interface ParsedMarkdown {
  frontmatter: unknown;
  /** Line of the frontmatter's first key (1-based), for messages. */
  frontmatterLine: number;
  body: string;
  /** Line on which the body starts (1-based). */
  bodyLine: number;
  lineOfKey: (path: Array<string | number>) => number | undefined;
}

function parseMarkdown(source: MarkdownSource): ParsedMarkdown | ContentProblem {
  const match = frontmatterBlock.exec(source.text);
  if (!match) return { file: source.file, line: 1, message: 'no frontmatter: the file must start with a --- block' };
  const counter = new LineCounter();
  const doc = parseDocument(match[1], { lineCounter: counter });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    return { file: source.file, line: (error.linePos?.[0].line ?? 0) + 1, message: `frontmatter is not valid YAML: ${error.message.split('\n')[0]}` };
  }
  return {
    frontmatter: doc.toJS(),
    frontmatterLine: 2,
    body: source.text.slice(match[0].length),
    bodyLine: match[0].split('\n').length,
    lineOfKey: yamlLineLookup(doc, counter, 2),
  };
}

/** What a checked Markdown file yields: its slug and the keys it cites. */
export interface CheckedMarkdown {
  file: string;
  slug: string;
  citedKeys: Set<string>;
  /** Its headings (ids as the citation plugin assigns them), sections and evidence notes. */
  outline: TopicOutline;
  /** The frontmatter as the schema reads it, when it is valid. */
  frontmatter?: TopicFrontmatter;
  lineOfKey: (path: Array<string | number>) => number | undefined;
  /** The body (after the frontmatter) and the line it starts on, for the link checks. */
  body: string;
  bodyLine: number;
  title?: string;
}

/**
 * Checks one topic (or the at-a-glance page): frontmatter against its schema, then every
 * `[@key]` in the body against the frontmatter `citations` and the bibliography.
 */
export function checkMarkdown(
  source: MarkdownSource,
  referenceIds: Set<string>,
  kind: 'topic' | 'glance' = 'topic',
): { checked?: CheckedMarkdown; problems: ContentProblem[] } {
  const parsed = parseMarkdown(source);
  if ('message' in parsed) return { problems: [parsed] };
  const { frontmatter, body, bodyLine, lineOfKey } = parsed;
  const problems = schemaProblems(source.file, kind === 'topic' ? topicSchema : glanceSchema, frontmatter, lineOfKey, 1);

  const declared: unknown = (frontmatter as { citations?: unknown })?.citations;
  const declaredKeys = new Set(Array.isArray(declared) ? declared.filter((key): key is string => typeof key === 'string') : []);
  const citedKeys = new Set<string>();
  for (const marker of findCitationMarkers(body)) {
    const { line, column } = lineAndColumn(body, marker.start);
    const where = { file: source.file, line: line + bodyLine - 1 };
    for (const key of marker.keys) {
      citedKeys.add(key);
      if (!referenceIds.has(key)) {
        problems.push({ ...where, message: `citation key "@${key}" (column ${column}) is not in content/references.yaml` });
      } else if (!declaredKeys.has(key)) {
        problems.push({ ...where, message: `citation key "@${key}" (column ${column}) is not listed in this file's frontmatter citations` });
      }
    }
  }
  body.split('\n').forEach((text, index) => {
    for (const match of text.matchAll(/\[(\d+(?:\s*[-,]\s*\d+)*)\](?!\()/g)) {
      problems.push({
        file: source.file,
        line: index + bodyLine,
        message: `"${match[0]}" reads like one of the site's citation numbers: write a source's own reference number in words ("the source article's reference ${match[1]}")`,
      });
    }
  });
  for (const { line, figure } of unitlessFigures(body)) {
    problems.push({ file: source.file, line: line + bodyLine - 1, message: `the figure "${figure}" has no unit: write it as mg/kg/day, mg, ng/mL or similar` });
  }
  if (Array.isArray(declared)) {
    declared.forEach((key, index) => {
      if (typeof key !== 'string') return;
      const line = lineOfKey(['citations', index]);
      if (!referenceIds.has(key)) problems.push({ file: source.file, line, message: `frontmatter citation "${key}" is not in content/references.yaml` });
      if (!citedKeys.has(key)) problems.push({ file: source.file, line, message: `frontmatter citation "${key}" is never cited in the text` });
    });
  }
  const fileName = source.file.split('/').pop() ?? source.file;
  const explicitSlug = (frontmatter as { slug?: unknown })?.slug;
  const slug = typeof explicitSlug === 'string' ? explicitSlug : fileName.replace(/\.mdx?$/, '');
  const outline = outlineTopic(body);
  const ids = outline.headingIds;
  let data: TopicFrontmatter | undefined;
  if (kind === 'topic') {
    for (const problem of checkKeyPoints(body)) problems.push({ file: source.file, line: problem.line + bodyLine - 1, message: problem.message });
    const parsedTopic = topicSchema.safeParse(frontmatter);
    if (parsedTopic.success) {
      data = parsedTopic.data;
      // Tools render their own section, which local details and change entries may name.
      if (data.tools.includes('dose-calculator')) ids.add('dose-calculator');
      if (data.tools.includes('treatment-timeline')) ids.add('treatment-timeline');
      const latest = updatedWithoutChange(data.updated, data.changes);
      if (latest) {
        problems.push({
          file: source.file,
          line: lineOfKey(['updated']),
          message: `"updated" (${isoDay(data.updated)}) is newer than the latest change entry (${isoDay(latest)}): add a changes entry saying what changed`,
        });
      }
      data.changes.forEach((change, index) => {
        for (const section of change.sections) {
          if (!ids.has(section)) {
            problems.push({ file: source.file, line: lineOfKey(['changes', index, 'sections']), message: `change entry ${index + 1} names section "${section}", which is not a heading of this topic` });
          }
        }
      });
    }
  }
  const title = (frontmatter as { title?: unknown })?.title;
  return {
    checked: { file: source.file, slug, citedKeys, outline, body, bodyLine, title: typeof title === 'string' ? title : undefined, frontmatter: data, lineOfKey },
    problems,
  };
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Checks `content/site.yaml`: its schema, and that the current version is the newest release. */
export function checkSiteContent(source: MarkdownSource): { site?: SiteContent; problems: ContentProblem[] } {
  const { data, problems, lineOfKey } = checkYamlFile(source.file, source.text, siteContentSchema);
  if (!data) return { problems };
  for (const message of releaseProblems(data.version, data.releases)) problems.push({ file: source.file, line: lineOfKey(['version']), message });
  return { site: data, problems };
}

/**
 * Checks a hospital's local file: its schema, then that every place a contact or note names is a
 * topic (and heading) that exists. Problems name the file, the line and the key.
 */
export function checkLocalFile(
  source: MarkdownSource,
  headingIdsByTopic: Map<string, Set<string>>,
): { local?: LocalDetails; problems: ContentProblem[] } {
  const { data, problems, lineOfKey } = checkYamlFile(source.file, source.text, localSchema);
  if (!data) return { problems };
  const checkTarget = (target: string, path: Array<string | number>) => {
    const [topic, heading] = target.split('#');
    const headings = headingIdsByTopic.get(topic);
    const key = path.join('.');
    if (!headings) problems.push({ file: source.file, line: lineOfKey(path), message: `${key}: "${target}" names topic "${topic}", which does not exist` });
    else if (heading && !headings.has(heading)) problems.push({ file: source.file, line: lineOfKey(path), message: `${key}: "${target}" names section "${heading}", which is not a heading of topic "${topic}"` });
  };
  data.contacts.forEach((contact, index) => contact.sections.forEach((target, at) => checkTarget(target, ['contacts', index, 'sections', at])));
  data.notes.forEach((note, index) => checkTarget(note.section, ['notes', index, 'section']));
  return { local: problems.length === 0 ? data : undefined, problems };
}

/** Every check over the whole content folder's sources. */
export function checkContent(input: {
  referencesFile: string;
  referencesText: string;
  topics: MarkdownSource[];
  glance?: MarkdownSource;
  /** `content/search-aliases.yaml`, whose section targets must exist. */
  aliases?: MarkdownSource;
  /** Data files the tools cite from (dose-tools.yaml, products.yaml): their keys must exist and count as cited. */
  dataCitations?: Array<{ file: string; keys: string[] }>;
  /** `content/site.yaml`: the version change entries are checked against. */
  site?: MarkdownSource;
  /** A hospital's `content/local.yaml`, whose topics and sections must exist. */
  local?: MarkdownSource;
}): { problems: ContentProblem[]; citedKeys: Set<string> } {
  const { ids, furtherReading, problems } = checkReferences(input.referencesFile, input.referencesText);
  const siteContent = input.site ? checkSiteContent(input.site) : undefined;
  if (siteContent) problems.push(...siteContent.problems);
  const bySlug = new Map<string, string>();
  const headingIdsByTopic = new Map<string, Set<string>>();
  const citedKeys = new Set<string>();
  const checkedTopics: CheckedMarkdown[] = [];
  if (input.topics.length === 0) problems.push({ file: 'content/topics', message: 'no topics found: the collection is empty' });
  for (const topic of input.topics) {
    const result = checkMarkdown(topic, ids, 'topic');
    problems.push(...result.problems);
    if (!result.checked) continue;
    result.checked.citedKeys.forEach((key) => citedKeys.add(key));
    const other = bySlug.get(result.checked.slug);
    if (other) problems.push({ file: topic.file, message: `slug "${result.checked.slug}" is already used by ${other}` });
    else bySlug.set(result.checked.slug, topic.file);
    headingIdsByTopic.set(result.checked.slug, result.checked.outline.headingIds);
    const { frontmatter, lineOfKey } = result.checked;
    if (frontmatter && siteContent?.site) {
      for (const problem of changeProblems(frontmatter.changes, siteContent.site.version, siteContent.site.releases)) {
        problems.push({ file: topic.file, line: lineOfKey(['changes', problem.index, problem.field]), message: problem.message });
      }
    }
    checkedTopics.push(result.checked);
  }
  const outlines = new Map(checkedTopics.map((topic) => [topic.slug, topic.outline] as const));
  const titles = checkedTopics.flatMap((topic) => (topic.title ? [{ slug: topic.slug, title: topic.title }] : []));
  const linkProblems = (checked: CheckedMarkdown) => {
    const found = [
      ...checkTopicLinks(checked.body, checked.slug, outlines),
      ...unlinkedTopicMentions(checked.body, titles.filter((entry) => entry.slug !== checked.slug).map((entry) => entry.title)),
    ];
    return found.map((problem) => ({ file: checked.file, line: problem.line + checked.bodyLine - 1, message: problem.message }));
  };
  for (const topic of checkedTopics) problems.push(...linkProblems(topic));
  if (input.local) problems.push(...checkLocalFile(input.local, headingIdsByTopic).problems);
  if (input.aliases) {
    try {
      for (const target of missingAliasTargets(parseSearchAliases(input.aliases.text), headingIdsByTopic)) {
        problems.push({ file: input.aliases.file, message: `section "${target}" does not exist (no such topic or heading)` });
      }
    } catch (error) {
      problems.push({ file: input.aliases.file, message: (error as Error).message.replace(/^content\/search-aliases\.yaml: /, '') });
    }
  }
  let glanceChecked: CheckedMarkdown | undefined;
  if (input.glance) {
    const result = checkMarkdown(input.glance, ids, 'glance');
    problems.push(...result.problems);
    if (result.checked) problems.push(...linkProblems(result.checked));
    result.checked?.citedKeys.forEach((key) => citedKeys.add(key));
    glanceChecked = result.checked;
  }
  // A figure marked unconfirmed in a topic keeps a label in every summary that repeats it.
  problems.push(...summaryLabelProblems(checkedTopics, glanceChecked));
  for (const { file, keys } of input.dataCitations ?? []) {
    for (const key of keys) {
      if (!ids.has(key)) problems.push({ file, message: `citation key "${key}" is not in ${input.referencesFile}` });
      else citedKeys.add(key);
    }
  }
  for (const id of ids) {
    if (!citedKeys.has(id) && !furtherReading.has(id)) {
      problems.push({ file: input.referencesFile, message: `reference "${id}" is cited nowhere: cite it or mark it furtherReading: true` });
    }
  }
  return { problems, citedKeys };
}
