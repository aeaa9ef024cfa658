import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { patientBands, bandText, bandDoseText, unitsText, noDoseText, shortfallSentence } from '/work/wt-dose/src/lib/dose-bands.ts';
const tools = parse(readFileSync('/work/wt-dose/content/dose-tools.yaml','utf8'));
const products = parse(readFileSync('/work/wt-dose/content/products.yaml','utf8')).products.filter((p: any) => p.calculator);
for (const pb of patientBands(tools, products)) {
  console.log('\n##', pb.patient.name, '->', pb.regimen.id, pb.bands.length, 'bands');
  console.log(shortfallSentence(pb.regimen, pb.bands) ?? '');
  for (const b of pb.bands) console.log(bandText(b).padEnd(14), b.answer.padEnd(9), b.cells.map(({product, cell}) => cell.kind==='dose' ? `${bandDoseText(cell.dose)} [${cell.dose.mgPerKgPerDay.atFrom}-${cell.dose.mgPerKgPerDay.atTo}] ${unitsText(cell.dose.units, product.unitName)}` : noDoseText(cell as any, product, b.answer)).join(' | '));
}
