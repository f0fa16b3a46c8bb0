import { Controller, Get, Header } from '@nestjs/common';
import { KLARNA_SDK_JS } from '../sdk/api-js';

@Controller('emulator/lib/v1')
export class SdkController {
  @Get('api.js')
  @Header('Content-Type', 'application/javascript; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  apiJs(): string {
    return KLARNA_SDK_JS;
  }
}
