import { ApiKey } from '../api-keys/api-key.entity';
import { Merchant } from '../merchants/merchant.entity';

/** Every entity, listed explicitly so that discovery works the same from ts (jest) and compiled js. */
export const ENTITIES = [Merchant, ApiKey];
