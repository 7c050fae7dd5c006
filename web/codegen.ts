import type { CodegenConfig } from '@graphql-codegen/cli';

/** The console's operations, typed from the API's published schema. */
const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Date: 'string', DateTime: 'string', JSONObject: 'Record<string, unknown>' },
      },
      // The trusted documents: `persisted-documents.json`, a hash → document manifest the server
      // reads in TRUSTED_DOCUMENTS=only mode.
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
    },
  },
};

export default config;
