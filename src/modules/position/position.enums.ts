import { registerEnumType } from 'type-graphql';
import { PerformanceRating, PositionCategory } from '../../domain/position.enums';
import { DisciplineLevel } from '../../domain/discipline';

/** The GraphQL names and descriptions of the position enums (the values are rules: src/domain). */
registerEnumType(PositionCategory, {
  name: 'PositionCategory',
  description: 'Position category (UU ASN); `categoryName` on Position gives the Indonesian name.',
  valuesConfig: {
    JPT_UTAMA: { description: 'Senior executive, first tier (old echelon I).' },
    JPT_MADYA: { description: 'Senior executive, second tier (old echelon I).' },
    JPT_PRATAMA: { description: 'Senior executive, third tier (old echelon II).' },
    ADMINISTRATOR: { description: 'Administrator (old echelon III).' },
    PENGAWAS: { description: 'Supervisor (old echelon IV).' },
    PELAKSANA: { description: 'Staff position without a functional or structural tier.' },
    FUNGSIONAL_AHLI_UTAMA: { description: 'Functional expert, principal (Ahli Utama).' },
    FUNGSIONAL_AHLI_MADYA: { description: 'Functional expert, senior (Ahli Madya).' },
    FUNGSIONAL_AHLI_MUDA: { description: 'Functional expert, middle (Ahli Muda).' },
    FUNGSIONAL_AHLI_PERTAMA: { description: 'Functional expert, first (Ahli Pertama).' },
    FUNGSIONAL_PENYELIA: { description: 'Functional skilled, supervising (Penyelia).' },
    FUNGSIONAL_MAHIR: { description: 'Functional skilled, advanced (Mahir).' },
    FUNGSIONAL_TERAMPIL: { description: 'Functional skilled (Terampil).' },
    FUNGSIONAL_PEMULA: { description: 'Functional skilled, beginner (Pemula).' },
  },
});

registerEnumType(PerformanceRating, {
  name: 'PerformanceRating',
  description: 'SKP performance rating for a year.',
  valuesConfig: {
    SANGAT_BAIK: { description: 'Very good (above expectation on the talent matrix).' },
    BAIK: { description: 'Good (meets expectation).' },
    BUTUH_PERBAIKAN: { description: 'Needs improvement (below expectation).' },
    KURANG: { description: 'Poor (below expectation).' },
    SANGAT_KURANG: { description: 'Very poor (below expectation).' },
  },
});

registerEnumType(DisciplineLevel, {
  name: 'DisciplineLevel',
  description: 'Level of a disciplinary sentence (PP 94/2021), lightest first.',
  valuesConfig: {
    RINGAN: {
      description: 'Light (ringan): oral or written reprimand, statement of dissatisfaction.',
    },
    SEDANG: {
      description:
        'Moderate (sedang): a 25% cut of the performance allowance for 6, 9 or 12 months.',
    },
    BERAT: {
      description: 'Heavy (berat): demotion or release from the post for 12 months, or dismissal.',
    },
  },
});
