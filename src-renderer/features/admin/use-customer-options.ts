import { useMemo } from 'react';
import { customerLabel } from '../../../src-shared/orders/catalog';
import { useCatalog } from '../../components/use-catalog';
import { useLanguage } from '../../i18n/use-language';

/** The customer list as choices for a portal key, by code (what the server binds by). */
export function useCustomerOptions(): { value: string; label: string }[] {
  const { customers } = useCatalog();
  const { language } = useLanguage();
  return useMemo(
    () => customers.map((c) => ({ value: c.code, label: customerLabel(c, language) })),
    [customers, language],
  );
}
