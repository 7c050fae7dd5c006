import { Field, ID, InterfaceType } from 'type-graphql';
import { toGlobalId } from './global-id';

/** Every object that can be fetched by `node(id)`; entities extend it. */
@InterfaceType('Node', { description: 'An object with a globally unique, opaque ID.' })
export abstract class Node {
  abstract id: number;

  @Field(() => ID, {
    name: 'id',
    description: 'Opaque global ID; pass it to `node` or `nodes` to fetch the object again.',
  })
  get globalId(): string {
    return toGlobalId(this.constructor.name, this.id);
  }
}
