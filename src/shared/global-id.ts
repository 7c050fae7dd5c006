/** Encodes a type name and a primary key as an opaque, URL-safe global ID. */
export function toGlobalId(typeName: string, id: number): string {
  return Buffer.from(`${typeName}:${id}`, 'utf8').toString('base64url');
}

/** Decodes a global ID; anything malformed gives undefined, never an exception. */
export function fromGlobalId(globalId: string): { typeName: string; id: number } | undefined {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(globalId)) return undefined;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const match = /^([A-Z][A-Za-z]{1,40}):([1-9]\d{0,14})$/.exec(decoded);
  if (!match) return undefined;
  return { typeName: match[1], id: Number(match[2]) };
}
