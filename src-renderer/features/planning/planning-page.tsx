import { Alert, Button, Segmented, Space, Table, Tabs, Tag } from 'antd';
import { App } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchRecord } from '../../../src-shared/planning/batch-mutations';
import { DAY, localDayStart } from '../../../src-shared/planning/line-calendar';
import { DepartmentPage } from '../../components/department-page';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { describeRefusal } from '../../sync/describe-change';
import { useMutate } from '../../sync/use-sync';
import { BatchActions } from './batch-actions';
import { BatchTable } from './batch-table';
import { ZOOMS, type Zoom } from './board-layout';
import { CapacityView } from './capacity-view';
import { FeedbackStore } from './drag-feedback';
import { OrderBacklog } from './order-backlog';
import { PlanBatchForm } from './plan-batch-form';
import { ResourcesPanel } from './resources-panel';
import { ScheduleBoard } from './schedule-board';
import { planSummary, withDraft } from './schedule-model';
import { usePlan, type LineOption } from './use-plan';
import { usePlanActions } from './use-plan-actions';
import { useSchedule } from './use-schedule';
import { useWarningText } from './use-warning-text';
import './planning.css';

type View = 'board' | 'capacity' | 'orders' | 'list' | 'resources';

/** The board spans from four weeks back to six months ahead of today. */
function boardSpan(offset: number): { origin: number; horizon: number; today: number } {
  const today = localDayStart(Date.now(), offset);
  return { origin: today - 28 * DAY, horizon: today + 200 * DAY, today };
}

/** Planning: the schedule board, capacity, orders to plan and the batch list. */
export function PlanningPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const mutate = useMutate();
  const { batches, lines, products, pendingIds } = usePlan();
  const { model: base } = useSchedule();
  const actions = usePlanActions(base);
  const model = useMemo(
    () => (base && actions.draft ? withDraft(base, actions.draft) : base),
    [base, actions.draft],
  );
  const describe = useWarningText();
  const [view, setView] = useState<View>('board');
  const [zoom, setZoom] = useState<Zoom>('shift');
  const [selection, setSelection] = useState<Set<string>>(new Set());
  const [feedback] = useState(() => new FeedbackStore());
  const offset = base?.lines[0]?.calendar.utcOffsetMinutes ?? 480;
  const span = useMemo(() => boardSpan(offset), [offset]);
  const [scrollTo] = useState(() => span.today - DAY);
  const [comparing, setComparing] = useState(false);

  const lineLabel = (l: LineOption) =>
    `${l.code} · ${language === 'zh-CN' ? l.name.zh : l.name.en}`;
  const moveToLine = async (batch: BatchRecord, lineId: string) => {
    const result = await mutate('batch.move', {
      batchId: batch.id,
      baseVersion: batch._v ?? 0,
      lineId,
    });
    if (!result.ok) {
      const phrase = describeRefusal(result.error, result.params, (s) => s);
      void message.error(t(phrase.key as never, phrase.values));
    }
  };

  const select = (id: string, additive: boolean) =>
    setSelection((s) => {
      const next = new Set(additive ? s : []);
      if (additive && s.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const draftIds = useMemo(() => new Set(actions.draft?.keys() ?? []), [actions.draft]);
  const compare = useMemo(() => {
    if (!comparing || !base || !model) return null;
    return { before: planSummary(base, span.today), after: planSummary(model, span.today) };
  }, [comparing, base, model, span.today]);

  const toolbar = (
    <Space wrap className="board-toolbar" data-testid="board-toolbar">
      <Segmented<Zoom>
        value={zoom}
        onChange={setZoom}
        aria-label={t('planning.zoom.label')}
        options={ZOOMS.map((z) => ({ value: z, label: t(`planning.zoom.${z}` as never) }))}
      />
      <Button
        onClick={() => void actions.undo()}
        disabled={!actions.canUndo}
        data-testid="board-undo"
      >
        {t('planning.board.undo')}
      </Button>
      <Button
        onClick={() => void actions.redo()}
        disabled={!actions.canRedo}
        data-testid="board-redo"
      >
        {t('planning.board.redo')}
      </Button>
      {model ? <BatchActions model={model} selection={selection} /> : null}
      {selection.size > 1 ? (
        <Tag data-testid="board-selection">
          {t('planning.board.selected', { count: selection.size })}
        </Tag>
      ) : null}
      {actions.draft ? (
        <>
          <Tag color="purple">
            {t('planning.draft.active', { count: actions.draftMoves.length })}
          </Tag>
          <Button onClick={() => setComparing((c) => !c)} data-testid="draft-compare">
            {t('planning.draft.compare')}
          </Button>
          <Button
            type="primary"
            onClick={() => void actions.publish().then(() => setComparing(false))}
            data-testid="draft-publish"
          >
            {t('planning.draft.publish')}
          </Button>
          <Button
            onClick={() => {
              actions.discardDraft();
              setComparing(false);
            }}
            data-testid="draft-discard"
          >
            {t('planning.draft.discard')}
          </Button>
        </>
      ) : (
        <Button onClick={actions.startDraft} data-testid="draft-start">
          {t('planning.draft.start')}
        </Button>
      )}
    </Space>
  );

  return (
    <DepartmentPage id="planning">
      <div aria-live="polite" className="visually-hidden" data-testid="board-announcer">
        {actions.announcement}
      </div>
      <Tabs
        activeKey={view}
        onChange={(key) => setView(key as View)}
        data-testid="planning-views"
        items={[
          {
            key: 'board',
            label: t('planning.tabs.board'),
            children: model ? (
              <>
                {toolbar}
                {compare ? (
                  <Alert
                    type="info"
                    data-testid="draft-comparison"
                    title={t('planning.draft.comparison')}
                    description={
                      <div>
                        <table className="draft-compare">
                          <thead>
                            <tr>
                              <th />
                              <th>{t('planning.draft.published')}</th>
                              <th>{t('planning.draft.draft')}</th>
                            </tr>
                          </thead>
                          <tbody>
                            {(['late', 'warned', 'overloadedDays'] as const).map((k) => (
                              <tr key={k}>
                                <th scope="row">{t(`planning.draft.${k}` as never)}</th>
                                <td>{compare.before[k]}</td>
                                <td>{compare.after[k]}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                        <Table
                          size="small"
                          rowKey="batchId"
                          pagination={false}
                          dataSource={actions.draftMoves}
                          columns={[
                            {
                              title: t('planning.number'),
                              render: (_: unknown, m) => model.batches.get(m.batchId)?.number,
                            },
                            {
                              title: t('planning.draft.from'),
                              render: (_: unknown, m) =>
                                `${model.lineLabels.get(m.from.lineId) ?? ''} ${formatDateTime(new Date(m.from.start), language)}`,
                            },
                            {
                              title: t('planning.draft.to'),
                              render: (_: unknown, m) =>
                                `${model.lineLabels.get(m.to.lineId) ?? ''} ${formatDateTime(new Date(m.to.start), language)}`,
                            },
                            {
                              title: t('planning.draft.warnings'),
                              render: (_: unknown, m) => m.warnings.map(describe).join('; ') || '—',
                            },
                          ]}
                        />
                      </div>
                    }
                  />
                ) : null}
                <ScheduleBoard
                  model={model}
                  zoom={zoom}
                  origin={span.origin}
                  horizon={span.horizon}
                  selection={selection}
                  pendingIds={pendingIds}
                  draftIds={draftIds}
                  feedback={feedback}
                  onSelect={select}
                  onCommit={(moves) => void actions.commit(moves)}
                  onUndo={() => void actions.undo()}
                  onRedo={() => void actions.redo()}
                  scrollTo={scrollTo}
                />
                <p className="board-help">{t('planning.board.help')}</p>
              </>
            ) : null,
          },
          {
            key: 'capacity',
            label: t('planning.tabs.capacity'),
            children: model ? <CapacityView model={model} from={span.today} /> : null,
          },
          {
            key: 'orders',
            label: t('planning.tabs.orders'),
            children: base ? <OrderBacklog model={base} /> : null,
          },
          {
            key: 'resources',
            label: t('planning.tabs.resources'),
            children: base ? <ResourcesPanel lines={base.lines} labels={base.lineLabels} /> : null,
          },
          {
            key: 'list',
            label: t('planning.tabs.list'),
            children: (
              <>
                <PlanBatchForm lines={lines} products={products} lineLabel={lineLabel} />
                <BatchTable
                  batches={batches}
                  lines={lines}
                  pendingIds={pendingIds}
                  lineLabel={lineLabel}
                  onMove={(b, lineId) => void moveToLine(b, lineId)}
                />
              </>
            ),
          },
        ]}
      />
    </DepartmentPage>
  );
}
