/**
 * Fetches the signed report (berita acara) as a PDF and saves it; what went wrong, if the
 * server refused it.
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
      errors?: { message: string }[];
    };
    return body.errors?.[0]?.message ?? `${response.status}`;
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `berita-acara-seleksi.pdf`;
  link.click();
  URL.revokeObjectURL(url);
}
