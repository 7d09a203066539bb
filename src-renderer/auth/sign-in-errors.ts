import type { ApiIssue } from '../api/http';
import type { SignInError } from './sign-in';

export type SignInField = 'username' | 'password';

/** What to show for a failed sign-in: a translation key, and the field it belongs next to. */
export interface SignInErrorView {
  /** Next to this field; form-level (above the button) when absent. */
  field?: SignInField;
  key: string;
  vars?: Record<string, string>;
}

/**
 * Errors about what was typed go next to the field, so the eye lands where the fix is;
 * errors about the world (network, server, rate limit) go above the button.
 */
export function describeSignInError(
  error: SignInError,
  username: string,
  issues: ApiIssue[] = [],
): SignInErrorView {
  switch (error) {
    case 'invalid-credentials':
      return { field: 'password', key: 'errors.invalid-credentials' };
    case 'offline-invalid-credentials':
      return { field: 'password', key: 'signIn.errors.offline-invalid-credentials' };
    case 'offline-unknown-user':
      return { field: 'username', key: 'signIn.errors.offline-unknown-user', vars: { username } };
    case 'offline-unavailable':
      return { key: 'signIn.errors.offline-unavailable' };
    case 'user-disabled':
      return { field: 'username', key: 'errors.user-disabled' };
    case 'invalid-input': {
      const field = issues.find((i) => i.path === 'username' || i.path === 'password')?.path;
      return field === 'username' || field === 'password'
        ? { field, key: 'validation.invalid' }
        : { key: 'errors.invalid-input' };
    }
    default:
      return { key: `errors.${error}` };
  }
}
