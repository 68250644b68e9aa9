// What a driver and an executor print around their lifecycle (start-up, registration,
// shutdown), in Spark's own log4j wording. Per-task and per-stage lines are written by the
// simulator where the corresponding event happens.

import type { AppLogs } from './executorLogs.js';
import { bytesToString } from './executorLogs.js';
import type { AppConfig } from './simulator.js';
import type { ExecutorModel } from './model.js';
import type { Prng } from './prng.js';
import { dagSchedulerAbortFrames } from './failures.js';

const MB = 1024 * 1024;

export function writeDriverPreamble(logs: AppLogs, c: AppConfig, rng: Prng, t0: number): void {
  const L = (dt: number, level: 'INFO' | 'WARN', logger: string, msg: string) => logs.driver(t0 + dt, level, logger, msg);
  const units = (b: number) => bytesToString(b, c.rules.binaryUnits);
  if (c.mode === 'yarn') {
    L(-4200, 'INFO', 'ApplicationMaster', `Registered signal handler for TERM`);
    L(-4100, 'INFO', 'ApplicationMaster', `ApplicationAttemptId: appattempt_${c.appId.replace('application_', '')}_${String(c.yarnAttempt).padStart(6, '0')}`);
    L(-3900, 'INFO', 'ApplicationMaster', 'Starting the user application in a separate Thread');
    L(-3850, 'INFO', 'ApplicationMaster', 'Waiting for spark context initialization...');
  }
  for (const [i, line] of c.driverPreamble.entries()) L(-3800 + i * 3, 'INFO', line.split(': ')[0]!, line.slice(line.indexOf(': ') + 2));
  L(-3000, 'INFO', 'SparkContext', `Running Spark version ${c.rules.version}`);
  if (c.rules.major >= 3) {
    L(-2990, 'INFO', 'ResourceUtils', '==============================================================');
    L(-2989, 'INFO', 'ResourceUtils', 'No custom resources configured for spark.driver.');
    L(-2988, 'INFO', 'ResourceUtils', '==============================================================');
  }
  L(-2980, 'INFO', 'SparkContext', `Submitted application: ${c.name}`);
  if (c.rules.resourceProfiles) {
    L(-2960, 'INFO', 'ResourceProfile', `Default ResourceProfile created, executor resources: Map(cores -> name: cores, amount: ${c.executorCores}, script: , vendor: , memory -> name: memory, amount: ${c.executorMemoryMb}, script: , vendor: , offHeap -> name: offHeap, amount: 0, script: , vendor: ), task resources: Map(cpus -> name: cpus, amount: 1.0)`);
  }
  L(-2900, 'INFO', 'SecurityManager', `Changing view acls to: ${c.user}`);
  L(-2899, 'INFO', 'SecurityManager', `Changing modify acls to: ${c.user}`);
  L(-2850, 'INFO', 'Utils', `Successfully started service 'sparkDriver' on port ${c.driver.rpcPort}.`);
  L(-2800, 'INFO', 'SparkEnv', 'Registering MapOutputTracker');
  L(-2790, 'INFO', 'SparkEnv', 'Registering BlockManagerMaster');
  L(-2700, 'INFO', 'DiskBlockManager', `Created local directory at /worker/tmp/blockmgr-${rng.uuid()}`);
  L(-2650, 'INFO', 'MemoryStore', `MemoryStore started with capacity ${units(c.driver.memoryMb * MB * 0.6)}`);
  L(-2600, 'INFO', 'SparkEnv', 'Registering OutputCommitCoordinator');
  L(-2400, 'INFO', 'Utils', `Successfully started service 'SparkUI' on port 4040.`);
  L(-2390, 'INFO', 'SparkUI', `Bound SparkUI to 0.0.0.0, and started at http://${c.driver.host}:4040`);
  if (c.mode === 'yarn') {
    L(-1500, 'INFO', 'YarnClusterScheduler', 'Created YarnClusterScheduler');
    L(-400, 'INFO', 'ApplicationMaster', `\n===============================================================================\nDefault YARN executor launch context:\n  env:\n    CLASSPATH -> {{PWD}}<CPS>{{PWD}}/__spark_conf__<CPS>{{PWD}}/__spark_libs__/*\n    SPARK_USER -> ${c.user}\n\n  command:\n    {{JAVA_HOME}}/bin/java -server -Xmx${c.executorMemoryMb}m '-XX:+PrintGCDetails' '-XX:+PrintGCDateStamps' '-Dfile.encoding=UTF-8' org.apache.spark.executor.YarnCoarseGrainedExecutorBackend --driver-url spark://CoarseGrainedScheduler@${c.driver.host}:${c.driver.rpcPort} --executor-id <executorId> --hostname <hostname> --cores ${c.executorCores} --app-id ${c.appId}\n===============================================================================`);
  } else if (c.mode === 'standalone') {
    L(-1500, 'INFO', 'StandaloneAppClient$ClientEndpoint', `Connecting to master spark://spark-dev-master.internal:7077...`);
    L(-1400, 'INFO', 'StandaloneSchedulerBackend', `Connected to Spark cluster with app ID ${c.appId}`);
  }
}

export function writeExecutorStartup(logs: AppLogs, c: AppConfig, rng: Prng, e: ExecutorModel, t: number): void {
  const L = (dt: number, logger: string, msg: string) => logs.executor(e.id, t + dt, 'INFO', logger, msg);
  const units = (b: number) => bytesToString(b, c.rules.binaryUnits);
  L(-2600, 'CoarseGrainedExecutorBackend', `Started daemon with process name: ${e.pid}@${e.host}`);
  L(-2598, 'SignalUtils', 'Registering signal handler for TERM');
  L(-2597, 'SignalUtils', 'Registering signal handler for HUP');
  L(-2596, 'SignalUtils', 'Registering signal handler for INT');
  L(-2200, 'SecurityManager', `Changing view acls to: ${c.user}`);
  L(-1900, 'TransportClientFactory', `Successfully created connection to ${c.driver.host}/${c.driver.ip}:${c.driver.rpcPort} after ${rng.int(20, 140)} ms (0 ms spent in bootstraps)`);
  L(-1500, 'DiskBlockManager', `Created local directory at /worker/tmp/blockmgr-${rng.uuid()}`);
  L(-1450, 'MemoryStore', `MemoryStore started with capacity ${units(e.maxMemory)}`);
  L(-300, 'CoarseGrainedExecutorBackend', `Connecting to driver: spark://CoarseGrainedScheduler@${c.driver.host}:${c.driver.rpcPort}`);
  L(5, 'CoarseGrainedExecutorBackend', 'Successfully registered with driver');
  L(8, 'Executor', `Starting executor ID ${e.id} on host ${e.host}`);
  L(40, 'Utils', `Successfully started service 'org.apache.spark.network.netty.NettyBlockTransferService' on port ${e.port}.`);
  L(41, 'NettyBlockTransferService', `Server created on ${e.host}:${e.port}`);
  L(60, 'BlockManager', `Initialized BlockManager: BlockManagerId(${e.id}, ${e.host}, ${e.port}, None)`);
  const backend = c.mode === 'yarn' ? 'YarnSchedulerBackend$YarnDriverEndpoint' : 'CoarseGrainedSchedulerBackend$DriverEndpoint';
  const rp = c.rules.resourceProfiles ? ',  ResourceProfileId 0' : '';
  logs.driver(t, 'INFO', backend, `Registered executor NettyRpcEndpointRef(spark-client://Executor) (${e.ip}:${rng.int(40000, 60000)}) with ID ${e.id}${rp}`);
}

/** SparkContext.stop() and JVM shutdown, driver and executors. */
export function writeShutdownLogs(logs: AppLogs, c: AppConfig, aliveExecutors: string[], t: number, error?: string): void {
  if (error) {
    logs.driver(t - 150, 'ERROR', c.mode === 'yarn' ? 'ApplicationMaster' : 'SparkSubmit', `User class threw exception: org.apache.spark.SparkException: ${error.split('\n')[0]}\norg.apache.spark.SparkException: ${error}\n${dagSchedulerAbortFrames(c.rules).map((f) => `\tat ${f}`).join('\n')}`);
    if (c.mode === 'yarn') logs.driver(t - 140, 'INFO', 'ApplicationMaster', `Final app status: FAILED, exitCode: 15, (reason: User class threw exception: org.apache.spark.SparkException: ${error.split('\n')[0]})`);
  } else if (c.mode === 'yarn') {
    logs.driver(t - 150, 'INFO', 'ApplicationMaster', 'Final app status: SUCCEEDED, exitCode: 0');
  }
  logs.driver(t - 100, 'INFO', 'SparkContext', 'Invoking stop() from shutdown hook');
  logs.driver(t - 90, 'INFO', 'SparkUI', `Stopped Spark web UI at http://${c.driver.host}:4040`);
  if (c.mode === 'yarn') logs.driver(t - 80, 'INFO', 'YarnClusterSchedulerBackend', 'Shutting down all executors');
  logs.driver(t - 70, 'INFO', 'MapOutputTrackerMasterEndpoint', 'MapOutputTrackerMasterEndpoint stopped!');
  logs.driver(t - 60, 'INFO', 'MemoryStore', 'MemoryStore cleared');
  logs.driver(t - 50, 'INFO', 'BlockManager', 'BlockManager stopped');
  logs.driver(t - 40, 'INFO', 'SparkContext', 'Successfully stopped SparkContext');
  for (const id of aliveExecutors) {
    logs.executor(id, t - 60, 'INFO', 'CoarseGrainedExecutorBackend', 'Driver commanded a shutdown');
    logs.executor(id, t - 55, 'INFO', 'MemoryStore', 'MemoryStore cleared');
    logs.executor(id, t - 54, 'INFO', 'BlockManager', 'BlockManager stopped');
    logs.executor(id, t - 40, 'INFO', 'ShutdownHookManager', 'Shutdown hook called');
  }
  logs.driver(t + 10, 'INFO', 'ShutdownHookManager', 'Shutdown hook called');
}
