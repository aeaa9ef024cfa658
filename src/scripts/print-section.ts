/**
 * Printing one section, loaded by the section's print button (src/scripts/page.ts). The section and
 * the references it cites are marked, and a print stylesheet hides the rest; marks and stylesheet
 * stay until `afterprint`, so a test can replace window.print and print the marked page itself.
 * The stylesheet is built here (a constructed sheet, which the site's CSP allows) because printing
 * one section needs this script anyway; printing a whole page needs no script at all.
 */
const sectionPrintRules = new CSSStyleSheet();
sectionPrintRules.replaceSync(`@media print {
  html[data-print-section] .topic-body > :not(.topic-section),
  html[data-print-section] .topic-section:not(.print-target),
  html[data-print-section] .reference-list li:not(.print-cited),
  html[data-print-section] .topic-summary,
  html[data-print-section] .review-and-changes { display: none !important; }
}`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sectionPrintRules];

export function clearPrintMarks(): void {
  delete document.documentElement.dataset.printSection;
  document.querySelectorAll('.print-target, .print-cited').forEach((element) => element.classList.remove('print-target', 'print-cited'));
}

export function markSectionForPrint(sectionId: string): void {
  clearPrintMarks();
  document.documentElement.dataset.printSection = sectionId;
  const section = document.querySelector(`[data-section="${CSS.escape(sectionId)}"]`);
  section?.classList.add('print-target');
  for (const link of section?.querySelectorAll<HTMLAnchorElement>('sup.citation a[href^="#ref-"]') ?? []) {
    document.getElementById(link.hash.slice(1))?.classList.add('print-cited');
  }
}

window.addEventListener('afterprint', clearPrintMarks);
