import { describe, expect, it } from 'vitest';
import { pageText, spaceTableCells } from '../../src/lib/index-text.ts';

describe('spaceTableCells', () => {
  it('puts a space after every closing cell that has none, so neighbouring cells stay separate words', () => {
    const row = '<tr><th scope="row">20 kg</th><td>1 mg</td><TD>2 mg</TD></tr><tr><th>25 kg</th></tr>';
    expect(spaceTableCells(row)).toBe('<tr><th scope="row">20 kg</th> <td>1 mg</td> <TD>2 mg</TD> </tr><tr><th>25 kg</th> </tr>');
  });

  it('leaves cells already followed by whitespace, and everything else, as they are', () => {
    const html = '<table><tr><td>a</td>\n<td>b</td> </tr></table><p>Per dose</p><thead>';
    expect(spaceTableCells(html)).toBe(html);
  });
});

describe('pageText', () => {
  it('keeps the words a reader sees, not tags, scripts, styles or attribute values (alias words)', () => {
    const html = '<h2 id="x" data-search-aliases="⟦ edema ⟧">Peripheral oedema</h2><script>var anemia=1</script><style>.a{}</style><p>Fetal&nbsp;risk &amp; more</p>';
    expect(pageText(html)).toBe('Peripheral oedema Fetal risk & more');
  });
});
