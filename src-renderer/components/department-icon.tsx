import {
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CustomerServiceOutlined,
  InboxOutlined,
  AccountBookOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShoppingCartOutlined,
  SolutionOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { DepartmentId } from '../../src-shared/departments';

const ICONS: Record<DepartmentId, ReactNode> = {
  'order-desk': <SolutionOutlined />,
  sales: <AuditOutlined />,
  planning: <CalendarOutlined />,
  production: <ToolOutlined />,
  procurement: <ShoppingCartOutlined />,
  quality: <SafetyCertificateOutlined />,
  warehouse: <InboxOutlined />,
  finance: <AccountBookOutlined />,
  'after-sales': <CustomerServiceOutlined />,
  management: <BarChartOutlined />,
  admin: <SettingOutlined />,
};

export function DepartmentIcon({ id }: { id: DepartmentId }) {
  return <>{ICONS[id]}</>;
}
