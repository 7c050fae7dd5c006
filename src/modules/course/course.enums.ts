import { registerEnumType } from 'type-graphql';
import { CourseModality, CourseType } from '../../domain/course.enums';

/** The GraphQL names and descriptions of the course enums (the values are rules: src/domain). */
registerEnumType(CourseType, {
  name: 'CourseType',
  description: 'Kind of competency development (Perlan LAN 10/2018).',
  valuesConfig: {
    LATSAR: { description: 'Pelatihan Dasar: basic training for CPNS.' },
    LEADERSHIP: { description: 'Leadership training: PKN I, PKN II, PKA, PKP.' },
    DEGREE: { description: 'Education: degree study (tugas belajar).' },
    ON_THE_JOB: { description: 'On-the-job guidance (bimbingan di tempat kerja).' },
  },
});

registerEnumType(CourseModality, {
  name: 'CourseModality',
  description: 'Classical (classroom) or non-classical (workplace, online) learning.',
});
