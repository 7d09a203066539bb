import {
  mailItemSchema,
  mailListResponse,
  type MailItem,
  type MailState,
} from '../../../src-shared/api/mail';
import { apiFetch, type ApiResult } from '../../api/http';

/** The mail screen's routes (src-shared/api/mail.ts), typed and checked against their schemas. */

export function listMail(token: string, state?: MailState): Promise<ApiResult<MailItem[]>> {
  return apiFetch(`/api/mail${state ? `?state=${state}` : ''}`, {
    token,
    schema: mailListResponse,
  });
}

export function retryMail(token: string, id: string): Promise<ApiResult<MailItem>> {
  return apiFetch(`/api/mail/${encodeURIComponent(id)}/retry`, {
    method: 'POST',
    token,
    body: {},
    schema: mailItemSchema,
  });
}
