import { registerEnumType } from 'type-graphql';
import { CourseModality, CourseType } from '../../domain/course.enums';

/** The GraphQL names and descriptions of the course enums (the values are rules: src/domain). */
registerEnumType(CourseType, {
  name: 'CourseType',
  description: 'Kind of competency development (Perlan LAN 10/2018).',
  valuesConfig: {
    LATSAR: { description: 'Pelatihan Dasar: basic training for CPNS.' },
    LEADERSHIP: { description: 'Leadership training: PKN I, PKN II, PKA, PKP.' },
    MANAGERIAL: { description: 'Classical training in managerial competencies.' },
    TECHNICAL: { description: 'Classical training in the technical competencies of a field.' },
    FUNCTIONAL: {
      description: 'Classical training for a functional position (diklat fungsional).',
    },
    SOCIOCULTURAL: { description: 'Classical training in the sociocultural competency.' },
    SEMINAR: { description: 'Seminar or conference (classical).' },
    WORKSHOP: { description: 'Workshop (lokakarya; classical).' },
    COURSE: { description: 'A short course (kursus; classical).' },
    TECHNICAL_GUIDANCE: { description: 'Technical guidance (bimbingan teknis; classical).' },
    SOCIALISATION: { description: 'Socialisation of a new rule or policy (classical).' },
    COACHING: { description: 'Coaching by the direct superior (non-classical).' },
    MENTORING: { description: 'Mentoring by a senior colleague (non-classical).' },
    E_LEARNING: { description: 'Self-paced online learning (non-classical).' },
    DISTANCE_LEARNING: { description: 'Distance learning, guided and scheduled (non-classical).' },
    SECONDMENT: { description: 'Secondment to another unit or agency (detasering).' },
    BENCHMARKING: { description: 'A benchmarking visit (patok banding).' },
    EXCHANGE: { description: 'An exchange between civil servants and private employees.' },
    SELF_STUDY: { description: 'Self-study (belajar mandiri).' },
    COMMUNITY_OF_PRACTICE: { description: 'A community of practice (komunitas belajar).' },
    DEGREE: { description: 'Education: degree study (tugas belajar).' },
    ON_THE_JOB: { description: 'On-the-job guidance (bimbingan di tempat kerja).' },
    INTERNSHIP: { description: 'An internship (magang; non-classical).' },
  },
});

registerEnumType(CourseModality, {
  name: 'CourseModality',
  description: 'Classical (classroom) or non-classical (workplace, online) learning.',
  valuesConfig: {
    CLASSICAL: { description: 'In a classroom, face to face (klasikal).' },
    NON_CLASSICAL: { description: 'At the workplace or online (nonklasikal).' },
    BLENDED: { description: 'Partly classical, partly non-classical.' },
  },
});
