// Graph's error body, exactly: {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}.
import type { EmulatorResponse } from './route-types.js';

export function graphError(
  status: number,
  code: string,
  message: string,
  ids: { requestId: string; clientRequestId: string },
  headers: Record<string, string> = {},
): EmulatorResponse {
  return {
    status,
    headers,
    body: {
      error: {
        code,
        message,
        innerError: {
          date: new Date().toISOString().replace(/\.\d{3}Z$/, ''),
          'request-id': ids.requestId,
          'client-request-id': ids.clientRequestId,
        },
      },
    },
  };
}
