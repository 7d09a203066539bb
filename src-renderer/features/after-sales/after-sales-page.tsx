import { DepartmentPage } from '../../components/department-page';

/** The after-sales screen; its records and actions arrive with the department's own issues. */
export function AfterSalesPage() {
  return <DepartmentPage id="after-sales" />;
}
