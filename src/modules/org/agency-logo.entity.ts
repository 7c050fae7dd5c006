import { Entity, OneToOne, Property } from '@mikro-orm/core';
import { Agency } from './agency.entity';

/**
 * An agency's logo for its letterhead: PNG or JPEG bytes, at most 64 KiB, checked when set
 * (`src/domain/logo.ts`). Kept apart from the agency's row, which hot reads select whole.
 */
@Entity({ tableName: 'agency_logo' })
export class AgencyLogo {
  @OneToOne(() => Agency, { primary: true, owner: true, deleteRule: 'cascade' })
  agency!: Agency;

  @Property({ type: 'blob' })
  bytes!: Buffer;

  /** `image/png` or `image/jpeg`. */
  @Property({ type: 'string', length: 20 })
  mediaType!: string;
}
