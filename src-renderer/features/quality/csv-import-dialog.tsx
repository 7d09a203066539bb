import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Progress, Space, Table, Tag, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckedRow } from '../../../src-shared/quality/csv-import';
import type { InspectionLotRecord } from '../../../src-shared/quality/lot';
import { useLanguage } from '../../i18n/use-language';
import { describeRefusal } from '../../sync/describe-change';
import { JudgementTag } from './judgement-tag';
import { localName } from './quality-format';
import { useCsvImport } from './use-csv-import';
import { useLotReadings } from './use-quality-data';

const PREVIEW_ROWS = 200;

/** Bulk import of a tester's CSV: pick, preview with per-row errors, import with progress. */
export function CsvImportDialog({
  lot,
  onClose,
}: {
  lot: InspectionLotRecord;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { readings } = useLotReadings(lot.id);
  const nextSample = (id: string) =>
    readings.filter((r) => r.characteristicId === id).reduce((m, r) => Math.max(m, r.sample), 0) +
    1;
  const { state, read, importRows, reset } = useCsvImport(lot, nextSample);
  const fileInput = useRef<HTMLInputElement>(null);
  const nameOf = (id: string) => {
    const c = lot.characteristics.find((x) => x.id === id);
    return c ? localName(c.name, language) : id;
  };

  const preview = state.phase === 'preview' || state.phase === 'importing' ? state.preview : null;
  const good = preview?.rows.filter((r) => r.errors.length === 0) ?? [];
  const bad = preview?.rows.filter((r) => r.errors.length > 0) ?? [];
  const shown = preview ? [...bad, ...good].slice(0, PREVIEW_ROWS) : [];

  return (
    <Modal
      open
      width={960}
      title={t('quality.csv.title', { lot: lot.number })}
      onCancel={() => {
        reset();
        onClose();
      }}
      footer={
        <Space>
          <Button
            onClick={() => {
              reset();
              onClose();
            }}
          >
            {t(state.phase === 'done' ? 'quality.csv.close' : 'common.cancel')}
          </Button>
          {state.phase === 'preview' ? (
            <Button
              type="primary"
              disabled={good.length === 0}
              onClick={() => void importRows(state.preview)}
              data-testid="csv-import"
            >
              {t('quality.csv.import', { count: good.length })}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} data-testid="csv-dialog">
        <Typography.Paragraph type="secondary">{t('quality.csv.intro')}</Typography.Paragraph>
        {state.phase === 'idle' || state.phase === 'failed' ? (
          <div>
            <input
              ref={fileInput}
              type="file"
              accept=".csv,text/csv,text/plain"
              data-testid="csv-file"
              style={{ display: 'none' }}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) read(file);
              }}
            />
            <Button icon={<UploadOutlined />} onClick={() => fileInput.current?.click()}>
              {t('quality.csv.pick')}
            </Button>
          </div>
        ) : null}
        {state.phase === 'failed' ? (
          <Alert
            type="error"
            showIcon
            message={
              state.error === 'unreadable'
                ? t('quality.csv.unreadable')
                : (() => {
                    const phrase = describeRefusal(state.error, state.params, (s) => s);
                    return t(phrase.key as never, phrase.values);
                  })()
            }
          />
        ) : null}
        {state.phase === 'reading' ? (
          <Progress
            percent={Math.round(state.done * 100)}
            status="active"
            data-testid="csv-reading"
          />
        ) : null}
        {state.phase === 'importing' ? (
          <Progress
            percent={Math.round((state.done / Math.max(1, state.total)) * 100)}
            status="active"
            data-testid="csv-importing"
          />
        ) : null}
        {state.phase === 'done' ? (
          <Alert
            type="success"
            showIcon
            data-testid="csv-done"
            message={t('quality.csv.done', { count: state.imported })}
          />
        ) : null}
        {preview ? (
          <>
            <Space wrap data-testid="csv-mapping">
              <Typography.Text>{preview.fileName}</Typography.Text>
              {preview.mapping.serial !== null ? (
                <Tag>
                  {t('quality.csv.serialColumn', {
                    header: preview.headers[preview.mapping.serial],
                  })}
                </Tag>
              ) : null}
              {preview.mapping.columns.map((c) => (
                <Tag color="blue" key={c.characteristicId}>
                  {c.header} → {nameOf(c.characteristicId)}
                  {c.factor !== 1 ? ` (×${c.factor})` : ''}
                </Tag>
              ))}
              {preview.mapping.ignored.map((h) => (
                <Tag key={h}>{t('quality.csv.ignored', { header: h })}</Tag>
              ))}
              {preview.mapping.badUnits.map((b) => (
                <Tag color="error" key={b.header}>
                  {t('quality.csv.badUnit', {
                    header: b.header,
                    unit: b.unit,
                    expected: b.expected,
                  })}
                </Tag>
              ))}
            </Space>
            {preview.mapping.columns.length === 0 ? (
              <Alert type="error" showIcon message={t('quality.csv.noColumns')} />
            ) : null}
            <Typography.Text data-testid="csv-summary">
              {t('quality.csv.summary', { good: good.length, bad: bad.length })}
            </Typography.Text>
            <Table<CheckedRow>
              size="small"
              rowKey="line"
              dataSource={shown}
              pagination={{ pageSize: 10 }}
              data-testid="csv-preview"
              columns={[
                { title: t('quality.csv.line'), dataIndex: 'line', width: 70 },
                { title: t('quality.readings.serial'), dataIndex: 'serial' },
                ...preview.mapping.columns.map((c) => ({
                  title: nameOf(c.characteristicId),
                  key: c.characteristicId,
                  render: (_: unknown, row: CheckedRow) => {
                    const r = row.readings.find((x) => x.characteristicId === c.characteristicId);
                    return r ? (
                      <Space size={4}>
                        {r.value}
                        <JudgementTag judgement={r.judgement} />
                      </Space>
                    ) : null;
                  },
                })),
                {
                  title: t('quality.csv.errors'),
                  key: 'errors',
                  render: (_: unknown, row: CheckedRow) =>
                    row.errors.map((e, i) => (
                      <Typography.Text type="danger" key={i} data-testid="csv-row-error">
                        {t(`quality.csv.rowErrors.${e.code}`, {
                          column: e.column,
                          text: e.text ?? '',
                        })}{' '}
                      </Typography.Text>
                    )),
                },
              ]}
            />
          </>
        ) : null}
      </Space>
    </Modal>
  );
}
