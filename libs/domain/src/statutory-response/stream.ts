export const STATUTORY_RESPONSE_STREAM_PREFIX = 'statutory-response-';

/** One response per inspection, so the stream is named after the inspection. */
export function statutoryResponseStream(inspectionId: string): string {
  return `${STATUTORY_RESPONSE_STREAM_PREFIX}${inspectionId}`;
}
