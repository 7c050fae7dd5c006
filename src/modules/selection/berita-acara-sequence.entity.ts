import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The last berita acara number an agency gave in a year. A closing takes the next one with one
 * `insert … on conflict do update … returning` (`nextNumber` in selection.numbering.ts), so
 * concurrent closings get distinct numbers without a lock of their own.
 */
@Entity({ tableName: 'berita_acara_sequence' })
export class BeritaAcaraSequence {
  @PrimaryKey({ type: 'string', length: 64 })
  agency!: string;

  @PrimaryKey({ type: 'integer' })
  year!: number;

  @Property({ type: 'integer' })
  last!: number;
}
