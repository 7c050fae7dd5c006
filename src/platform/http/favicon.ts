/**
 * The icon of the console and the explorer: three nodes joined as a graph, in the console's
 * blue, as SVG (a few hundred bytes, sharp at every size).
 */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect width="32" height="32" rx="7" fill="#1c5fa8"/>
<path d="M9 22 16 9 23 22Z" fill="none" stroke="#fff" stroke-width="2.2" stroke-linejoin="round"/>
<circle cx="16" cy="9" r="3.6" fill="#ffd24a"/>
<circle cx="9" cy="22" r="3.6" fill="#fff"/>
<circle cx="23" cy="22" r="3.6" fill="#fff"/>
</svg>
`;

/** The `<link>` a page of the server puts in its head for the icon. */
export const FAVICON_LINK = '<link rel="icon" type="image/svg+xml" href="/favicon.svg">';
