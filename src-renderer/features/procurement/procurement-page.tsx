import { DepartmentPage } from '../../components/department-page';
import { FeasibilityQueue } from '../orders';

/**
 * Procurement: for now the materials sign-off of confirmed orders; material requirements and
 * purchase orders arrive with the procurement issue.
 */
export function ProcurementPage() {
  return (
    <DepartmentPage id="procurement">
      <FeasibilityQueue />
    </DepartmentPage>
  );
}
