import { registerEnumType } from 'type-graphql';
import { DisciplineKind } from '../../domain/discipline';
import '../position/position.enums';

/**
 * The GraphQL name of the sentences (the rules: src/domain/discipline.ts); their levels are
 * registered with the position's enums, which name them in a position's conditions.
 */
registerEnumType(DisciplineKind, {
  name: 'DisciplineKind',
  description: 'The sentence imposed (PP 94/2021, Pasal 8); each belongs to one level.',
  valuesConfig: {
    TEGURAN_LISAN: { description: 'Oral reprimand (RINGAN).' },
    TEGURAN_TERTULIS: { description: 'Written reprimand (RINGAN).' },
    PERNYATAAN_TIDAK_PUAS: { description: 'Written statement of dissatisfaction (RINGAN).' },
    POTONGAN_TUKIN_6_BULAN: {
      description: 'Performance allowance cut by 25% for 6 months (SEDANG).',
    },
    POTONGAN_TUKIN_9_BULAN: {
      description: 'Performance allowance cut by 25% for 9 months (SEDANG).',
    },
    POTONGAN_TUKIN_12_BULAN: {
      description: 'Performance allowance cut by 25% for 12 months (SEDANG).',
    },
    PENURUNAN_JABATAN_12_BULAN: {
      description: 'Demotion by one grade of post for 12 months (BERAT).',
    },
    PEMBEBASAN_JABATAN_12_BULAN: {
      description: 'Release from the post to an executor post for 12 months (BERAT).',
    },
    PEMBERHENTIAN: {
      description: 'Dismissal, not at own request, with honour (BERAT); it has no end date.',
    },
  },
});
