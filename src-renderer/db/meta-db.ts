import Dexie, { type EntityTable } from 'dexie';
import type { Role } from '../../src-shared/roles';
import type { Language } from '../i18n/language';

/**
 * `orderline-meta`: the only database shared by everyone who uses this PC. It holds who has
 * signed in here (to allow offline sign-in) and device-wide settings — never business data,
 * which lives in each user's own database (db/user-db.ts), and never a password or a
 * readable session token.
 */

/** What offline sign-in needs; made by auth/offline-verifier.ts. */
export interface OfflineCredential {
  /** Format version, so a stronger KDF can replace this one without guessing. */
  v: 1;
  iterations: number;
  verifierSalt: Uint8Array<ArrayBuffer>;
  /** PBKDF2-SHA256(password, verifierSalt): compared in constant time, never reversible. */
  verifier: Uint8Array<ArrayBuffer>;
  keySalt: Uint8Array<ArrayBuffer>;
  iv: Uint8Array<ArrayBuffer>;
  /** AES-GCM(PBKDF2(password, keySalt), session token), bound to the profile fields. */
  tokenCiphertext: Uint8Array<ArrayBuffer>;
}

export interface KnownUser {
  userId: string;
  /** As the server spells it (lower case); unique on this PC. */
  username: string;
  displayName: string;
  role: Role;
  /** This user's sync client on this PC (UUIDv7), registered with POST /api/devices. */
  clientId: string;
  /** Absent when offline sign-in was revoked here (password changed on the server). */
  credential: OfflineCredential | null;
  /** ISO 8601: when the session token inside the credential stops being accepted. */
  tokenExpiresAt: string;
  /** ISO 8601 */
  lastOnlineSignInAt: string;
}

/** Device-wide settings; the key names the value's type. */
export interface SettingValues {
  language: Language;
  deviceName: string;
  navCollapsed: boolean;
  /** The order desk's sound for new online orders (issue 5); on unless turned off. */
  orderAlertSound: boolean;
}
export type SettingKey = keyof SettingValues;

interface SettingRow {
  key: SettingKey;
  value: SettingValues[SettingKey];
}

export const META_DB_NAME = 'orderline-meta';

export class MetaDb extends Dexie {
  declare knownUsers: EntityTable<KnownUser, 'userId'>;
  declare settings: EntityTable<SettingRow, 'key'>;

  constructor(name: string = META_DB_NAME) {
    super(name);
    // Version 1. A new version goes below this one with its upgrade, plus a test in
    // meta-db.test.ts that starts from version 1 with data in it.
    this.version(1).stores({
      knownUsers: 'userId, &username',
      settings: 'key',
    });
  }

  async getSetting<K extends SettingKey>(key: K): Promise<SettingValues[K] | undefined> {
    const row = await this.settings.get(key);
    return row?.value as SettingValues[K] | undefined;
  }

  async setSetting<K extends SettingKey>(key: K, value: SettingValues[K]): Promise<void> {
    await this.settings.put({ key, value });
  }

  findKnownUser(username: string): Promise<KnownUser | undefined> {
    return this.knownUsers.where('username').equals(username).first();
  }
}

let shared: MetaDb | undefined;

/** The app's one connection; tests make their own `new MetaDb(name)`. */
export function metaDb(): MetaDb {
  shared ??= new MetaDb();
  return shared;
}
