import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type {
  ControlChart as ChartData,
  ControlPoint,
} from '../../../src-shared/quality/control-chart-series';

export interface ControlChartLabels {
  mean: string;
  range: string;
  ucl: string;
  lcl: string;
  center: string;
  lsl: string;
  usl: string;
  subgroup: string;
}

/** Out-of-control subgroups drawn larger, in red and as a diamond: shape as well as colour. */
function dot(outKey: 'meanOut' | 'rangeOut') {
  return function Dot(props: { cx?: number; cy?: number; payload?: ControlPoint; index?: number }) {
    const { cx = 0, cy = 0, payload, index } = props;
    if (payload?.[outKey]) {
      return (
        <path
          key={`d${index}`}
          d={`M${cx},${cy - 6}L${cx + 6},${cy}L${cx},${cy + 6}L${cx - 6},${cy}Z`}
          fill="#cf1322"
          data-out="true"
        />
      );
    }
    return <circle key={`d${index}`} cx={cx} cy={cy} r={2} fill="#1677ff" />;
  };
}

/** X-bar and R charts of one characteristic; draws what control-chart-series computed. */
export function ControlChart({
  chart,
  labels,
  decimals = 3,
}: {
  chart: ChartData;
  labels: ControlChartLabels;
  decimals?: number;
}) {
  const fmt = (v: number) => v.toFixed(decimals);
  const l = chart.limits;
  return (
    <div data-testid="control-chart" data-points={chart.points.length}>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={chart.points} margin={{ top: 10, right: 60, left: 10, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="subgroup" />
          <YAxis domain={['auto', 'auto']} tickFormatter={fmt} width={70} />
          <Tooltip
            formatter={(v) => fmt(Number(v))}
            labelFormatter={(s) => `${labels.subgroup} ${s}`}
          />
          <Line
            type="linear"
            dataKey="mean"
            name={labels.mean}
            stroke="#1677ff"
            dot={dot('meanOut')}
            isAnimationActive={false}
          />
          {l ? (
            <ReferenceLine
              y={l.meanUpper}
              stroke="#cf1322"
              label={{ value: labels.ucl, position: 'right' }}
            />
          ) : null}
          {chart.center ? (
            <ReferenceLine
              y={chart.center.mean}
              stroke="#389e0d"
              label={{ value: labels.center, position: 'right' }}
            />
          ) : null}
          {l ? (
            <ReferenceLine
              y={l.meanLower}
              stroke="#cf1322"
              label={{ value: labels.lcl, position: 'right' }}
            />
          ) : null}
          {chart.spec.upper !== undefined ? (
            <ReferenceLine
              y={chart.spec.upper}
              stroke="#8c8c8c"
              strokeDasharray="6 4"
              label={{ value: labels.usl, position: 'right' }}
            />
          ) : null}
          {chart.spec.lower !== undefined ? (
            <ReferenceLine
              y={chart.spec.lower}
              stroke="#8c8c8c"
              strokeDasharray="6 4"
              label={{ value: labels.lsl, position: 'right' }}
            />
          ) : null}
        </LineChart>
      </ResponsiveContainer>
      <ResponsiveContainer width="100%" height={160}>
        <LineChart data={chart.points} margin={{ top: 10, right: 60, left: 10, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="subgroup" />
          <YAxis tickFormatter={fmt} width={70} />
          <Tooltip
            formatter={(v) => fmt(Number(v))}
            labelFormatter={(s) => `${labels.subgroup} ${s}`}
          />
          <Line
            type="linear"
            dataKey="range"
            name={labels.range}
            stroke="#722ed1"
            dot={dot('rangeOut')}
            isAnimationActive={false}
          />
          {l ? (
            <ReferenceLine
              y={l.rangeUpper}
              stroke="#cf1322"
              label={{ value: labels.ucl, position: 'right' }}
            />
          ) : null}
          {chart.center ? (
            <ReferenceLine
              y={chart.center.range}
              stroke="#389e0d"
              label={{ value: labels.center, position: 'right' }}
            />
          ) : null}
          {l && l.rangeLower > 0 ? (
            <ReferenceLine
              y={l.rangeLower}
              stroke="#cf1322"
              label={{ value: labels.lcl, position: 'right' }}
            />
          ) : null}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
