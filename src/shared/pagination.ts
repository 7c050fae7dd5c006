import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badInput } from './errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Items after \`after\`; default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor to start after.' })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `Items before \`before\`, at most ${MAX_PAGE_SIZE}.`,
  })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor to end before.' })
  before?: string | null;
}

@ObjectType({ description: 'Where a page stands in its list (Relay).', simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean, { description: 'More items follow the last one of this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'More items precede the first one of this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item.' })
  endCursor!: string | null;
}

/** A page as resolvers produce it; `totalCount` runs only when asked for. */
export interface Page<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: () => Promise<number>;
}

/** Builds `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function connectionType<T extends object>(nodeType: ClassType<T>, name = nodeType.name) {
  @ObjectType(`${name}Edge`, { description: `An edge to a ${name}.`, simpleResolvers: true })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this item.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, {
    description: `A page of ${name} items (Relay connection).`,
    simpleResolvers: true,
  })
  class Connection {
    @Field(() => [Edge], { description: 'Items with their cursors.' })
    edges!: Edge[];

    @Field(() => [nodeType], { description: 'Items without cursors.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Paging state.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items in the whole list, across pages.' })
    totalCount!: number;
  }
  return Connection;
}

export type Direction = 'forward' | 'backward';

/** A validated page request: how many, which way, and from which cursor position. */
export interface PageRequest {
  readonly limit: number;
  readonly direction: Direction;
  readonly cursor: readonly unknown[] | undefined;
}

/**
 * Validates Relay arguments: sizes 0–100 (more is an error, not a silent clamp), `first` and
 * `last` not together, cursors well-formed.
 */
export function pageRequest(args: PageArgs, keyLength: number): PageRequest {
  const { first, last, after, before } = args;
  if (first != null && last != null) throw badInput('Use either `first` or `last`, not both.');
  if (after != null && last != null) throw badInput('`after` goes with `first`, not with `last`.');
  if (before != null && first != null)
    throw badInput('`before` goes with `last`, not with `first`.');
  for (const [name, value] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw badInput(`\`${name}\` must be between 0 and ${MAX_PAGE_SIZE}, got ${value}.`, {
        argument: name,
      });
    }
  }
  const direction: Direction = last != null || before != null ? 'backward' : 'forward';
  const limit = (direction === 'forward' ? first : last) ?? DEFAULT_PAGE_SIZE;
  const raw = direction === 'forward' ? after : before;
  return { limit, direction, cursor: raw == null ? undefined : decodeCursor(raw, keyLength) };
}

/**
 * Cursors are encrypted and authenticated (AES-256-GCM): a sort key may be a name or a NIP,
 * which a client must not read from a cursor, nor forge one to probe for. The key is set once
 * per process (`setCursorKey`); until then a random one serves, valid for this process only.
 */
let cursorKey: Buffer = randomBytes(32);

/** Sets the cursor key from a secret (processes that share it accept each other's cursors). */
export function setCursorKey(secret: string): void {
  cursorKey = Buffer.from(hkdfSync('sha256', secret, 'competency-graph', 'cursor', 32));
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Encodes the sort key of an item as an opaque cursor. */
export function encodeCursor(key: readonly unknown[]): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', cursorKey, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(key), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

function decodeCursor(cursor: string, keyLength: number): unknown[] {
  try {
    const bytes = Buffer.from(cursor, 'base64url');
    if (bytes.length > IV_BYTES + TAG_BYTES) {
      const decipher = createDecipheriv('aes-256-gcm', cursorKey, bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const text = Buffer.concat([
        decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
      const key: unknown = JSON.parse(text);
      const scalar = (v: unknown) => ['string', 'number', 'boolean'].includes(typeof v);
      if (Array.isArray(key) && key.length === keyLength && key.every(scalar)) return key;
    }
  } catch {
    // fall through to the error below
  }
  throw badInput(
    'The cursor is not one this list gave out (or it has expired); start again from the first page.',
    {
      argument: 'cursor',
    },
  );
}

/**
 * Turns rows fetched with `limit + 1` in the request's direction into a page; `keyOf` gives the
 * sort key used in cursors.
 */
export function toPage<T>(
  rows: T[],
  request: PageRequest,
  keyOf: (row: T) => readonly unknown[],
  count: () => Promise<number>,
): Page<T> {
  const hasMore = rows.length > request.limit;
  const slice = rows.slice(0, request.limit);
  if (request.direction === 'backward') slice.reverse();
  // A cursor is encrypted only when it is asked for: most pages are read without them.
  const edges = slice.map((node) => new Edge(node, () => encodeCursor(keyOf(node))));
  let counted: Promise<number> | undefined;
  return {
    edges,
    nodes: slice,
    pageInfo: {
      hasNextPage: request.direction === 'forward' ? hasMore : request.cursor !== undefined,
      hasPreviousPage: request.direction === 'backward' ? hasMore : request.cursor !== undefined,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges.at(-1)?.cursor ?? null;
      },
    },
    totalCount: () => (counted ??= count()),
  };
}

/** An edge of a page; its cursor is made on first read, once. */
class Edge<T> {
  private made: string | undefined;
  constructor(
    readonly node: T,
    private readonly make: () => string,
  ) {}
  get cursor(): string {
    return (this.made ??= this.make());
  }
}

/** `pageRequest` for lists that are paged forward only (rankings computed in memory). */
export function forwardPageRequest(args: PageArgs, keyLength: number): PageRequest {
  if (args.last != null || args.before != null)
    throw badInput('This list is paged forward only: use `first` and `after`.');
  return pageRequest(args, keyLength);
}

/**
 * A page of a list already in memory and in its final order, by keyset: the cursor holds the
 * sort key of the last item, so the next page starts right after it.
 */
export function pageOfList<T>(
  items: readonly T[],
  args: PageArgs,
  keyOf: (item: T) => readonly (string | number)[],
  isAfter: (item: T, cursor: readonly unknown[]) => boolean,
): Page<T> {
  const request = forwardPageRequest(args, items[0] ? keyOf(items[0]).length : 1);
  const start = request.cursor ? items.findIndex((item) => isAfter(item, request.cursor!)) : 0;
  const rows = start < 0 ? [] : items.slice(start, start + request.limit + 1);
  return toPage(rows, request, keyOf, () => Promise.resolve(items.length));
}
