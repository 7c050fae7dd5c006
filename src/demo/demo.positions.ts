import type { OrgUnitRecord, PositionRecord } from '../domain/dataset.types';
import { POSITION_CATEGORY_INFO, type PositionCategory } from '../domain/position.enums';
import { TIER_CONDITIONS, TIER_LEVEL, UNIT_TEMPLATES } from './demo.data';
import { NATIONAL_COMPETENCIES } from './demo.dictionary';

/** A position of a tier with the national profile at the tier's level and up to three technical requirements. */
export function positionRecord(
  code: string,
  category: PositionCategory,
  title: string,
  orgUnit: string,
  technical: readonly string[],
): PositionRecord {
  const level = TIER_LEVEL[category];
  const isJpt = category.startsWith('JPT');
  const requirements = [
    ...NATIONAL_COMPETENCIES.map((c) => ({
      competency: c.code,
      level,
      weight: 1,
      critical: isJpt && c.code === 'M.01',
    })),
    ...technical.slice(0, 3).map((competency, i) => ({
      competency,
      level: Math.max(1, level - (i === 0 ? 0 : 1)),
      weight: i === 0 ? 2 : 1,
      critical: i === 0 && category !== 'PELAKSANA',
    })),
  ];
  const c = TIER_CONDITIONS[category]!;
  return {
    code,
    title,
    category,
    orgUnit,
    summary: `${title}: melaksanakan tugas ${POSITION_CATEGORY_INFO[category].name.toLowerCase()} di unit kerja.`,
    governmentAffair: null,
    requirements,
    conditions: {
      minRank: c.rank,
      minEducation: c.education,
      requiredCourses: c.course ? [c.course] : [],
      minYearsOfService: c.years || null,
      minPerformance: category === 'PELAKSANA' ? null : 'BAIK',
      performanceYears: 2,
      retirementAge: POSITION_CATEGORY_INFO[category].retirementAge,
      // PermenPANRB 15/2019: open selection for JPT asks for no moderate or heavy sentence in 5 years.
      disciplineLevel: isJpt ? 'SEDANG' : null,
      disciplineYears: 5,
    },
  };
}

/** The position code of the `n`th position of a category: `JPT-001`, `ADM-016`, … */
export function positionCode(category: PositionCategory, n: number, width = 3): string {
  return `${category.split('_')[0].slice(0, 3)}-${String(n).padStart(width, '0')}`;
}

export function demoPositions(units: OrgUnitRecord[]): PositionRecord[] {
  const positions: PositionRecord[] = [];
  const fieldsOf = (unitCode: string) =>
    UNIT_TEMPLATES.find((t) => unitCode.startsWith(`${t.key}-`))?.fields ?? ['T.UMM.01'];
  let n = 0;
  const add = (
    tier: `${PositionCategory}`,
    title: string,
    orgUnit: string,
    technical: string[],
  ) => {
    n++;
    const category = tier as PositionCategory;
    positions.push(positionRecord(positionCode(category, n), category, title, orgUnit, technical));
  };
  add('JPT_MADYA', 'Sekretaris Daerah Provinsi', 'SETDA-PROV', ['T.REN.01', 'T.HUK.01']);
  for (const unit of units.filter(
    (u) => !u.parent && !u.code.startsWith('SETDA') && u.code !== 'BPSDM-MALUKU',
  )) {
    const agencyIsProvince = unit.agency === 'PROV-MALUKU';
    if (agencyIsProvince || ['BKD', 'BAPPEDA', 'DINKES'].some((k) => unit.code.startsWith(k))) {
      add(
        'JPT_PRATAMA',
        `Kepala ${unit.name.split(' Provinsi')[0].split(' Kabupaten')[0]}`,
        unit.code,
        fieldsOf(unit.code),
      );
    }
  }
  for (const unit of units.filter((u) => u.parent)) {
    if (positions.length >= 26) break;
    add('ADMINISTRATOR', `Kepala ${unit.name}`, unit.code, fieldsOf(unit.code));
  }
  add('ADMINISTRATOR', 'Sekretaris BPSDM', 'BPSDM-MALUKU', ['T.SDM.02', 'T.SDM.01']);
  add('PENGAWAS', 'Kepala Subbagian Umum dan Kepegawaian', 'BKD-PROV', ['T.SDM.01', 'T.UMM.01']);
  add('PENGAWAS', 'Kepala Seksi Pengembangan Kompetensi Teknis', 'BPSDM-MALUKU', ['T.SDM.02']);
  add('PENGAWAS', 'Kepala Subbagian Keuangan', 'BPKAD-PROV', ['T.KEU.02', 'T.KEU.01']);
  add('PENGAWAS', 'Kepala Seksi Surveilans', 'DINKES-MALTENG', ['T.KES.02']);
  add('PENGAWAS', 'Kepala Subbagian Program', 'BAPPEDA-SBB', ['T.REN.01']);
  add('PELAKSANA', 'Pengadministrasi Perkantoran', 'SETDA-PROV', ['T.UMM.01']);
  add('PELAKSANA', 'Penata Kelola Sistem dan Teknologi Informasi', 'DISKOMINFO-PROV', ['T.TIK.01']);
  add('PELAKSANA', 'Pengelola Keuangan', 'BPKAD-MALTENG', ['T.KEU.02']);
  add('FUNGSIONAL_AHLI_UTAMA', 'Analis Kebijakan Ahli Utama', 'BAPPEDA-PROV', [
    'T.REN.02',
    'T.REN.01',
  ]);
  add('FUNGSIONAL_AHLI_MADYA', 'Auditor Ahli Madya', 'INSPEKTORAT-PROV', ['T.HUK.03', 'T.HUK.02']);
  add('FUNGSIONAL_AHLI_MUDA', 'Analis SDM Aparatur Ahli Muda', 'BKD-PROV', [
    'T.SDM.01',
    'T.SDM.04',
    'T.SDM.03',
  ]);
  add('FUNGSIONAL_AHLI_PERTAMA', 'Perencana Ahli Pertama', 'BAPPEDA-MALTENG', [
    'T.REN.01',
    'T.REN.03',
  ]);
  add('FUNGSIONAL_AHLI_PERTAMA', 'Widyaiswara Ahli Pertama', 'BPSDM-MALUKU', ['T.SDM.02']);
  add('FUNGSIONAL_PENYELIA', 'Pranata Komputer Penyelia', 'DISKOMINFO-PROV', [
    'T.TIK.04',
    'T.TIK.03',
  ]);
  add('FUNGSIONAL_MAHIR', 'Pranata Komputer Mahir', 'DISKOMINFO-MALTENG', ['T.TIK.04']);
  add('FUNGSIONAL_TERAMPIL', 'Arsiparis Terampil', 'DISDIK-PROV', ['T.ARS.01']);
  add('FUNGSIONAL_PEMULA', 'Pengawas Jalan dan Jembatan Pemula', 'DPUPR-PROV', [
    'T.PU.02',
    'T.PU.01',
  ]);
  return positions;
}
