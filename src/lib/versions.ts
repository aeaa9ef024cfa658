/**
 * Content versions and what changed in each: which pages a binder owner must reprint since the
 * version printed on their binder. Pure functions over plain data, used by the build (the /changes/
 * page, the binder cover, the content checks) and by the small script on the /changes/ page.
 */

/** Compares two "major.minor.patch" versions: negative when a is older, 0 when equal, positive when newer. */
export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  for (let index = 0; index < 3; index++) {
    if (pa[index] !== pb[index]) return pa[index] - pb[index];
  }
  return 0;
}

/** "0.2.0" -> [0, 2, 0]; throws on anything else, naming the value. */
export function parseVersion(version: string): [number, number, number] {
  const match = /^\s*v?(\d+)\.(\d+)\.(\d+)\s*$/.exec(version);
  if (!match) throw new Error(`"${version}" is not a version (three numbers, e.g. 0.2.0)`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Whether a string reads as a version ("0.2.0", or "v0.2.0" as printed on some binders). */
export function isVersion(value: string): boolean {
  return /^\s*v?\d+\.\d+\.\d+\s*$/.test(value);
}

/** Newest first. */
export function sortVersionsNewestFirst<T extends { version: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => compareVersions(b.version, a.version));
}

export interface ChangeEntry {
  date: Date;
  version: string;
  summary: string;
  sections: string[];
}

export interface TopicChanges {
  slug: string;
  title: string;
  changes: ChangeEntry[];
}

export interface Release {
  version: string;
  date: Date;
}

/** One topic's changes within one version: what the /changes/ page lists under the version. */
export interface ChangedTopic {
  slug: string;
  title: string;
  /** Sections named by the change entries (heading ids), each once, in the order first named. */
  sections: string[];
  /** True when some change entry names no section: the topic changed as a whole. */
  whole: boolean;
  summaries: string[];
}

export interface VersionChanges {
  version: string;
  date: Date;
  topics: ChangedTopic[];
}

function mergeInto(target: ChangedTopic, change: ChangeEntry): void {
  if (change.sections.length === 0) target.whole = true;
  for (const section of change.sections) if (!target.sections.includes(section)) target.sections.push(section);
  target.summaries.push(change.summary);
}

/** Every released version, newest first, with the topics (in the order given) and sections changed in it. */
export function changesByVersion(releases: Release[], topics: TopicChanges[]): VersionChanges[] {
  return sortVersionsNewestFirst(releases).map((release) => {
    const changed: ChangedTopic[] = [];
    for (const topic of topics) {
      const entries = topic.changes.filter((change) => compareVersions(change.version, release.version) === 0);
      if (entries.length === 0) continue;
      const item: ChangedTopic = { slug: topic.slug, title: topic.title, sections: [], whole: false, summaries: [] };
      entries.forEach((entry) => mergeInto(item, entry));
      changed.push(item);
    }
    return { version: release.version, date: release.date, topics: changed };
  });
}

/** A page to reprint: a topic, the sections that changed (empty with `whole` when all of it), and in which versions. */
export interface Reprint extends ChangedTopic {
  versions: string[];
}

/**
 * The pages to reprint for a binder printed at `binderVersion`: every topic changed in a version
 * newer than it (up to and including `currentVersion`), each topic once, in the order given.
 */
export function reprintSince(binderVersion: string, topics: TopicChanges[], currentVersion?: string): Reprint[] {
  const reprints: Reprint[] = [];
  for (const topic of topics) {
    const entries = topic.changes.filter(
      (change) =>
        compareVersions(change.version, binderVersion) > 0 && (!currentVersion || compareVersions(change.version, currentVersion) <= 0),
    );
    if (entries.length === 0) continue;
    const item: Reprint = { slug: topic.slug, title: topic.title, sections: [], whole: false, summaries: [], versions: [] };
    for (const entry of sortVersionsNewestFirst(entries).reverse()) {
      mergeInto(item, entry);
      if (!item.versions.includes(entry.version)) item.versions.push(entry.version);
    }
    reprints.push(item);
  }
  return reprints;
}

/** The release before `version` in the list, if any (the binder cover's "changed since"). */
export function previousRelease<T extends { version: string }>(releases: T[], version: string): T | undefined {
  return sortVersionsNewestFirst(releases).find((release) => compareVersions(release.version, version) < 0);
}

/**
 * What is wrong with the releases list and the current version: the current version must be the
 * newest release, and each version listed once. Messages only; the caller adds file and line.
 */
export function releaseProblems(current: string, releases: Release[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const release of releases) {
    if (seen.has(release.version)) problems.push(`release ${release.version} is listed twice`);
    seen.add(release.version);
  }
  const newest = sortVersionsNewestFirst(releases)[0];
  if (newest && compareVersions(newest.version, current) !== 0) {
    problems.push(`version is ${current} but the newest release listed is ${newest.version}: they must match`);
  }
  const byDate = [...releases].sort((a, b) => compareVersions(a.version, b.version));
  for (let index = 1; index < byDate.length; index++) {
    if (byDate[index].date.getTime() < byDate[index - 1].date.getTime()) {
      problems.push(`release ${byDate[index].version} is dated before release ${byDate[index - 1].version}`);
    }
  }
  return problems;
}

/**
 * What is wrong with one topic's change entries against the site's versions: a version the site
 * has not reached, one not in the releases list, or a change dated after its version went out.
 * Each problem names the entry's index so the caller can find its line.
 */
export function changeProblems(
  changes: ChangeEntry[],
  current: string,
  releases: Release[],
): Array<{ index: number; field: 'version' | 'date'; message: string }> {
  const problems: Array<{ index: number; field: 'version' | 'date'; message: string }> = [];
  changes.forEach((change, index) => {
    const label = `change entry ${index + 1} (${isoDay(change.date)})`;
    if (compareVersions(change.version, current) > 0) {
      problems.push({ index, field: 'version', message: `${label} names version ${change.version}, which the site has not reached (content/site.yaml is at ${current})` });
      return;
    }
    const release = releases.find((candidate) => compareVersions(candidate.version, change.version) === 0);
    if (!release) {
      problems.push({ index, field: 'version', message: `${label} names version ${change.version}, which is not listed under releases in content/site.yaml` });
      return;
    }
    if (change.date.getTime() > release.date.getTime()) {
      problems.push({ index, field: 'date', message: `${label} is dated after version ${change.version} went out (${isoDay(release.date)}): give it the version it will go out in` });
    }
  });
  return problems;
}

/** A topic whose `updated` date is newer than its latest change entry: the reason for the update is missing. */
export function updatedWithoutChange(updated: Date, changes: Array<{ date: Date }>): Date | undefined {
  const latest = changes.map((change) => change.date.getTime()).sort((a, b) => b - a)[0];
  if (latest === undefined || updated.getTime() > latest) return latest === undefined ? undefined : new Date(latest);
  return undefined;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
