/**
 * Which currency the emulator accepts per purchase (or billing) country. Klarna's real matrix is not public in a
 * machine-readable form (REFERENCE §10.8, UNCONFIRMED); this table follows Klarna's published market list.
 * Keep docs/emulator.md in sync.
 */
const EURO_COUNTRIES = [
  'AT',
  'BE',
  'DE',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'NL',
  'PT',
  'SI',
  'SK',
];

export const MARKET_CURRENCIES: Readonly<Record<string, string>> = {
  US: 'USD',
  CA: 'CAD',
  MX: 'MXN',
  GB: 'GBP',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  CH: 'CHF',
  PL: 'PLN',
  CZ: 'CZK',
  HU: 'HUF',
  RO: 'RON',
  AU: 'AUD',
  NZ: 'NZD',
  ...Object.fromEntries(EURO_COUNTRIES.map((country) => [country, 'EUR'])),
};
