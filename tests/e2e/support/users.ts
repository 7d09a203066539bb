import { expect, type APIRequestContext } from '@playwright/test';
import type { Role } from '../../../src-shared/roles';
import { DEMO_PASSWORD } from './server';

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

/**
 * Users beyond the demo ones (a second planner, a quality manager with a PC of their own),
 * made by the administrator through the API, as the admin screen would.
 */
export async function createUsers(
  request: APIRequestContext,
  serverUrl: string,
  users: readonly NewUser[],
): Promise<void> {
  const login = await request.post(`${serverUrl}/api/auth/login`, {
    data: { username: 'admin', password: DEMO_PASSWORD },
  });
  const { token } = (await login.json()) as { token: string };
  for (const user of users) {
    const created = await request.post(`${serverUrl}/api/admin/users`, {
      headers: { authorization: `Bearer ${token}` },
      data: user,
    });
    expect(created.status(), user.username).toBe(201);
  }
}
