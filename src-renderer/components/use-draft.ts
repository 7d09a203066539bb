import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../auth/use-session';
import { clearDraft, draftDbFor, loadDraft, saveDraft } from '../db/draft-db';

/**
 * A value saved to the user's draft database on every change, and restored when the same key
 * comes back (after a crash, a reload, or switching screens). `key` null: nothing to keep.
 */
export function useDraft<T>(
  key: string | null,
  empty: T,
): { value: T; set: (value: T) => void; clear: () => void; restored: boolean } {
  const { user } = useSession();
  const [state, setState] = useState<{ key: string | null; value: T; restored: boolean }>({
    key,
    value: empty,
    restored: false,
  });

  useEffect(() => {
    if (!key) return;
    let live = true;
    void loadDraft<T>(draftDbFor(user.id), key).then((saved) => {
      if (live) setState({ key, value: saved ?? empty, restored: saved !== undefined });
    });
    return () => {
      live = false;
    };
    // `empty` is a fallback value, not an input: a new object each render must not reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, user.id]);

  const set = useCallback(
    (value: T) => {
      setState({ key, value, restored: false });
      if (key) void saveDraft(draftDbFor(user.id), key, value);
    },
    [key, user.id],
  );
  const clear = useCallback(() => {
    setState({ key, value: empty, restored: false });
    if (key) void clearDraft(draftDbFor(user.id), key);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, user.id]);

  const value = state.key === key ? state.value : empty;
  return { value, set, clear, restored: state.key === key && state.restored };
}
