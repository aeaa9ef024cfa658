/** Callout labels authors write as the bold opening of a blockquote, and the kind each makes. */
export const calloutLabels = {
  'sources differ': 'sources-differ',
  'evidence status': 'evidence-status',
  caution: 'caution',
  'practice point': 'practice-point',
} as const;

export type CalloutKind = (typeof calloutLabels)[keyof typeof calloutLabels];

/** The callout kind for a bold label such as "Sources differ." (undefined if it is no callout). */
export function calloutKind(label: string): CalloutKind | undefined {
  const key = label.trim().replace(/[.:]+$/, '').toLowerCase();
  return (calloutLabels as Record<string, CalloutKind>)[key];
}
