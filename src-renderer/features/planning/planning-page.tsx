import { DepartmentPage } from '../../components/department-page';

/** The planning screen; its records and actions arrive with the department's own issues. */
export function PlanningPage() {
  return <DepartmentPage id="planning" />;
}
