import './org.enums';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../shared/node.type';
import { AgencyKind } from '../../domain/org.enums';

/** A government agency (instansi): a ministry, a province, a regency or a city. */
@Entity({ tableName: 'agency' })
@ObjectType({ implements: Node, description: 'A government agency (instansi).' })
export class Agency extends Node {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String, { description: 'Natural key, e.g. `PROV-MALUKU`.' })
  @Property({ type: 'string', length: 64, unique: true })
  code!: string;

  @Field(() => String, { description: 'Official name, e.g. "Pemerintah Provinsi Maluku".' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => AgencyKind, { description: 'Kind of agency.' })
  @Enum({ items: () => AgencyKind })
  kind!: AgencyKind;

  /** Kemendagri code of the agency's province (`src/domain/province.ts`); its zone dates reports. */
  @Field(() => String, {
    nullable: true,
    description:
      'Kemendagri code of the agency’s province (e.g. "81" for Maluku); it sets `timeZone`. Null for central government.',
  })
  @Property({ type: 'string', length: 2, nullable: true })
  province?: string | null;

  /** Address line of the letterhead (kop surat). */
  @Field(() => String, { nullable: true, description: 'Address printed on the letterhead (kop).' })
  @Property({ type: 'text', nullable: true })
  address?: string | null;

  /** The city of the place-and-date line of its documents ("Ambon, 7 Desember 2026"). */
  @Field(() => String, {
    nullable: true,
    description: 'City of the place-and-date line of its documents, e.g. "Ambon".',
  })
  @Property({ type: 'string', length: 100, nullable: true })
  place?: string | null;

  /** The format of its berita acara numbers (`src/domain/berita-acara.ts`); null: the default. */
  @Field(() => String, {
    nullable: true,
    description:
      'Format of its berita acara numbers: `{seq}` or `{seq:N}` (the agency’s sequence of the year, zero-padded to N), `{year}`, `{month}`, `{roman}` (the month in Roman numerals), e.g. "800/{seq:3}/BKD/{year}". Null: "BA-{seq:3}/{roman}/{year}".',
  })
  @Property({ type: 'string', length: 100, nullable: true })
  numberFormat?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt!: Date;
}
