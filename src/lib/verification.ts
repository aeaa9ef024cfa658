import type { VerificationStatus } from '../content.config.ts';

const labels: Record<VerificationStatus, string> = {
  verified: 'Verified',
  secondary: 'Secondary: seen only in copies',
  unverified: 'Unverified: primary study not confirmed',
};

/** What a reference's verification status means, in a few words for the reader. */
export function verificationLabel(status: VerificationStatus): string {
  return labels[status];
}
