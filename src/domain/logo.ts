/**
 * A letterhead logo as it may be set: a `data:` URL of a PNG or a JPEG, base64, whose bytes are
 * what the media type says (checked by their signature and header, not trusted from the URL),
 * at most 64 KiB and at most 1024 × 1024 pixels (so decoding it for the PDF stays small).
 */
export const MAX_LOGO_BYTES = 64 * 1024;
export const MAX_LOGO_SIDE = 1024;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export type LogoResult =
  | { ok: true; mediaType: 'image/png' | 'image/jpeg'; bytes: Uint8Array }
  | { ok: false; reason: string };

/** The logo a data URL holds, or why it is refused. */
export function parseLogo(dataUrl: string): LogoResult {
  // Refuse by length before decoding anything.
  if (dataUrl.length > 40 + Math.ceil(MAX_LOGO_BYTES / 3) * 4)
    return { ok: false, reason: `larger than ${MAX_LOGO_BYTES / 1024} KiB` };
  const match = /^data:(image\/png|image\/jpeg);base64,([A-Za-z0-9+/]*={0,2})$/.exec(dataUrl);
  if (!match) return { ok: false, reason: 'not a data URL of image/png or image/jpeg in base64' };
  const [, mediaType, text] = match as unknown as [string, 'image/png' | 'image/jpeg', string];
  if (text.length === 0 || text.length % 4 !== 0) return { ok: false, reason: 'bad base64' };
  const binary = atob(text);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  if (bytes.length > MAX_LOGO_BYTES)
    return { ok: false, reason: `larger than ${MAX_LOGO_BYTES / 1024} KiB` };
  const size = mediaType === 'image/png' ? pngSize(bytes) : jpegSize(bytes);
  if (!size)
    return {
      ok: false,
      reason: `the bytes are not a ${mediaType === 'image/png' ? 'PNG' : 'JPEG'} image`,
    };
  if (
    size.width < 1 ||
    size.height < 1 ||
    size.width > MAX_LOGO_SIDE ||
    size.height > MAX_LOGO_SIDE
  )
    return {
      ok: false,
      reason: `${size.width} × ${size.height} pixels: at most ${MAX_LOGO_SIDE} × ${MAX_LOGO_SIDE}`,
    };
  return { ok: true, mediaType, bytes };
}

const u32 = (b: Uint8Array, at: number) =>
  ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
const u16 = (b: Uint8Array, at: number) => (b[at] << 8) | b[at + 1];

/** A PNG's size from its IHDR chunk (the first, by the format), or undefined. */
function pngSize(b: Uint8Array): { width: number; height: number } | undefined {
  if (b.length < 33 || PNG_SIGNATURE.some((v, i) => b[i] !== v)) return undefined;
  const ihdr = String.fromCharCode(b[12], b[13], b[14], b[15]);
  if (u32(b, 8) !== 13 || ihdr !== 'IHDR') return undefined;
  return { width: u32(b, 16), height: u32(b, 20) };
}

/** A JPEG's size from its first start-of-frame marker, or undefined. */
function jpegSize(b: Uint8Array): { width: number; height: number } | undefined {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1];
    const length = u16(b, at + 2);
    if (length < 2) return undefined;
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
      return { height: u16(b, at + 5), width: u16(b, at + 7) };
    at += 2 + length;
  }
  return undefined;
}
