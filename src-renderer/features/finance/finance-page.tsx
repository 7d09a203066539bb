import { DepartmentPage } from '../../components/department-page';

/** The finance screen; its records and actions arrive with the department's own issues. */
export function FinancePage() {
  return <DepartmentPage id="finance" />;
}
