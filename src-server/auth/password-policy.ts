import {
  describePasswordVerdict,
  loadPasswordChecker,
  type PasswordContext,
  type PasswordVerdict,
} from '../../src-shared/password-policy';
import { ApiHttpError } from '../http/errors';

/**
 * Enforced where a person chooses a password (the admin routes and the admin CLI), not in
 * `createUser` itself: the demo seed sets its public demo password directly.
 */
export async function checkNewPassword(
  password: string,
  context: PasswordContext,
): Promise<PasswordVerdict> {
  return (await loadPasswordChecker()).check(password, context);
}

/** 400 weak-password, at the field `password`, unless the policy accepts it. */
export async function assertAcceptablePassword(
  password: string,
  context: PasswordContext,
): Promise<void> {
  const verdict = await checkNewPassword(password, context);
  if (verdict.ok) return;
  const message = describePasswordVerdict(verdict);
  throw new ApiHttpError(400, 'weak-password', message, [{ path: 'password', message }]);
}
