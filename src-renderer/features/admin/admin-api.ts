import { z } from 'zod';
import {
  auditVerifyResponse,
  userSchema,
  type AuditVerifyResponse,
  type CreateUserRequest,
  type User,
} from '../../../src-shared/api/auth';
import {
  createdPortalKeySchema,
  portalKeyInfoSchema,
  type BindPortalKeyRequest,
  type CreatedPortalKey,
  type CreatePortalKeyRequest,
  type PortalKeyInfo,
} from '../../../src-shared/api/portal';
import { apiFetch, type ApiResult } from '../../api/http';

/**
 * The admin routes of src-shared/api/auth.ts and portal.ts, typed and checked against their
 * schemas.
 */

export function listUsers(token: string): Promise<ApiResult<User[]>> {
  return apiFetch('/api/admin/users', { token, schema: z.array(userSchema) });
}

export function createUser(token: string, body: CreateUserRequest): Promise<ApiResult<User>> {
  return apiFetch('/api/admin/users', { method: 'POST', token, body, schema: userSchema });
}

export function setUserDisabled(
  token: string,
  userId: string,
  disabled: boolean,
): Promise<ApiResult<User>> {
  return apiFetch(`/api/admin/users/${encodeURIComponent(userId)}/disabled`, {
    method: 'POST',
    token,
    body: { disabled },
    schema: userSchema,
  });
}

export function resetPassword(
  token: string,
  userId: string,
  password: string,
): Promise<ApiResult<unknown>> {
  return apiFetch(`/api/admin/users/${encodeURIComponent(userId)}/password`, {
    method: 'POST',
    token,
    body: { password },
  });
}

export function verifyAuditLog(token: string): Promise<ApiResult<AuditVerifyResponse>> {
  return apiFetch('/api/admin/audit/verify', { token, schema: auditVerifyResponse });
}

export function listPortalKeys(token: string): Promise<ApiResult<PortalKeyInfo[]>> {
  return apiFetch('/api/admin/portal-keys', { token, schema: z.array(portalKeyInfoSchema) });
}

export function createPortalKey(
  token: string,
  body: CreatePortalKeyRequest,
): Promise<ApiResult<CreatedPortalKey>> {
  return apiFetch('/api/admin/portal-keys', {
    method: 'POST',
    token,
    body,
    schema: createdPortalKeySchema,
  });
}

/** Replaces the customers the key orders for. */
export function bindPortalKey(
  token: string,
  id: string,
  body: BindPortalKeyRequest,
): Promise<ApiResult<PortalKeyInfo>> {
  return apiFetch(`/api/admin/portal-keys/${encodeURIComponent(id)}/customers`, {
    method: 'POST',
    token,
    body,
    schema: portalKeyInfoSchema,
  });
}

export function revokePortalKey(token: string, id: string): Promise<ApiResult<PortalKeyInfo>> {
  return apiFetch(`/api/admin/portal-keys/${encodeURIComponent(id)}/revoke`, {
    method: 'POST',
    token,
    body: {},
    schema: portalKeyInfoSchema,
  });
}
