import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditVerifyResponse } from '../../../src-shared/api/auth';
import { useSession } from '../../auth/use-session';
import { verifyAuditLog } from './admin-api';

export type AuditOutcome =
  | { kind: 'ok'; text: string }
  | { kind: 'broken'; text: string }
  | { kind: 'failed'; text: string };

/** The sentence for a verification answer (kept apart so it is testable without React). */
export function auditOutcomeRef(answer: AuditVerifyResponse): {
  kind: 'ok' | 'broken';
  key: string;
  vars: Record<string, string | number>;
} {
  if (answer.ok) return { kind: 'ok', key: 'admin.audit.ok', vars: { count: answer.checked } };
  return {
    kind: 'broken',
    key: 'admin.audit.broken',
    vars: { seq: answer.firstBroken?.seq ?? '?', reason: answer.firstBroken?.reason ?? '' },
  };
}

export function useAuditVerify(): {
  verify: () => Promise<void>;
  running: boolean;
  outcome: AuditOutcome | undefined;
} {
  const { token } = useSession();
  const { t } = useTranslation();
  const [running, setRunning] = useState(false);
  const [answer, setAnswer] = useState<
    { ok: true; value: AuditVerifyResponse } | { ok: false; error: string } | undefined
  >();

  const verify = useCallback(async () => {
    setRunning(true);
    const r = await verifyAuditLog(token);
    setRunning(false);
    setAnswer(r.ok ? { ok: true, value: r.value } : { ok: false, error: r.error });
  }, [token]);

  let outcome: AuditOutcome | undefined;
  if (answer?.ok) {
    const ref = auditOutcomeRef(answer.value);
    outcome = { kind: ref.kind, text: t(ref.key as never, ref.vars) };
  } else if (answer) {
    outcome = { kind: 'failed', text: t(`errors.${answer.error}` as never) };
  }
  return { verify, running, outcome };
}
