import { registerEnumType } from 'type-graphql';

/** Development paths of Perlan LAN 10/2018 (classical and non-classical training). */
export enum CourseType {
  LATSAR = 'LATSAR',
  LEADERSHIP = 'LEADERSHIP',
  MANAGERIAL = 'MANAGERIAL',
  TECHNICAL = 'TECHNICAL',
  FUNCTIONAL = 'FUNCTIONAL',
  SOCIOCULTURAL = 'SOCIOCULTURAL',
  SEMINAR = 'SEMINAR',
  WORKSHOP = 'WORKSHOP',
  COURSE = 'COURSE',
  TECHNICAL_GUIDANCE = 'TECHNICAL_GUIDANCE',
  SOCIALISATION = 'SOCIALISATION',
  COACHING = 'COACHING',
  MENTORING = 'MENTORING',
  E_LEARNING = 'E_LEARNING',
  DISTANCE_LEARNING = 'DISTANCE_LEARNING',
  SECONDMENT = 'SECONDMENT',
  BENCHMARKING = 'BENCHMARKING',
  EXCHANGE = 'EXCHANGE',
  SELF_STUDY = 'SELF_STUDY',
  COMMUNITY_OF_PRACTICE = 'COMMUNITY_OF_PRACTICE',
  ON_THE_JOB = 'ON_THE_JOB',
  INTERNSHIP = 'INTERNSHIP',
  DEGREE = 'DEGREE',
}

export enum CourseModality {
  CLASSICAL = 'CLASSICAL',
  NON_CLASSICAL = 'NON_CLASSICAL',
  BLENDED = 'BLENDED',
}

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
