import { DepartmentPage } from '../../components/department-page';

/** The sales screen; its records and actions arrive with the department's own issues. */
export function SalesPage() {
  return <DepartmentPage id="sales" />;
}
