import { DepartmentPage } from '../../components/department-page';

/** The warehouse screen; its records and actions arrive with the department's own issues. */
export function WarehousePage() {
  return <DepartmentPage id="warehouse" />;
}
