import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './console';

/** The console's operations, as GraphQL Codegen's client preset lists them (`npm run web:codegen`). */
export function consoleManifest(): string {
  return path.join(projectRoot(), 'web', 'src', 'gql', 'persisted-documents.json');
}

/**
 * Trusted documents by id (`sha256:…`), from manifests of `{ "id": "document" }`. A request
 * may name one by `documentId` instead of sending its text; in `only` mode it must, except for
 * analysts (whose work is ad-hoc queries). Nothing else about a request changes: the guard,
 * roles and costs apply to the document as to any other.
 */
export class TrustedDocuments {
  private readonly documents = new Map<string, string>();

  constructor(files: readonly string[]) {
    for (const file of files) {
      if (!existsSync(file)) throw new Error(`No trusted-documents manifest at ${file}.`);
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      for (const [id, document] of Object.entries(manifest)) {
        if (typeof document !== 'string')
          throw new Error(`${file}: the document of "${id}" is not a string.`);
        this.documents.set(id, document);
      }
    }
  }

  get size(): number {
    return this.documents.size;
  }

  document(id: string): string | undefined {
    return this.documents.get(id);
  }
}
