import { registerEnumType } from 'type-graphql';
import { Language } from '../../domain/language';

/** The GraphQL name and descriptions of the language of labels (the values are src/domain's). */
registerEnumType(Language, {
  name: 'Language',
  description:
    'A language the API labels codes in. Where a `language` argument is left out, the request’s `Accept-Language` chooses (Indonesian without one).',
  valuesConfig: {
    ID: { description: 'Indonesian (Bahasa Indonesia), the default.' },
    EN: { description: 'English.' },
  },
});
