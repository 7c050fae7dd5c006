import { writeFileSync } from 'node:fs';
import { printedSchema } from '../src/app/schema';

writeFileSync('schema.graphql', printedSchema());
console.log('Wrote schema.graphql');
