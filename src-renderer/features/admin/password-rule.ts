import {
  loadPasswordChecker,
  type PasswordContext,
  type PasswordVerdict,
} from '../../../src-shared/password-policy';
import type { MessageRef } from '../../components/zod-rules';

/** The policy's verdict as a translation key (src-renderer/i18n/domains/passwords.ts). */
export function passwordProblem(verdict: PasswordVerdict): MessageRef | undefined {
  if (verdict.ok) return undefined;
  switch (verdict.problem) {
    case 'too-short':
      return { key: 'validation.tooShort', vars: { min: verdict.min } };
    case 'too-long':
      return { key: 'validation.tooLong', vars: { max: verdict.max } };
    case 'too-weak':
      return { key: `passwords.weak.${verdict.warning ?? 'generic'}` };
  }
}

/**
 * Starts loading the dictionaries (a chunk of their own, about 2 MB) when a password dialog
 * opens, so the verdict is there by the time the admin leaves the field.
 */
export function preloadPasswordPolicy(): void {
  loadPasswordChecker().catch(() => undefined);
}

/**
 * An antd Form rule with the server's own password policy, so a weak password is shown at
 * the field, in the UI language, before anything is sent. An empty field is left to the
 * schema's "required".
 */
export function passwordPolicyRule(
  translate: (ref: MessageRef) => string,
  context: () => PasswordContext,
): { validator: (rule: unknown, value: unknown) => Promise<void> } {
  return {
    validator: async (_rule, value) => {
      if (typeof value !== 'string' || value === '') return;
      const problem = passwordProblem((await loadPasswordChecker()).check(value, context()));
      if (problem) throw new Error(translate(problem));
    },
  };
}

/**
 * What to show when the server answered weak-password: our own verdict on the same password
 * (the same policy, so the same reason, but translated), or the generic sentence when ours
 * could not load.
 */
export async function weakPasswordMessage(
  password: string,
  context: PasswordContext,
): Promise<MessageRef> {
  try {
    const problem = passwordProblem((await loadPasswordChecker()).check(password, context));
    if (problem) return problem;
  } catch {
    // The chunk did not load: the generic sentence still says what to do.
  }
  return { key: 'passwords.weak.generic' };
}
