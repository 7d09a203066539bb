import { DepartmentPage } from '../../components/department-page';
import { FeasibilityQueue } from '../../components/orders/feasibility-queue';

/**
 * Warehouse and logistics: for now the logistics sign-off of confirmed orders (can the
 * factory deliver it there, by then, under the dangerous-goods rules); packing, labels and
 * scanning arrive with the warehouse issue.
 */
export function WarehousePage() {
  return (
    <DepartmentPage id="warehouse">
      <FeasibilityQueue />
    </DepartmentPage>
  );
}
