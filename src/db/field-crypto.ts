/**
 * Encryption of personal data at rest (身份证号, phone): AES-256-GCM with a random 96-bit nonce,
 * stored as `v1:<nonce>:<ciphertext>:<tag>` (base64url). Duplicates are found through a keyed
 * hash (HMAC-SHA-256 with a key derived by HKDF), so lookups never decrypt.
 *
 * The key comes from ZHIBU_SECRET_KEY (32 bytes as 64 hex chars or base64), or from a key file
 * created on first start with mode 0600.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { dirname } from 'node:path';

export interface FieldCrypto {
  encrypt(plain: string): string;
  /** Throws when the value was not made with this key (tampered, or another key). */
  decrypt(stored: string): string;
  /** Deterministic keyed hash for equality lookups (hex). */
  blindIndex(plain: string): string;
}

/** Parses a 32-byte key given as 64 hex characters or base64; throws a clear error otherwise. */
export function parseKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) throw new Error('ZHIBU_SECRET_KEY 必须是 32 字节密钥（64 位十六进制或 base64）');
  return key;
}

/**
 * Returns the key from `envKey`, else reads `keyFile`, else creates `keyFile` (0600) with a new
 * random key. Losing the key makes encrypted fields unreadable: back it up with the data.
 */
export function loadOrCreateKey(envKey: string | undefined, keyFile: string): Buffer {
  if (envKey) return parseKey(envKey);
  if (existsSync(keyFile)) return parseKey(readFileSync(keyFile, 'utf8'));
  mkdirSync(dirname(keyFile), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(keyFile, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(keyFile, 0o600);
  return key;
}

/** Field encryption with a 32-byte master key. */
export function createFieldCrypto(masterKey: Buffer): FieldCrypto {
  const encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'zhibu field encryption v1', 32));
  const macKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'zhibu blind index v1', 32));
  return {
    encrypt(plain) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, nonce);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', nonce.toString('base64url'), ct.toString('base64url'), cipher.getAuthTag().toString('base64url')].join(':');
    },
    decrypt(stored) {
      const [v, nonce, ct, tag] = stored.split(':');
      if (v !== 'v1' || !nonce || ct === undefined || !tag) throw new Error('加密字段格式无效');
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(nonce, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
    },
    blindIndex(plain) {
      return createHmac('sha256', macKey).update(plain).digest('hex');
    },
  };
}
