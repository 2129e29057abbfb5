import type { SecrecyLevel } from '../shared/secrecy.ts';

/**
 * One role per account. The separation TCVN 11930 asks for (entry officer / approving leader / compiler /
 * admin) is easiest to show an auditor when no account holds two of them; a person who needs two gets two
 * accounts, each audited under its own name.
 */
export const ROLES = ['officer', 'approver', 'analyst', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABEL_VI: Record<Role, string> = {
  officer: 'Cán bộ nhập liệu',
  approver: 'Lãnh đạo đơn vị (phê duyệt)',
  analyst: 'Cán bộ tổng hợp',
  leader: 'Lãnh đạo',
  admin: 'Quản trị hệ thống',
};

export const ROLE_LABEL_EN: Record<Role, string> = {
  officer: 'Data-entry officer',
  approver: 'Unit leader (approver)',
  analyst: 'Analyst',
  leader: 'Leader',
  admin: 'Administrator',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * Roles that must use a second factor (TOTP) whatever their clearance: those who approve, lead or administer
 * change what others rely on. Analysts and officers need one only when cleared for classified material.
 */
export const SECOND_FACTOR_REQUIRED: Record<Role, boolean> = {
  officer: false,
  approver: true,
  analyst: false,
  leader: true,
  admin: true,
};

/**
 * Whether an account must enrol and use a second factor: every approver, leader and administrator, and anyone
 * cleared above unclassified (Mật, Tối mật, Tuyệt mật).
 * @example requiresSecondFactor({ role: 'analyst', clearance: 'mat' }) // true
 */
export function requiresSecondFactor(user: { role: Role; clearance: SecrecyLevel }): boolean {
  return SECOND_FACTOR_REQUIRED[user.role] || user.clearance !== 'none';
}

export const ACTIONS = [
  'values.read',
  'values.write',
  'submission.submit',
  'submission.approve',
  'submission.return',
  'submission.reopen',
  'aggregate.read',
  'export',
  'document.generate',
  'meeting.manage',
  'task.assign',
  'task.report',
  'task.confirm',
  'users.manage',
  'audit.read',
  'secrecy.override',
  'units.manage',
  'catalogue.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

export function isAction(value: string): value is Action {
  return (ACTIONS as readonly string[]).includes(value);
}

export const ACTION_LABEL_VI: Record<Action, string> = {
  'values.read': 'xem số liệu',
  'values.write': 'nhập số liệu',
  'submission.submit': 'gửi báo cáo',
  'submission.approve': 'phê duyệt báo cáo',
  'submission.return': 'trả lại báo cáo',
  'submission.reopen': 'mở lại báo cáo đã duyệt',
  'aggregate.read': 'xem số liệu tổng hợp',
  export: 'xuất dữ liệu',
  'document.generate': 'tạo văn bản',
  'meeting.manage': 'quản lý hội nghị giao ban',
  'task.assign': 'giao nhiệm vụ',
  'task.report': 'báo cáo kết quả nhiệm vụ',
  'task.confirm': 'xác nhận hoàn thành nhiệm vụ',
  'users.manage': 'quản lý tài khoản',
  'audit.read': 'xem nhật ký hệ thống',
  'secrecy.override': 'thay đổi độ mật',
  'units.manage': 'quản lý đơn vị',
  'catalogue.manage': 'quản lý danh mục chỉ tiêu',
};

/** The signed-in person as the policy sees them. */
export interface AuthUser {
  id: number;
  role: Role;
  /** The unit the account belongs to; its scope is this unit's subtree. */
  unitId: number;
  /** Highest secrecy level the person is cleared to read. */
  clearance: SecrecyLevel;
}
