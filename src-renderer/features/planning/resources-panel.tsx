import { Button, Card, DatePicker, Form, Input, InputNumber, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftDef } from '../../../src-shared/planning/line-calendar';
import type { LineResource } from '../../../src-shared/planning/schedule-rules';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { useLineCalendar } from './use-line-calendar';

function LineCard({ line, label }: { line: LineResource; label: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { saveShifts, saveHolidays, addMaintenance, removeMaintenance } = useLineCalendar();
  const cal = line.calendar;
  const [shifts, setShifts] = useState<ShiftDef[]>(cal.shifts);
  const [error, setError] = useState<{ field: string; text: string } | null>(null);
  const [form] = Form.useForm<{ window: [Dayjs, Dayjs]; note?: string }>();
  const run = async (field: string, action: Promise<string | null>) => {
    const text = await action;
    setError(text ? { field, text } : null);
    return text === null;
  };
  const help = (field: string) =>
    error?.field === field ? { validateStatus: 'error' as const, help: error.text } : {};
  return (
    <Card
      size="small"
      title={label}
      className="resources-line"
      data-testid="resources-line"
      data-line-code={line.code}
    >
      <p>
        {t('planning.resources.rates')}:{' '}
        {line.rates.map((r) => (
          <Tag key={r.family}>
            {r.family}: {formatNumber(r.unitsPerHour, language)}/h
          </Tag>
        ))}{' '}
        {t('planning.resources.oee', { oee: Math.round(line.plannedOee * 100) })}
      </p>
      <Form layout="vertical">
        <Form.Item label={t('planning.resources.shifts')} {...help('shifts')}>
          <Table<ShiftDef>
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={shifts}
            columns={[
              { title: t('planning.resources.shift'), dataIndex: 'code' },
              { title: t('planning.start'), dataIndex: 'start' },
              { title: t('planning.hours'), dataIndex: 'hours' },
              {
                title: t('planning.resources.headcount'),
                render: (_: unknown, s, i) => (
                  <InputNumber
                    min={0}
                    size="small"
                    value={s.headcount ?? 0}
                    aria-label={`${t('planning.resources.headcount')} ${s.code}`}
                    onChange={(v) =>
                      setShifts(
                        shifts.map((x, j) => (j === i ? { ...x, headcount: Number(v ?? 0) } : x)),
                      )
                    }
                  />
                ),
              },
            ]}
          />
          <Button size="small" onClick={() => void run('shifts', saveShifts(line.id, shifts))}>
            {t('planning.resources.saveShifts')}
          </Button>
        </Form.Item>
        <Form.Item label={t('planning.resources.holidays')} {...help('holidays')}>
          <Space wrap>
            {cal.holidays.map((h) => (
              <Tag
                key={h}
                closable
                onClose={() =>
                  void run(
                    'holidays',
                    saveHolidays(
                      line.id,
                      cal.holidays.filter((x) => x !== h),
                    ),
                  )
                }
              >
                {h}
              </Tag>
            ))}
            <DatePicker
              size="small"
              placeholder={t('planning.resources.addHoliday')}
              onChange={(d: Dayjs | null) =>
                d
                  ? void run(
                      'holidays',
                      saveHolidays(line.id, [...cal.holidays, d.format('YYYY-MM-DD')]),
                    )
                  : undefined
              }
            />
          </Space>
        </Form.Item>
      </Form>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={cal.maintenance}
        locale={{ emptyText: t('planning.resources.noMaintenance') }}
        columns={[
          {
            title: t('planning.resources.maintenance'),
            render: (_: unknown, m) =>
              `${formatDateTime(m.start, language)} – ${formatDateTime(m.end, language)}`,
          },
          { title: t('planning.resources.note'), dataIndex: 'note' },
          {
            title: '',
            render: (_: unknown, m) => (
              <Button
                size="small"
                onClick={() =>
                  void run('maintenance', removeMaintenance(line.id, cal.maintenance, m.id))
                }
              >
                {t('planning.resources.remove')}
              </Button>
            ),
          },
        ]}
      />
      <Form
        form={form}
        layout="inline"
        className="resources-maintenance-form"
        onFinish={(v) =>
          void run(
            'maintenance',
            addMaintenance(line.id, cal.maintenance, {
              start: v.window[0].toISOString(),
              end: v.window[1].toISOString(),
              ...(v.note ? { note: v.note } : {}),
            }),
          ).then((ok) => ok && form.resetFields())
        }
      >
        <Form.Item
          name="window"
          label={t('planning.resources.window')}
          rules={[{ required: true, message: t('planning.required') }]}
          {...help('maintenance')}
        >
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item name="note" label={t('planning.resources.note')}>
          <Input maxLength={200} />
        </Form.Item>
        <Button htmlType="submit">{t('planning.resources.addMaintenance')}</Button>
      </Form>
    </Card>
  );
}

/** Lines as planning resources: rates, shifts with headcount, holidays, maintenance windows. */
export function ResourcesPanel({
  lines,
  labels,
}: {
  lines: LineResource[];
  labels: Map<string, string>;
}) {
  return (
    <div data-testid="resources-panel">
      {lines.map((line) => (
        <LineCard
          key={`${line.id}:${JSON.stringify(line.calendar)}`}
          line={line}
          label={labels.get(line.id) ?? line.code}
        />
      ))}
    </div>
  );
}
