import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../../src-shared/ids';
import type {
  LineCalendar,
  MaintenanceWindow,
  ShiftDef,
} from '../../../src-shared/planning/line-calendar';
import { describeRefusal } from '../../sync/describe-change';
import { useMutate } from '../../sync/use-sync';

/**
 * Edits one part of a line's calendar at a time (shifts with headcount, holidays, maintenance
 * windows) through `line.calendar`; answers the refusal text for the form to show by its field.
 */
export function useLineCalendar() {
  const mutate = useMutate();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useCallback(
    async (lineId: string, part: Partial<LineCalendar>): Promise<string | null> => {
      const result = await mutate('line.calendar', { lineId, ...part });
      if (result.ok) {
        void message.success(t('planning.resources.saved'));
        return null;
      }
      const phrase = describeRefusal(result.error, result.params, (s) => s);
      return t(phrase.key as never, phrase.values);
    },
    [message, mutate, t],
  );
  return {
    saveShifts: (lineId: string, shifts: ShiftDef[]) => save(lineId, { shifts }),
    saveHolidays: (lineId: string, holidays: string[]) =>
      save(lineId, { holidays: [...new Set(holidays)].sort() }),
    addMaintenance: (
      lineId: string,
      current: MaintenanceWindow[],
      window: Omit<MaintenanceWindow, 'id'>,
    ) => save(lineId, { maintenance: [...current, { id: uuidv7(), ...window }] }),
    removeMaintenance: (lineId: string, current: MaintenanceWindow[], id: string) =>
      save(lineId, { maintenance: current.filter((m) => m.id !== id) }),
  };
}
