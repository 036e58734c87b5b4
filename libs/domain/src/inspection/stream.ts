export const INSPECTION_STREAM_PREFIX = 'inspection-';

export function inspectionStream(inspectionId: string): string {
  return `${INSPECTION_STREAM_PREFIX}${inspectionId}`;
}
