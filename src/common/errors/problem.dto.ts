import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'order_lines[0].total_tax_amount', description: 'JSON path of the field.' })
  field!: string;

  @ApiProperty({ example: 'must be an integer number' })
  message!: string;
}

export class UpstreamErrorDto {
  @ApiProperty({ example: 'BAD_VALUE', description: "Klarna's error_code." })
  error_code!: string;

  @ApiPropertyOptional({
    example: '6a9b1cb1-73a3-4936-a030-481ba4bb203b',
    description: "Klarna's correlation id.",
  })
  correlation_id?: string;
}

/** RFC 9457 problem details, the body of every error response (`application/problem+json`). */
export class ProblemDto {
  @ApiProperty({
    example: '/problems/validation-failed',
    description: 'URI reference identifying the problem type.',
  })
  type!: string;

  @ApiProperty({ example: 'Bad Request' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: '1 field failed validation.' })
  detail!: string;

  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable, machine-readable, UPPER_SNAKE.' })
  code!: string;

  @ApiPropertyOptional({
    type: [FieldErrorDto],
    description: 'Every bad field, when the request was invalid.',
  })
  errors?: FieldErrorDto[];

  @ApiProperty({ example: 'req_01JD3X9R0S4V8W2Y6Z1A3B5C7D' })
  request_id!: string;

  @ApiPropertyOptional({ type: UpstreamErrorDto, description: 'Present when Klarna refused the request.' })
  upstream?: UpstreamErrorDto;
}
