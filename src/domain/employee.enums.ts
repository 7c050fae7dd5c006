import { registerEnumType } from 'type-graphql';

export enum EmploymentType {
  PNS = 'PNS',
  CPNS = 'CPNS',
  PPPK = 'PPPK',
}

registerEnumType(EmploymentType, {
  name: 'EmploymentType',
  description: 'Kind of civil servant.',
  valuesConfig: {
    PNS: { description: 'Pegawai Negeri Sipil (identified by NIP).' },
    CPNS: { description: 'Candidate civil servant (identified by NIP).' },
    PPPK: { description: 'Government employee on contract (identified by a PPPK number).' },
  },
});
