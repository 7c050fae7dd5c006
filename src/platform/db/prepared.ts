import { createHash } from 'node:crypto';

const names = new Map<string, string>();

/**
 * Query options that have PostgreSQL keep a statement prepared on each connection, so a hot
 * read is parsed once per connection, not per request, and the planner can settle on a plan.
 * The same text always gets the same name. Only for statements whose text is fixed (every value
 * bound, never spliced in, no lists expanded into placeholders), so that a connection holds a
 * bounded set: pass it to knex's `.options()`.
 */
export function prepared(text: string): { name: string } {
  let name = names.get(text);
  if (name === undefined) {
    name = `cg_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return { name };
}
