import { StringField } from '../../common/validation/fields';

export class DemoSignUpDto {
  @StringField({ maxLength: 40, example: 'ses_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  session_id!: string;

  @StringField({ maxLength: 40, example: 'trm_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  terms_id!: string;

  @StringField({ maxLength: 2000, description: 'The consent checkbox label exactly as the page showed it.' })
  acceptance_text!: string;

  @StringField({ maxLength: 4000, description: 'What Klarna.Payments.authorize() called back with.' })
  authorization_token!: string;
}

export class DemoChargeDto {
  @StringField({
    maxLength: 255,
    description: 'Chosen by the page once per charge, so that a retried click never charges twice.',
  })
  idempotency_key!: string;
}
