import type { BodyExample } from '../common/openapi/body-examples';

export const CREATE_PORTAL_SESSION_EXAMPLES: Record<string, BodyExample> = {
  account: {
    summary: "A link from the customer's account page",
    value: { return_url: 'https://citybikes.example/account', locale: 'de-DE' },
  },
};

export const UPDATE_PORTAL_SETTINGS_EXAMPLES: Record<string, BodyExample> = {
  branded: {
    summary: 'Portal on, with your name and colour',
    value: { enabled: true, display_name: 'Citybikes', accent_color: '#0b6e4f' },
  },
};
