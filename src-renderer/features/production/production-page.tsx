import { DepartmentPage } from '../../components/department-page';

/** The production screen; its records and actions arrive with the department's own issues. */
export function ProductionPage() {
  return <DepartmentPage id="production" />;
}
