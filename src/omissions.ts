/**
 * Claims from the source documents, or facts from the reference notes, that the site deliberately
 * does not publish, with the reason. Shown on the about page.
 */
export interface Omission {
  what: string;
  why: string;
}

export const omissions: Omission[] = [
  {
    what: 'Candidate identifiers for studies that could not be found.',
    why: 'Names, PMIDs and DOIs recalled for the adult FSGS cohort, the paediatric 81% / 13% study and the membranous-nephropathy monotherapy trial were never seen in any source, so they are not printed; the figures are shown with the source article as their only source.',
  },
  {
    what: 'The blog’s claim that tacrolimus with low-dose steroids is “superior” to full-dose steroids with cyclophosphamide.',
    why: 'No checked source supports “superior”; the meta-analysis found shows comparable results. The topic Comparisons states what the evidence supports and quotes the blog’s word.',
  },
];
