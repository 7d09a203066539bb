import { DepartmentPage } from '../../components/department-page';

/** The procurement screen; its records and actions arrive with the department's own issues. */
export function ProcurementPage() {
  return <DepartmentPage id="procurement" />;
}
