/**
 * The `@PersonalFact` marker, apart from the rule it serves (`personal-facts.ts`), so that
 * entities and types can carry it without importing the request context.
 */

/** The fields marked `@PersonalFact`, by the class and member that declare them. */
export const markedPersonalFacts: { target: unknown; key: string }[] = [];

/**
 * Marks a field (an object type's property or a field resolver) as a per-person fact:
 * `personalFactsAllowed` decides who may read it. The schema wraps each such field once
 * (`guardPersonalFacts`), so a role the rule does not concern pays one comparison.
 */
export const PersonalFact =
  (): MethodDecorator & PropertyDecorator => (prototype: object, key: string | symbol) => {
    markedPersonalFacts.push({ target: prototype.constructor, key: String(key) });
  };
