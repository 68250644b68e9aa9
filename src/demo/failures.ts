// Real-looking failure texts: exception classes, stack traces as the JVM prints them, and the
// error strings Spark derives from them (spec/eventlog.md §3.6). Frames are written the way
// Throwable.printStackTrace renders them and parsed back into StackFrame objects, so the JSON
// "Stack Trace" array and the "Full Stack Trace" text always agree.

import type { SparkVersionRules } from './sparkVersions.js';
import type { BlockManagerIdModel, StackFrameModel } from './model.js';

export type FailureKind = 'oom' | 'sparkOom' | 'diskFull' | 'udfNumberFormat';

export interface ExceptionText {
  className: string;
  description: string;
  frames: string[];
  /** printStackTrace output: "Class: msg\n\tat frame\n…[Caused by: …]" */
  full: string;
}

/** "pkg.Class.method(File.java:12)" → StackFrame. */
export function parseFrame(frame: string): StackFrameModel {
  const open = frame.lastIndexOf('(');
  const head = frame.slice(0, open);
  const loc = frame.slice(open + 1, -1);
  const dot = head.lastIndexOf('.');
  const declaringClass = head.slice(0, dot).replace(/^java\.base\//, '');
  const methodName = head.slice(dot + 1);
  if (loc === 'Native Method') return { declaringClass, methodName, fileName: null, lineNumber: -2 };
  if (loc === 'Unknown Source') return { declaringClass, methodName, fileName: null, lineNumber: -1 };
  const colon = loc.lastIndexOf(':');
  return colon < 0
    ? { declaringClass, methodName, fileName: loc, lineNumber: -1 }
    : { declaringClass, methodName, fileName: loc.slice(0, colon), lineNumber: Number(loc.slice(colon + 1)) };
}

/** Java 9+ prints module prefixes for JDK frames. */
function jdk(frame: string, javaMajor: number): string {
  return javaMajor >= 9 && /^(java|sun|jdk)\./.test(frame) ? `java.base/${frame}` : frame;
}

function threadPoolTail(javaMajor: number): string[] {
  return javaMajor >= 17
    ? [
        'java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)',
        'java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:635)',
        'java.base/java.lang.Thread.run(Thread.java:840)',
      ]
    : [
        'java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1149)',
        'java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:624)',
        'java.lang.Thread.run(Thread.java:750)',
      ];
}

/** Executor.TaskRunner frames below the task, per Spark line (line numbers of that release). */
export function taskRunnerFrames(rules: SparkVersionRules, resultTask: boolean, javaMajor: number): string[] {
  const v = rules.major * 10 + rules.minor;
  let frames: string[];
  if (v <= 24) {
    frames = [
      resultTask ? 'org.apache.spark.scheduler.ResultTask.runTask(ResultTask.scala:90)' : 'org.apache.spark.scheduler.ShuffleMapTask.runTask(ShuffleMapTask.scala:99)',
      ...(resultTask ? [] : ['org.apache.spark.scheduler.ShuffleMapTask.runTask(ShuffleMapTask.scala:55)']),
      'org.apache.spark.scheduler.Task.run(Task.scala:123)',
      'org.apache.spark.executor.Executor$TaskRunner$$anonfun$10.apply(Executor.scala:408)',
      'org.apache.spark.util.Utils$.tryWithSafeFinally(Utils.scala:1360)',
      'org.apache.spark.executor.Executor$TaskRunner.run(Executor.scala:414)',
    ];
  } else if (v <= 31) {
    frames = [
      resultTask ? 'org.apache.spark.scheduler.ResultTask.runTask(ResultTask.scala:90)' : 'org.apache.spark.scheduler.ShuffleMapTask.runTask(ShuffleMapTask.scala:99)',
      ...(resultTask ? [] : ['org.apache.spark.scheduler.ShuffleMapTask.runTask(ShuffleMapTask.scala:52)']),
      'org.apache.spark.scheduler.Task.run(Task.scala:131)',
      'org.apache.spark.executor.Executor$TaskRunner.$anonfun$run$3(Executor.scala:497)',
      'org.apache.spark.util.Utils$.tryWithSafeFinally(Utils.scala:1439)',
      'org.apache.spark.executor.Executor$TaskRunner.run(Executor.scala:500)',
    ];
  } else if (v <= 34) {
    frames = [
      resultTask ? 'org.apache.spark.scheduler.ResultTask.runTask(ResultTask.scala:92)' : 'org.apache.spark.scheduler.ShuffleMapTask.runTask(ShuffleMapTask.scala:101)',
      ...(resultTask ? [] : ['org.apache.spark.scheduler.ShuffleMapTask.runTask(ShuffleMapTask.scala:53)']),
      'org.apache.spark.TaskContext.runTaskWithListeners(TaskContext.scala:161)',
      'org.apache.spark.scheduler.Task.run(Task.scala:139)',
      'org.apache.spark.executor.Executor$TaskRunner.$anonfun$run$3(Executor.scala:554)',
      'org.apache.spark.util.Utils$.tryWithSafeFinally(Utils.scala:1529)',
      'org.apache.spark.executor.Executor$TaskRunner.run(Executor.scala:557)',
    ];
  } else {
    frames = [
      resultTask ? 'org.apache.spark.scheduler.ResultTask.runTask(ResultTask.scala:93)' : 'org.apache.spark.scheduler.ShuffleMapTask.runTask(ShuffleMapTask.scala:104)',
      ...(resultTask ? [] : ['org.apache.spark.scheduler.ShuffleMapTask.runTask(ShuffleMapTask.scala:54)']),
      'org.apache.spark.TaskContext.runTaskWithListeners(TaskContext.scala:166)',
      'org.apache.spark.scheduler.Task.run(Task.scala:141)',
      'org.apache.spark.executor.Executor$TaskRunner.$anonfun$run$4(Executor.scala:620)',
      'org.apache.spark.util.SparkErrorUtils.tryWithSafeFinally(SparkErrorUtils.scala:64)',
      'org.apache.spark.util.SparkErrorUtils.tryWithSafeFinally$(SparkErrorUtils.scala:61)',
      'org.apache.spark.util.Utils$.tryWithSafeFinally(Utils.scala:94)',
      'org.apache.spark.executor.Executor$TaskRunner.run(Executor.scala:623)',
    ];
  }
  return [...frames, ...threadPoolTail(javaMajor)];
}

function render(className: string, description: string, frames: string[], causes: string[] = []): string {
  let s = description ? `${className}: ${description}\n` : `${className}\n`;
  for (const f of frames) s += `\tat ${f}\n`;
  for (const c of causes) s += c;
  return s;
}

function iteratorNext(rules: SparkVersionRules): string {
  return rules.major >= 3 ? 'scala.collection.Iterator$$anon$10.next(Iterator.scala:459)' : 'scala.collection.Iterator$$anon$11.next(Iterator.scala:410)';
}

/** Exception thrown inside a task, as the executor reports it in ExceptionFailure. */
export function taskException(
  kind: FailureKind,
  rules: SparkVersionRules,
  ctx: { userClass: string; userFile: string; resultTask: boolean; javaMajor: number },
): ExceptionText {
  const tail = taskRunnerFrames(rules, ctx.resultTask, ctx.javaMajor);
  const j = (f: string) => jdk(f, ctx.javaMajor);
  switch (kind) {
    case 'oom': {
      const frames = [
        j('java.util.Arrays.copyOf(Arrays.java:3236)'),
        j('java.util.ArrayList.grow(ArrayList.java:265)'),
        j('java.util.ArrayList.ensureExplicitCapacity(ArrayList.java:239)'),
        j('java.util.ArrayList.ensureCapacityInternal(ArrayList.java:231)'),
        j('java.util.ArrayList.add(ArrayList.java:462)'),
        `${ctx.userClass}$.$anonfun$dedupe$1(${ctx.userFile}:74)`,
        iteratorNext(rules),
        'org.apache.spark.shuffle.sort.BypassMergeSortShuffleWriter.write(BypassMergeSortShuffleWriter.java:140)',
        'org.apache.spark.shuffle.ShuffleWriteProcessor.write(ShuffleWriteProcessor.scala:59)',
        ...tail,
      ];
      return { className: 'java.lang.OutOfMemoryError', description: 'Java heap space', frames, full: render('java.lang.OutOfMemoryError', 'Java heap space', frames) };
    }
    case 'sparkOom': {
      const bytes = 65536;
      const desc = `Unable to acquire ${bytes} bytes of memory, got 0`;
      const frames = [
        'org.apache.spark.memory.MemoryConsumer.throwOom(MemoryConsumer.java:157)',
        'org.apache.spark.memory.MemoryConsumer.allocateArray(MemoryConsumer.java:98)',
        'org.apache.spark.util.collection.unsafe.sort.UnsafeInMemorySorter.<init>(UnsafeInMemorySorter.java:128)',
        'org.apache.spark.util.collection.unsafe.sort.UnsafeExternalSorter.<init>(UnsafeExternalSorter.java:161)',
        'org.apache.spark.util.collection.unsafe.sort.UnsafeExternalSorter.create(UnsafeExternalSorter.java:128)',
        'org.apache.spark.sql.execution.UnsafeExternalRowSorter.<init>(UnsafeExternalRowSorter.java:113)',
        'org.apache.spark.sql.execution.UnsafeExternalRowSorter.create(UnsafeExternalRowSorter.java:96)',
        'org.apache.spark.sql.execution.SortExec.createSorter(SortExec.scala:89)',
        'org.apache.spark.sql.catalyst.expressions.GeneratedClass$GeneratedIteratorForCodegenStage5.init(Unknown Source)',
        'org.apache.spark.sql.execution.WholeStageCodegenExec.$anonfun$doExecute$4(WholeStageCodegenExec.scala:750)',
        'org.apache.spark.rdd.RDD.$anonfun$mapPartitionsWithIndex$2(RDD.scala:915)',
        'org.apache.spark.rdd.MapPartitionsRDD.compute(MapPartitionsRDD.scala:52)',
        'org.apache.spark.rdd.RDD.computeOrReadCheckpoint(RDD.scala:373)',
        'org.apache.spark.rdd.RDD.iterator(RDD.scala:337)',
        ...tail,
      ];
      const cls = 'org.apache.spark.memory.SparkOutOfMemoryError';
      return { className: cls, description: desc, frames, full: render(cls, desc, frames) };
    }
    case 'diskFull': {
      const frames = [
        j('java.io.FileOutputStream.writeBytes(Native Method)'),
        j('java.io.FileOutputStream.write(FileOutputStream.java:326)'),
        'org.apache.spark.storage.TimeTrackingOutputStream.write(TimeTrackingOutputStream.java:59)',
        j('java.io.BufferedOutputStream.flushBuffer(BufferedOutputStream.java:82)'),
        j('java.io.BufferedOutputStream.write(BufferedOutputStream.java:126)'),
        'net.jpountz.lz4.LZ4BlockOutputStream.flushBufferedData(LZ4BlockOutputStream.java:223)',
        'net.jpountz.lz4.LZ4BlockOutputStream.write(LZ4BlockOutputStream.java:176)',
        'org.apache.spark.storage.DiskBlockObjectWriter.write(DiskBlockObjectWriter.scala:260)',
        'org.apache.spark.shuffle.sort.ShuffleExternalSorter.writeSortedFile(ShuffleExternalSorter.java:220)',
        'org.apache.spark.shuffle.sort.ShuffleExternalSorter.closeAndGetSpills(ShuffleExternalSorter.java:428)',
        'org.apache.spark.shuffle.sort.UnsafeShuffleWriter.closeAndWriteOutput(UnsafeShuffleWriter.java:221)',
        'org.apache.spark.shuffle.sort.UnsafeShuffleWriter.write(UnsafeShuffleWriter.java:182)',
        'org.apache.spark.shuffle.ShuffleWriteProcessor.write(ShuffleWriteProcessor.scala:59)',
        ...tail,
      ];
      return { className: 'java.io.IOException', description: 'No space left on device', frames, full: render('java.io.IOException', 'No space left on device', frames) };
    }
    case 'udfNumberFormat': {
      const udf = `${ctx.userClass}$$$Lambda$2917/1184264395: (string) => int`;
      const desc = rules.major * 10 + rules.minor >= 34 ? `[FAILED_EXECUTE_UDF] Failed to execute user defined function (${udf}).` : `Failed to execute user defined function(${udf})`;
      const frames = [
        'org.apache.spark.sql.catalyst.expressions.GeneratedClass$GeneratedIteratorForCodegenStage2.project_doConsume_0$(Unknown Source)',
        'org.apache.spark.sql.catalyst.expressions.GeneratedClass$GeneratedIteratorForCodegenStage2.processNext(Unknown Source)',
        'org.apache.spark.sql.execution.BufferedRowIterator.hasNext(BufferedRowIterator.java:43)',
        'org.apache.spark.sql.execution.WholeStageCodegenExec$$anon$1.hasNext(WholeStageCodegenExec.scala:760)',
        'scala.collection.Iterator$$anon$10.hasNext(Iterator.scala:460)',
        'org.apache.spark.shuffle.sort.BypassMergeSortShuffleWriter.write(BypassMergeSortShuffleWriter.java:140)',
        'org.apache.spark.shuffle.ShuffleWriteProcessor.write(ShuffleWriteProcessor.scala:59)',
        ...tail,
      ];
      const causeFrames = [
        j('java.lang.NumberFormatException.forInputString(NumberFormatException.java:65)'),
        j('java.lang.Integer.parseInt(Integer.java:580)'),
        j('java.lang.Integer.parseInt(Integer.java:615)'),
        'scala.collection.immutable.StringLike.toInt(StringLike.scala:304)',
        'scala.collection.immutable.StringLike.toInt$(StringLike.scala:304)',
        'scala.collection.immutable.StringOps.toInt(StringOps.scala:33)',
        `${ctx.userClass}$.$anonfun$parseQty$1(${ctx.userFile}:41)`,
        `${ctx.userClass}$.$anonfun$parseQty$1$adapted(${ctx.userFile}:41)`,
        '... 19 more',
      ];
      const cause = `Caused by: java.lang.NumberFormatException: For input string: "N/A"\n${causeFrames.map((f) => (f.startsWith('...') ? `\t${f}\n` : `\tat ${f}\n`)).join('')}`;
      const cls = 'org.apache.spark.SparkException';
      return { className: cls, description: desc, frames, full: render(cls, desc, frames, [cause]) };
    }
  }
}

export function bmIdString(bm: BlockManagerIdModel | null): string {
  return bm ? `BlockManagerId(${bm.executorId}, ${bm.host}, ${bm.port}, None)` : 'null';
}

/** FetchFailedException text as stored in FetchFailed "Message" (Utils.exceptionString). */
export function fetchFailedMessage(rules: SparkVersionRules, target: { host: string; ip: string; port: number }, javaMajor: number): string {
  const addr = `${target.host}/${target.ip}:${target.port}`;
  const frames = [
    'org.apache.spark.storage.ShuffleBlockFetcherIterator.throwFetchFailedException(ShuffleBlockFetcherIterator.scala:1180)',
    'org.apache.spark.storage.ShuffleBlockFetcherIterator.next(ShuffleBlockFetcherIterator.scala:913)',
    'org.apache.spark.storage.ShuffleBlockFetcherIterator.next(ShuffleBlockFetcherIterator.scala:84)',
    'org.apache.spark.util.CompletionIterator.next(CompletionIterator.scala:29)',
    'scala.collection.Iterator$$anon$11.nextCur(Iterator.scala:486)',
    'scala.collection.Iterator$$anon$11.hasNext(Iterator.scala:492)',
    'org.apache.spark.util.CompletionIterator.hasNext(CompletionIterator.scala:31)',
    'org.apache.spark.InterruptibleIterator.hasNext(InterruptibleIterator.scala:37)',
    'org.apache.spark.sql.catalyst.expressions.GeneratedClass$GeneratedIteratorForCodegenStage3.sort_addToSorter_0$(Unknown Source)',
    'org.apache.spark.sql.catalyst.expressions.GeneratedClass$GeneratedIteratorForCodegenStage3.processNext(Unknown Source)',
    'org.apache.spark.sql.execution.BufferedRowIterator.hasNext(BufferedRowIterator.java:43)',
    'org.apache.spark.sql.execution.WholeStageCodegenExec$$anon$1.hasNext(WholeStageCodegenExec.scala:760)',
    ...taskRunnerFrames(rules, false, javaMajor),
  ];
  const cause1 = [
    'org.apache.spark.network.client.TransportClientFactory.createClient(TransportClientFactory.java:288)',
    'org.apache.spark.network.client.TransportClientFactory.createClient(TransportClientFactory.java:218)',
    'org.apache.spark.network.netty.NettyBlockTransferService$$anon$2.createAndStart(NettyBlockTransferService.scala:123)',
    'org.apache.spark.network.shuffle.RetryingBlockTransferor.transferAllOutstanding(RetryingBlockTransferor.java:153)',
    'org.apache.spark.network.shuffle.RetryingBlockTransferor.lambda$initiateRetry$0(RetryingBlockTransferor.java:181)',
    jdk('java.util.concurrent.Executors$RunnableAdapter.call(Executors.java:511)', javaMajor),
    jdk('java.util.concurrent.FutureTask.run(FutureTask.java:266)', javaMajor),
    ...threadPoolTail(javaMajor).slice(0, 2),
    'io.netty.util.concurrent.FastThreadLocalRunnable.run(FastThreadLocalRunnable.java:30)',
  ];
  const cause2 = [
    jdk('sun.nio.ch.SocketChannelImpl.checkConnect(Native Method)', javaMajor),
    jdk('sun.nio.ch.SocketChannelImpl.finishConnect(SocketChannelImpl.java:716)', javaMajor),
    'io.netty.channel.socket.nio.NioSocketChannel.doFinishConnect(NioSocketChannel.java:337)',
    'io.netty.channel.nio.AbstractNioChannel$AbstractNioUnsafe.finishConnect(AbstractNioChannel.java:334)',
    'io.netty.channel.nio.NioEventLoop.processSelectedKey(NioEventLoop.java:776)',
    'io.netty.channel.nio.NioEventLoop.run(NioEventLoop.java:493)',
    'io.netty.util.concurrent.SingleThreadEventExecutor$4.run(SingleThreadEventExecutor.java:986)',
    'io.netty.util.internal.ThreadExecutorMap$2.run(ThreadExecutorMap.java:74)',
  ];
  return (
    render('org.apache.spark.shuffle.FetchFailedException', `Failed to connect to ${addr}`, frames) +
    render('Caused by: java.io.IOException', `Failed to connect to ${addr}`, cause1) +
    '\t... 1 more\n' +
    `Caused by: io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection refused: ${addr}\n` +
    'Caused by: java.net.ConnectException: Connection refused\n' +
    cause2.map((f) => `\tat ${f}\n`).join('') +
    '\t... 1 more\n'
  );
}

/** Task errorMessage / driver-log text of a FetchFailed reason (TaskEndReason.toErrorString). */
export function fetchFailedErrorString(
  rules: SparkVersionRules,
  r: { blockManager: BlockManagerIdModel; shuffleId: number; mapId: number; mapIndex: number; reduceId: number; message: string },
): string {
  const where = rules.fetchFailedMapIndex ? `mapIndex=${r.mapIndex}, mapId=${r.mapId}` : `mapId=${r.mapId}`;
  return `FetchFailed(${bmIdString(r.blockManager)}, shuffleId=${r.shuffleId}, ${where}, reduceId=${r.reduceId}, message=\n${r.message}\n)`;
}

export function executorLostErrorString(execId: string, exitCausedByApp: boolean, reason: string): string {
  const cause = exitCausedByApp ? 'caused by one of the running tasks' : 'unrelated to the running tasks';
  return `ExecutorLostFailure (executor ${execId} exited ${cause}) Reason: ${reason}`;
}

/** YARN/Cupid container loss texts. */
export function containerLossReason(kind: 'memoryLimit' | 'oomExit' | 'preempted' | 'released', containerId: string, host: string, memGb: number): string {
  switch (kind) {
    case 'memoryLimit':
      return `Container killed by YARN for exceeding physical memory limits. ${(memGb * 1.04).toFixed(1)} GB of ${memGb.toFixed(1)} GB physical memory used. Consider boosting spark.executor.memoryOverhead.`;
    case 'oomExit':
      return `Container marked as failed: ${containerId} on host: ${host}. Exit status: 52. Diagnostics: Exception from container-launch.\nContainer id: ${containerId}\nExit code: 52\n\nContainer exited with a non-zero exit code 52. Error file: prelaunch.err.\nLast 4096 bytes of prelaunch.err :\nLast 4096 bytes of stderr :\n#\n# java.lang.OutOfMemoryError: Java heap space\n# -XX:OnOutOfMemoryError="kill %p"\n#   Executing /bin/sh -c "kill 28731"...\n`;
    case 'preempted':
      return `Container ${containerId} on host: ${host} was preempted.`;
    case 'released':
      return `Container ${containerId} exited from explicit termination request.`;
  }
}

/** The driver-side stack of a JobFailed / "Job aborted" SparkException. */
export function dagSchedulerAbortFrames(rules: SparkVersionRules): string[] {
  const old = rules.major < 3;
  return old
    ? [
        'org.apache.spark.scheduler.DAGScheduler.org$apache$spark$scheduler$DAGScheduler$$failJobAndIndependentStages(DAGScheduler.scala:1889)',
        'org.apache.spark.scheduler.DAGScheduler$$anonfun$abortStage$1.apply(DAGScheduler.scala:1877)',
        'org.apache.spark.scheduler.DAGScheduler$$anonfun$abortStage$1.apply(DAGScheduler.scala:1876)',
        'scala.collection.mutable.ResizableArray$class.foreach(ResizableArray.scala:59)',
        'scala.collection.mutable.ArrayBuffer.foreach(ArrayBuffer.scala:48)',
        'org.apache.spark.scheduler.DAGScheduler.abortStage(DAGScheduler.scala:1876)',
        'org.apache.spark.scheduler.DAGScheduler$$anonfun$handleTaskSetFailed$1.apply(DAGScheduler.scala:926)',
        'org.apache.spark.scheduler.DAGScheduler$$anonfun$handleTaskSetFailed$1.apply(DAGScheduler.scala:926)',
        'scala.Option.foreach(Option.scala:257)',
        'org.apache.spark.scheduler.DAGScheduler.handleTaskSetFailed(DAGScheduler.scala:926)',
        'org.apache.spark.scheduler.DAGSchedulerEventProcessLoop.doOnReceive(DAGScheduler.scala:2110)',
        'org.apache.spark.scheduler.DAGSchedulerEventProcessLoop.onReceive(DAGScheduler.scala:2059)',
        'org.apache.spark.scheduler.DAGSchedulerEventProcessLoop.onReceive(DAGScheduler.scala:2048)',
        'org.apache.spark.util.EventLoop$$anon$1.run(EventLoop.scala:49)',
      ]
    : [
        'org.apache.spark.scheduler.DAGScheduler.failJobAndIndependentStages(DAGScheduler.scala:2672)',
        'org.apache.spark.scheduler.DAGScheduler.$anonfun$abortStage$2(DAGScheduler.scala:2608)',
        'org.apache.spark.scheduler.DAGScheduler.$anonfun$abortStage$2$adapted(DAGScheduler.scala:2607)',
        'scala.collection.mutable.ResizableArray.foreach(ResizableArray.scala:62)',
        'scala.collection.mutable.ResizableArray.foreach$(ResizableArray.scala:55)',
        'scala.collection.mutable.ArrayBuffer.foreach(ArrayBuffer.scala:49)',
        'org.apache.spark.scheduler.DAGScheduler.abortStage(DAGScheduler.scala:2607)',
        'org.apache.spark.scheduler.DAGScheduler.$anonfun$handleTaskSetFailed$1(DAGScheduler.scala:1182)',
        'org.apache.spark.scheduler.DAGScheduler.$anonfun$handleTaskSetFailed$1$adapted(DAGScheduler.scala:1182)',
        'scala.Option.foreach(Option.scala:407)',
        'org.apache.spark.scheduler.DAGScheduler.handleTaskSetFailed(DAGScheduler.scala:1182)',
        'org.apache.spark.scheduler.DAGSchedulerEventProcessLoop.doOnReceive(DAGScheduler.scala:2860)',
        'org.apache.spark.scheduler.DAGSchedulerEventProcessLoop.onReceive(DAGScheduler.scala:2802)',
        'org.apache.spark.scheduler.DAGSchedulerEventProcessLoop.onReceive(DAGScheduler.scala:2791)',
        'org.apache.spark.util.EventLoop$$anon$1.run(EventLoop.scala:49)',
      ];
}

/** "Job aborted due to stage failure: …" as used for the stage Failure Reason and JobFailed message. */
export function jobAbortedMessage(p: {
  index: number;
  stageId: number;
  stageAttempt: number;
  failures: number;
  lastAttempt: number;
  tid: number;
  host: string;
  executorId: string;
  errorString: string;
  rules: SparkVersionRules;
}): string {
  const lost = p.rules.major >= 3
    ? `Lost task ${p.index}.${p.lastAttempt} in stage ${p.stageId}.${p.stageAttempt} (TID ${p.tid}) (${p.host} executor ${p.executorId})`
    : `Lost task ${p.index}.${p.lastAttempt} in stage ${p.stageId}.${p.stageAttempt} (TID ${p.tid}, ${p.host}, executor ${p.executorId})`;
  return `Job aborted due to stage failure: Task ${p.index} in stage ${p.stageId}.${p.stageAttempt} failed ${p.failures} times, most recent failure: ${lost}: ${p.errorString}\nDriver stacktrace:`;
}
