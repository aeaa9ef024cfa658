/**
 * Values more than one schema file needs: the verification statuses of a reference and the form of a
 * reference id. Re-exported by src/content.config.ts, the contract authors read.
 */
export const verificationStatuses = ['verified', 'secondary', 'unverified'] as const;

/** A reference id as written after `@` in `[@id]`. */
export const referenceIdPattern = /^[a-z0-9][a-z0-9._:-]*$/;
