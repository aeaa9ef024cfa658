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
    why: 'Names, PMIDs and DOIs recalled for the adult FSGS cohort, the paediatric 81% / 13% study and the membranous-nephropathy monotherapy trial were never seen in any source, so they are not printed; the figures are shown with the source article as their source and the primary study marked unconfirmed.',
  },
  {
    what: 'The blog’s claim that tacrolimus with low-dose steroids is “superior” to full-dose steroids with cyclophosphamide.',
    why: 'No checked source supports “superior”; the meta-analysis found reports comparable results. The topic Comparisons states what the evidence supports and quotes the blog’s word.',
  },
  {
    what: 'Risk factors for PRES (hypertension, calcineurin inhibitors, nephrotic syndrome) and the series in which 78% of 23 children had high levels; PRES management steps.',
    why: 'No checked source; the topic names PRES from the FDA labelling change only.',
  },
  {
    what: 'Subclinical fibrosis on serial biopsies, and a repeat biopsy after 2-3 years or more of a calcineurin inhibitor.',
    why: 'Seen only in secondary summaries not checked against the studies.',
  },
  {
    what: '20% insulin-dependent diabetes after kidney transplantation; CMV infection; gastrointestinal perforation; cardiomyopathy being reversible or linked to high levels.',
    why: 'Seen only in drug-database summaries that were not checked; the adverse-effects topic keeps to what the product information copies say.',
  },
  {
    what: 'The EDTA tube, “state the time since the dose on the request”, and the sampling time for once-daily products as a rule.',
    why: 'Seen only on laboratory pages that were not checked; the level-sampling topic gives the product-information sampling times and labels the rest as inference.',
  },
  {
    what: 'Haematocrit and albumin changing whole-blood levels, its relevance to hypoalbuminaemic nephrotic syndrome, and “CYP3A5 expressers need about twice the dose”.',
    why: 'The studies were not checked, and the link to nephrotic syndrome is an inference no source states.',
  },
  {
    what: 'Diarrhoea “roughly doubling” levels; BNFC’s “avoid breastfeeding”; excluding pregnancy before starting, contraception advice and UKTIS’s “no malformation signal”.',
    why: 'Seen only in copies or summaries not checked; the topics cite the case report and product information that were checked, and say where advice is not covered.',
  },
  {
    what: 'Dailiport as a brand; that prolonged-release products are not interchangeable with each other; “do not substitute mg for mg”.',
    why: 'Each was seen in a single unchecked formulary or drug-database entry. The formulations topic keeps to the MHRA and product-information wording.',
  },
  {
    what: 'Overlap of hyperkalaemia with ACE-inhibitor or ARB use in nephrotic syndrome.',
    why: 'An inference with no sourced premise.',
  },
  {
    what: 'The lupus-nephritis trough range 4-6 ng/mL as a guideline figure.',
    why: 'Seen only on an AI-generated question-and-answer page crediting KDIGO 2024; it appears only under “Sources differ” (dosing and level-sampling topics, trough check), marked low-reliability and not found in the guideline.',
  },
];
