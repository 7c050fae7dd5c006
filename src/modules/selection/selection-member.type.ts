import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { CommitteeRole } from '../../domain/committee';

registerEnumType(CommitteeRole, {
  name: 'CommitteeRole',
  description:
    'The role of a member of a selection committee (panitia seleksi): one chair, at most one secretary, the others members.',
  valuesConfig: {
    CHAIR: { description: 'Ketua: leads the committee and signs first.' },
    SECRETARY: { description: 'Sekretaris: keeps the record; at most one.' },
    MEMBER: { description: 'Anggota.' },
  },
});

/** A member as stored in `selection.members` (JSON). */
export interface StoredMember {
  readonly name: string;
  readonly nip: string;
  readonly role: CommitteeRole;
}

@ObjectType({
  description: 'A member of the committee of a selection, who signs its berita acara.',
})
export class SelectionMember {
  @Field(() => String, { description: 'Full name with titles, as it is signed.' }) name!: string;
  @Field(() => String, { description: 'NIP (18 digits).' }) nip!: string;
  @Field(() => CommitteeRole, { description: 'Role in the committee.' }) role!: CommitteeRole;
}

@InputType({ description: 'A member of a selection committee.' })
export class SelectionMemberInput {
  @Field(() => String, {
    description: 'Full name with titles (not empty, at most 200 characters).',
  })
  name!: string;
  @Field(() => String, { description: 'NIP: 18 digits with a valid birth date, TMT and sex.' })
  nip!: string;
  @Field(() => CommitteeRole, { description: 'Role in the committee.' }) role!: CommitteeRole;
}
