// The EnvironmentUpdate of an application: Spark/Hadoop/System properties, classpath, JVM
// info, with the MaxCompute (Cupid) keys a Spark-on-MaxCompute job really carries
// (spec/maxcompute.md §1.3–1.4), including the un-prefixed odps.* copies next to the
// spark.hadoop.odps.* originals and the AccessKey pair. Redaction is NOT done here: the writer
// applies the default spark.redaction.regex of the app's Spark version, so 2.4/3.1 logs keep
// the raw spark.hadoop.odps.access.key (as stock Spark did) and 3.2+ logs show it redacted.

import type { EnvironmentModel } from './eventWriters.js';
import type { SparkVersionRules } from './sparkVersions.js';
import { odpsSparkVersion } from './sparkVersions.js';
import type { Codec } from './naming.js';

export interface EnvInput {
  appId: string;
  appName: string;
  project: string;
  user: string;
  mode: 'yarn' | 'standalone' | 'local';
  rules: SparkVersionRules;
  javaMajor: 8 | 17;
  startTime: number;
  driverHost: string;
  driverPort: number;
  driverMemoryMb: number;
  driverCores: number;
  executorMemoryMb: number;
  executorCores: number;
  executorInstances: number;
  overheadMb: number;
  dynamicAllocation?: { min: number; max: number; idleTimeoutMs: number };
  speculation: boolean;
  excludeOnFailure: boolean;
  logBlockUpdates: boolean;
  logStageExecutorMetrics: boolean;
  metricsPollingMs: number;
  codec: Codec;
  rolling: boolean;
  rollingMaxBytes?: number;
  accessId: string;
  accessKey: string;
  stsToken?: string;
  region: string;
  mainClass: string;
  appJar: string;
  kubeMode: boolean;
  maxAppAttempts: number;
  extra: Record<string, string>;
}

const SPARK_JARS = [
  'activation-1.1.1', 'aircompressor-0.21', 'antlr4-runtime-4.9.3', 'aopalliance-repackaged-2.6.1', 'arrow-format-12.0.1',
  'arrow-memory-core-12.0.1', 'arrow-vector-12.0.1', 'avro-1.11.2', 'chill_2.12-0.10.0', 'commons-codec-1.16.0',
  'commons-collections4-4.4', 'commons-compress-1.23.0', 'commons-io-2.13.0', 'commons-lang3-3.12.0', 'commons-math3-3.6.1',
  'compress-lzf-1.1.2', 'curator-client-2.13.0', 'flatbuffers-java-1.12.0', 'gson-2.2.4', 'guava-14.0.1',
  'hadoop-client-api-3.3.4', 'hadoop-client-runtime-3.3.4', 'hive-exec-2.3.9-core', 'hive-metastore-2.3.9', 'ivy-2.5.1',
  'jackson-annotations-2.15.2', 'jackson-core-2.15.2', 'jackson-databind-2.15.2', 'jackson-module-scala_2.12-2.15.2', 'janino-3.1.9',
  'jersey-server-2.40', 'json4s-core_2.12-3.7.0-M11', 'json4s-jackson_2.12-3.7.0-M11', 'jsr305-3.0.0', 'kryo-shaded-4.0.2',
  'log4j-1.2-api-2.20.0', 'log4j-api-2.20.0', 'log4j-core-2.20.0', 'log4j-slf4j2-impl-2.20.0', 'lz4-java-1.8.0',
  'metrics-core-4.2.19', 'netty-all-4.1.96.Final', 'objenesis-3.3', 'odps-sdk-core-0.48.4-public', 'odps-spark-datasource_2.12-3.4.2-odps0.48.0',
  'cupid-sdk-3.3.14', 'orc-core-1.9.1-shaded-protobuf', 'parquet-column-1.13.1', 'parquet-hadoop-1.13.1', 'py4j-0.10.9.7',
  'RoaringBitmap-0.9.45', 'scala-library-2.12.18', 'scala-reflect-2.12.18', 'snappy-java-1.1.10.3', 'xbean-asm9-shaded-4.23',
  'zstd-jni-1.5.5-4',
];

const SPARK_MODULES = ['catalyst', 'core', 'graphx', 'hive', 'kvstore', 'launcher', 'mllib', 'network-common', 'network-shuffle', 'sketch', 'sql', 'streaming', 'tags', 'unsafe', 'yarn'];

function region(r: string) {
  return {
    endpoint: `http://service.${r}.maxcompute.aliyun.com/api`,
    runtime: `http://service.${r}.maxcompute.aliyun-inc.com/api`,
  };
}

export function buildEnvironment(i: EnvInput): { env: EnvironmentModel; sessionConf: Record<string, string> } {
  const r = i.rules;
  const v3 = r.major >= 3;
  const scalaBin = v3 ? '2.12' : '2.11';
  const ep = region(i.region);
  const spark: Record<string, string> = {};
  const set = (k: string, v: string | number | boolean) => {
    spark[k] = String(v);
  };
  set('spark.app.name', i.appName);
  set('spark.app.id', i.appId);
  if (v3) {
    set('spark.app.startTime', i.startTime);
    set('spark.app.submitTime', i.startTime - 4200);
  }
  set('spark.master', i.mode === 'yarn' ? 'yarn' : i.mode === 'standalone' ? 'spark://spark-dev-master.internal:7077' : 'local[4]');
  set('spark.submit.deployMode', i.mode === 'yarn' ? 'cluster' : 'client');
  set('spark.driver.host', i.driverHost);
  set('spark.driver.port', i.driverPort);
  set('spark.executor.id', 'driver');
  set('spark.driver.memory', `${i.driverMemoryMb / 1024}g`);
  set('spark.driver.cores', i.driverCores);
  set('spark.executor.memory', `${i.executorMemoryMb / 1024}g`);
  set('spark.executor.cores', i.executorCores);
  if (i.mode === 'yarn') {
    set('spark.executor.memoryOverhead', `${i.overheadMb}m`);
    set('spark.yarn.app.id', i.appId);
    set('spark.yarn.maxAppAttempts', i.maxAppAttempts);
    set('spark.ui.port', 0);
  }
  if (i.dynamicAllocation) {
    set('spark.dynamicAllocation.enabled', true);
    set('spark.dynamicAllocation.minExecutors', i.dynamicAllocation.min);
    set('spark.dynamicAllocation.maxExecutors', i.dynamicAllocation.max);
    set('spark.dynamicAllocation.executorIdleTimeout', `${i.dynamicAllocation.idleTimeoutMs / 1000}s`);
    if (v3) set('spark.dynamicAllocation.shuffleTracking.enabled', true);
    set('spark.shuffle.service.enabled', true);
  } else if (i.mode !== 'local') {
    set('spark.executor.instances', i.executorInstances);
  }
  if (i.speculation) {
    set('spark.speculation', true);
    set('spark.speculation.multiplier', 1.5);
    set('spark.speculation.quantile', 0.75);
  }
  if (i.excludeOnFailure) {
    if (r.excludedEvents) set('spark.excludeOnFailure.enabled', true);
    else set('spark.blacklist.enabled', true);
  }
  set('spark.eventLog.enabled', true);
  set('spark.eventLog.dir', i.mode !== 'yarn' ? `file:/data/spark-events/${i.project}` : i.kubeMode ? '/workdir/eventlog/' : `odps://${i.project}/cupidhistory/sparkhistory`);
  if (i.codec !== 'none') {
    set('spark.eventLog.compress', true);
    set(r.eventLogCodecKey ? 'spark.eventLog.compression.codec' : 'spark.io.compression.codec', i.codec);
  }
  if (i.rolling) {
    set('spark.eventLog.rolling.enabled', true);
    set('spark.eventLog.rolling.maxFileSize', `${Math.round((i.rollingMaxBytes ?? 128 * 1024 * 1024) / (1024 * 1024))}m`);
  }
  if (i.logBlockUpdates) set('spark.eventLog.logBlockUpdates.enabled', true);
  if (i.logStageExecutorMetrics && v3) set('spark.eventLog.logStageExecutorMetrics', true);
  if (i.metricsPollingMs > 0 && v3) set('spark.executor.metrics.pollingInterval', `${i.metricsPollingMs}ms`);
  set('spark.serializer', 'org.apache.spark.serializer.KryoSerializer');
  // SparkEnv.environmentDetails always adds the scheduling mode.
  set('spark.scheduler.mode', 'FIFO');
  set('spark.executor.extraJavaOptions', i.javaMajor >= 17 ? '-Xlog:gc*:stdout -Dfile.encoding=UTF-8' : '-XX:+PrintGCDetails -XX:+PrintGCDateStamps -Dfile.encoding=UTF-8');
  set('spark.driver.extraJavaOptions', '-Dfile.encoding=UTF-8');
  set('spark.jars', i.mode === 'yarn' ? `odps://${i.project}/resources/${i.appJar}` : `file:/home/${i.user}/jobs/${i.appJar}`);
  // Catalog integration differs per MaxCompute Spark line (spec/maxcompute.md §1.3).
  if (!v3) {
    set('spark.sql.catalogImplementation', 'hive');
    set('spark.sql.sources.default', 'hive');
  } else {
    set('spark.sql.defaultCatalog', 'odps');
    set('spark.sql.catalog.odps', 'org.apache.spark.sql.execution.datasources.v2.odps.OdpsTableCatalog');
    set('spark.sql.sources.partitionOverwriteMode', 'dynamic');
    set('spark.sql.extensions', 'org.apache.spark.sql.execution.datasources.v2.odps.extension.OdpsExtensions');
    set('spark.sql.catalogImplementation', 'hive');
    if (r.adaptiveExecution) set('spark.sql.adaptive.enabled', true);
  }
  // MaxCompute account, endpoint and Cupid keys.
  set('spark.hadoop.odps.project.name', i.project);
  set('spark.hadoop.odps.access.id', i.accessId);
  set('spark.hadoop.odps.access.key', i.accessKey);
  if (i.stsToken) set('spark.hadoop.odps.access.security.token', i.stsToken);
  set('spark.hadoop.odps.end.point', ep.endpoint);
  set('spark.hadoop.odps.runtime.end.point', ep.runtime);
  set('spark.hadoop.odps.spark.version', odpsSparkVersion(r.version));
  set('spark.hadoop.odps.task.major.version', 'cupid_v2');
  set('spark.hadoop.odps.cupid.webproxy.endpoint', 'http://service.cn.maxcompute.aliyun-inc.com/api');
  set('spark.hadoop.odps.moye.trackurl.host', 'http://jobview.odps.aliyun.com');
  set('spark.hadoop.odps.cupid.disk.driver.device_size', '20g');
  set('spark.hadoop.odps.cupid.vnet.capacity', (i.dynamicAllocation?.max ?? i.executorInstances) + 2);
  if (i.kubeMode) {
    set('spark.hadoop.odps.kube.mode', true);
    set('spark.hadoop.odps.cupid.data.proxy.enable', true);
    set('spark.hadoop.odps.cupid.fuxi.shuffle.enable', true);
  }
  if (v3) set('spark.hadoop.odps.spark.libs.public.enable', true);
  if (i.mode === 'local' && r.major === 3 && r.minor === 1) set('spark.hadoop.fs.defaultFS', 'file:///');
  // The Cupid client keeps bare odps.* copies of the keys it forwards to Fuxi.
  set('odps.project.name', i.project);
  set('odps.access.id', i.accessId);
  set('odps.access.key', i.accessKey);
  set('odps.end.point', ep.endpoint);
  set('odps.task.major.version', 'cupid_v2');
  set('odps.cupid.vnet.capacity', spark['spark.hadoop.odps.cupid.vnet.capacity']!);
  if (!v3) set('odps.input.split.size', 256);
  for (const [k, val] of Object.entries(i.extra)) set(k, val);

  const hadoop: Record<string, string> = {
    'hadoop.service.shutdown.timeout': '30s',
    'fs.defaultFS': i.mode === 'local' ? 'file:///' : 'hdfs://cupid-cluster',
    'fs.permissions.umask-mode': '022',
    'io.file.buffer.size': '65536',
    'io.compression.codecs': 'org.apache.hadoop.io.compress.GzipCodec,org.apache.hadoop.io.compress.DefaultCodec,org.apache.hadoop.io.compress.SnappyCodec',
    'hadoop.security.authentication': 'simple',
    'hadoop.tmp.dir': '/tmp/hadoop-${user.name}',
    'ipc.client.connect.max.retries': '10',
    'mapreduce.framework.name': 'local',
    'mapreduce.job.reduces': '1',
    'mapreduce.output.fileoutputformat.compress': 'false',
    'yarn.resourcemanager.address': '${yarn.resourcemanager.hostname}:8032',
    'yarn.resourcemanager.hostname': 'cupid-rm',
    'yarn.nodemanager.resource.memory-mb': '8192',
    'yarn.nodemanager.vmem-check-enabled': 'false',
    'yarn.app.mapreduce.am.resource.mb': '1536',
    'yarn.scheduler.minimum-allocation-mb': '1024',
    'yarn.scheduler.maximum-allocation-mb': '65536',
    'dfs.replication': '3',
    'dfs.blocksize': '134217728',
  };
  for (const [k, val] of Object.entries(spark)) if (k.startsWith('spark.hadoop.')) hadoop[k.slice('spark.hadoop.'.length)] = val;

  const javaHome = i.mode === 'yarn' ? '/cupid/jre' : i.javaMajor >= 17 ? '/usr/lib/jvm/java-17-openjdk-amd64' : '/usr/lib/jvm/java-1.8.0-openjdk/jre';
  const javaVersion = i.mode === 'yarn' ? (r.minor >= 4 ? '1.8.0_372-AliJVM' : '1.8.0_111-AliJVM') : i.javaMajor >= 17 ? '17.0.9' : '1.8.0_392';
  const javaVendor = i.mode === 'yarn' ? (r.minor >= 4 ? 'Alibaba' : 'Oracle Corporation') : i.javaMajor >= 17 ? 'Eclipse Adoptium' : 'Red Hat, Inc.';
  const command =
    i.mode === 'yarn'
      ? `org.apache.spark.deploy.yarn.ApplicationMaster --class ${i.mainClass} --jar ${spark['spark.jars']} --properties-file /worker/__spark_conf__/__spark_conf__.properties --dist-cache-conf /worker/__spark_conf__/__spark_dist_cache__.properties`
      : `org.apache.spark.deploy.SparkSubmit --master ${spark['spark.master']} --class ${i.mainClass} ${spark['spark.jars']}`;
  const system: Record<string, string> = {
    'java.io.tmpdir': '/tmp',
    'line.separator': '\n',
    'path.separator': ':',
    'sun.management.compiler': 'HotSpot 64-Bit Tiered Compilers',
    'sun.cpu.endian': 'little',
    'java.specification.version': i.javaMajor >= 17 ? '17' : '1.8',
    'java.vm.specification.name': 'Java Virtual Machine Specification',
    'java.vendor': javaVendor,
    'java.version': javaVersion,
    'java.home': javaHome,
    'java.class.version': i.javaMajor >= 17 ? '61.0' : '52.0',
    'java.runtime.name': 'OpenJDK Runtime Environment',
    'java.vm.name': 'OpenJDK 64-Bit Server VM',
    'user.home': i.mode === 'yarn' ? '/home/admin' : `/home/${i.user}`,
    'user.name': i.mode === 'yarn' ? 'admin' : i.user,
    'user.dir': i.mode === 'yarn' ? '/worker' : `/home/${i.user}/jobs`,
    'user.timezone': 'Asia/Shanghai',
    'user.language': 'en',
    'user.country': 'US',
    'file.encoding': 'UTF-8',
    'file.separator': '/',
    'os.name': 'Linux',
    'os.arch': 'amd64',
    'os.version': i.mode === 'yarn' ? '4.19.91-26.al7.x86_64' : '5.15.0-91-generic',
    'sun.java.command': command,
    'sun.jnu.encoding': 'UTF-8',
    ...(i.mode === 'yarn' ? { 'spark.yarn.app.container.log.dir': '/worker/logs' } : { SPARK_SUBMIT: 'true' }),
  };
  const sparkVer = r.version;
  const libDir = i.mode === 'yarn' ? '{{PWD}}/__spark_libs__' : `/opt/spark-${sparkVer}/jars`;
  const classpath: Record<string, string> = {};
  for (const mod of SPARK_MODULES) classpath[`${libDir}/spark-${mod}_${scalaBin}-${sparkVer}.jar`] = 'System Classpath';
  for (const jar of SPARK_JARS) classpath[`${libDir}/${jar.replace('_2.12', `_${scalaBin}`)}.jar`] = 'System Classpath';
  classpath[i.mode === 'yarn' ? '{{PWD}}/__spark_conf__' : `/opt/spark-${sparkVer}/conf/`] = 'System Classpath';
  classpath[i.mode === 'yarn' ? `{{PWD}}/__app__.jar` : spark['spark.jars']!] = 'Added By User';
  const metrics: Record<string, string> = r.metricsProperties
    ? {
        '*.sink.servlet.class': 'org.apache.spark.metrics.sink.MetricsServlet',
        '*.sink.servlet.path': '/metrics/json',
        'applications.sink.servlet.path': '/metrics/applications/json',
        'master.sink.servlet.path': '/metrics/master/json',
      }
    : {};
  const env: EnvironmentModel = { jvm: { javaHome, javaVersion: `${javaVersion} (${javaVendor})` }, spark, hadoop, system, metrics, classpath };
  // SQLExecution copies the session's confs into every SQL job's local properties.
  const sessionConf: Record<string, string> = {};
  for (const [k, val] of Object.entries(spark)) if (k.startsWith('spark.')) sessionConf[k] = val;
  return { env, sessionConf };
}
