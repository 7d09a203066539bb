import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionLotRecord, InspectionResultRecord } from '../../../src-shared/quality/lot';
import { currentReadings } from '../../../src-shared/quality/lot';
import { judgeReading, parseTyped } from '../../../src-shared/quality/plan';
import { releaseGate } from '../../../src-shared/quality/release-gate';
import { switchingOutlook } from '../../../src-shared/quality/switching';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { describeRefusal } from '../../sync/describe-change';
import { CorrectionDialog } from './correction-dialog';
import { CsvImportDialog } from './csv-import-dialog';
import { JudgementTag } from './judgement-tag';
import { photoToDataUrl } from './photo';
import { formatValue, limitsText, localName, reasonText, samplingText } from './quality-format';
import { useLotEntry } from './use-lot-entry';
import type { QualityOverview } from './use-quality-data';
import { useLotReadings } from './use-quality-data';

/**
 * The inspectors' logging screen for one lot: the sample and Ac/Re of every characteristic,
 * one entry line that a keyboard or a scanner fills (Enter moves on), each reading judged at
 * once in colour and words, the lot's verdict as the accept/reject numbers give it.
 */
export function LotLogger({ lotId, overview }: { lotId: string; overview: QualityOverview }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const { lot, readings } = useLotReadings(lotId);
  const entry = useLotEntry(lot, readings);
  const input = useRef<HTMLInputElement>(null);
  const [correcting, setCorrecting] = useState<InspectionResultRecord | null>(null);
  const [importing, setImporting] = useState(false);
  const [closing, setClosing] = useState(false);

  useEffect(() => {
    input.current?.focus();
  }, [entry.active?.id]);

  if (!lot) return null;
  const { progress, active } = entry;
  const open = lot.state === 'open';
  const switching = overview.samplingStates.find(
    (s) => s.id === `${lot.model}|${lot.stage}|${lot.source}`,
  );
  const outlook = switching ? switchingOutlook(switching) : null;
  const target =
    lot.target.kind === 'batch'
      ? overview.batches.find((b) => b.id === lot.target.id)
      : overview.materialLots.find((m) => m.id === lot.target.id);
  const gate = lot.target.kind === 'batch' && target ? releaseGate(target) : null;
  const standing = new Set(currentReadings(readings).map((r) => r.id));
  const activeReadings = readings.filter((r) => r.characteristicId === active?.id).slice(0, 200);
  const preview =
    active && entry.draft.text.trim() && active.type !== 'record'
      ? (() => {
          const parsed = parseTyped(active.type, entry.draft.text);
          return parsed.ok ? judgeReading(active, parsed.reading) : null;
        })()
      : null;
  const verdict = lot.verdict ?? progress?.status ?? 'pending';
  const remaining = progress?.characteristics.reduce((n, c) => n + c.remaining, 0) ?? 0;

  const closeLot = async () => {
    setClosing(true);
    try {
      const outcome = await entry.close();
      if (!outcome.ok) {
        const phrase = describeRefusal(outcome.error, outcome.params, (s) => s);
        void message.error(t(phrase.key as never, phrase.values));
      }
    } finally {
      setClosing(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="lot-logger">
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            {
              key: 'lot',
              label: t('quality.lot.number'),
              children: (
                <span data-testid="lot-number">
                  {lot.number}{' '}
                  {lot.numberProvisional ? (
                    <Tag color="orange">{t('quality.provisional')}</Tag>
                  ) : null}
                </span>
              ),
            },
            {
              key: 'target',
              label: t(`quality.target.${lot.target.kind}`),
              children: <span data-testid="lot-target">{lot.targetLabel}</span>,
            },
            { key: 'model', label: t('quality.lot.model'), children: lot.model },
            {
              key: 'stage',
              label: t('quality.lot.stage'),
              children: t(`quality.stages.${lot.stage}`),
            },
            { key: 'size', label: t('quality.lot.size'), children: lot.lotSize },
            {
              key: 'severity',
              label: t('quality.lot.severity'),
              children: (
                <Space size={4}>
                  <Tag
                    color={lot.severity === 'tightened' ? 'orange' : 'blue'}
                    data-testid="lot-severity"
                  >
                    {t(`quality.severity.${lot.severity}`)}
                  </Tag>
                  {lot.attempt > 1 ? (
                    <Tag>{t('quality.lot.reinspection', { attempt: lot.attempt })}</Tag>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
        {outlook ? (
          <Typography.Text type="secondary" data-testid="switching-outlook">
            {t(`quality.switching.${outlook.code}`, { ...outlook })}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary" data-testid="switching-outlook">
            {t('quality.switching.normal-clean')}
          </Typography.Text>
        )}
      </Card>

      <Alert
        data-testid="lot-verdict"
        data-verdict={verdict}
        type={verdict === 'accepted' ? 'success' : verdict === 'rejected' ? 'error' : 'info'}
        showIcon
        message={
          open
            ? t(`quality.verdict.live.${verdict}`, { remaining })
            : t(`quality.verdict.closed.${verdict}`)
        }
        description={
          gate ? (
            <span data-testid="pack-gate" data-allowed={gate.allowed}>
              {t(`quality.gate.${gate.reason}`)}
            </span>
          ) : undefined
        }
        action={
          open ? (
            <Space>
              <Button onClick={() => setImporting(true)} data-testid="open-csv-import">
                {t('quality.csv.open')}
              </Button>
              <Button
                type="primary"
                danger={verdict === 'rejected'}
                disabled={verdict === 'pending'}
                loading={closing}
                onClick={() => void closeLot()}
                data-testid="close-lot"
              >
                {t('quality.lot.close')}
              </Button>
            </Space>
          ) : null
        }
      />

      <Table
        size="small"
        rowKey="id"
        pagination={false}
        data-testid="characteristics"
        dataSource={lot.characteristics}
        onRow={(c) =>
          ({
            onClick: () => entry.choose(c.id),
            'data-characteristic': c.id,
            className: c.id === active?.id ? 'quality-active-row' : undefined,
            style: { cursor: 'pointer' },
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t('quality.characteristic.name'),
            render: (_: unknown, c) => (
              <span>
                {c.id === active?.id ? '▶ ' : ''}
                {localName(c.name, language)}
              </span>
            ),
          },
          {
            title: t('quality.characteristic.limits'),
            render: (_: unknown, c) => limitsText(c, language, t),
          },
          {
            title: t('quality.characteristic.class'),
            render: (_: unknown, c) => t(`quality.defectClass.${c.defectClass}`),
          },
          {
            title: t('quality.characteristic.sampling'),
            render: (_: unknown, c) => samplingText(c, t),
          },
          {
            title: t('quality.characteristic.progress'),
            render: (_: unknown, c) => {
              const p = progress?.characteristics.find((x) => x.id === c.id);
              return (
                <span data-testid="characteristic-progress">
                  {p?.inspected ?? 0} / {c.sampleSize}
                  {c.type !== 'record'
                    ? ` · ${t('quality.characteristic.nonconforming', { count: p?.nonconformities ?? 0 })}`
                    : ''}
                </span>
              );
            },
          },
          {
            title: t('quality.characteristic.status'),
            render: (_: unknown, c) => {
              const status =
                progress?.characteristics.find((x) => x.id === c.id)?.status ?? 'pending';
              const color =
                status === 'accepted' ? 'success' : status === 'rejected' ? 'error' : 'default';
              return <Tag color={color}>{t(`quality.status.${status}`)}</Tag>;
            },
          },
        ]}
      />

      {open && active ? (
        <Card
          size="small"
          title={t('quality.entry.title', {
            sample: entry.nextSample(active.id),
            n: active.sampleSize,
            name: localName(active.name, language),
          })}
          extra={
            <Typography.Text type="secondary">{limitsText(active, language, t)}</Typography.Text>
          }
          data-testid="entry"
        >
          {entry.restored ? (
            <Alert
              type="info"
              showIcon
              message={t('quality.entry.restored')}
              style={{ marginBottom: 8 }}
            />
          ) : null}
          <Form layout="vertical" onSubmitCapture={(e) => e.preventDefault()}>
            <Space align="start" wrap>
              <Form.Item label={t('quality.entry.serial')} style={{ marginBottom: 8 }}>
                <Input
                  value={entry.draft.serial}
                  onChange={(e) => entry.type({ serial: e.target.value })}
                  onPressEnter={() => input.current?.focus()}
                  style={{ width: 180 }}
                  data-testid="serial-input"
                  autoComplete="off"
                />
              </Form.Item>
              <Form.Item
                label={
                  active.type === 'record'
                    ? t('quality.entry.note')
                    : t(`quality.entry.value.${active.type}`, { unit: active.unit ?? '' })
                }
                validateStatus={entry.error ? 'error' : undefined}
                help={
                  entry.error
                    ? t(`quality.entry.errors.${entry.error}`)
                    : t(`quality.entry.hint.${active.type}`)
                }
                style={{ marginBottom: 8 }}
              >
                <Input
                  ref={(el) => {
                    input.current = el?.input ?? null;
                  }}
                  value={entry.draft.text}
                  onChange={(e) => entry.type({ text: e.target.value })}
                  onPressEnter={() => entry.submit()}
                  style={{ width: 260 }}
                  data-testid="reading-input"
                  aria-label={localName(active.name, language)}
                  autoComplete="off"
                  autoFocus
                  suffix={active.unit}
                />
              </Form.Item>
              {preview ? (
                <div style={{ paddingTop: 30 }} data-testid="reading-preview">
                  <JudgementTag
                    judgement={preview.judgement}
                    detail={reasonText(
                      preview.reason,
                      active,
                      language,
                      t,
                      preview.nonconformities,
                    )}
                  />
                </div>
              ) : null}
            </Space>
            {active.type !== 'record' ? (
              <Form.Item label={t('quality.entry.noteOptional')} style={{ marginBottom: 8 }}>
                <Input
                  value={entry.draft.note}
                  onChange={(e) => entry.type({ note: e.target.value })}
                  onPressEnter={() => input.current?.focus()}
                  data-testid="note-input"
                  maxLength={2000}
                />
              </Form.Item>
            ) : null}
            <Space>
              <Button
                icon={<CameraOutlined />}
                onClick={() => document.getElementById(`photo-${lot.id}`)?.click()}
              >
                {t('quality.entry.photo')}
              </Button>
              <input
                id={`photo-${lot.id}`}
                type="file"
                accept="image/*"
                capture="environment"
                hidden
                data-testid="photo-input"
                onChange={async (e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (!file) return;
                  const url = await photoToDataUrl(file);
                  if (url) entry.setPhoto(url);
                  else void message.error(t('quality.entry.photoFailed'));
                }}
              />
              {entry.photo ? (
                <Space data-testid="photo-attached">
                  <img
                    src={entry.photo}
                    alt={t('quality.entry.photoAttached')}
                    style={{ height: 40 }}
                  />
                  <Typography.Text>{t('quality.entry.photoAttached')}</Typography.Text>
                  <Button
                    size="small"
                    icon={<DeleteOutlined />}
                    onClick={() => entry.setPhoto(null)}
                    aria-label={t('quality.entry.photoRemove')}
                  />
                </Space>
              ) : null}
            </Space>
          </Form>
          {entry.last ? lastResultLine(lot) : null}
        </Card>
      ) : null}

      {active ? (
        <Table<InspectionResultRecord>
          size="small"
          rowKey="id"
          data-testid="readings"
          dataSource={activeReadings}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          onRow={(r) => ({ 'data-sample': r.sample }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('quality.readings.unit'), dataIndex: 'sample', width: 70 },
            { title: t('quality.readings.serial'), dataIndex: 'serial' },
            {
              title: t('quality.readings.value'),
              render: (_: unknown, r) =>
                r.value !== undefined
                  ? formatValue(r.value, active, language)
                  : r.passed !== undefined
                    ? t(r.passed ? 'quality.readings.passed' : 'quality.readings.failed')
                    : r.count !== undefined
                      ? String(r.count)
                      : (r.note ?? ''),
            },
            {
              title: t('quality.readings.judgement'),
              render: (_: unknown, r) => (
                <Space size={4}>
                  <JudgementTag
                    judgement={r.judgement}
                    detail={reasonText(r.reason, active, language, t, r.nonconformities)}
                  />
                  {!standing.has(r.id) ? <Tag>{t('quality.readings.superseded')}</Tag> : null}
                  {r.supersedes ? (
                    <Tag color="purple">
                      {t('quality.readings.correction', { reason: r.correctionReason ?? '' })}
                    </Tag>
                  ) : null}
                </Space>
              ),
            },
            {
              title: t('quality.readings.attachments'),
              render: (_: unknown, r) => (
                <Space size={4}>
                  {r.note && active.type !== 'record' ? (
                    <Typography.Text type="secondary">{r.note}</Typography.Text>
                  ) : null}
                  {r.photo ? (
                    <img
                      src={r.photo}
                      alt={t('quality.entry.photoAttached')}
                      style={{ height: 28 }}
                    />
                  ) : null}
                </Space>
              ),
            },
            {
              title: t('quality.readings.at'),
              render: (_: unknown, r) => formatDateTime(r.clientTime, language),
            },
            {
              title: '',
              render: (_: unknown, r) =>
                open && standing.has(r.id) && active.type !== 'record' ? (
                  <Button
                    size="small"
                    onClick={() => setCorrecting(r)}
                    data-testid="correct-reading"
                  >
                    {t('quality.readings.correct')}
                  </Button>
                ) : null,
            },
          ]}
        />
      ) : null}

      <CorrectionDialog
        reading={correcting}
        characteristic={
          lot.characteristics.find((c) => c.id === correcting?.characteristicId) ?? null
        }
        onClose={() => setCorrecting(null)}
        onCorrect={entry.correct}
      />
      {importing ? <CsvImportDialog lot={lot} onClose={() => setImporting(false)} /> : null}
    </Space>
  );

  // A plain render helper, not a component: it reads this render's entry state.
  function lastResultLine(l: InspectionLotRecord) {
    const last = entry.last!;
    const c = l.characteristics.find((x) => x.id === last.characteristicId)!;
    const text = t('quality.entry.last', {
      sample: last.sample,
      name: localName(c.name, language),
      value: last.text || '—',
    });
    const why = reasonText(last.judged.reason, c, language, t, last.judged.nonconformities);
    return (
      <Alert
        style={{ marginTop: 8 }}
        data-testid="last-result"
        data-judgement={last.judged.judgement}
        data-saved={last.saved}
        type={
          last.failed
            ? 'warning'
            : last.judged.judgement === 'fail'
              ? 'error'
              : last.judged.judgement === 'pass'
                ? 'success'
                : 'info'
        }
        showIcon
        message={
          <Space wrap>
            <span>{text}</span>
            <JudgementTag judgement={last.judged.judgement} detail={why} />
            <Typography.Text type="secondary">
              {last.failed
                ? (() => {
                    const phrase = describeRefusal(last.failed.error, last.failed.params, (s) => s);
                    return t(phrase.key as never, phrase.values);
                  })()
                : last.saved
                  ? t('quality.entry.saved')
                  : t('quality.entry.saving')}
            </Typography.Text>
          </Space>
        }
      />
    );
  }
}
