// Demo MaxCompute projects: names, descriptions, owners, tables and the demo users with their
// roles. This is the data behind workspace.json (read by the console's auth/projects code).

import type { TableSpec } from './sqlPlans.js';

export type Role = 'admin' | 'developer' | 'viewer';

export interface ProjectSpec {
  name: string;
  description: string;
  owner: string;
  region: string;
  /** Fact table, second fact/dimension table, aggregate target. */
  fact: TableSpec;
  dim: TableSpec;
  target: TableSpec;
  joinKey: string;
  groupBy: string[];
  measure: string;
  /** Package of the project's Spark jobs. */
  pkg: string;
}

export interface DemoUser {
  name: string;
  displayName: string;
  email: string;
  /** MaxCompute account name (RAM user). */
  account: string;
  roles: { project: string; role: Role }[];
}

const t = (project: string, name: string, columns: string[]): TableSpec => ({ project, name, columns, partitionColumn: 'ds' });

const BASE_PROJECTS: ProjectSpec[] = [
  {
    name: 'sales_dw',
    description: 'Sales data warehouse: daily order, payment and shop aggregates (DataWorks scheduled)',
    owner: 'ALIYUN$retail-data@example.com',
    region: 'cn-hangzhou',
    fact: t('sales_dw', 'ods_orders', ['order_id', 'user_id', 'shop_id', 'pay_amount', 'order_status', 'ds']),
    dim: t('sales_dw', 'dim_shop', ['shop_id', 'shop_name', 'city', 'category', 'ds']),
    target: t('sales_dw', 'dws_order_daily', ['city', 'category', 'total_pay_amount', 'ds']),
    joinKey: 'shop_id',
    groupBy: ['city', 'category'],
    measure: 'pay_amount',
    pkg: 'com.example.salesdw',
  },
  {
    name: 'risk_ml',
    description: 'Risk scoring: user behaviour features, model training and evaluation',
    owner: 'ALIYUN$risk-platform@example.com',
    region: 'cn-shanghai',
    fact: t('risk_ml', 'dwd_user_behavior', ['user_id', 'merchant_id', 'event_type', 'risk_flag', 'amount', 'ds']),
    dim: t('risk_ml', 'dim_merchant', ['merchant_id', 'mcc', 'region', 'ds']),
    target: t('risk_ml', 'fea_user_risk_v2', ['mcc', 'region', 'total_amount', 'ds']),
    joinKey: 'merchant_id',
    groupBy: ['mcc', 'region'],
    measure: 'amount',
    pkg: 'com.example.risk',
  },
  {
    name: 'ops_realtime',
    description: 'Operations analytics: API latency, alerting and the near-real-time ops dashboard',
    owner: 'ALIYUN$sre-team@example.com',
    region: 'cn-beijing',
    fact: t('ops_realtime', 'ods_app_logs', ['request_id', 'service', 'api', 'latency_ms', 'status', 'ds']),
    dim: t('ops_realtime', 'dim_service', ['service', 'team', 'tier', 'ds']),
    target: t('ops_realtime', 'ads_ops_dashboard', ['team', 'tier', 'total_latency_ms', 'ds']),
    joinKey: 'service',
    groupBy: ['team', 'tier'],
    measure: 'latency_ms',
    pkg: 'com.example.ops',
  },
];

const EXTRA_NAMES = ['marketing_attr', 'iot_telemetry', 'search_logs', 'supply_chain', 'finance_ods', 'hr_analytics', 'growth_lab', 'content_safety'];

export function demoProjects(count: number): ProjectSpec[] {
  const out: ProjectSpec[] = [];
  for (let i = 0; i < count; i++) {
    if (i < BASE_PROJECTS.length) {
      out.push(BASE_PROJECTS[i]!);
      continue;
    }
    const base = BASE_PROJECTS[i % BASE_PROJECTS.length]!;
    const name = EXTRA_NAMES[i - BASE_PROJECTS.length] ?? `project_${i + 1}`;
    const retable = (x: TableSpec): TableSpec => ({ ...x, project: name });
    out.push({
      ...base,
      name,
      description: `${name.replace(/_/g, ' ')} workloads (generated demo project)`,
      owner: `ALIYUN$${name.replace(/_/g, '-')}@example.com`,
      fact: retable(base.fact),
      dim: retable(base.dim),
      target: retable(base.target),
      pkg: `com.example.${name.replace(/_/g, '')}`,
    });
  }
  return out;
}

/** alice: admin everywhere; bob: developer in two projects; carol: viewer in one; dave: developer in ops. */
export function demoUsers(projects: ProjectSpec[]): DemoUser[] {
  const names = projects.map((p) => p.name);
  const u = (name: string, displayName: string, roles: { project: string; role: Role }[]): DemoUser => ({
    name,
    displayName,
    email: `${name}@example.com`,
    account: `RAM$example-corp:${name}`,
    roles,
  });
  return [
    u('alice', 'Alice Chen', names.map((project) => ({ project, role: 'admin' as const }))),
    u('bob', 'Bob Wang', names.slice(0, 2).map((project) => ({ project, role: 'developer' as const }))),
    u('carol', 'Carol Liu', [{ project: names[Math.min(2, names.length - 1)]!, role: 'viewer' }]),
    u('dave', 'Dave Zhang', [{ project: names[Math.min(2, names.length - 1)]!, role: 'developer' }]),
  ];
}
