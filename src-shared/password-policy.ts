import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/**
 * Which passwords an administrator may give a user: the same verdict on the server (which
 * enforces it) and in the renderer (which shows it at the field before sending). A length rule
 * alone lets 'password1234' through; zxcvbn-ts estimates the guesses an attacker needs from
 * lists of leaked passwords, common words and names, keyboard walks, dates and repeats.
 *
 * The dictionaries are about 2 MB, so they are imported on first use: the renderer loads them
 * as a separate chunk only when an admin opens a password field, and the server on its first
 * user creation or reset.
 */

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
/**
 * zxcvbn's 3: "safely unguessable" online (about 10^8 guesses or more). At the sign-in rate
 * limit's pace of one guess a minute per user that is far more than a lifetime.
 */
export const MIN_PASSWORD_SCORE = 3;

/** zxcvbn's warning keys; the renderer translates each (src-renderer/i18n/domains/passwords.ts). */
export const PASSWORD_WARNINGS = [
  'straightRow',
  'keyPattern',
  'simpleRepeat',
  'extendedRepeat',
  'sequences',
  'recentYears',
  'dates',
  'topTen',
  'topHundred',
  'common',
  'similarToCommon',
  'wordByItself',
  'namesByThemselves',
  'commonNames',
  'userInputs',
  'pwned',
] as const;
export type PasswordWarning = (typeof PASSWORD_WARNINGS)[number];

export type PasswordVerdict =
  | { ok: true; score: number }
  | { ok: false; problem: 'too-short' | 'too-long'; min: number; max: number }
  | { ok: false; problem: 'too-weak'; score: number; warning: PasswordWarning | null };

/** Words of this user that make a password easy to guess for anyone who knows them. */
export interface PasswordContext {
  username?: string;
  displayName?: string;
}

export interface PasswordChecker {
  check(password: string, context?: PasswordContext): PasswordVerdict;
}

/** The app's own name and the demo password's parts are the first things an insider tries. */
const APP_WORDS = ['orderline', 'demo'];

export function createPasswordChecker(zxcvbn: ZxcvbnFactory): PasswordChecker {
  return {
    check(password, context = {}) {
      // Counted in code points, as a person counts them: '电池' is 2, not 2 UTF-16 units.
      const length = [...password].length;
      if (length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
        return {
          ok: false,
          problem: length < MIN_PASSWORD_LENGTH ? 'too-short' : 'too-long',
          min: MIN_PASSWORD_LENGTH,
          max: MAX_PASSWORD_LENGTH,
        };
      }
      const inputs = [...APP_WORDS, ...contextWords(context)];
      const result = zxcvbn.check(password, inputs);
      if (result.score >= MIN_PASSWORD_SCORE) return { ok: true, score: result.score };
      const warning = result.feedback.warning;
      return {
        ok: false,
        problem: 'too-weak',
        score: result.score,
        warning: isWarning(warning) ? warning : null,
      };
    },
  };
}

function contextWords({ username, displayName }: PasswordContext): string[] {
  const words = [username, displayName, ...(username ?? '').split(/[._-]+/)];
  return words.filter((w): w is string => typeof w === 'string' && w.trim().length >= 3);
}

function isWarning(value: string | null): value is PasswordWarning {
  return value !== null && (PASSWORD_WARNINGS as readonly string[]).includes(value);
}

let loading: Promise<PasswordChecker> | undefined;

/** The checker with the common and English dictionaries, loaded once and shared. */
export function loadPasswordChecker(): Promise<PasswordChecker> {
  loading ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return createPasswordChecker(
      new ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        // No translations: feedback comes back as keys, translated by whoever shows it.
        // No Levenshtein matching, and bounds on l33t variants and on the length scored: with
        // the defaults one crafted 200-character password held the server's thread for 2 s.
        // Scored this way the worst case is about 0.25 s, and 64 characters of anything not
        // caught are strong anyway.
        l33tMaxSubstitutions: 8,
        maxLength: 64,
      }),
    );
  })();
  // A failed load (a chunk the network lost) may be retried on the next check.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** One English sentence for logs, the CLI and the server's answer. */
export function describePasswordVerdict(verdict: PasswordVerdict): string {
  if (verdict.ok) return 'The password is strong enough.';
  if (verdict.problem !== 'too-weak') {
    return verdict.problem === 'too-short'
      ? `The password needs at least ${verdict.min} characters.`
      : `The password may have at most ${verdict.max} characters.`;
  }
  const why = verdict.warning ? ` (${WARNING_TEXT[verdict.warning]})` : '';
  return `The password is too easy to guess${why}: use a few unrelated words, or a longer one.`;
}

const WARNING_TEXT: Record<PasswordWarning, string> = {
  straightRow: 'a straight row of keys',
  keyPattern: 'a short keyboard pattern',
  simpleRepeat: 'a repeated character',
  extendedRepeat: 'a repeated group of characters',
  sequences: 'a common sequence such as abc or 123',
  recentYears: 'a recent year',
  dates: 'a date',
  topTen: 'one of the ten most used passwords',
  topHundred: 'one of the hundred most used passwords',
  common: 'a commonly used password',
  similarToCommon: 'close to a commonly used password',
  wordByItself: 'a single word',
  namesByThemselves: 'a name by itself',
  commonNames: 'a common name',
  userInputs: "the user's name or the app's name",
  pwned: 'found in a data breach',
};
