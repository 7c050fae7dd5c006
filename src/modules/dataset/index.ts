import type { Feature } from '../../platform/http/feature';
import { importRoutes } from './import.route';
import { DatasetResolver } from './dataset.resolver';

/** The dataset: whole-province import and export (JSON and workbook). */
export const datasetFeature: Feature = {
  name: 'dataset',
  resolvers: [DatasetResolver],
  cost: {
    lists: {
      'ImportReport.sections': 8,
      'ImportReport.issues': 1000,
    },
    work: {
      'Query.datasetExport': 20_000,
      'Mutation.importDataset': 5_000,
    },
  },
  routes: importRoutes,
};
