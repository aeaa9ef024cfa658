import { describe, expect, it } from 'vitest';
import { formatVancouver, formatVancouverText } from '../../src/lib/vancouver';
import { referenceSchema, type ReferenceInput } from '../../src/content.config';

const reference = (input: Omit<ReferenceInput, 'verification' | 'note'>) =>
  referenceSchema.parse({ verification: 'verified', note: 'test', ...input });

describe('Vancouver formatting', () => {
  it('formats a journal article with identifiers', () => {
    const chin = reference({
      id: 'chin',
      type: 'rct',
      authors: ['Chin HJ'],
      etAl: true,
      title: 'Comparison of the efficacy and safety of tacrolimus and low-dose corticosteroid with high-dose corticosteroid for minimal change nephrotic syndrome in adults',
      journal: 'J Am Soc Nephrol',
      year: 2021,
      month: 'Jan',
      volume: '32',
      issue: '1',
      pages: '199-210',
      pmid: '33168602',
      doi: '10.1681/ASN.2019050546',
    });
    expect(formatVancouverText(chin)).toBe(
      'Chin HJ, et al. Comparison of the efficacy and safety of tacrolimus and low-dose corticosteroid with high-dose corticosteroid for minimal change nephrotic syndrome in adults. J Am Soc Nephrol. 2021 Jan;32(1):199-210. doi:10.1681/ASN.2019050546. PMID: 33168602.',
    );
    expect(formatVancouver(chin).pubmed?.href).toBe('https://pubmed.ncbi.nlm.nih.gov/33168602/');
    expect(formatVancouver(chin).doi?.href).toBe('https://doi.org/10.1681/ASN.2019050546');
  });

  it('lists six authors at most, then et al.', () => {
    const many = reference({ id: 'm', type: 'rct', authors: ['A A', 'B B', 'C C', 'D D', 'E E', 'F F', 'G G'], title: 'T', journal: 'J', year: 2020 });
    expect(formatVancouver(many).citation).toBe('A A, B B, C C, D D, E E, F F, et al. T. J. 2020.');
  });

  it('formats a guideline with a publisher and a web page with its address', () => {
    const label = reference({ id: 'l', type: 'label', title: 'PROGRAF prescribing information', publisher: 'Astellas Pharma US', url: 'https://example.org/prograf' });
    expect(formatVancouverText(label)).toBe('PROGRAF prescribing information. Astellas Pharma US. Available from: https://example.org/prograf');
  });

  it('starts with the title when no author is known and keeps a question mark', () => {
    const untitled = reference({ id: 'u', type: 'other', title: 'What is the role of tacrolimus?', publisher: 'Dr.Oracle', year: 2025 });
    expect(formatVancouver(untitled).citation).toBe('What is the role of tacrolimus? Dr.Oracle; 2025.');
  });
});
