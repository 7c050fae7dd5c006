import { writeFileSync } from 'node:fs';
import { printAppSchema } from '../src/platform/graphql/schema';

writeFileSync('schema.graphql', printAppSchema());
console.log('Wrote schema.graphql');
