import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '../password-policy';
import { roleSchema } from '../roles';

/**
 * Request and response bodies of the server's identity routes, shared by the server (which
 * validates with them) and the client (which types its calls with them). Every error answer
 * of the server is an `ApiError`.
 */

export const API_ERROR_CODES = [
  'invalid-input',
  'body-too-large',
  'unauthenticated',
  'session-expired',
  'forbidden',
  'invalid-credentials',
  'user-disabled',
  'rate-limited',
  /** Too many live event streams open for one user or one session (429). */
  'too-many-streams',
  'not-found',
  'username-taken',
  'client-id-taken',
  'unknown-client',
  'client-outdated',
  'internal',
  /** A body that is not JSON (415). */
  'unsupported-media-type',
  /** An admin tried to disable their own account, which would lock them out. */
  'cannot-disable-self',
  /** A new password the policy refuses (src-shared/password-policy.ts): short or easy to guess. */
  'weak-password',
  /** Portal intake (issue 5): a missing, unknown or revoked portal API key. */
  'invalid-api-key',
  /** A portal key with that name exists already. */
  'portal-name-taken',
  /** A portal order for a customer code the customer list does not have. */
  'unknown-customer',
  /** A mail retried that is already sent or being sent right now (issue 8). */
  'mail-not-retryable',
  /** A portal order for a customer its key is not bound to (issue 12). */
  'customer-not-bound',
  /** A portal key bound to no customer yet (made before keys were bound) posts no orders. */
  'portal-key-unbound',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiError {
  code: ApiErrorCode | (string & {});
  message: string;
  /** Field-level problems for invalid-input: path like 'lines.0.quantity' and a message. */
  issues?: { path: string; message: string }[];
}

export const usernameSchema = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, dot, dash and underscore');

/**
 * Only the shape of a new password. Whether it is acceptable (length, how easy to guess) is
 * the policy's call, src-shared/password-policy.ts, answered as 400 weak-password: it needs
 * dictionaries that a synchronous schema cannot wait for.
 */
export const passwordSchema = z.string().min(1).max(MAX_PASSWORD_LENGTH);

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
});
export type User = z.infer<typeof userSchema>;

export const loginRequest = z
  .object({
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(200),
  })
  .strict();
export type LoginRequest = z.infer<typeof loginRequest>;

export const loginResponse = z.object({
  token: z.string(),
  /** ISO 8601 */
  expiresAt: z.string(),
  user: userSchema,
});
export type LoginResponse = z.infer<typeof loginResponse>;

/** Sign-out takes no body (or an empty object); anything else is refused, not ignored. */
export const logoutRequest = z.object({}).strict().optional();

/** Each PC (really: each user's local database on a PC) registers one clientId, bound to the user. */
export const registerDeviceRequest = z
  .object({
    clientId: z.uuid(),
    deviceName: z.string().min(1).max(100),
  })
  .strict();
export type RegisterDeviceRequest = z.infer<typeof registerDeviceRequest>;

export const createUserRequest = z
  .object({
    username: usernameSchema,
    displayName: z.string().min(1).max(100),
    role: roleSchema,
    password: passwordSchema,
  })
  .strict();
export type CreateUserRequest = z.infer<typeof createUserRequest>;

export const resetPasswordRequest = z.object({ password: passwordSchema }).strict();
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequest>;

export const setDisabledRequest = z.object({ disabled: z.boolean() }).strict();
export type SetDisabledRequest = z.infer<typeof setDisabledRequest>;

export const auditVerifyResponse = z.object({
  ok: z.boolean(),
  checked: z.number(),
  /** The first entry whose hash or link does not match, when not ok. */
  firstBroken: z.object({ seq: z.number(), reason: z.string() }).optional(),
});
export type AuditVerifyResponse = z.infer<typeof auditVerifyResponse>;

/**
 * Routes (all JSON; all but login and health need `Authorization: Bearer <token>`):
 *   GET  /api/health                       -> { ok: true, version, database: 'sqlite'|'postgres' }
 *   POST /api/auth/login      LoginRequest -> LoginResponse
 *   POST /api/auth/logout                  -> 204
 *   GET  /api/auth/me                      -> User
 *   POST /api/devices         RegisterDeviceRequest -> 204 (409 client-id-taken if another user's)
 *   GET  /api/admin/users                  -> User[]                       (admin)
 *   POST /api/admin/users     CreateUserRequest -> User (201)              (admin)
 *   POST /api/admin/users/:id/password ResetPasswordRequest -> 204         (admin)
 *   POST /api/admin/users/:id/disabled SetDisabledRequest -> User          (admin)
 *   GET  /api/admin/audit/verify           -> AuditVerifyResponse          (admin, management)
 *   /api/admin/portal-keys...                                              (admin)
 *        list, create and revoke portal API keys: see src-shared/api/portal.ts
 *
 * "(admin)" means the action user.manage, "(admin, management)" audit.verify, of
 * src-shared/permissions.ts. Desktop clients (origin app://orderline) may call cross-origin.
 */

export interface HealthResponse {
  ok: true;
  version: string;
  database: 'sqlite' | 'postgres';
}
