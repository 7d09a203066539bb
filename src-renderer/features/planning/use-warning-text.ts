import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanWarning } from '../../../src-shared/planning/schedule-rules';

/** A planning warning in the user's language (codes are translated here, at the edge). */
export function useWarningText(): (w: Pick<PlanWarning, 'code' | 'params'>) => string {
  const { t } = useTranslation();
  return useCallback(
    (w) => {
      const p = w.params;
      if (w.code === 'calendar-closed') {
        const reason = t(`planning.closed.${String(p.reason ?? 'no-shift')}` as never);
        return t('planning.warnings.calendar-closed', { ...p, reason });
      }
      if (w.code === 'over-capacity' && p.with === undefined) {
        return t('planning.warnings.too-short', p);
      }
      return t(`planning.warnings.${w.code}` as never, p);
    },
    [t],
  );
}
