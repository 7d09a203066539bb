import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../../src-shared/orders/timeline';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';

/** Every step of the order: what happened, who did it, when, and from which PC. */
export function OrderTimeline({ events }: { events: TimelineEvent[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const what = (e: TimelineEvent): string => {
    if (e.kind === 'state') {
      const to = t(`orderStates.${e.entry.to}`);
      if (!e.entry.from) return t('orders.timeline.created', { to });
      return t('orders.timeline.state', { from: t(`orderStates.${e.entry.from}`), to });
    }
    if (e.kind === 'clarification') {
      const c = e.clarification;
      return `${t('orders.timeline.clarification')} (${t(`orders.channels.${c.channel}`)}): ${c.question ?? ''}${c.answer ? ` → ${c.answer}` : ''}`;
    }
    const s = e.signOff;
    const decision = t(`orders.feasibility.decisions.${s.decision}`);
    const detail = [s.proposedDate, s.comment].filter(Boolean).join(' · ');
    return `${t('orders.timeline.signOff', {
      department: t(`orders.feasibility.departments.${e.department}`),
      decision,
    })}${detail ? ` (${detail})` : ''}`;
  };
  return (
    <section className="order-section" data-testid="order-timeline">
      <Typography.Title level={5}>{t('orders.detail.timeline')}</Typography.Title>
      <Timeline
        items={events.map((e, i) => ({
          key: i,
          content: (
            <div data-event={e.kind}>
              <div>{what(e)}</div>
              <Typography.Text type="secondary">
                {formatDateTime(e.at, language)} ·{' '}
                {t('orders.timeline.who', {
                  name: e.byName ?? e.by,
                  pc: e.pc ?? t('orders.timeline.unknownPc', { id: e.clientId.slice(0, 8) }),
                })}
              </Typography.Text>
              {e.kind === 'state' && e.entry.reason ? (
                <div>
                  <Typography.Text italic>{e.entry.reason}</Typography.Text>
                </div>
              ) : null}
            </div>
          ),
        }))}
      />
    </section>
  );
}
