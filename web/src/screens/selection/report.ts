/**
 * Fetches the signed report (berita acara) as a PDF and saves it; the API's error code, if the
 * server refused it (the console words it).
 */
export async function downloadReport(
  id: string,
  token: string | null,
): Promise<string | undefined> {
  const response = await fetch(`/selections/${encodeURIComponent(id)}/report.pdf`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as {
      errors?: { extensions?: { code?: string } }[];
    };
    return (
      body.errors?.[0]?.extensions?.code ?? (response.status === 429 ? 'RATE_LIMITED' : 'HTTP')
    );
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `berita-acara-seleksi.pdf`;
  link.click();
  URL.revokeObjectURL(url);
}

/** The verification page of the printed fingerprint, as the berita acara's QR code links it. */
export function verifyHref(id: string, fingerprint: string): string {
  return `/selections/${encodeURIComponent(id)}/verify?fingerprint=${encodeURIComponent(fingerprint)}`;
}
