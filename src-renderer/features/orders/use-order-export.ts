import { App } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language';
import { getDesktopApi } from '../../platform/desktop-api';
import { useUserDb } from '../../sync/use-sync';
import { exportFileName, exportOrders, toBase64, type ExportProgress } from './order-export';
import type { OrderFilter, OrderSort } from './order-query';

/** Exports what the list shows to an .xlsx file, with progress and a way to stop. */
export function useOrderExport(): {
  progress: ExportProgress | null;
  start: (filter: OrderFilter, sort: OrderSort) => Promise<void>;
  cancel: () => void;
} {
  const db = useUserDb();
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const abort = useRef<AbortController | null>(null);

  const start = useCallback(
    async (filter: OrderFilter, sort: OrderSort) => {
      if (!db || abort.current) return;
      const controller = new AbortController();
      abort.current = controller;
      try {
        const { bytes, count } = await exportOrders(
          db,
          filter,
          sort,
          language,
          setProgress,
          controller.signal,
        );
        const name = exportFileName(new Date());
        const saved = await getDesktopApi().saveFile({
          suggestedName: name,
          data: toBase64(bytes),
          encoding: 'base64',
          filters: [{ name: 'Excel', extensions: ['xlsx'] }],
        });
        if (saved.ok)
          void message.success(t('orders.list.exported', { count, name: saved.value.path }));
        else if (saved.error !== 'cancelled') {
          void message.error(t('orders.list.exportFailed', { reason: saved.error }));
        }
      } catch (error) {
        if (!(error instanceof DOMException && error.name === 'AbortError')) {
          void message.error(t('orders.list.exportFailed', { reason: String(error) }));
        }
      } finally {
        abort.current = null;
        setProgress(null);
      }
    },
    [db, language, message, t],
  );

  return { progress, start, cancel: useCallback(() => abort.current?.abort(), []) };
}
