import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from '../../../common/pagination/pagination';
import { DateTimeField, StringField } from '../../../common/validation/fields';

export const TEST_CLOCK_STATUS_VALUES = ['ready', 'advancing', 'internal_failure'] as const;

export class CreateTestClockDto {
  @DateTimeField({
    example: '2027-01-01T00:00:00Z',
    description:
      "The clock's time to start at (ISO 8601, between 2000 and 2100). Subscriptions created on the clock see " +
      'this as "now" until it is advanced.',
  })
  frozen_time!: string;

  @StringField({ optional: true, maxLength: 255, example: 'Annual plan renewals' })
  name?: string;
}

export class AdvanceTestClockDto {
  @DateTimeField({
    example: '2027-02-01T00:00:00Z',
    description: "Later than the clock's current frozen_time, and at most 2 years (730 days) after it.",
  })
  frozen_time!: string;
}

export class TestClockDto {
  @ApiProperty({ example: 'clk_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  id!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Annual plan renewals' })
  name!: string | null;

  @ApiProperty({ format: 'date-time', example: '2027-01-01T00:00:00.000Z' })
  frozen_time!: string;

  @ApiProperty({
    enum: TEST_CLOCK_STATUS_VALUES,
    description:
      '`advancing` while the renewals, retries and token checks that came due are being done (seconds), then ' +
      '`ready`. `internal_failure`: they could not all be done; advancing again retries.',
  })
  status!: (typeof TEST_CLOCK_STATUS_VALUES)[number];

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      "Klarna's time after the last move: with the Klarna emulator it moves with the clock (forward only, for " +
      "the whole emulator); null with Klarna's playground, whose time stays real.",
  })
  klarna_time!: string | null;

  @ApiProperty({ format: 'date-time', description: 'Real time of creation.' })
  created_at!: string;
}

export class TestClockPageDto extends PageMetaDto {
  @ApiProperty({ type: () => [TestClockDto] })
  data!: TestClockDto[];
}

export class DeletedTestClockDto {
  @ApiProperty({ example: 'clk_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  id!: string;

  @ApiProperty({ example: true })
  deleted!: true;

  @ApiProperty({ example: 1, description: 'Subscriptions on the clock that were canceled with it.' })
  subscriptions_canceled!: number;
}
