// The figure kit: what chapters import. Figures take numbers (a Trace or plain arrays) and a step.
export { AttentionMatrix, type AttentionLabels, type AttentionMatrixProps } from './AttentionMatrix';
export { causalRowText, fillTemplate, formatSpeed, stepText, valuesText, type StepTextLabels } from './aria';
export { BEATS, BEAT_MS, HOLD_MS, beatAt, beatsFor, scheduleMs, stepKindOf, stepMs, type Beat, type BeatSchedule, type StepKind } from './beats';
export { DEFAULT_STEP_MS, TimeCursorProvider, useCursorKeys, useTimeCursor, type TimeCursor, type TimeCursorProviderProps } from './cursor';
export { SPEEDS, cursorReducer, initialCursor, keyAction, shownStep, stepHighlight, type CursorAction, type CursorState, type Speed } from './cursorState';
export { EquivalenceBadge, agrees, type EquivalenceBadgeProps, type EquivalenceLabels } from './EquivalenceBadge';
export { Formula, type FormulaProps } from './Formula';
export { formatDiff, formatMs, formatNumber } from './format';
export { MatrixHeatmap, type MatrixHeatmapProps } from './MatrixHeatmap';
export { MemoryStateFigure, type MemoryLabels, type MemoryStateFigureProps } from './MemoryStateFigure';
export { memoryFrame, stepInputs, type MemoryFrame, type StepInputs } from './memoryFrame';
export { useBeatClock, usePrefersReducedMotion } from './motion';
export { FigureRegion, PlaybackControls, type FigureRegionProps, type PlaybackControlsProps, type PlaybackLabels } from './PlaybackControls';
export { attentionLimit, figureLimit, inputLimit, limitOf, maxAbsOf } from './scales';
export { StepTrack, type StepTrackLabels, type StepTrackProps } from './StepTrack';
export { divergingColor, symbolColor, textOn, uiColor, type SymbolName } from './theme';
export { VectorStrip, type VectorStripProps } from './VectorStrip';
