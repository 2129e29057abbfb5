/**
 * The one error type of the domain, with a closed set of codes. The HTTP layer and the CLI map codes to a
 * status and an exit code through one table each; messages are Vietnamese first, English second.
 */
export const ERROR_CODES = [
  'bad_request',
  'not_found',
  'unauthenticated',
  'forbidden',
  'conflict',
  'precondition_required',
  'reauth_required',
  'locked',
  'validation_failed',
  'rate_limited',
  'payload_too_large',
  'unsupported_media_type',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  /** 1-based row of an input file, where the problem comes from a file. */
  row?: number;
  field: string;
  reason: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(`${messageVi} (${messageEn})`);
    this.name = 'AppError';
  }
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  not_found: 404,
  unauthenticated: 401,
  forbidden: 403,
  conflict: 409,
  precondition_required: 428,
  reauth_required: 403,
  locked: 423,
  validation_failed: 422,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
};

export const EXIT_CODE: Record<ErrorCode, number> = {
  bad_request: 2,
  not_found: 3,
  unauthenticated: 4,
  forbidden: 4,
  conflict: 5,
  precondition_required: 5,
  reauth_required: 4,
  locked: 5,
  validation_failed: 6,
  rate_limited: 7,
  payload_too_large: 2,
  unsupported_media_type: 2,
};

export function notFound(whatVi: string, whatEn: string): AppError {
  return new AppError('not_found', `Không tìm thấy ${whatVi}`, `${whatEn} not found`);
}

export function badRequest(messageVi: string, messageEn: string, issues: FieldIssue[] = []): AppError {
  return new AppError('bad_request', messageVi, messageEn, issues);
}

/**
 * An update sent without the version it was read at: refused (428), never applied blindly over what someone
 * else may have saved meanwhile.
 */
export function versionRequired(field = 'version'): AppError {
  return new AppError(
    'precondition_required',
    'Thiếu phiên bản của dữ liệu đang sửa: hãy tải lại trang rồi sửa lại',
    'the version the data was read at is required',
    [{ field, reason: 'bắt buộc: phiên bản đã đọc (0 cho số liệu chưa có)' }],
  );
}
