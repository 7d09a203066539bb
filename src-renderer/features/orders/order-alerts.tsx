import { BellOutlined, MutedOutlined, SoundOutlined } from '@ant-design/icons';
import { App, Badge, Button, Tooltip } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { customerLabel } from '../../../src-shared/orders/catalog';
import { canDo } from '../../../src-shared/permissions';
import { useSession } from '../../auth/use-session';
import { useRefusalText } from '../../components/use-refusal-text';
import { useLanguage } from '../../i18n/use-language';
import { playAlertTone } from './alert-sound';
import { useAlertSound, usePendingSignOffs, useUntakenPortalOrders } from './use-order-alerts';
import { useOrderMutate } from './use-order-mutate';

/** While an online order waits, the sound comes back this often. */
const REPEAT_MS = 30_000;
/** More waiting orders than this are left to the badge. */
const MAX_NOTIFICATIONS = 3;

/**
 * The alerts in the top bar. On order-desk PCs: every online order nobody has taken yet
 * shows in a badge, a notification that stays until someone (here or on another PC) takes
 * it, and a sound that can be switched off (remembered on this PC). On the feasibility
 * departments' PCs: a notification for each order waiting for their sign-off.
 */
export function OrderAlerts() {
  const { user } = useSession();
  const desk = canDo(user.role, 'order.create');
  return (
    <>
      {desk ? <PortalAlerts /> : null}
      <SignOffAlerts />
    </>
  );
}

function PortalAlerts() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { notification, message } = App.useApp();
  const navigate = useNavigate();
  const mutate = useOrderMutate();
  const refusalText = useRefusalText();
  const waiting = useUntakenPortalOrders(true);
  const [sound, setSound] = useAlertSound();
  const shown = useRef(new Set<string>());
  const ids = waiting.map((o) => o.id).join(',');

  useEffect(() => {
    const now = new Set(waiting.map((o) => o.id));
    let fresh = false;
    for (const o of waiting.slice(0, MAX_NOTIFICATIONS)) {
      if (shown.current.has(o.id)) continue;
      shown.current.add(o.id);
      fresh = true;
      const key = `portal-${o.id}`;
      const customer = o.customerName
        ? customerLabel({ code: o.customerCode ?? '', name: o.customerName }, language)
        : o.customerId;
      notification.open({
        key,
        duration: 0,
        type: 'info',
        title: t('orders.alerts.portalTitle'),
        description: t('orders.alerts.portalText', { number: o.number, customer }),
        props: { 'data-testid': 'portal-alert', 'data-order-number': o.number } as never,
        actions: (
          <Button
            type="primary"
            size="small"
            data-testid="portal-alert-take"
            onClick={async () => {
              const result = await mutate('order.take', { orderId: o.id });
              if (!result.ok) void message.error(refusalText(result));
            }}
          >
            {t('orders.alerts.take')}
          </Button>
        ),
      });
    }
    // Taken here or on another PC: the alert goes everywhere.
    for (const id of [...shown.current]) {
      if (!now.has(id)) {
        notification.destroy(`portal-${id}`);
        shown.current.delete(id);
      }
    }
    if (fresh && sound) playAlertTone();
    // `ids` stands for the waiting list's content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ids]);

  useEffect(() => {
    if (!sound || ids === '') return;
    const timer = setInterval(playAlertTone, REPEAT_MS);
    return () => clearInterval(timer);
  }, [sound, ids]);

  useEffect(
    () => () => {
      for (const id of shown.current) notification.destroy(`portal-${id}`);
    },
    [notification],
  );

  return (
    <>
      <Tooltip title={t('orders.alerts.badge')}>
        <Badge count={waiting.length} size="small" data-testid="portal-alert-count">
          <Button
            type="text"
            icon={<BellOutlined />}
            aria-label={`${t('orders.alerts.badge')}: ${waiting.length}`}
            onClick={() => void navigate('/order-desk')}
            data-testid="portal-alert-badge"
          />
        </Badge>
      </Tooltip>
      <Tooltip title={sound ? t('orders.alerts.soundOn') : t('orders.alerts.soundOff')}>
        <Button
          type="text"
          icon={sound ? <SoundOutlined /> : <MutedOutlined />}
          aria-label={sound ? t('orders.alerts.soundOn') : t('orders.alerts.soundOff')}
          aria-pressed={sound}
          onClick={() => setSound(!sound)}
          data-testid="alert-sound"
        />
      </Tooltip>
    </>
  );
}

function SignOffAlerts() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { notification } = App.useApp();
  const pending = usePendingSignOffs(user.role);
  const shown = useRef(new Set<string>());
  const ids = pending.map((p) => p.review.id).join(',');

  useEffect(() => {
    const now = new Set(pending.map((p) => p.review.id));
    for (const { review, order } of pending.slice(0, MAX_NOTIFICATIONS)) {
      if (shown.current.has(review.id) || !order) continue;
      shown.current.add(review.id);
      notification.open({
        key: `signoff-${review.id}`,
        // The queue keeps the count; a notice that stayed would cover the screen's buttons.
        duration: 10,
        type: 'info',
        title: t('orders.feasibility.newRequestTitle'),
        description: t('orders.feasibility.newRequest', {
          number: order.number,
          department: t(`orders.feasibility.departments.${review.department}`),
        }),
        props: { 'data-testid': 'signoff-alert' } as never,
      });
    }
    for (const id of [...shown.current]) {
      if (!now.has(id)) {
        notification.destroy(`signoff-${id}`);
        shown.current.delete(id);
      }
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ids]);

  useEffect(
    () => () => {
      for (const id of shown.current) notification.destroy(`signoff-${id}`);
    },
    [notification],
  );
  return null;
}
