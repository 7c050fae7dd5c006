import { Kind, parse, type OperationTypeNode } from 'graphql';

type Operations = readonly (readonly [name: string | null, type: OperationTypeNode])[];

/** Documents already read, by their text (clients send the same few again and again). */
const seen = new Map<string, Operations | null>();
const SEEN_MAX = 500;
/** Longer documents are read each time rather than kept. */
const KEEP_MAX_CHARS = 20_000;

/**
 * Whether a request is a query, a mutation or a subscription, before it runs: where its reads
 * may go depends on it. Null when the document does not parse or does not name one operation
 * (the request then fails as GraphQL says, on the primary).
 */
export function operationKind(
  query: unknown,
  operationName: unknown,
  maxTokens: number,
): OperationTypeNode | null {
  if (typeof query !== 'string') return null;
  let operations = seen.get(query);
  if (operations === undefined) {
    try {
      operations = parse(query, { maxTokens, noLocation: true }).definitions.flatMap((d) =>
        d.kind === Kind.OPERATION_DEFINITION ? [[d.name?.value ?? null, d.operation] as const] : [],
      );
    } catch {
      operations = null;
    }
    if (query.length <= KEEP_MAX_CHARS) {
      if (seen.size >= SEEN_MAX) seen.delete(seen.keys().next().value!);
      seen.set(query, operations);
    }
  }
  if (!operations) return null;
  const chosen =
    typeof operationName === 'string' && operationName !== ''
      ? operations.find(([name]) => name === operationName)
      : operations.length === 1
        ? operations[0]
        : undefined;
  return chosen?.[1] ?? null;
}
