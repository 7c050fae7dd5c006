import { registerEnumType } from 'type-graphql';
import { EmploymentType } from '../../domain/employee.enums';

/** The GraphQL names and descriptions of the employee enums (the values are rules: src/domain). */
registerEnumType(EmploymentType, {
  name: 'EmploymentType',
  description: 'Kind of civil servant.',
  valuesConfig: {
    PNS: { description: 'Pegawai Negeri Sipil (identified by NIP).' },
    CPNS: { description: 'Candidate civil servant (identified by NIP).' },
    PPPK: { description: 'Government employee on contract (identified by a PPPK number).' },
  },
});
