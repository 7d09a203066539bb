import { useCallback, useState } from 'react';
import { useSession } from '../auth/use-session';

/** Sign-out with a busy flag, so the button cannot be pressed twice while the server answers. */
export function useSignOut(): { signOut: () => Promise<void>; signingOut: boolean } {
  const session = useSession();
  const [signingOut, setSigningOut] = useState(false);
  const { signOut: end } = session;
  const signOut = useCallback(async () => {
    setSigningOut(true);
    try {
      await end();
    } finally {
      setSigningOut(false);
    }
  }, [end]);
  return { signOut, signingOut };
}
