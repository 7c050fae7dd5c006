/** The verification page of a berita acara, in Indonesian: plain HTML, no script, no link out. */

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}' +
  '.ok{color:#0b6b2f}.bad{color:#a11212}code{word-break:break-all}input{width:100%;font-family:monospace}';

function page(title: string, body: string): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(title)}</title><style>${STYLE}</style></head><body><h1>${escape(title)}</h1>${body}</body></html>`;
}

/** The answer: whether the stored selection still matches the fingerprint. */
export function verifyPage(selectionId: number, verified: boolean, fingerprint: string): string {
  const verdict = verified
    ? '<p class="ok" data-verified="true"><strong>Cocok.</strong> Data seleksi yang tersimpan masih sesuai dengan sidik jari yang tercetak pada berita acara.</p>'
    : '<p class="bad" data-verified="false"><strong>Tidak cocok.</strong> Data seleksi yang tersimpan tidak sesuai dengan sidik jari ini: berita acara atau datanya telah berubah.</p>';
  return page(
    `Verifikasi berita acara seleksi ${selectionId}`,
    `${verdict}<p>Sidik jari (HMAC-SHA256): <code>${escape(fingerprint)}</code></p>`,
  );
}

/** The form that asks for the fingerprint printed on the berita acara. */
export function fingerprintForm(selectionId: number, problem?: string): string {
  return page(
    `Verifikasi berita acara seleksi ${selectionId}`,
    (problem ? `<p class="bad">${escape(problem)}</p>` : '') +
      `<form method="get"><label for="fp">Sidik jari yang tercetak pada berita acara (64 karakter heksadesimal)</label><p><input id="fp" name="fingerprint" required pattern="[0-9a-fA-F]{64}" autocomplete="off"></p><p><button type="submit">Periksa</button></p></form>`,
  );
}

/** A refusal as a page (a bad number, no such selection). */
export function problemPage(title: string, message: string): string {
  return page(title, `<p class="bad">${escape(message)}</p>`);
}
