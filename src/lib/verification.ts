import type { VerificationStatus } from '../content.config.ts';

const labels: Record<VerificationStatus, string> = {
  verified: 'Verified',
  secondary: 'Secondary: seen only in copies',
  unverified: 'Unverified: primary study not confirmed',
};

/**
 * What a reference's verification status means, in a few words for the reader. For a machine-written
 * page, "verified" can only mean the page and its wording were seen, and the label says so.
 */
export function verificationLabel(status: VerificationStatus, aiGenerated = false): string {
  if (!aiGenerated) return labels[status];
  return status === 'verified' ? 'Verified page, AI-generated: its evidence not checked' : `${labels[status]} (AI-generated page)`;
}
