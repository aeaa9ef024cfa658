/**
 * The build's own content checks, for what zod alone cannot see: a citation key missing from the
 * bibliography or from the topic's frontmatter, a frontmatter citation never used, two topics with
 * one slug. Every problem names the file, the line where known, and the key or field at fault.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'astro/zod';
import { findCitationMarkers, lineAndColumn } from './citations.ts';
import { glanceSchema, localSchema, referenceSchema, siteContentSchema, topicSchema, type LocalDetails, type SiteContent, type TopicFrontmatter } from '../content.config.ts';
import { changeProblems, releaseProblems, updatedWithoutChange } from './versions.ts';
import { missingAliasTargets, parseSearchAliases } from './aliases.ts';
import { checkKeyPoints, checkTopicLinks, frontmatterBlock, outlineTopic, unlinkedTopicMentions, type TopicOutline } from './topic-links.ts';

export interface ContentProblem {
  file: string;
  line?: number;
  message: string;
}

/** `file:line: message`, the form editors and CI logs make clickable. */
export function formatProblem(problem: ContentProblem): string {
  return `${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`;
}

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

export function yamlLineLookup(doc: ReturnType<typeof parseDocument>, counter: LineCounter, firstLine: number) {
  return (path: Array<string | number>): number | undefined => {
    for (let depth = path.length; depth > 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true) as YamlNode | undefined;
      const offset = node?.range?.[0];
      if (offset !== undefined) return counter.linePos(offset).line + firstLine - 1;
    }
    return undefined;
  };
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

function valueAt(value: unknown, path: Array<string | number>): unknown {
  return path.reduce<unknown>((current, key) => (current && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined), value);
}

export function schemaProblems(
  file: string,
  schema: z.ZodType,
  value: unknown,
  lineOfKey: (path: Array<string | number>) => number | undefined,
  fallbackLine: number | undefined,
  prefix = '',
): ContentProblem[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const path = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
    const field = path.join('.');
    const missing = valueAt(value, path) === undefined;
    return {
      file,
      line: lineOfKey(path) ?? fallbackLine,
      message: missing
        ? `${prefix}required field "${field}" is missing`
        : `${prefix}field "${field || '(root)'}": ${issue.message}`,
    };
  });
}

/**
 * Parses a YAML content file and validates it against its schema: the data when valid, otherwise
 * every problem with the file, the line and the field at fault.
 */
export function checkYamlFile<T extends z.ZodType>(
  file: string,
  text: string,
  schema: T,
): { data?: z.output<T>; problems: ContentProblem[]; lineOfKey: (path: Array<string | number>) => number | undefined } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const lineOfKey = yamlLineLookup(doc, counter, 1);
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    return { problems: [{ file, line: error.linePos?.[0].line, message: `not valid YAML: ${error.message.split('\n')[0]}` }], lineOfKey };
  }
  const value = doc.toJS();
  const problems = schemaProblems(file, schema, value, lineOfKey, 1);
  if (problems.length > 0) return { problems, lineOfKey };
  return { data: schema.parse(value), problems, lineOfKey };
}

/** Throws one error listing every problem, for loaders that run during the build. */
export function throwProblems(problems: ContentProblem[]): never {
  throw new Error(`Content check failed with ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
}

export interface ParsedReferences {
  ids: Set<string>;
  /** Ids deliberately listed without being cited (`furtherReading: true`). */
  furtherReading: Set<string>;
  problems: ContentProblem[];
}

/** Validates `references.yaml`: a list of entries, each valid, each id once. */
export function checkReferences(file: string, text: string): ParsedReferences {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const problems: ContentProblem[] = [];
  const ids = new Set<string>();
  const furtherReading = new Set<string>();
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    return { ids, furtherReading, problems: [{ file, line: error.linePos?.[0].line, message: `not valid YAML: ${error.message.split('\n')[0]}` }] };
  }
  if (!isSeq(doc.contents)) return { ids, furtherReading, problems: [{ file, line: 1, message: 'must be a YAML list of references' }] };
  if (doc.contents.items.length === 0) return { ids, furtherReading, problems: [{ file, line: 1, message: 'no references: the bibliography is empty' }] };
  const lineOfKey = yamlLineLookup(doc, counter, 1);
  doc.contents.items.forEach((item, index) => {
    const entry = isMap(item) ? (item.toJSON() as Record<string, unknown>) : item;
    const id = typeof (entry as { id?: unknown })?.id === 'string' ? (entry as { id: string }).id : undefined;
    const label = id ? `reference "${id}": ` : `reference #${index + 1}: `;
    problems.push(...schemaProblems(file, referenceSchema, entry, (path) => lineOfKey([index, ...path]), lineOfKey([index]), label));
    if (id) {
      if (ids.has(id)) problems.push({ file, line: lineOfKey([index, 'id']), message: `reference id "${id}" is listed twice` });
      ids.add(id);
      if ((entry as { furtherReading?: unknown }).furtherReading === true) furtherReading.add(id);
    }
  });
  return { ids, furtherReading, problems };
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

const unitAfter = String.raw`\s*(?:ng\/mL|µg\/L|mg\/kg\/day|mg\/kg|mg\/day|mg|mcg|µg|%|kg|months?|weeks?|days?|hours?|h\b|years?)`;
/** A level range written near "trough", "level" or "target" without a unit after it. */
const unitlessLevel = new RegExp(String.raw`\b(?:trough|level|target)s?\b[^.;:|]{0,40}?\b(\d+(?:\.\d+)?-\d+(?:\.\d+)?)(?!\d|\.\d|-)(?!${unitAfter})`, 'gi');
/** A dose-sized decimal (0.05, 0.1-0.5) without a unit after it. */
const unitlessDose = new RegExp(String.raw`(?<![\d.])(0\.\d+(?:-\d+(?:\.\d+)?)?)(?![\d.-])(?!${unitAfter})`, 'g');

/** Dose and level figures in a body that carry no unit, with their lines. */
export function unitlessFigures(body: string): Array<{ line: number; figure: string }> {
  const found: Array<{ line: number; figure: string }> = [];
  body.split('\n').forEach((text, index) => {
    for (const pattern of [unitlessLevel, unitlessDose]) {
      for (const match of text.matchAll(pattern)) found.push({ line: index + 1, figure: match[1] });
    }
  });
  return found;
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
  if (input.glance) {
    const result = checkMarkdown(input.glance, ids, 'glance');
    problems.push(...result.problems);
    if (result.checked) problems.push(...linkProblems(result.checked));
    result.checked?.citedKeys.forEach((key) => citedKeys.add(key));
  }
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

/** Every key in a `citations` list anywhere in a parsed YAML data file. */
export function citationKeysInData(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(citationKeysInData);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === 'citations' && Array.isArray(child) ? child.map(String) : citationKeysInData(child),
  );
}
