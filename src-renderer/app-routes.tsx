import type { ComponentType } from 'react';
import type { DepartmentId } from '../src-shared/departments';
import { AdminPage } from './features/admin/admin-page';
import { AfterSalesPage } from './features/after-sales/after-sales-page';
import { FinancePage } from './features/finance/finance-page';
import { ManagementPage } from './features/management/management-page';
import { OrderDeskPage } from './features/order-desk/order-desk-page';
import { PlanningPage } from './features/planning/planning-page';
import { ProcurementPage } from './features/procurement/procurement-page';
import { ProductionPage } from './features/production/production-page';
import { QualityPage } from './features/quality/quality-page';
import { SalesPage } from './features/sales/sales-page';
import { WarehousePage } from './features/warehouse/warehouse-page';

/**
 * One screen per department. Imported eagerly, not lazily: a PC that loses the network must
 * still open every screen it is allowed, and in web mode a lazy chunk would need the server.
 */
export const FEATURE_PAGES: Record<DepartmentId, ComponentType> = {
  'order-desk': OrderDeskPage,
  sales: SalesPage,
  planning: PlanningPage,
  production: ProductionPage,
  procurement: ProcurementPage,
  quality: QualityPage,
  warehouse: WarehousePage,
  finance: FinancePage,
  'after-sales': AfterSalesPage,
  management: ManagementPage,
  admin: AdminPage,
};
