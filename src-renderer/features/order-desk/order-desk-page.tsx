import { DepartmentPage } from '../../components/department-page';

/** The order-desk screen; its records and actions arrive with the department's own issues. */
export function OrderDeskPage() {
  return <DepartmentPage id="order-desk" />;
}
