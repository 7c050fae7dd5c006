/** At most this many issues are listed in a report; `issueCount` gives the total. */
export const MAX_LISTED_ISSUES = 1000;

/**
 * A list of issues that keeps the first `limit` and only counts the rest, so that a document
 * with millions of bad values costs no more memory than one with a thousand. It is an array
 * (the readers push into it, ask its length, slice it); `total` is how many were pushed.
 */
export class IssueList<T> extends Array<T> {
  /** Slices and maps of the list are plain arrays. */
  static override get [Symbol.species]() {
    return Array;
  }

  /** Every issue pushed, kept or not. */
  declare total: number;
  declare readonly limit: number;

  constructor(limit = MAX_LISTED_ISSUES) {
    super();
    // Not enumerable: the list compares, prints and serialises as the array of its issues.
    Object.defineProperty(this, 'total', { value: 0, writable: true, enumerable: false });
    Object.defineProperty(this, 'limit', { value: limit, enumerable: false });
  }

  override push(...items: T[]): number {
    this.total += items.length;
    for (const item of items) {
      if (this.length >= this.limit) break;
      super.push(item);
    }
    return this.length;
  }
}

/** How many issues there were in all: an `IssueList`'s total, or an array's length. */
export function issueTotal(issues: readonly unknown[]): number {
  return issues instanceof IssueList ? issues.total : issues.length;
}

/** The first `MAX_LISTED_ISSUES` of some issues, with how many there were in all. */
export function listed<T>(issues: readonly T[]): { issues: T[]; issueCount: number } {
  return { issues: issues.slice(0, MAX_LISTED_ISSUES), issueCount: issueTotal(issues) };
}
