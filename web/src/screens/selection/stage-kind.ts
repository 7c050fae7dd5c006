import { isPassFail, type StageKind } from '../../../../src/domain/selection-stages';

/** Whether a stage only passes or fails (100 or 0), by the API's own rule. */
export const isPassFailStage = (stage: { kind: string }): boolean =>
  isPassFail(stage.kind as StageKind);
