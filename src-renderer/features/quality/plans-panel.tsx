import { Collapse, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Characteristic, InspectionPlanRecord } from '../../../src-shared/quality/plan';
import { useLanguage } from '../../i18n/use-language';
import { PlanEditor } from './plan-editor';
import { limitsText, localName, samplingText } from './quality-format';

/** The inspection plans per model and stage, each characteristic with its rule; editable. */
export function PlansPanel({
  plans,
  canEdit,
}: {
  plans: InspectionPlanRecord[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <div data-testid="plans-panel">
      {canEdit ? <PlanEditor plan={null} /> : null}
      <Collapse
        items={plans.map((p) => ({
          key: p.id,
          label: (
            <span data-testid="plan-title">
              {p.model} · {t(`quality.stages.${p.stage}`)}
              {p.step ? ` · ${p.step}` : ''} — {localName(p.name, language)}{' '}
              <Tag>{t('quality.plans.revision', { revision: p.revision })}</Tag>
              {!p.active ? <Tag color="default">{t('quality.plans.inactive')}</Tag> : null}
            </span>
          ),
          extra: canEdit ? <PlanEditor plan={p} /> : null,
          children: (
            <Table<Characteristic>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={p.characteristics}
              columns={[
                {
                  title: t('quality.characteristic.name'),
                  render: (_: unknown, c) => localName(c.name, language),
                },
                {
                  title: t('quality.plans.type'),
                  render: (_: unknown, c) => t(`quality.types.${c.type}`),
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
                  title: t('quality.plans.method'),
                  render: (_: unknown, c) => (
                    <Typography.Text type="secondary">{c.method ?? ''}</Typography.Text>
                  ),
                },
              ]}
            />
          ),
        }))}
      />
    </div>
  );
}
