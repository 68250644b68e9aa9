import type { StageData } from '../../../api/index.js';

/** Which optional metric groups a stage has; Spark shows those rows and columns only when there is data. */
export interface StageDataPresence {
  input: boolean;
  output: boolean;
  shuffleRead: boolean;
  shuffleWrite: boolean;
  spill: boolean;
}

export function stageDataPresence(stage: StageData): StageDataPresence {
  return {
    input: stage.inputBytes > 0 || stage.inputRecords > 0,
    output: stage.outputBytes > 0 || stage.outputRecords > 0,
    shuffleRead: stage.shuffleReadBytes > 0 || stage.shuffleReadRecords > 0,
    shuffleWrite: stage.shuffleWriteBytes > 0 || stage.shuffleWriteRecords > 0,
    spill: stage.memoryBytesSpilled > 0 || stage.diskBytesSpilled > 0,
  };
}
