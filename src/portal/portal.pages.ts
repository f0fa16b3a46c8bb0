import type { PortalAgreement, PortalOverview } from './portal.service';
import type { PortalBranding } from './portal-settings.service';
import { type PortalLocale, words, type WordKey } from './portal.i18n';

/*
 * The portal's pages: plain server-rendered HTML, no script at all (the CSP forbids any), every action a form
 * or a link. Everything that comes from data goes through `esc`.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const esc = (value: unknown): string => String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/** A page's text in one locale, with `{name}` placeholders filled in (escaped). */
export class Text {
  readonly words: ReturnType<typeof words>;

  constructor(
    readonly locale: PortalLocale,
    readonly merchant: string,
  ) {
    this.words = words(locale);
  }

  t(key: WordKey, values: Record<string, string | number> = {}): string {
    const all: Record<string, string | number> = { merchant: this.merchant, ...values };
    return esc(this.words[key]).replace(/\{(\w+)\}/g, (_, name: string) => esc(all[name] ?? ''));
  }

  date(iso: string): string {
    return `${new Intl.DateTimeFormat(this.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso))} UTC`;
  }

  day(iso: string): string {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
  }

  money(minor: number, currency: string): string {
    const format = new Intl.NumberFormat(this.locale, { style: 'currency', currency });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(minor / 10 ** digits);
  }
}

export interface PageFrame {
  text: Text;
  branding: PortalBranding;
  title: string;
  returnUrl?: string | null;
}

function layout(frame: PageFrame, main: string): string {
  const { text, branding } = frame;
  const logo = branding.logoUrl ? `<img class="logo" src="${esc(branding.logoUrl)}" alt="">` : '';
  const back = frame.returnUrl
    ? `<footer><a href="${esc(frame.returnUrl)}">${text.t('back')}</a></footer>`
    : '';
  return `<!doctype html>
<html lang="${text.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${frame.title} · ${esc(branding.name)}</title>
<link rel="icon" href="/portal/assets/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/portal/assets/portal.css">
<link rel="stylesheet" href="/portal/theme.css">
</head>
<body>
<a class="skip" href="#main">${text.t('skip')}</a>
<header>${logo}<span class="merchant">${esc(branding.name)}</span></header>
<main id="main">
${main}
</main>
${back}
</body>
</html>
`;
}

function limitsOf(text: Text, a: PortalAgreement): string {
  const { limits } = a;
  const often =
    limits.interval === null
      ? text.t('onDemand')
      : (limits.intervalCount ?? 1) === 1
        ? text.t(`interval.${limits.interval}` as WordKey)
        : text.t(`intervals.${limits.interval}` as WordKey, { n: limits.intervalCount ?? 1 });
  return `<dl class="facts">
<dt>${text.t('currency')}</dt><dd>${esc(limits.currency)}</dd>
<dt>${text.t('maxAmount')}</dt><dd>${text.money(limits.maxOrderAmount, limits.currency)}</dd>
<dt>${text.t('howOften')}</dt><dd>${often}</dd>
</dl>`;
}

function subscriptionsOf(text: Text, a: PortalAgreement, headingId: string): string {
  if (a.subscriptions.length === 0) return `<p>${text.t('noSubscriptions')}</p>`;
  const rows = a.subscriptions
    .map(
      (s) => `<tr><td>${esc(s.name)}</td><td>${text.t(`sub.${s.status}` as WordKey)}</td>
<td>${s.nextChargeAt ? text.day(s.nextChargeAt) : text.t('noNextCharge')}</td><td>${text.money(s.amount, s.currency)}</td></tr>`,
    )
    .join('\n');
  return `<table aria-labelledby="${headingId}">
<thead><tr><th scope="col">${text.t('subscription')}</th><th scope="col">${text.t('status')}</th><th scope="col">${text.t('nextCharge')}</th><th scope="col">${text.t('amount')}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function chargesOf(text: Text, a: PortalAgreement, headingId: string): string {
  if (a.charges.length === 0) return `<p>${text.t('noCharges')}</p>`;
  const rows = a.charges
    .map(
      (c) =>
        `<tr><td>${text.date(c.createdAt)}</td><td>${text.money(c.amount, c.currency)}</td><td>${text.t(`order.${c.status}` as WordKey)}</td></tr>`,
    )
    .join('\n');
  return `<table aria-labelledby="${headingId}">
<thead><tr><th scope="col">${text.t('date')}</th><th scope="col">${text.t('amount')}</th><th scope="col">${text.t('status')}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function termsOf(text: Text, a: PortalAgreement, h: number): string {
  return `<h${h}>${text.t('termsAccepted')}</h${h}>
<div class="terms"><p class="terms-title">${esc(a.termsTitle)}</p><p class="terms-body">${esc(a.termsBody)}</p></div>
<h${h}>${text.t('confirmed')}</h${h}>
<p class="confirmed">${esc(a.acceptanceText)}</p>`;
}

function agreementSection(text: Text, a: PortalAgreement, i: number): string {
  const id = `agreement-${i}`;
  const live = a.status !== 'canceled';
  const actions = live
    ? `<form method="get" action="/portal/agreements/${esc(a.reference)}/withdraw" class="actions">
<button type="submit" class="danger">${text.t('stop')}<span class="visually-hidden">: ${esc(a.termsTitle)} (${esc(a.reference)})</span></button>
</form>`
    : '';
  return `<section class="agreement" aria-labelledby="${id}">
<h3 id="${id}">${esc(a.description || a.termsTitle)}</h3>
<dl class="facts">
<dt>${text.t('status')}</dt><dd>${text.t(`token.${a.status}`)}</dd>
<dt>${text.t('reference')}</dt><dd><code>${esc(a.reference)}</code></dd>
<dt>${text.t('acceptedAt')}</dt><dd>${text.date(a.acceptedAt)}</dd>
<dt>${text.t('version')}</dt><dd>${a.termsVersion}</dd>
${a.withdrawnAt ? `<dt>${text.t('withdrawnAt')}</dt><dd>${text.date(a.withdrawnAt)}</dd>` : ''}
</dl>
${termsOf(text, a, 4)}
<h4>${text.t('limits')}</h4>
${limitsOf(text, a)}
<h4 id="${id}-subs">${text.t('subscriptions')}</h4>
${subscriptionsOf(text, a, `${id}-subs`)}
<h4 id="${id}-charges">${text.t('charges')}</h4>
${chargesOf(text, a, `${id}-charges`)}
${actions}
<p><a href="/portal/agreements/${esc(a.reference)}/receipt">${text.t('receipt')}<span class="visually-hidden">: ${esc(a.termsTitle)} (${esc(a.reference)})</span></a></p>
</section>`;
}

export function overviewPage(
  text: Text,
  view: PortalOverview,
  returnUrl: string | null,
  notice: string | null,
): string {
  const live = view.agreements.filter((a) => a.status !== 'canceled');
  const stopped = view.agreements.filter((a) => a.status === 'canceled');
  const stopAll =
    live.length > 1
      ? `<form method="get" action="/portal/withdraw-all" class="actions"><button type="submit" class="danger">${text.t('stopAll')}</button></form>`
      : '';
  const main = `<h1>${text.t('title')}</h1>
${notice ? `<p class="notice" role="status">${notice}</p>` : ''}
<p>${text.t('intro')}</p>
${view.agreements.length === 0 ? `<p>${text.t('none')}</p>` : ''}
${live.length > 0 ? `<h2 class="group">${text.t('active')}</h2>${stopAll}` : ''}
${live.map((a, i) => agreementSection(text, a, i)).join('\n')}
${stopped.length > 0 ? `<h2 class="group">${text.t('stopped')}</h2>` : ''}
${stopped.map((a, i) => agreementSection(text, a, live.length + i)).join('\n')}`;
  return layout({ text, branding: view.branding, title: text.t('title'), returnUrl }, main);
}

export function confirmPage(
  text: Text,
  branding: PortalBranding,
  a: PortalAgreement,
  csrf: string,
  returnUrl: string | null,
): string {
  const main = `<h1>${text.t('confirmTitle')}</h1>
<section class="agreement" aria-labelledby="what">
<h2 id="what">${esc(a.description || a.termsTitle)}</h2>
<dl class="facts">
<dt>${text.t('reference')}</dt><dd><code>${esc(a.reference)}</code></dd>
<dt>${text.t('acceptedAt')}</dt><dd>${text.date(a.acceptedAt)}</dd>
</dl>
${termsOf(text, a, 3)}
</section>
<p>${text.t('confirmText')}</p>
<p>${text.t('inFlight')}</p>
<form method="post" action="/portal/agreements/${esc(a.reference)}/withdraw" class="actions">
<input type="hidden" name="csrf" value="${esc(csrf)}">
<button type="submit" class="danger">${text.t('confirmYes')}</button>
<a href="/portal">${text.t('confirmNo')}</a>
</form>`;
  return layout({ text, branding, title: text.t('confirmTitle'), returnUrl }, main);
}

export function confirmAllPage(
  text: Text,
  branding: PortalBranding,
  count: number,
  csrf: string,
  returnUrl: string | null,
): string {
  const main = `<h1>${text.t('confirmAllTitle')}</h1>
<p>${text.t('confirmAllText', { count })}</p>
<p>${text.t('inFlight')}</p>
<form method="post" action="/portal/withdraw-all" class="actions">
<input type="hidden" name="csrf" value="${esc(csrf)}">
<button type="submit" class="danger">${text.t('confirmAllYes')}</button>
<a href="/portal">${text.t('confirmNo')}</a>
</form>`;
  return layout({ text, branding, title: text.t('confirmAllTitle'), returnUrl }, main);
}

export function withdrawnPage(
  text: Text,
  branding: PortalBranding,
  a: PortalAgreement,
  returnUrl: string | null,
): string {
  const main = `<h1>${text.t('doneTitle')}</h1>
<p role="status">${text.t('doneText', { at: a.withdrawnAt ? text.date(a.withdrawnAt) : '' })}</p>
<p>${text.t('inFlight')}</p>
<ul class="links">
<li><a href="/portal/agreements/${esc(a.reference)}/receipt">${text.t('viewReceipt')}</a></li>
<li><a href="/portal/agreements/${esc(a.reference)}/receipt.jws" download>${text.t('downloadReceipt')}</a></li>
<li><a href="/portal">${text.t('overview')}</a></li>
</ul>`;
  return layout({ text, branding, title: text.t('doneTitle'), returnUrl }, main);
}

export function receiptPage(
  text: Text,
  branding: PortalBranding,
  a: PortalAgreement,
  customerId: string,
  returnUrl: string | null,
): string {
  const main = `<h1>${text.t('receiptTitle')}</h1>
<p>${text.t('receiptIntro')}</p>
<dl class="facts">
<dt>${text.t('merchant')}</dt><dd>${esc(branding.name)}</dd>
<dt>${text.t('customer')}</dt><dd>${esc(customerId)}</dd>
<dt>${text.t('reference')}</dt><dd><code>${esc(a.reference)}</code></dd>
<dt>${text.t('acceptedAt')}</dt><dd>${text.date(a.acceptedAt)}</dd>
<dt>${text.t('version')}</dt><dd>${a.termsVersion}</dd>
<dt>${text.t('status')}</dt><dd>${text.t(`token.${a.status}`)}</dd>
${a.withdrawnAt ? `<dt>${text.t('withdrawnAt')}</dt><dd>${text.date(a.withdrawnAt)}${a.withdrawnInPortal ? ` (${text.t('withdrawnHere')})` : ''}</dd>` : ''}
</dl>
${termsOf(text, a, 2)}
<h2>${text.t('limits')}</h2>
${limitsOf(text, a)}
<ul class="links">
<li><a href="/portal/agreements/${esc(a.reference)}/receipt.jws" download>${text.t('downloadReceipt')}</a></li>
<li><a href="/portal">${text.t('overview')}</a></li>
</ul>`;
  return layout({ text, branding, title: text.t('receiptTitle'), returnUrl }, main);
}

export function errorPage(text: Text, branding: PortalBranding, message: string): string {
  const main = `<h1>${text.t('error.title')}</h1>
<p>${message}</p>`;
  return layout({ text, branding, title: text.t('error.title') }, main);
}

/**
 * After the link: a page that moves on to the overview by itself (meta refresh, no script). A redirect would not
 * do: a browser that came from the merchant's site treats the redirected request as cross-site and withholds
 * the SameSite=Strict cookie just set; a refresh from this page is same-site.
 */
export function openingPage(text: Text, branding: PortalBranding): string {
  return layout(
    { text, branding, title: text.t('opening') },
    `<h1>${text.t('opening')}</h1>
<p><a href="/portal">${text.t('continue')}</a></p>`,
  ).replace(
    '<meta name="referrer"',
    '<meta http-equiv="refresh" content="0;url=/portal">\n<meta name="referrer"',
  );
}
