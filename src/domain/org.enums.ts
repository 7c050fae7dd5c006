import { registerEnumType } from 'type-graphql';

export enum AgencyKind {
  MINISTRY = 'MINISTRY',
  AGENCY = 'AGENCY',
  PROVINCE = 'PROVINCE',
  REGENCY = 'REGENCY',
  CITY = 'CITY',
}

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
