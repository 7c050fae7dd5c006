import { registerEnumType } from 'type-graphql';
import { AgencyKind } from '../../domain/org.enums';

/** The GraphQL names and descriptions of the org enums (the values are rules: src/domain). */
registerEnumType(AgencyKind, {
  name: 'AgencyKind',
  description: 'Kind of government agency (instansi).',
  valuesConfig: {
    MINISTRY: { description: 'Kementerian (national ministry).' },
    AGENCY: { description: 'Lembaga (national non-ministerial agency).' },
    PROVINCE: { description: 'Pemerintah Provinsi.' },
    REGENCY: { description: 'Pemerintah Kabupaten.' },
    CITY: { description: 'Pemerintah Kota.' },
  },
});
