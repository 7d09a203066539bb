import { DepartmentPage } from '../../components/department-page';

/** The quality screen; its records and actions arrive with the department's own issues. */
export function QualityPage() {
  return <DepartmentPage id="quality" />;
}
