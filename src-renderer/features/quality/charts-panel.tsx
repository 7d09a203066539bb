import { Card, Empty, Select, Space, Statistic, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  controlChartSeries,
  SUBGROUP_SIZES,
} from '../../../src-shared/quality/control-chart-series';
import { passRateSeries } from '../../../src-shared/quality/pass-rate-series';
import { useLanguage } from '../../i18n/use-language';
import { ControlChart } from './control-chart';
import { PassRateChart } from './pass-rate-chart';
import { localName } from './quality-format';
import { useSeriesReadings, type QualityOverview } from './use-quality-data';

export const CHART_READINGS = 1000;

/** The plant's local calendar date of a timestamp, for grouping by day. */
function localDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Control chart of one characteristic's recent readings, and pass rate per stage by day. */
export function ChartsPanel({ overview }: { overview: QualityOverview }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const options = useMemo(
    () =>
      overview.plans.flatMap((p) =>
        p.characteristics
          .filter((c) => c.type === 'measured')
          .map((c) => ({
            value: `${p.id}/${c.id}`,
            label: `${p.model} · ${t(`quality.stages.${p.stage}`)} · ${localName(c.name, language)}`,
            c,
          })),
      ),
    [overview.plans, t, language],
  );
  const [series, setSeries] = useState<string | null>(null);
  const [subgroup, setSubgroup] = useState(5);
  const chosen = options.find((o) => o.value === series) ?? null;
  const readings = useSeriesReadings(series, CHART_READINGS);
  const lotNumbers = useMemo(
    () => new Map(overview.lots.map((l) => [l.id, l.number])),
    [overview.lots],
  );
  const chart = useMemo(
    () =>
      readings && chosen
        ? controlChartSeries(
            readings.map((r) => ({ value: r.value!, label: lotNumbers.get(r.lotId) ?? '' })),
            {
              subgroupSize: subgroup,
              ...(chosen.c.lower !== undefined ? { lower: chosen.c.lower } : {}),
              ...(chosen.c.upper !== undefined ? { upper: chosen.c.upper } : {}),
            },
          )
        : null,
    [readings, chosen, subgroup, lotNumbers],
  );
  const passRate = useMemo(() => passRateSeries(overview.lots, localDay), [overview.lots]);

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="charts-panel">
      <Card size="small" title={t('quality.charts.controlTitle', { count: CHART_READINGS })}>
        <Space wrap>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder={t('quality.charts.pick')}
            style={{ width: 480 }}
            value={series}
            onChange={(v: string) => setSeries(v)}
            options={options.map(({ value, label }) => ({ value, label }))}
            data-testid="chart-series"
          />
          <Select
            value={subgroup}
            onChange={(v: number) => setSubgroup(v)}
            options={SUBGROUP_SIZES.map((n) => ({
              value: n,
              label: t('quality.charts.subgroup', { n }),
            }))}
            aria-label={t('quality.charts.subgroupLabel')}
          />
        </Space>
        {chart && chart.points.length > 0 ? (
          <>
            <Space size="large" style={{ margin: '12px 0' }}>
              <Statistic title={t('quality.charts.readings')} value={readings?.length ?? 0} />
              <Statistic
                title={t('quality.charts.outOfControl')}
                value={chart.points.filter((p) => p.meanOut || p.rangeOut).length}
              />
              {chart.cpk !== null ? (
                <Statistic title="Cpk" value={chart.cpk} precision={2} />
              ) : null}
            </Space>
            <ControlChart
              chart={chart}
              decimals={chosen?.c.decimals ?? 3}
              labels={{
                mean: t('quality.charts.mean'),
                range: t('quality.charts.range'),
                ucl: t('quality.charts.ucl'),
                lcl: t('quality.charts.lcl'),
                center: t('quality.charts.center'),
                lsl: t('quality.charts.lsl'),
                usl: t('quality.charts.usl'),
                subgroup: t('quality.charts.subgroupShort'),
              }}
            />
            <Typography.Text type="secondary">
              {t('quality.charts.note', { n: subgroup })}
            </Typography.Text>
          </>
        ) : (
          <Empty description={t(series ? 'quality.charts.tooFew' : 'quality.charts.pick')} />
        )}
      </Card>
      <Card size="small" title={t('quality.charts.passRateTitle')}>
        {passRate.length > 0 ? (
          <PassRateChart points={passRate} stageLabel={(s) => t(`quality.stages.${s}`)} />
        ) : (
          <Empty description={t('quality.charts.noLots')} />
        )}
      </Card>
    </Space>
  );
}
