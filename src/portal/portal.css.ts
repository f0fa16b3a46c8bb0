/** The portal's stylesheet (served from /portal/assets/portal.css; the CSP allows no inline style). */
export const PORTAL_CSS = `
:root { --accent: #1f4e8c; --on-accent: #ffffff; --danger: #a3141e; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; background: #f6f6f4; }
header { display: flex; align-items: center; gap: .75rem; padding: 1rem 1.5rem; background: #fff; border-bottom: 4px solid var(--accent); }
header .logo { max-height: 40px; max-width: 160px; }
header .merchant { font-weight: 600; font-size: 1.1rem; }
main { max-width: 48rem; margin: 0 auto; padding: 1.5rem; }
footer { max-width: 48rem; margin: 0 auto; padding: 0 1.5rem 2rem; }
h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
h2.group { margin-top: 2rem; font-size: 1.25rem; }
.agreement { background: #fff; border: 1px solid #d0d0cc; border-radius: 8px; padding: 1rem 1.25rem; margin: 1rem 0; }
.agreement h3, .agreement h2 { margin-top: 0; }
h4 { margin: 1.25rem 0 .5rem; font-size: 1rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.terms { border-left: 4px solid #d0d0cc; padding: .25rem 1rem; background: #fafaf8; }
.terms-title { font-weight: 600; }
.terms-body { white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #e0e0dc; }
a { color: #174a87; }
a:focus-visible, button:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; }
.actions { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem; margin: 1rem 0; }
button { font: inherit; padding: .6rem 1.1rem; border-radius: 6px; border: 2px solid var(--accent); background: var(--accent); color: var(--on-accent); cursor: pointer; }
button.danger { background: var(--danger); border-color: var(--danger); color: #fff; }
.notice { background: #e7f4ea; border: 1px solid #2e7d32; padding: .75rem 1rem; border-radius: 6px; }
.links { padding-left: 1.25rem; }
.skip { position: absolute; left: -10000px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 1; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
code { font-size: .9em; }
`;

/** The merchant's accent colour with a text colour that keeps WCAG AA contrast on it. */
export function themeCss(accent: string | null): string {
  if (!accent || !/^#[0-9a-f]{6}$/i.test(accent)) return '';
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(accent.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with white is 1.05 / (L + 0.05), with black (L + 0.05) / 0.05: pick the larger.
  const onAccent = 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? '#ffffff' : '#000000';
  return `:root { --accent: ${accent}; --on-accent: ${onAccent}; }\n`;
}

/**
 * The portal's icon (served from /portal/assets/icon.svg): without one the browser asks for /favicon.ico, which
 * answers 404, on every page; a data: URL would break the CSP.
 */
export const PORTAL_ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#1f4e8c"/></svg>\n';
