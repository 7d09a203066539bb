import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import type { CustomerRecord } from '../../src-shared/orders/catalog';
import { formatNumber } from '../i18n/format';
import type { Language } from '../i18n/language';

/**
 * The customer columns sales' editor and finance's credit screen both list: code, name in the
 * user's language, credit limit (finance's figure, or "not set").
 */
export function customerColumns(t: TFunction, language: Language) {
  return {
    code: { title: t('orders.catalog.code'), dataIndex: 'code' },
    name: {
      title: t('orders.catalog.nameEn'),
      render: (_: unknown, c: CustomerRecord) => (language === 'zh-CN' ? c.name.zh : c.name.en),
    },
    creditLimit: {
      title: t('orders.catalog.creditLimit'),
      render: (_: unknown, c: CustomerRecord) =>
        c.creditLimit ? (
          formatNumber(c.creditLimit.amount, language, {
            style: 'currency',
            currency: c.creditLimit.currency,
            maximumFractionDigits: 0,
          })
        ) : (
          <Tag>{t('orders.detail.creditNotSet')}</Tag>
        ),
    },
  };
}

/** A factory may have hundreds of customers: pages of 50, no pager for one page. */
export const CUSTOMER_PAGES = { pageSize: 50, hideOnSinglePage: true, showSizeChanger: false };
