import type { Json } from './eventJson.js';
import { PeakMetrics } from './executorMetrics.js';
import { type MetricVector, zeroMetrics } from './taskMetrics.js';
import type { RddInfo, StageInfo, StorageLevel } from './stageInfo.js';

/** Mutable state of one job while events are folded (Spark's LiveJob). */
export class LiveJob {
  activeTasks = 0;
  completedTasks = 0;
  failedTasks = 0;
  /** Distinct (stageId, task index) pairs that succeeded, packed into one number. */
  completedIndices = new Set<number>();
  killedTasks = 0;
  killedSummary = new Map<string, number>();
  skippedTasks = 0;
  skippedStages = new Set<number>();
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'UNKNOWN' = 'RUNNING';
  completionTime: number | undefined;
  completedStages = new Set<number>();
  activeStages = 0;
  failedStages = 0;

  constructor(
    readonly jobId: number,
    readonly name: string,
    readonly description: string | undefined,
    readonly submissionTime: number | undefined,
    readonly stageIds: number[],
    readonly jobGroup: string | undefined,
    readonly jobTags: string[],
    readonly numTasks: number,
    readonly sqlExecutionId: number | undefined,
  ) {}
}

/** Per-executor totals inside one stage attempt (Spark's LiveExecutorStageSummary). */
export class LiveExecutorStageSummary {
  taskTime = 0;
  succeededTasks = 0;
  failedTasks = 0;
  killedTasks = 0;
  isExcluded = false;
  metrics: MetricVector = zeroMetrics();
  peak = new PeakMetrics();
}

export class SpeculationSummary {
  numTasks = 0;
  numActiveTasks = 0;
  numCompletedTasks = 0;
  numFailedTasks = 0;
  numKilledTasks = 0;
}

/** Mutable state of one stage attempt (Spark's LiveStage). */
export class LiveStage {
  jobs: LiveJob[] = [];
  jobIds = new Set<number>();
  status: 'ACTIVE' | 'COMPLETE' | 'FAILED' | 'PENDING' | 'SKIPPED' = 'PENDING';
  description: string | undefined;
  schedulingPool = 'default';
  activeTasks = 0;
  completedTasks = 0;
  failedTasks = 0;
  completedIndices = new Set<number>();
  killedTasks = 0;
  killedSummary = new Map<string, number>();
  firstLaunchTime = Number.POSITIVE_INFINITY;
  localitySummary = new Map<string, number>();
  metrics: MetricVector = zeroMetrics();
  executorSummaries = new Map<string, LiveExecutorStageSummary>();
  activeTasksPerExecutor = new Map<string, number>();
  excludedExecutors = new Set<string>();
  peak = new PeakMetrics();
  speculation: SpeculationSummary | undefined;
  /** Tasks written to the store for this attempt, for spark.ui.retainedTasks. */
  savedTasks = 0;

  constructor(public info: StageInfo) {}

  executorSummary(executorId: string): LiveExecutorStageSummary {
    let s = this.executorSummaries.get(executorId);
    if (!s) {
      s = new LiveExecutorStageSummary();
      this.executorSummaries.set(executorId, s);
    }
    return s;
  }
}

/** Mutable state of one executor, the driver included (Spark's LiveExecutor). */
export class LiveExecutor {
  hostPort: string | undefined;
  host: string | undefined;
  isActive = true;
  totalCores = 0;
  removeTime: number | undefined;
  removeReason: string | undefined;
  rddBlocks = 0;
  memoryUsed = 0;
  diskUsed = 0;
  maxTasks = 0;
  maxMemory = 0;
  totalTasks = 0;
  activeTasks = 0;
  completedTasks = 0;
  failedTasks = 0;
  totalDuration = 0;
  totalGcTime = 0;
  totalInputBytes = 0;
  totalShuffleRead = 0;
  totalShuffleWrite = 0;
  isExcluded = false;
  excludedInStages = new Set<number>();
  executorLogs: Record<string, string> = {};
  attributes: Record<string, string> = {};
  resources: Json = {};
  resourceProfileId = 0;
  /** -1 until a block manager reports on/off-heap sizes (old logs never do). */
  totalOnHeap = -1;
  totalOffHeap = 0;
  usedOnHeap = 0;
  usedOffHeap = 0;
  peak = new PeakMetrics();

  constructor(readonly executorId: string, readonly addTime: number) {}

  get hasMemoryInfo(): boolean {
    return this.totalOnHeap >= 0;
  }

  get hostname(): string {
    if (this.host !== undefined) return this.host;
    const hp = this.hostPort ?? '';
    const colon = hp.lastIndexOf(':');
    return colon >= 0 ? hp.slice(0, colon) : hp;
  }
}

export interface RddPartition {
  blockName: string;
  executors: string[];
  memoryUsed: number;
  diskUsed: number;
  storageLevel: string;
}

export interface RddDistribution {
  executorId: string;
  memoryUsed: number;
  diskUsed: number;
  onHeapUsed: number;
  offHeapUsed: number;
  /**
   * The executor's memory left when the RDD was last written after this distribution changed (Spark's
   * LiveRDDDistribution.lastUpdate): later broadcast blocks do not move it. Unset: computed when served.
   */
  remaining?: MemoryRemaining;
}

export interface MemoryRemaining {
  memory: number;
  onHeap: number;
  offHeap: number;
}

/** A persisted RDD and where its blocks live (Spark's LiveRDD). */
export class LiveRdd {
  memoryUsed = 0;
  diskUsed = 0;
  /** Insertion-ordered, as Spark's RDDPartitionSeq. */
  partitions = new Map<string, RddPartition>();
  distributions = new Map<string, RddDistribution>();

  constructor(readonly info: RddInfo, readonly storageLevel: StorageLevel) {}
}

export interface ProcessSummary {
  id: string;
  hostPort: string;
  isActive: boolean;
  totalCores: number;
  addTime: number;
  processLogs: Record<string, string>;
}
