import { Segmented } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  buckets,
  capacityLoad,
  type Granularity,
} from '../../../src-shared/planning/schedule-rules';
import { formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import type { ScheduleModel } from './schedule-model';

/** Load per line per day or week against its open hours; overloads in words, not colour alone. */
export function CapacityView({ model, from }: { model: ScheduleModel; from: number }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [granularity, setGranularity] = useState<Granularity>('day');
  const offset = model.lines[0]?.calendar.utcOffsetMinutes ?? 480;
  const cols = useMemo(
    () => buckets(from, granularity === 'day' ? 21 : 12, granularity, offset),
    [from, granularity, offset],
  );
  const load = useMemo(
    () =>
      capacityLoad(
        model.lines,
        [...model.positions].map(([id, p]) => ({ id, ...p })),
        cols,
      ),
    [model, cols],
  );
  return (
    <div className="capacity" data-testid="capacity-view">
      <Segmented<Granularity>
        value={granularity}
        onChange={setGranularity}
        options={[
          { value: 'day', label: t('planning.capacity.day') },
          { value: 'week', label: t('planning.capacity.week') },
        ]}
      />
      <div className="capacity__scroll">
        <table className="capacity__table">
          <thead>
            <tr>
              <th scope="col">{t('planning.line')}</th>
              {cols.map((c) => (
                <th key={c.from} scope="col">
                  {c.label.slice(5)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {model.lines.map((line, i) => (
              <tr key={line.id} data-testid="capacity-row" data-line-id={line.id}>
                <th scope="row">{model.lineLabels.get(line.id) ?? line.code}</th>
                {(load[i] ?? []).map((cell) => {
                  const pct = Number.isFinite(cell.ratio) ? Math.round(cell.ratio * 100) : null;
                  const level = cell.overloaded
                    ? 'over'
                    : cell.ratio > 0.85
                      ? 'high'
                      : cell.loadHours > 0
                        ? 'ok'
                        : 'idle';
                  return (
                    <td
                      key={cell.bucket.from}
                      className={`capacity__cell capacity__cell--${level}`}
                      data-overloaded={cell.overloaded || undefined}
                      title={t('planning.capacity.cellHelp', {
                        load: formatNumber(cell.loadHours, language),
                        open: formatNumber(cell.openHours, language),
                        count: cell.batchIds.length,
                      })}
                    >
                      {cell.openHours === 0 && cell.loadHours === 0
                        ? t('planning.capacity.closed')
                        : pct === null
                          ? t('planning.capacity.closedLoaded')
                          : `${pct}%`}
                      {cell.overloaded ? (
                        <span className="capacity__flag"> {t('planning.capacity.over')}</span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
