import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  InputType,
  Mutation,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../platform/graphql/context';
import { Role } from '../../platform/auth/auth.types';
import { timeZoneOfProvince } from '../../domain/province';
import { Agency } from './agency.entity';
import { AgencyPayload } from './org.mutations';
import { setAgencyLetterhead } from './letterhead.service';

@InputType({
  description:
    'An agency’s letterhead (kop) and the numbering of its berita acara; fields left out keep their value, null clears one.',
})
export class SetAgencyLetterheadInput {
  @Field(() => String, { description: 'The agency (its code).' }) code!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Its province: a Kemendagri code ("81") or name ("Maluku"); sets `timeZone`.',
  })
  province?: string | null;
  @Field(() => String, { nullable: true, description: 'Address line (1–300 characters).' })
  address?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'City of the place-and-date line (1–100 characters), e.g. "Ambon".',
  })
  place?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Format of berita acara numbers, with `{seq}` or `{seq:N}` exactly once and any of `{year}`, `{month}`, `{roman}` (at most 100 characters).',
  })
  numberFormat?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Logo: a `data:image/png;base64,…` or `data:image/jpeg;base64,…` URL; at most 64 KiB and 1024 × 1024 pixels, its bytes checked to be that image.',
  })
  logo?: string | null;
}

@Resolver(() => Agency)
export class LetterheadResolver {
  @Authorized(Role.ADMIN, Role.HR)
  @Mutation(() => AgencyPayload, {
    nullable: true,
    description:
      'Sets an agency’s letterhead and berita acara numbering (ADMIN, or HR of that agency).',
  })
  setAgencyLetterhead(
    @Arg('input', () => SetAgencyLetterheadInput, { description: 'What to change.' })
    input: SetAgencyLetterheadInput,
    @Ctx() ctx: Context,
  ) {
    return setAgencyLetterhead(ctx, input);
  }

  @FieldResolver(() => String, {
    description:
      'IANA time zone of the agency’s documents, from its province: Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT); WIB without a province.',
  })
  timeZone(@Root() agency: Agency): string {
    return timeZoneOfProvince(agency.province);
  }
}
