export { CryptoModule, type CryptoModuleAsyncOptions } from './crypto.module';
export { EnvelopeCrypto, CRYPTO_OPTIONS, type CryptoOptions } from './envelope-crypto';
export { EnvelopeDecryptError, KeyConfigError, type DecryptFailureReason } from './crypto.errors';
export { parseMasterKeys, parseBase64Key } from './master-keys';
