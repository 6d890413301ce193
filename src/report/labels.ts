// The catalogue's words for the model's enum values, as the renderers need them (the report model
// keeps raw values so JSON consumers can match on them).
import {
  CHECK_RESULT_LABELS,
  DEPENDENCY_STATUS_LABELS,
  DISPOSITION_LABELS,
  LB_FRONT_LABELS,
  SERVER_MEMBERSHIP_LABELS,
  SERVER_ROLE_LABELS,
  SERVICE_KIND_LABELS,
} from '../../state/catalogue/index.js';
import type { ReportInventory, ReportTestUser } from './report-model.js';

type Service = ReportInventory['services'][number];
type Server = ReportInventory['servers'][number];
type LoadBalancer = ReportInventory['loadBalancers'][number];

export const label = {
  serviceKind: (s: Service): string => SERVICE_KIND_LABELS[s.kind],
  disposition: (s: Service): string => DISPOSITION_LABELS[s.disposition],
  serviceStatus: (s: Service): string => DEPENDENCY_STATUS_LABELS[s.status],
  role: (s: Server): string => SERVER_ROLE_LABELS[s.role],
  membership: (s: Server): string => SERVER_MEMBERSHIP_LABELS[s.membership],
  fronts: (lb: LoadBalancer): string => LB_FRONT_LABELS[lb.fronts],
  checkResult: (c: ReportTestUser['checks'][number]): string => CHECK_RESULT_LABELS[c.result],
};
