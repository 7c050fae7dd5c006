import { Field, InputType, registerEnumType } from 'type-graphql';

export type SortDirection = 'ASC' | 'DESC';

/** Sort keys of a list; `paginate` appends the primary key, so that the order is total. */
export type SortKeys = readonly { property: string; direction: SortDirection }[];

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Sort direction.',
  valuesConfig: {
    ASC: { description: 'Smallest first (A to Z, lowest, earliest).' },
    DESC: { description: 'Largest first (Z to A, highest, latest).' },
  },
});

/** Builds an `<Name>Order` input `{ field, direction }` for a sort-field enum. */
export function orderInput<F extends string>(
  name: string,
  fieldEnum: Record<string, F>,
  defaultField: NoInfer<F>,
) {
  @InputType(`${name}Order`, {
    description: `Order of ${name} lists; ties are broken by creation order.`,
  })
  class Order {
    @Field(() => fieldEnum, { defaultValue: defaultField, description: 'Sort key.' })
    field!: F;

    @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Direction.' })
    direction!: OrderDirection;
  }
  return Order;
}

/** Sort keys for `paginate` from an order input and a map of enum value → entity property. */
export function sortKeys(
  order: { field: string; direction: OrderDirection } | null | undefined,
  properties: Readonly<Record<string, string>>,
  defaultField: string,
): SortKeys {
  const field = order?.field ?? defaultField;
  return [{ property: properties[field], direction: order?.direction ?? OrderDirection.ASC }];
}

/** A `$ilike` pattern for "contains", with LIKE wildcards in the text escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
