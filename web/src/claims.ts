/** Who the signed-in user is, as the console reads it from their token. */
export interface Claims {
  readonly role: string;
  readonly agency?: string;
  readonly nip?: string;
}
