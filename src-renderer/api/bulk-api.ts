// POST /api/{userId}/tasks/bulk (with progress lines) and its count, typed with the shared schemas.
import {
  bulkCount,
  bulkProgressLine,
  bulkResult,
  type BulkCount,
  type BulkFilterInput,
  type BulkProgress,
  type BulkRequestInput,
  type BulkResult,
} from '../../src-shared/bulk-schemas';
import { isApiErrorBody } from '../../src-shared/api-errors';
import { ApiError } from './api-error';
import type { HttpClient } from './http-client';

export interface BulkApi {
  /** Runs one bulk action; `onProgress` hears after each batch the server committed. */
  run(request: BulkRequestInput, onProgress?: (progress: BulkProgress) => void): Promise<BulkResult>;
  count(filter: BulkFilterInput, signal?: AbortSignal): Promise<BulkCount>;
}

export function createBulkApi(http: HttpClient, userId: string): BulkApi {
  const path = `/api/${encodeURIComponent(userId)}/tasks/bulk`;
  return {
    async run(request, onProgress) {
      let result: BulkResult | null = null;
      let failure: ApiError | null = null;
      await http.requestLines({ method: 'POST', path, body: request }, (line) => {
        const progress = bulkProgressLine.safeParse(line);
        if (progress.success) return onProgress?.(progress.data.progress);
        if (isApiErrorBody(line)) {
          failure = new ApiError(line.error.code, line.error.message, 200, line.error.details ?? []);
          return;
        }
        const done = bulkResult.safeParse((line as { result?: unknown } | null)?.result);
        if (done.success) result = done.data;
      });
      if (failure) throw failure as ApiError;
      if (!result) throw new ApiError('BAD_RESPONSE', 'The task service sent an unexpected answer.', 200);
      return result;
    },
    count(filter, signal) {
      // Query values are strings (`available` may be given as a boolean in the body schema).
      const query = Object.fromEntries(Object.entries(filter).map(([key, value]) => [key, typeof value === 'boolean' ? String(value) : value]));
      return http.request({ path: `${path}/count`, query, schema: bulkCount, signal });
    },
  };
}
