import { DepartmentPage } from '../../components/department-page';

/** The management screen; its records and actions arrive with the department's own issues. */
export function ManagementPage() {
  return <DepartmentPage id="management" />;
}
