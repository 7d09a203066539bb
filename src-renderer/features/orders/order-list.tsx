import { DownloadOutlined } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Button, DatePicker, Empty, Input, Modal, Progress, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { customerLabel } from '../../../src-shared/orders/catalog';
import { ORDER_CHANNELS, type OrderRecord } from '../../../src-shared/orders/order-record';
import { ORDER_STATES } from '../../../src-shared/orders/order-state';
import { useCatalog } from '../../components/use-catalog';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import type { OrderSortField } from './order-query';
import { OrderNumber, OrderStateTag } from './order-state-tag';
import './orders.css';
import type { OrderListState } from './use-order-list';
import { useOrderExport } from './use-order-export';

const ROW_HEIGHT = 44;

/**
 * The order list: filters, sort and search above a virtualised list that renders only the
 * rows in view (100,000 orders scroll like 100), reading more from the local store as the
 * user scrolls. Enter or a click on a row opens the order.
 */
export function OrderList({
  state,
  onOpen,
  fixedStates = false,
}: {
  state: OrderListState;
  onOpen: (order: OrderRecord) => void;
  /** The screen fixes the states (sales' "to confirm"): no state filter then. */
  fixedStates?: boolean;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const catalog = useCatalog();
  const exporter = useOrderExport();
  const body = useRef<HTMLDivElement>(null);
  const { rows, hasMore, loadMore, filter, setFilter, sort } = state;

  // TanStack Virtual hands back functions a compiler cannot memoise; this list re-renders on
  // scroll by design, so it is simply not compiled.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => body.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && lastIndex >= rows.length - 30) loadMore();
  }, [hasMore, lastIndex, rows.length, loadMore]);

  const range: [Dayjs | null, Dayjs | null] | null =
    filter.from || filter.to
      ? [filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null]
      : null;
  const customerName = (o: OrderRecord) => {
    const c = catalog.customersById.get(o.customerId);
    if (c) return customerLabel(c, language);
    if (o.customerName)
      return customerLabel({ code: o.customerCode ?? '', name: o.customerName }, language);
    return o.customerId;
  };

  return (
    <div data-testid="order-list-panel">
      <div className="order-filters" role="search">
        <Input.Search
          allowClear
          style={{ width: 240 }}
          placeholder={t('orders.list.search')}
          aria-label={t('orders.list.search')}
          value={state.searchText}
          onChange={(e) => state.setSearchText(e.target.value)}
          data-testid="order-search"
        />
        {fixedStates ? null : (
          <Select
            mode="multiple"
            allowClear
            style={{ minWidth: 180 }}
            maxTagCount="responsive"
            placeholder={t('orders.list.allStates')}
            aria-label={t('orders.fields.state')}
            value={filter.states ? [...filter.states] : []}
            onChange={(states) => setFilter({ states })}
            options={ORDER_STATES.map((s) => ({ value: s, label: t(`orderStates.${s}`) }))}
            data-testid="filter-state"
          />
        )}
        <Select
          showSearch
          allowClear
          style={{ width: 220 }}
          placeholder={t('orders.list.allCustomers')}
          aria-label={t('orders.fields.customer')}
          value={filter.customerId}
          onChange={(customerId?: string) => setFilter({ customerId })}
          optionFilterProp="label"
          options={catalog.customers.map((c) => ({
            value: c.id,
            label: customerLabel(c, language),
          }))}
          data-testid="filter-customer"
        />
        <Select
          showSearch
          allowClear
          style={{ width: 180 }}
          placeholder={t('orders.list.allModels')}
          aria-label={t('orders.fields.model')}
          value={filter.model}
          onChange={(model?: string) => setFilter({ model })}
          options={catalog.products.map((p) => ({ value: p.code, label: p.code }))}
          data-testid="filter-model"
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('orders.list.allChannels')}
          aria-label={t('orders.fields.channel')}
          value={filter.channel}
          onChange={(channel?: (typeof ORDER_CHANNELS)[number]) => setFilter({ channel })}
          options={ORDER_CHANNELS.map((c) => ({ value: c, label: t(`orders.channels.${c}`) }))}
          data-testid="filter-channel"
        />
        <Space.Compact>
          <Select
            style={{ width: 150 }}
            aria-label={t('orders.list.dateField')}
            value={filter.dateField ?? 'createdAt'}
            onChange={(dateField: 'createdAt' | 'requestedDate') => setFilter({ dateField })}
            options={[
              { value: 'createdAt', label: t('orders.list.byReceived') },
              { value: 'requestedDate', label: t('orders.list.byRequested') },
            ]}
          />
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            value={range}
            onChange={(v) =>
              setFilter({
                from: v?.[0]?.format('YYYY-MM-DD'),
                to: v?.[1]?.format('YYYY-MM-DD'),
              })
            }
            data-testid="filter-dates"
          />
        </Space.Compact>
        <Space.Compact>
          <Select
            style={{ width: 170 }}
            aria-label={t('orders.list.sort')}
            value={sort.field}
            onChange={(field: OrderSortField) => state.setSort({ ...sort, field })}
            options={[
              { value: 'createdAt', label: t('orders.list.sortReceived') },
              { value: 'requestedDate', label: t('orders.list.sortRequested') },
              { value: 'number', label: t('orders.list.sortNumber') },
            ]}
          />
          <Select
            style={{ width: 130 }}
            aria-label={t('orders.list.sort')}
            value={sort.direction}
            onChange={(direction: 'asc' | 'desc') => state.setSort({ ...sort, direction })}
            options={[
              { value: 'desc', label: t('orders.list.descending') },
              { value: 'asc', label: t('orders.list.ascending') },
            ]}
          />
        </Space.Compact>
        <Button onClick={state.clearFilter}>{t('orders.list.clear')}</Button>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => void exporter.start(filter, sort)}
          loading={exporter.progress !== null}
          data-testid="order-export"
        >
          {t('orders.list.export')}
        </Button>
      </div>

      <div
        className="order-list"
        role="table"
        aria-rowcount={state.total ?? -1}
        data-testid="order-list"
      >
        <div className="order-list__header" role="row">
          <span role="columnheader">{t('orders.fields.number')}</span>
          <span role="columnheader">{t('orders.fields.state')}</span>
          <span role="columnheader">{t('orders.fields.customer')}</span>
          <span role="columnheader">{t('orders.fields.channel')}</span>
          <span role="columnheader">{t('orders.fields.lines')}</span>
          <span role="columnheader">{t('orders.fields.requestedDate')}</span>
          <span role="columnheader">{t('orders.fields.promisedDate')}</span>
          <span role="columnheader">{t('orders.fields.receivedAt')}</span>
        </div>
        <div className="order-list__body" ref={body} role="rowgroup">
          {rows.length === 0 && !state.loading ? (
            <Empty description={t('orders.list.empty')} />
          ) : (
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const o = rows[item.index]!;
                return (
                  <div
                    key={o.id}
                    role="row"
                    tabIndex={0}
                    className="order-list__row"
                    style={{ transform: `translateY(${item.start}px)`, height: item.size }}
                    data-order-number={o.number}
                    data-order-id={o.id}
                    aria-label={t('orders.list.open', { number: o.number })}
                    onClick={() => onOpen(o)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') onOpen(o);
                    }}
                  >
                    <span role="cell" className="order-list__cell">
                      <OrderNumber order={o} pending={state.pendingIds.has(o.id)} />
                    </span>
                    <span role="cell" className="order-list__cell">
                      <OrderStateTag state={o.state} />
                    </span>
                    <span role="cell" className="order-list__cell">
                      {customerName(o)}
                    </span>
                    <span role="cell" className="order-list__cell">
                      {t(`orders.channels.${o.channel}`)}
                    </span>
                    <span role="cell" className="order-list__cell">
                      {o.lines
                        .map((l) => `${l.model} × ${formatNumber(l.quantity, language)}`)
                        .join(', ')}
                    </span>
                    <span role="cell" className="order-list__cell">
                      {o.requestedDate ? formatDate(`${o.requestedDate}T12:00:00Z`, language) : ''}
                    </span>
                    <span role="cell" className="order-list__cell" data-testid="order-promised">
                      {o.promisedDate ? formatDate(`${o.promisedDate}T12:00:00Z`, language) : ''}
                    </span>
                    <span role="cell" className="order-list__cell">
                      {formatDateTime(o.createdAt, language)}
                    </span>
                  </div>
                );
              })}
            </div>
          )}
        </div>
        <div className="order-list__footer" data-testid="order-count">
          {state.total === undefined
            ? t('orders.list.counting')
            : t('orders.list.count', { count: state.total })}
        </div>
      </div>

      <Modal
        open={exporter.progress !== null}
        title={t('orders.list.export')}
        onCancel={exporter.cancel}
        cancelText={t('common.cancel')}
        okButtonProps={{ style: { display: 'none' } }}
        closable={false}
        maskClosable={false}
      >
        {exporter.progress ? (
          <div data-testid="export-progress">
            <Progress
              percent={
                exporter.progress.phase === 'writing'
                  ? 99
                  : Math.floor((exporter.progress.done / Math.max(1, exporter.progress.total)) * 95)
              }
            />
            <p>
              {exporter.progress.phase === 'writing'
                ? t('orders.list.writing')
                : t('orders.list.exporting', {
                    done: formatNumber(exporter.progress.done, language),
                    total: formatNumber(exporter.progress.total, language),
                  })}
            </p>
          </div>
        ) : null}
      </Modal>
    </div>
  );
}
