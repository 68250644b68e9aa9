// SQL physical plans for the demo queries: the sparkPlanInfo tree (with metric accumulators),
// the physicalPlanDescription text in the style of the Spark line that wrote it (2.x "explain
// extended", 3.x "formatted"), and which stage's tasks update which SQL metric. Stage
// boundaries are the Exchange nodes, exactly as Spark splits a plan into stages.

import type { SqlPlanNode } from './eventWriters.js';
import type { TaskMetricValues } from './model.js';
import type { SparkVersionRules } from './sparkVersions.js';

export type MetricRole =
  | 'scanRows'
  | 'filterRows'
  | 'projectRows'
  | 'partialAggRows'
  | 'finalAggRows'
  | 'joinRows'
  | 'aggTime'
  | 'peakMemory'
  | 'spillSize'
  | 'sortTime'
  | 'wscgDuration'
  | 'scanTime'
  | 'swBytes'
  | 'swRecords'
  | 'swTime'
  | 'dataSize'
  | 'srRecords'
  | 'srLocalBytes'
  | 'srRemoteBytes'
  | 'srRemoteToDisk'
  | 'srFetchWait'
  | 'srLocalBlocks'
  | 'srRemoteBlocks'
  | 'driverNumFiles'
  | 'driverFilesSize'
  | 'driverMetadataTime'
  | 'driverPartitions'
  | 'driverWrittenFiles'
  | 'driverWrittenBytes'
  | 'driverWrittenRows'
  | 'driverDynamicParts'
  | 'scanBatches'
  | 'avgProbe'
  | 'zero';

interface MetricDef {
  name: string;
  metricType: 'sum' | 'size' | 'timing' | 'nsTiming' | 'average';
  role: MetricRole;
  /** Index of the stage fragment whose tasks update it, or 'driver'. */
  by: number | 'driver';
}

interface NodeDef {
  name: string;
  simple: string;
  codegen?: number;
  details: string[];
  metrics: MetricDef[];
  children: NodeDef[];
  /** Nodes that are not printed (WholeStageCodegen wrappers exist only in sparkPlanInfo). */
  wrapper?: boolean;
}

export interface SqlMetricInstance {
  id: number;
  name: string;
  metricType: string;
  role: MetricRole;
}

export interface FragmentShape {
  /** Stage name/callsite is taken from the action; this describes the stage's data flow. */
  source: 'table' | 'shuffle';
  /** Fragment indices this one reads shuffle output from. */
  parents: number[];
  output: 'shuffle' | 'result' | 'write';
  /** RDD chain names from source to the stage's last RDD. */
  rdds: { name: string; scope: string }[];
  table?: string;
}

export interface SqlQuery {
  description: string;
  plan: SqlPlanNode;
  finalPlan: SqlPlanNode | null;
  physicalPlanDescription: string;
  finalPhysicalPlanDescription: string | null;
  fragments: FragmentShape[];
  stageMetrics: SqlMetricInstance[][];
  driverMetrics: SqlMetricInstance[];
  /** Accumulator ids used: [first, nextFree). */
  nextAccumId: number;
}

const m = (name: string, metricType: MetricDef['metricType'], role: MetricRole, by: number | 'driver'): MetricDef => ({ name, metricType, role, by });

function exchangeMetrics(writer: number, reader: number): MetricDef[] {
  return [
    m('shuffle records written', 'sum', 'swRecords', writer),
    m('shuffle write time', 'nsTiming', 'swTime', writer),
    m('records read', 'sum', 'srRecords', reader),
    m('local bytes read', 'size', 'srLocalBytes', reader),
    m('fetch wait time', 'timing', 'srFetchWait', reader),
    m('remote bytes read', 'size', 'srRemoteBytes', reader),
    m('local blocks read', 'sum', 'srLocalBlocks', reader),
    m('remote blocks read', 'sum', 'srRemoteBlocks', reader),
    m('data size', 'size', 'dataSize', writer),
    m('number of partitions', 'sum', 'driverPartitions', 'driver'),
    m('remote bytes read to disk', 'size', 'srRemoteToDisk', reader),
    m('shuffle bytes written', 'size', 'swBytes', writer),
  ];
}

function wscg(n: number, by: number, child: NodeDef): NodeDef {
  return { name: `WholeStageCodegen (${n})`, simple: `WholeStageCodegen (${n})`, details: [], metrics: [m('duration', 'timing', 'wscgDuration', by)], children: [child], wrapper: true };
}

export interface TableSpec {
  project: string;
  name: string;
  columns: string[];
  partitionColumn: string;
}

/** Exchange's simpleString as each Spark line prints it. */
function exchangeString(rules: SparkVersionRules, partitioning: string, id: number): string {
  if (rules.major < 3) return `Exchange ${partitioning}`;
  const v = rules.major * 10 + rules.minor;
  if (v < 31) return `Exchange ${partitioning}, true, [id=#${id}]`;
  return v >= 34 ? `Exchange ${partitioning}, ENSURE_REQUIREMENTS, [plan_id=${id}]` : `Exchange ${partitioning}, ENSURE_REQUIREMENTS, [id=#${id}]`;
}

class Attrs {
  private next: number;
  constructor(start: number) {
    this.next = start;
  }
  ref(col: string, long = false): string {
    // Only bigint columns print the L suffix; ids are bigint in these tables.
    return `${col}#${this.next++}${long && /(_id|count)$/.test(col) ? 'L' : ''}`;
  }
  id(): number {
    return this.next++;
  }
}

function scanNode(rules: SparkVersionRules, t: TableSpec, cols: string[], ds: string, codegen: number, by: number): NodeDef {
  const full = `${t.project}.${t.name}`;
  if (rules.major < 3) {
    return {
      name: 'HiveTableScan',
      simple: `HiveTableScan [${cols.join(', ')}], HiveTableRelation \`${t.project}\`.\`${t.name}\`, org.apache.hadoop.hive.ql.io.orc.OrcSerde, [${cols.join(', ')}], [${t.partitionColumn}], [isnotnull(${t.partitionColumn}), (${t.partitionColumn} = ${ds})]`,
      details: [],
      metrics: [m('number of output rows', 'sum', 'scanRows', by), m('scan time', 'timing', 'scanTime', by)],
      children: [],
    };
  }
  const batch: NodeDef = {
    name: 'BatchScan',
    simple: `BatchScan odps.${full}[${cols.join(', ')}] OdpsScan[${t.name}] RuntimeFilters: []`,
    details: [`Output [${cols.length}]: [${cols.join(', ')}]`, `Arguments: [${cols.join(', ')}], OdpsScan[${t.name}], PushedFilters: [${t.partitionColumn} = ${ds}]`],
    metrics: [m('number of output rows', 'sum', 'scanRows', by), m('number of files read', 'sum', 'driverNumFiles', 'driver'), m('size of files read', 'size', 'driverFilesSize', 'driver')],
    children: [],
  };
  return {
    name: 'ColumnarToRow',
    simple: 'ColumnarToRow',
    codegen,
    details: [`Input [${cols.length}]: [${cols.join(', ')}]`],
    metrics: [m('number of output rows', 'sum', 'scanRows', by), m('number of input batches', 'sum', 'scanBatches', by)],
    children: [batch],
  };
}

function writeNode(rules: SparkVersionRules, target: TableSpec, child: NodeDef, ds: string): NodeDef {
  const metrics = [
    m('number of written files', 'sum', 'driverWrittenFiles', 'driver'),
    m('written output', 'size', 'driverWrittenBytes', 'driver'),
    m('number of output rows', 'sum', 'driverWrittenRows', 'driver'),
    m('number of dynamic part', 'sum', 'driverDynamicParts', 'driver'),
  ];
  if (rules.major < 3) {
    return {
      name: 'Execute InsertIntoHiveTable',
      simple: `Execute InsertIntoHiveTable InsertIntoHiveTable \`${target.project}\`.\`${target.name}\`, org.apache.hadoop.hive.ql.io.orc.OrcSerde, Map(${target.partitionColumn} -> Some(${ds})), true, false, [${target.columns.join(', ')}]`,
      details: [],
      metrics,
      children: [child],
    };
  }
  return {
    name: 'OverwritePartitionsDynamic',
    simple: `OverwritePartitionsDynamic RelationV2[${target.columns.join(', ')}] odps.${target.project}.${target.name}, false`,
    details: [`Input [${target.columns.length}]: [${target.columns.join(', ')}]`, `Arguments: odps.${target.project}.${target.name}`],
    metrics,
    children: [child],
  };
}

// ---------------------------------------------------------------------------------------------
// Query shapes

export interface AggregateQuerySpec {
  kind: 'aggregate';
  source: TableSpec;
  target: TableSpec | null;
  groupBy: string[];
  measure: string;
  ds: string;
  shufflePartitions: number;
}

export interface JoinQuerySpec {
  kind: 'join';
  left: TableSpec;
  right: TableSpec;
  joinKey: string;
  target: TableSpec | null;
  groupBy: string[];
  measure: string;
  ds: string;
  shufflePartitions: number;
}

export interface CountQuerySpec {
  kind: 'count';
  source: TableSpec;
  ds: string;
}

export type QuerySpec = AggregateQuerySpec | JoinQuerySpec | CountQuerySpec;

interface Shape {
  root: NodeDef;
  fragments: FragmentShape[];
  sql: string;
  /** Parsed / analyzed / optimized logical plans (2.x "explain extended" style). */
  logical: [string, string, string];
}

interface TextNode {
  l: string;
  c?: TextNode[];
}

/** A chain of single-child nodes (first line is the root). */
function chain(lines: string[], leaf?: TextNode): TextNode {
  const nodes = lines.map((l) => ({ l, c: [] as TextNode[] }));
  for (let i = 0; i < nodes.length - 1; i++) nodes[i]!.c = [nodes[i + 1]!];
  if (leaf) nodes[nodes.length - 1]!.c = [leaf];
  return nodes[0]!;
}

/** TreeNode.treeString layout: ":- " for all but the last child, "+- " for the last. */
function tree(root: TextNode | string[]): string {
  const node = Array.isArray(root) ? chain(root) : root;
  const out: string[] = [];
  const walk = (n: TextNode, prefix: string, last: boolean, top: boolean) => {
    out.push(top ? n.l : `${prefix}${last ? '+- ' : ':- '}${n.l}`);
    const kids = n.c ?? [];
    kids.forEach((k, i) => walk(k, top ? '' : prefix + (last ? '   ' : ':  '), i === kids.length - 1, false));
  };
  walk(node, '', true, true);
  return out.join('\n');
}

function hiveRelation(t: TableSpec, cols: string[]): string {
  return `HiveTableRelation \`${t.project}\`.\`${t.name}\`, org.apache.hadoop.hive.ql.io.orc.OrcSerde, [${cols.join(', ')}]`;
}

function aggregateShape(rules: SparkVersionRules, q: AggregateQuerySpec, attrs: Attrs): Shape {
  const keys = q.groupBy.map((c) => attrs.ref(c, true));
  const meas = attrs.ref(q.measure);
  const part = attrs.ref(q.source.partitionColumn);
  const cols = [...keys, meas, part];
  const sumAttr = attrs.ref(`sum`, false);
  const scan = scanNode(rules, q.source, cols, q.ds, 1, 0);
  const filter: NodeDef = { name: 'Filter', simple: `Filter (isnotnull(${meas}) AND (${meas} > 0.0))`, codegen: 1, details: [`Input [${cols.length}]: [${cols.join(', ')}]`, `Condition : (isnotnull(${meas}) AND (${meas} > 0.0))`], metrics: [m('number of output rows', 'sum', 'filterRows', 0)], children: [scan] };
  const project: NodeDef = { name: 'Project', simple: `Project [${[...keys, meas].join(', ')}]`, codegen: 1, details: [`Output [${keys.length + 1}]: [${[...keys, meas].join(', ')}]`, `Input [${cols.length}]: [${cols.join(', ')}]`], metrics: [], children: [filter] };
  const aggMetrics = (by: number, role: MetricRole): MetricDef[] => [
    m('spill size', 'size', 'spillSize', by),
    m('time in aggregation build', 'timing', 'aggTime', by),
    m('peak memory', 'size', 'peakMemory', by),
    m('number of output rows', 'sum', role, by),
    m('number of sort fallback tasks', 'sum', 'zero', by),
    m('avg hash probe bucket list iters', 'average', 'avgProbe', by),
  ];
  const partial: NodeDef = { name: 'HashAggregate', simple: `HashAggregate(keys=[${keys.join(', ')}], functions=[partial_sum(${meas})])`, codegen: 1, details: [`Input [${keys.length + 1}]: [${[...keys, meas].join(', ')}]`, `Keys [${keys.length}]: [${keys.join(', ')}]`, `Functions [1]: [partial_sum(${meas})]`, `Aggregate Attributes [1]: [${sumAttr}]`, `Results [${keys.length + 1}]: [${[...keys, sumAttr].join(', ')}]`], metrics: aggMetrics(0, 'partialAggRows'), children: [project] };
  const exchange: NodeDef = { name: 'Exchange', simple: exchangeString(rules, `hashpartitioning(${keys.join(', ')}, ${q.shufflePartitions})`, attrs.id()), details: [`Input [${keys.length + 1}]: [${[...keys, sumAttr].join(', ')}]`, `Arguments: hashpartitioning(${keys.join(', ')}, ${q.shufflePartitions}), ENSURE_REQUIREMENTS`], metrics: exchangeMetrics(0, 1), children: [wscg(1, 0, partial)] };
  const total = attrs.ref(`total_${q.measure}`);
  const final: NodeDef = { name: 'HashAggregate', simple: `HashAggregate(keys=[${keys.join(', ')}], functions=[sum(${meas})])`, codegen: 2, details: [`Input [${keys.length + 1}]: [${[...keys, sumAttr].join(', ')}]`, `Keys [${keys.length}]: [${keys.join(', ')}]`, `Functions [1]: [sum(${meas})]`, `Results [${keys.length + 1}]: [${[...keys, total].join(', ')}]`], metrics: aggMetrics(1, 'finalAggRows'), children: [exchange] };
  const top = wscg(2, 1, final);
  const root = q.target ? writeNode(rules, q.target, top, q.ds) : top;
  const sql = q.target
    ? `INSERT OVERWRITE TABLE ${q.target.name} PARTITION (${q.target.partitionColumn}='${q.ds}') SELECT ${q.groupBy.join(', ')}, SUM(${q.measure}) AS total_${q.measure} FROM ${q.source.name} WHERE ${q.source.partitionColumn}='${q.ds}' AND ${q.measure} > 0 GROUP BY ${q.groupBy.join(', ')}`
    : `SELECT ${q.groupBy.join(', ')}, SUM(${q.measure}) FROM ${q.source.name} WHERE ${q.source.partitionColumn}='${q.ds}' GROUP BY ${q.groupBy.join(', ')}`;
  const insert = q.target ? [`InsertIntoHiveTable \`${q.target.project}\`.\`${q.target.name}\`, org.apache.hadoop.hive.ql.io.orc.OrcSerde, Map(ds -> Some(${q.ds})), true, false, [${q.target.columns.join(', ')}]`] : [];
  const logical: [string, string, string] = [
    tree([
      ...(q.target ? [`'InsertIntoTable 'UnresolvedRelation \`${q.target.name}\`, Map(ds -> Some(${q.ds})), true, false`] : []),
      `'Aggregate [${q.groupBy.map((g) => `'${g}`).join(', ')}], [${q.groupBy.map((g) => `'${g}`).join(', ')}, 'SUM('${q.measure}) AS total_${q.measure}#${attrs.id()}]`,
      `'Filter (('${q.source.partitionColumn} = ${q.ds}) && ('${q.measure} > 0))`,
      `'UnresolvedRelation \`${q.source.name}\``,
    ]),
    tree([...insert, `Aggregate [${keys.join(', ')}], [${[...keys, `sum(${meas}) AS ${total}`].join(', ')}]`, `Filter ((${part} = ${q.ds}) && (${meas} > cast(0 as double)))`, `SubqueryAlias \`${q.source.project}\`.\`${q.source.name}\``, hiveRelation(q.source, cols)]),
    tree([...insert, `Aggregate [${keys.join(', ')}], [${[...keys, `sum(${meas}) AS ${total}`].join(', ')}]`, `Project [${[...keys, meas].join(', ')}]`, `Filter ((isnotnull(${part}) && isnotnull(${meas})) && ((${part} = ${q.ds}) && (${meas} > 0.0)))`, hiveRelation(q.source, cols)]),
  ];
  return {
    root,
    sql,
    logical,
    fragments: [
      { source: 'table', parents: [], output: 'shuffle', table: q.source.name, rdds: [{ name: 'OdpsRDD', scope: 'Scan' }, { name: 'MapPartitionsRDD', scope: 'WholeStageCodegen (1)' }, { name: 'MapPartitionsRDD', scope: 'Exchange' }] },
      { source: 'shuffle', parents: [0], output: q.target ? 'write' : 'result', rdds: [{ name: 'ShuffledRowRDD', scope: 'Exchange' }, { name: 'MapPartitionsRDD', scope: 'WholeStageCodegen (2)' }] },
    ],
  };
}

function joinShape(rules: SparkVersionRules, q: JoinQuerySpec, attrs: Attrs): Shape {
  const lk = attrs.ref(q.joinKey, true);
  const lm = attrs.ref(q.measure);
  const lp = attrs.ref(q.left.partitionColumn);
  const rk = attrs.ref(q.joinKey, true);
  const rg = q.groupBy.map((c) => attrs.ref(c));
  const lcols = [lk, lm, lp];
  const rcols = [rk, ...rg];
  const side = (t: TableSpec, cols: string[], key: string, frag: number, cg: number): NodeDef => {
    const scan = scanNode(rules, t, cols, q.ds, cg, frag);
    const filter: NodeDef = { name: 'Filter', simple: `Filter isnotnull(${key})`, codegen: cg, details: [`Input [${cols.length}]: [${cols.join(', ')}]`, `Condition : isnotnull(${key})`], metrics: [m('number of output rows', 'sum', 'filterRows', frag)], children: [scan] };
    return {
      name: 'Exchange',
      simple: exchangeString(rules, `hashpartitioning(${key}, ${q.shufflePartitions})`, attrs.id()),
      details: [`Input [${cols.length}]: [${cols.join(', ')}]`, `Arguments: hashpartitioning(${key}, ${q.shufflePartitions}), ENSURE_REQUIREMENTS`],
      metrics: exchangeMetrics(frag, 2),
      children: [wscg(cg, frag, filter)],
    };
  };
  const sortNode = (child: NodeDef, key: string, cg: number): NodeDef => ({
    name: 'Sort',
    simple: `Sort [${key} ASC NULLS FIRST], false, 0`,
    codegen: cg,
    details: [`Arguments: [${key} ASC NULLS FIRST], false, 0`],
    metrics: [m('sort time', 'timing', 'sortTime', 2), m('peak memory', 'size', 'peakMemory', 2), m('spill size', 'size', 'spillSize', 2)],
    children: [child],
  });
  const smj: NodeDef = {
    name: 'SortMergeJoin',
    simple: `SortMergeJoin [${lk}], [${rk}], Inner`,
    codegen: 3,
    details: [`Left keys [1]: [${lk}]`, `Right keys [1]: [${rk}]`, 'Join type: Inner', 'Join condition: None'],
    metrics: [m('number of output rows', 'sum', 'joinRows', 2)],
    children: [sortNode(side(q.left, lcols, lk, 0, 1), lk, 3), sortNode(side(q.right, rcols, rk, 1, 2), rk, 3)],
  };
  const sumAttr = attrs.ref('sum');
  const partial: NodeDef = {
    name: 'HashAggregate',
    simple: `HashAggregate(keys=[${rg.join(', ')}], functions=[partial_sum(${lm})])`,
    codegen: 3,
    details: [`Keys [${rg.length}]: [${rg.join(', ')}]`, `Functions [1]: [partial_sum(${lm})]`, `Aggregate Attributes [1]: [${sumAttr}]`],
    metrics: [m('peak memory', 'size', 'peakMemory', 2), m('number of output rows', 'sum', 'partialAggRows', 2), m('time in aggregation build', 'timing', 'aggTime', 2), m('spill size', 'size', 'spillSize', 2)],
    children: [smj],
  };
  const ex2: NodeDef = {
    name: 'Exchange',
    simple: exchangeString(rules, `hashpartitioning(${rg.join(', ')}, ${q.shufflePartitions})`, attrs.id()),
    details: [`Arguments: hashpartitioning(${rg.join(', ')}, ${q.shufflePartitions}), ENSURE_REQUIREMENTS`],
    metrics: exchangeMetrics(2, 3),
    children: [wscg(3, 2, partial)],
  };
  const final: NodeDef = {
    name: 'HashAggregate',
    simple: `HashAggregate(keys=[${rg.join(', ')}], functions=[sum(${lm})])`,
    codegen: 4,
    details: [`Keys [${rg.length}]: [${rg.join(', ')}]`, `Functions [1]: [sum(${lm})]`],
    metrics: [m('peak memory', 'size', 'peakMemory', 3), m('number of output rows', 'sum', 'finalAggRows', 3), m('time in aggregation build', 'timing', 'aggTime', 3), m('spill size', 'size', 'spillSize', 3)],
    children: [ex2],
  };
  const top = wscg(4, 3, final);
  const root = q.target ? writeNode(rules, q.target, top, q.ds) : top;
  const select = `SELECT ${q.groupBy.map((g) => `r.${g}`).join(', ')}, SUM(l.${q.measure}) FROM ${q.left.name} l JOIN ${q.right.name} r ON l.${q.joinKey} = r.${q.joinKey} WHERE l.${q.left.partitionColumn}='${q.ds}' GROUP BY ${q.groupBy.map((g) => `r.${g}`).join(', ')}`;
  const jInsert = q.target ? [`InsertIntoHiveTable \`${q.target.project}\`.\`${q.target.name}\`, org.apache.hadoop.hive.ql.io.orc.OrcSerde, Map(ds -> Some(${q.ds})), true, false, [${q.target.columns.join(', ')}]`] : [];
  const aggLine = `Aggregate [${rg.join(', ')}], [${[...rg, `sum(${lm}) AS sum(${q.measure})#${attrs.id()}`].join(', ')}]`;
  const join = (label: string, left: TextNode, right: TextNode): TextNode => ({ l: label, c: [left, right] });
  const logical: [string, string, string] = [
    tree(
      chain(
        [
          ...(q.target ? [`'InsertIntoTable 'UnresolvedRelation \`${q.target.name}\`, Map(ds -> Some(${q.ds})), true, false`] : []),
          `'Aggregate [${q.groupBy.map((g) => `'r.${g}`).join(', ')}], [${q.groupBy.map((g) => `'r.${g}`).join(', ')}, unresolvedalias('SUM('l.${q.measure}), None)]`,
          `'Filter ('l.${q.left.partitionColumn} = ${q.ds})`,
        ],
        join(`'Join Inner, ('l.${q.joinKey} = 'r.${q.joinKey})`, chain([`'SubqueryAlias l`, `'UnresolvedRelation \`${q.left.name}\``]), chain([`'SubqueryAlias r`, `'UnresolvedRelation \`${q.right.name}\``])),
      ),
    ),
    tree(
      chain(
        [...jInsert, aggLine, `Filter (${lp} = ${q.ds})`],
        join(`Join Inner, (${lk} = ${rk})`, chain([`SubqueryAlias l`, hiveRelation(q.left, lcols)]), chain([`SubqueryAlias r`, hiveRelation(q.right, rcols)])),
      ),
    ),
    tree(
      chain(
        [...jInsert, aggLine, `Project [${[lm, ...rg].join(', ')}]`],
        join(
          `Join Inner, (${lk} = ${rk})`,
          chain([`Project [${lk}, ${lm}]`, `Filter ((isnotnull(${lp}) && (${lp} = ${q.ds})) && isnotnull(${lk}))`, hiveRelation(q.left, lcols)]),
          chain([`Filter isnotnull(${rk})`, hiveRelation(q.right, rcols)]),
        ),
      ),
    ),
  ];
  return {
    root,
    logical,
    sql: q.target ? `INSERT OVERWRITE TABLE ${q.target.name} PARTITION (${q.target.partitionColumn}='${q.ds}') ${select}` : select,
    fragments: [
      { source: 'table', parents: [], output: 'shuffle', table: q.left.name, rdds: [{ name: 'OdpsRDD', scope: 'Scan' }, { name: 'MapPartitionsRDD', scope: 'WholeStageCodegen (1)' }, { name: 'MapPartitionsRDD', scope: 'Exchange' }] },
      { source: 'table', parents: [], output: 'shuffle', table: q.right.name, rdds: [{ name: 'OdpsRDD', scope: 'Scan' }, { name: 'MapPartitionsRDD', scope: 'WholeStageCodegen (2)' }, { name: 'MapPartitionsRDD', scope: 'Exchange' }] },
      { source: 'shuffle', parents: [0, 1], output: 'shuffle', rdds: [{ name: 'ShuffledRowRDD', scope: 'Exchange' }, { name: 'ZippedPartitionsRDD2', scope: 'SortMergeJoin' }, { name: 'MapPartitionsRDD', scope: 'WholeStageCodegen (3)' }, { name: 'MapPartitionsRDD', scope: 'Exchange' }] },
      { source: 'shuffle', parents: [2], output: q.target ? 'write' : 'result', rdds: [{ name: 'ShuffledRowRDD', scope: 'Exchange' }, { name: 'MapPartitionsRDD', scope: 'WholeStageCodegen (4)' }] },
    ],
  };
}

function countShape(rules: SparkVersionRules, q: CountQuerySpec, attrs: Attrs): Shape {
  const part = attrs.ref(q.source.partitionColumn);
  const scan = scanNode(rules, q.source, [part], q.ds, 1, 0);
  const cnt = attrs.ref('count', true);
  const partial: NodeDef = { name: 'HashAggregate', simple: 'HashAggregate(keys=[], functions=[partial_count(1)])', codegen: 1, details: ['Keys: []', 'Functions [1]: [partial_count(1)]', `Aggregate Attributes [1]: [${cnt}]`], metrics: [m('number of output rows', 'sum', 'partialAggRows', 0), m('time in aggregation build', 'timing', 'aggTime', 0)], children: [scan] };
  const ex: NodeDef = { name: 'Exchange', simple: exchangeString(rules, 'SinglePartition', attrs.id()), details: ['Arguments: SinglePartition, ENSURE_REQUIREMENTS'], metrics: exchangeMetrics(0, 1), children: [wscg(1, 0, partial)] };
  const final: NodeDef = { name: 'HashAggregate', simple: 'HashAggregate(keys=[], functions=[count(1)])', codegen: 2, details: ['Keys: []', 'Functions [1]: [count(1)]'], metrics: [m('number of output rows', 'sum', 'finalAggRows', 1), m('time in aggregation build', 'timing', 'aggTime', 1)], children: [ex] };
  const countAlias = `count(1)#${attrs.id()}L`;
  return {
    root: wscg(2, 1, final),
    logical: [
      tree([`'Project [unresolvedalias('COUNT(1), None)]`, `'Filter ('${q.source.partitionColumn} = ${q.ds})`, `'UnresolvedRelation \`${q.source.name}\``]),
      tree([`Aggregate [count(1) AS ${countAlias}]`, `Filter (${part} = ${q.ds})`, `SubqueryAlias \`${q.source.project}\`.\`${q.source.name}\``, hiveRelation(q.source, [part])]),
      tree([`Aggregate [count(1) AS ${countAlias}]`, `Project`, `Filter (isnotnull(${part}) && (${part} = ${q.ds}))`, hiveRelation(q.source, [part])]),
    ],
    sql: `SELECT COUNT(1) FROM ${q.source.name} WHERE ${q.source.partitionColumn}='${q.ds}'`,
    fragments: [
      { source: 'table', parents: [], output: 'shuffle', table: q.source.name, rdds: [{ name: 'OdpsRDD', scope: 'Scan' }, { name: 'MapPartitionsRDD', scope: 'WholeStageCodegen (1)' }, { name: 'MapPartitionsRDD', scope: 'Exchange' }] },
      { source: 'shuffle', parents: [0], output: 'result', rdds: [{ name: 'ShuffledRowRDD', scope: 'Exchange' }, { name: 'MapPartitionsRDD', scope: 'WholeStageCodegen (2)' }] },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Instantiation: accumulator ids, plan JSON, description text

function visibleChildren(n: NodeDef): NodeDef[] {
  return n.children.flatMap((c) => (c.wrapper ? visibleChildren(c) : [c]));
}

function unwrap(n: NodeDef): NodeDef {
  return n.wrapper ? unwrap(n.children[0]!) : n;
}

function treeText(n: NodeDef, style: 'formatted' | 'legacy', ids: Map<NodeDef, number>): string {
  const lines: string[] = [];
  const label = (x: NodeDef): string => {
    if (style === 'legacy') return `${x.codegen ? `*(${x.codegen}) ` : ''}${x.simple}`;
    return `${x.codegen ? '* ' : ''}${x.name} (${ids.get(x)})`;
  };
  const walk = (x: NodeDef, prefix: string, last: boolean, top: boolean) => {
    lines.push(top ? label(x) : `${prefix}${last ? '+- ' : ':- '}${label(x)}`);
    const kids = visibleChildren(x);
    kids.forEach((k, i) => walk(k, top ? '' : prefix + (last ? '   ' : ':  '), i === kids.length - 1, false));
  };
  walk(unwrap(n), '', true, true);
  return lines.join('\n');
}

function numberNodes(root: NodeDef): Map<NodeDef, number> {
  // Formatted explain numbers operators children-first.
  const ids = new Map<NodeDef, number>();
  let next = 1;
  const walk = (x: NodeDef) => {
    for (const c of visibleChildren(x)) walk(c);
    ids.set(x, next++);
  };
  walk(unwrap(root));
  return ids;
}

function formattedText(root: NodeDef, header: string, adaptive: 'initial' | 'final' | null): string {
  const ids = numberNodes(root);
  let tree = treeText(root, 'formatted', ids);
  const n = ids.size + 1;
  if (adaptive) {
    tree = `AdaptiveSparkPlan (${n})\n` + tree.split('\n').map((l, i) => (i === 0 ? `+- ${adaptive === 'final' ? '== Final Plan ==\n   ' : ''}${l}` : `   ${l}`)).join('\n');
  }
  let out = `${header}\n${tree}\n\n\n`;
  const ordered = [...ids.entries()].sort((a, b) => a[1] - b[1]);
  for (const [node, id] of ordered) {
    out += `(${id}) ${node.name}${node.codegen ? ` [codegen id : ${node.codegen}]` : ''}\n${node.details.join('\n')}\n\n`;
  }
  if (adaptive) out += `(${n}) AdaptiveSparkPlan\nOutput: []\nArguments: isFinalPlan=${adaptive === 'final'}\n\n`;
  return out;
}

function legacyText(root: NodeDef, logical: [string, string, string]): string {
  const phys = treeText(root, 'legacy', new Map());
  return `== Parsed Logical Plan ==\n${logical[0]}\n\n== Analyzed Logical Plan ==\n${logical[1]}\n\n== Optimized Logical Plan ==\n${logical[2]}\n\n== Physical Plan ==\n${phys}`;
}

export function instantiateQuery(rules: SparkVersionRules, spec: QuerySpec, firstAccumId: number, attrStart: number): SqlQuery {
  const attrs = new Attrs(attrStart);
  const shape = spec.kind === 'aggregate' ? aggregateShape(rules, spec, attrs) : spec.kind === 'join' ? joinShape(rules, spec, attrs) : countShape(rules, spec, attrs);
  let nextId = firstAccumId;
  const stageMetrics: SqlMetricInstance[][] = shape.fragments.map(() => []);
  const driverMetrics: SqlMetricInstance[] = [];
  const toPlan = (n: NodeDef): SqlPlanNode => {
    const metrics = n.metrics.map((md) => {
      const inst: SqlMetricInstance = { id: nextId++, name: md.name, metricType: md.metricType, role: md.role };
      if (md.by === 'driver') driverMetrics.push(inst);
      else stageMetrics[md.by]!.push(inst);
      return { name: md.name, accumulatorId: inst.id, metricType: md.metricType };
    });
    return { nodeName: n.name, simpleString: n.simple, children: n.children.map(toPlan), metadata: {}, metrics };
  };
  const inner = toPlan(shape.root);
  const adaptive = rules.adaptiveExecution;
  const plan: SqlPlanNode = adaptive
    ? { nodeName: 'AdaptiveSparkPlan', simpleString: 'AdaptiveSparkPlan isFinalPlan=false', children: [inner], metadata: {}, metrics: [] }
    : inner;
  const finalPlan: SqlPlanNode | null = adaptive
    ? { nodeName: 'AdaptiveSparkPlan', simpleString: 'AdaptiveSparkPlan isFinalPlan=true', children: [inner], metadata: {}, metrics: [] }
    : null;
  const text = rules.major >= 3 ? formattedText(shape.root, '== Physical Plan ==', adaptive ? 'initial' : null) : legacyText(shape.root, shape.logical);
  const finalText = adaptive ? formattedText(shape.root, '== Physical Plan ==', 'final') : null;
  return {
    description: shape.sql,
    plan,
    finalPlan,
    physicalPlanDescription: text,
    finalPhysicalPlanDescription: finalText,
    fragments: shape.fragments,
    stageMetrics,
    driverMetrics,
    nextAccumId: nextId,
  };
}

/** Value a task contributes to a SQL metric, derived from its task metrics so both views agree. */
export function sqlMetricValue(role: MetricRole, t: TaskMetricValues, ratio: number): number {
  switch (role) {
    case 'scanRows':
      return t.inRecordsRead;
    case 'filterRows':
      return Math.round(t.inRecordsRead * 0.92);
    case 'projectRows':
      return Math.round(t.inRecordsRead * 0.92);
    case 'partialAggRows':
      return t.swRecordsWritten;
    case 'finalAggRows':
      return Math.max(1, Math.round(t.srRecordsRead * ratio));
    case 'joinRows':
      return Math.round(t.srRecordsRead * 0.7);
    case 'aggTime':
      return Math.round(t.executorRunTime * 0.3);
    case 'peakMemory':
      return t.peakExecutionMemory;
    case 'spillSize':
      return t.memoryBytesSpilled;
    case 'sortTime':
      return Math.round(t.executorRunTime * 0.12);
    case 'wscgDuration':
      return Math.round(t.executorRunTime * 0.85);
    case 'scanTime':
      return Math.round(t.executorRunTime * 0.4);
    case 'swBytes':
      return t.swBytesWritten;
    case 'swRecords':
      return t.swRecordsWritten;
    case 'swTime':
      return t.swWriteTime;
    case 'dataSize':
      return Math.round(t.swBytesWritten * 2.3);
    case 'srRecords':
      return t.srRecordsRead;
    case 'srLocalBytes':
      return t.srLocalBytesRead;
    case 'srRemoteBytes':
      return t.srRemoteBytesRead;
    case 'srRemoteToDisk':
      return t.srRemoteBytesReadToDisk;
    case 'srFetchWait':
      return t.srFetchWaitTime;
    case 'srLocalBlocks':
      return t.srLocalBlocksFetched;
    case 'srRemoteBlocks':
      return t.srRemoteBlocksFetched;
    case 'scanBatches':
      return Math.ceil(t.inRecordsRead / 4096);
    case 'avgProbe':
      // Stored ×10 by Spark's average metrics; 1.0–1.6 probes per lookup is typical.
      return 10 + (t.executorRunTime % 7);
    default:
      return 0;
  }
}
