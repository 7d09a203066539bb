import {
  loginResponse,
  type ApiErrorCode,
  type LoginResponse,
  type User,
} from '../../src-shared/api/auth';
import { uuidv7 } from '../../src-shared/ids';
import type { ApiFetch, ApiIssue } from '../api/http';
import type { KnownUser, MetaDb } from '../db/meta-db';
import {
  createOfflineCredential,
  openOfflineCredential,
  verifyPassword,
  type CredentialBinding,
} from './offline-verifier';

/** A signed-in user. `offline`: signed in against the cached verifier, server unreachable. */
export interface Session {
  user: Pick<User, 'id' | 'username' | 'displayName' | 'role'>;
  token: string;
  /** ISO 8601; an offline session may hold an expired token, which cannot sync. */
  tokenExpiresAt: string;
  mode: 'online' | 'offline';
  /** This user's sync client id on this PC. */
  clientId: string;
}

export type SignInError =
  | ApiErrorCode
  | 'network-error'
  /** Server unreachable and this username never signed in online on this PC. */
  | 'offline-unknown-user'
  /** Server unreachable and the password does not match the cached verifier. */
  | 'offline-invalid-credentials'
  /** Server unreachable and this runtime has no WebCrypto or IndexedDB. */
  | 'offline-unavailable';

export type SignInResult =
  { ok: true; session: Session } | { ok: false; error: SignInError; issues?: ApiIssue[] };

export interface SignInDeps {
  api: ApiFetch;
  db: MetaDb;
  deviceName: () => Promise<string>;
  now?: () => Date;
  /** Crypto failures must not block an online sign-in; this tells someone about them. */
  warn?: (message: string, error: unknown) => void;
}

/** Usernames are lower case by schema; accept what people type on a shared keyboard. */
export function normalizeUsername(raw: string): string {
  return raw.trim().toLowerCase();
}

function bindingOf(user: KnownUser | LoginResponse['user'], tokenExpiresAt: string) {
  const userId = 'userId' in user ? user.userId : user.id;
  return {
    userId,
    username: user.username,
    role: user.role,
    tokenExpiresAt,
  } satisfies CredentialBinding;
}

/**
 * Online first; offline only when the server cannot be reached. An answer from the server —
 * wrong password, disabled account, rate limit — is final and never falls back to the cache,
 * or a disabled user could keep working by pulling the network cable.
 */
export async function signIn(
  deps: SignInDeps,
  rawUsername: string,
  password: string,
): Promise<SignInResult> {
  const username = normalizeUsername(rawUsername);
  const login = await deps.api('/api/auth/login', {
    method: 'POST',
    body: { username, password },
    schema: loginResponse,
  });
  if (login.ok)
    return { ok: true, session: await completeOnlineSignIn(deps, login.value, password) };
  if (login.error === 'network-error') return signInOffline(deps, username, password);
  await forgetStaleCredential(deps, username, password, login.error);
  return login.issues
    ? { ok: false, error: login.error, issues: login.issues }
    : { ok: false, error: login.error };
}

async function completeOnlineSignIn(
  deps: SignInDeps,
  answer: LoginResponse,
  password: string,
): Promise<Session> {
  const now = (deps.now ?? (() => new Date()))();
  const { user, token, expiresAt } = answer;
  let known: KnownUser | undefined;
  try {
    known = await deps.db.knownUsers.get(user.id);
  } catch (e) {
    deps.warn?.('could not read known users', e);
  }
  let clientId = known?.clientId ?? uuidv7();
  try {
    const credential = await createOfflineCredential(password, token, bindingOf(user, expiresAt));
    await deps.db.transaction('rw', deps.db.knownUsers, async () => {
      // A user deleted and re-created on the server has a new id but the same name.
      await deps.db.knownUsers
        .where('username')
        .equals(user.username)
        .and((k) => k.userId !== user.id)
        .delete();
      await deps.db.knownUsers.put({
        userId: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        clientId,
        credential,
        tokenExpiresAt: expiresAt,
        lastOnlineSignInAt: now.toISOString(),
      });
    });
  } catch (e) {
    deps.warn?.('offline sign-in could not be prepared on this PC', e);
  }
  const session: Session = {
    user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
    token,
    tokenExpiresAt: expiresAt,
    mode: 'online',
    clientId,
  };
  clientId = await registerDevice(deps, session);
  return { ...session, clientId };
}

/**
 * POST /api/devices for this user's client id; answers the id that is registered. A clash with
 * another user's id (a copied profile) gets a fresh id. Other failures leave the id as is: the
 * sync engine registers again when it meets `unknown-client`.
 */
export async function registerDevice(
  deps: Pick<SignInDeps, 'api' | 'db' | 'deviceName' | 'warn'>,
  session: Session,
): Promise<string> {
  const deviceName = (await deps.deviceName()).slice(0, 100) || 'OrderLine';
  let clientId = session.clientId;
  for (let attempt = 0; attempt < 2; attempt++) {
    const r = await deps.api('/api/devices', {
      method: 'POST',
      body: { clientId, deviceName },
      token: session.token,
    });
    if (r.ok) return clientId;
    if (r.error !== 'client-id-taken') {
      deps.warn?.(`device registration failed: ${r.error}`, r.message);
      return clientId;
    }
    clientId = uuidv7();
    try {
      await deps.db.knownUsers.update(session.user.id, { clientId });
    } catch (e) {
      deps.warn?.('could not store the new client id', e);
    }
  }
  return clientId;
}

async function signInOffline(
  deps: SignInDeps,
  username: string,
  password: string,
): Promise<SignInResult> {
  if (!globalThis.crypto?.subtle) return { ok: false, error: 'offline-unavailable' };
  let known: KnownUser | undefined;
  try {
    known = await deps.db.findKnownUser(username);
  } catch {
    return { ok: false, error: 'offline-unavailable' };
  }
  if (!known?.credential) return { ok: false, error: 'offline-unknown-user' };
  const opened = await openOfflineCredential(
    known.credential,
    password,
    bindingOf(known, known.tokenExpiresAt),
  );
  // A tampered record is refused like a wrong password: no hint about which part was wrong.
  if (!opened.ok) return { ok: false, error: 'offline-invalid-credentials' };
  return {
    ok: true,
    session: {
      user: {
        id: known.userId,
        username: known.username,
        displayName: known.displayName,
        role: known.role,
      },
      token: opened.token,
      tokenExpiresAt: known.tokenExpiresAt,
      mode: 'offline',
      clientId: known.clientId,
    },
  };
}

/**
 * The server's refusal also tells us the cache is out of date: a disabled user must not sign
 * in offline either, and when the password the server refused is the one cached here, an
 * administrator has reset it, so the old one must stop working offline too.
 */
async function forgetStaleCredential(
  deps: SignInDeps,
  username: string,
  password: string,
  error: SignInError,
): Promise<void> {
  if (error !== 'user-disabled' && error !== 'invalid-credentials') return;
  try {
    const known = await deps.db.findKnownUser(username);
    if (!known?.credential) return;
    if (error === 'user-disabled' || (await verifyPassword(known.credential, password))) {
      await deps.db.knownUsers.update(known.userId, { credential: null });
    }
  } catch (e) {
    deps.warn?.('could not update the offline sign-in cache', e);
  }
}

export function isTokenExpired(
  session: Pick<Session, 'tokenExpiresAt'>,
  now = new Date(),
): boolean {
  const t = Date.parse(session.tokenExpiresAt);
  return Number.isNaN(t) || t <= now.getTime();
}
