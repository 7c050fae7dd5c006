import { writeFileSync } from 'node:fs';
import { generateDemoDataset } from '../src/demo/demo.generate';

/** `npm run demo:write -- FILE`: writes the demo province as a dataset document. */
const file = process.argv[2] ?? 'demo-dataset.json';
writeFileSync(
  file,
  JSON.stringify(generateDemoDataset({ today: new Date().toISOString().slice(0, 10) }), null, 1),
);
console.log(`Wrote ${file}`);
