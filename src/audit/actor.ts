/** Who did something, as the audit log records it. */
export interface Actor {
  id: number | null;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'hệ thống' };
