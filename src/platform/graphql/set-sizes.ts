import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';

/** A size, or how to count it once asked (a list's `totalCount`). */
export type Size = number | (() => Promise<number>);

/**
 * The lists of people (or of rows about one person each) answered in a request, by the response
 * path of the list field, with their whole size across pages. A row is a member of the list
 * whose `nodes` or `edges … node` it sits at; a row reached any other way (a lookup, a nested
 * object) is a member of none.
 */
export class SetSizes {
  private readonly sizes = new Map<string, Size>();

  /** Records the list answered at `info`'s field, with its whole size. */
  add(info: GraphQLResolveInfo, size: Size): void {
    this.sizes.set(responsePathAsArray(info.path).join('.'), size);
  }

  /**
   * The whole size of the list the parent of `info`'s field was answered in, or null when the
   * parent is not a member of a recorded list.
   */
  async sizeOfParentSet(info: GraphQLResolveInfo): Promise<number | null> {
    const row = info.path.prev;
    let list: typeof row;
    // `<list>.nodes.<i>` or `<list>.edges.<i>.node`
    if (row && typeof row.key === 'number' && row.prev?.key === 'nodes') list = row.prev.prev;
    else if (
      row?.key === 'node' &&
      typeof row.prev?.key === 'number' &&
      row.prev.prev?.key === 'edges'
    )
      list = row.prev.prev.prev;
    if (!list) return null;
    const size = this.sizes.get(responsePathAsArray(list).join('.'));
    if (size === undefined) return null;
    return typeof size === 'number' ? size : size();
  }
}
