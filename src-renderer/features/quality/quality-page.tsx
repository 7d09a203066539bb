import { Button, Card, List, Space, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { canDo } from '../../../src-shared/permissions';
import { lotProgress } from '../../../src-shared/quality/lot';
import { useSession } from '../../auth/use-session';
import { DepartmentPage } from '../../components/department-page';
import { useDraft } from '../../components/use-draft';
import { ChartsPanel } from './charts-panel';
import { LotLogger } from './lot-logger';
import { NcrPanel } from './ncr-panel';
import { PlansPanel } from './plans-panel';
import { ReleasePanel } from './release-panel';
import { StartLotForm } from './start-lot-form';
import { useQualityOverview } from './use-quality-data';

/**
 * Quality: log lot inspections (keyboard and scanner first, offline), nonconformance and
 * corrective actions, release status of batches, control charts and plans. Every action is a
 * sync mutation applied locally at once.
 */
export function QualityPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const overview = useQualityOverview();
  // The lot being logged survives a crash too: the screen reopens on it.
  const selected = useDraft<string | null>('quality/selected-lot', null);
  const tab = useDraft<string>('quality/tab', 'log');
  const openLots = overview.lots.filter((l) => l.state === 'open');
  const recent = overview.lots.filter((l) => l.state === 'closed').slice(0, 10);
  const mayRecord = canDo(user.role, 'inspection.record');

  const log = (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {mayRecord ? <StartLotForm overview={overview} onStarted={(id) => selected.set(id)} /> : null}
      <Card size="small" title={t('quality.lots.title')}>
        <List
          size="small"
          data-testid="lot-list"
          dataSource={[...openLots, ...recent]}
          locale={{ emptyText: t('quality.lots.none') }}
          renderItem={(l) => {
            const p = lotProgress(l.characteristics, l.tallies);
            const verdict = l.verdict ?? p.status;
            return (
              <List.Item
                data-lot={l.number}
                data-target={l.targetLabel}
                actions={[
                  <Button
                    key="open"
                    size="small"
                    type={l.id === selected.value ? 'primary' : 'default'}
                    onClick={() => selected.set(l.id)}
                    data-testid="lot-open"
                  >
                    {t('quality.lots.open')}
                  </Button>,
                ]}
              >
                <Space wrap>
                  <Typography.Text strong>{l.number}</Typography.Text>
                  <span>{l.targetLabel}</span>
                  <span>{t(`quality.stages.${l.stage}`)}</span>
                  <Tag color={l.state === 'open' ? 'processing' : 'default'}>
                    {t(`quality.lots.states.${l.state}`)}
                  </Tag>
                  <Tag
                    color={
                      verdict === 'accepted'
                        ? 'success'
                        : verdict === 'rejected'
                          ? 'error'
                          : 'default'
                    }
                  >
                    {t(`quality.status.${verdict}`)}
                  </Tag>
                  {overview.pendingIds.has(l.id) ? (
                    <Tag color="blue">{t('quality.unsynced')}</Tag>
                  ) : null}
                </Space>
              </List.Item>
            );
          }}
        />
      </Card>
      {selected.value && overview.lots.some((l) => l.id === selected.value) ? (
        <LotLogger key={selected.value} lotId={selected.value} overview={overview} />
      ) : null}
    </Space>
  );

  return (
    <DepartmentPage id="quality">
      <Tabs
        activeKey={tab.value}
        onChange={(k) => tab.set(k)}
        data-testid="quality-tabs"
        items={[
          { key: 'log', label: t('quality.tabs.log'), children: log },
          { key: 'ncr', label: t('quality.tabs.ncr'), children: <NcrPanel overview={overview} /> },
          {
            key: 'release',
            label: t('quality.tabs.release'),
            children: <ReleasePanel batches={overview.batches} />,
          },
          {
            key: 'charts',
            label: t('quality.tabs.charts'),
            children: <ChartsPanel overview={overview} />,
          },
          {
            key: 'plans',
            label: t('quality.tabs.plans'),
            children: (
              <PlansPanel plans={overview.plans} canEdit={canDo(user.role, 'inspection.plan')} />
            ),
          },
        ]}
      />
    </DepartmentPage>
  );
}
