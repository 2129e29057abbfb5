import type { Generated } from 'kysely';

/** Table shapes as Kysely sees them. Timestamps are ISO-8601 UTC text and dates "YYYY-MM-DD" on both engines. */
export interface Database {
  meta: { key: string; value: string };
  /** Moved on by triggers with every write an analytics answer depends on (migration 0021). */
  data_generation: { id: number; n: number | string | bigint };
  session_generation: { id: number; n: number | string | bigint };
  unit: {
    id: number;
    code: string;
    kind: string;
    admin_code: string | null;
    valid_from: string;
    valid_to: string;
    /** DHIS2-style identifier (migration 0013): never changes, never reused. */
    uid: string | null;
  };
  unit_version: {
    unit_id: number;
    valid_from: string;
    valid_to: string;
    name_vi: string;
    name_en: string;
    area_name: string | null;
  };
  unit_parent: { unit_id: number; parent_id: number; valid_from: string; valid_to: string };
  unit_lineage: {
    id: Generated<number>;
    kind: string;
    effective_date: string;
    from_unit_id: number;
    to_unit_id: number;
    weight: number | null;
    note: string;
  };
  indicator: {
    id: Generated<number>;
    code: string;
    field: string;
    name_vi: string;
    name_en: string;
    unit: string;
    value_type: string;
    decimals: number;
    aggregation: string;
    good_direction: string;
    secrecy: string;
    phrase_vi: string;
    conversions: string;
    position: number;
    uid: string | null;
  };
  indicator_option: {
    id: Generated<number>;
    indicator_id: number;
    code: string;
    name_vi: string;
    name_en: string;
    position: number;
    uid: string | null;
  };
  report_form: {
    id: Generated<number>;
    code: string;
    name_vi: string;
    name_en: string;
    period_type: string;
    reporter_kinds: string;
    deadline: string;
    secrecy: string;
    regime: string;
    uid: string | null;
  };
  form_indicator: { form_id: number; indicator_id: number; position: number };
  change_set: {
    id: Generated<number>;
    at: string;
    user_id: number | null;
    source: string;
    reason: string | null;
  };
  data_value: {
    form_id: number;
    unit_id: number;
    indicator_id: number;
    option_id: number;
    period: string;
    value: number | null;
    comment: string | null;
    version: number;
    change_id: number;
  };
  data_value_history: {
    form_id: number;
    unit_id: number;
    indicator_id: number;
    option_id: number;
    period: string;
    version: number;
    value: number | null;
    comment: string | null;
    change_id: number;
    superseded_by: number;
  };
  value_rollup: {
    unit_id: number;
    indicator_id: number;
    option_id: number;
    period: string;
    value: number;
    value_count: number;
  };
  /** Running totals of `value_rollup` within each year, by month (kept by triggers; migration 0023). */
  value_rollup_ytd: {
    unit_id: number;
    indicator_id: number;
    option_id: number;
    period: string;
    value: number;
    value_count: number;
  };
  submission: {
    form_id: number;
    unit_id: number;
    period: string;
    status: string;
    version: number;
    updated_at: string;
    submitted_at: string | null;
    submitted_by: number | null;
    approved_at: string | null;
    approved_by: number | null;
    locked_at: string | null;
    returned_reason: string | null;
  };
  submission_event: {
    id: Generated<number>;
    form_id: number;
    unit_id: number;
    period: string;
    action: string;
    from_status: string | null;
    to_status: string;
    at: string;
    user_id: number | null;
    reason: string | null;
  };
  app_user: {
    id: Generated<number>;
    username: string;
    display_name: string;
    password_hash: string;
    role: string;
    unit_id: number;
    clearance: string;
    totp_secret: string | null;
    totp_last_step: number | null;
    must_change_password: number;
    failed_count: number;
    last_failed_at: string | null;
    locked_until: string | null;
    disabled: number;
    created_at: string;
    password_changed_at: string;
    /** Raised by every change an administrator makes to the account (migration 0016). */
    version: Generated<number>;
    /** Raised by every change of the user's notification choices. */
    preferences_version: Generated<number>;
  };
  password_history: { user_id: number; password_hash: string; changed_at: string };
  user_session: {
    token_hash: string;
    user_id: number;
    created_at: string;
    last_seen_at: string;
    csrf_token: string;
    second_factor_done: number;
    ip: string | null;
    user_agent: string | null;
    authenticated_at: string | null;
    pending_totp_secret: string | null;
  };
  value_source: {
    period: string;
    unit_id: number;
    form_id: number;
    indicator_id: number;
    option_id: number;
    version: number;
    document: string | null;
    excerpt: string;
    span_start: number;
    span_end: number;
    created_at: string;
  };
  report_draft: {
    unit_id: number;
    period: string;
    content: string;
    status: string;
    version: number;
    updated_at: string;
    updated_by: number | null;
  };
  report_event: {
    id: Generated<number>;
    unit_id: number;
    date: string;
    secrecy: string;
    text: string;
    created_at: string;
    created_by: number | null;
    created_by_name: string;
    deleted_at: string | null;
  };
  unit_document_setting: {
    unit_id: number;
    symbol: string | null;
    signers: string;
    updated_at: string;
    updated_by: number | null;
    version: Generated<number>;
  };
  report_issue: {
    id: Generated<number>;
    unit_id: number;
    period: string;
    version: number;
    status: string;
    issued_at: string;
    issued_by: number | null;
    issued_by_name: string;
    signer: string;
    content: string;
    ended_at: string | null;
    ended_reason: string | null;
  };
  secrecy_override: {
    id: Generated<number>;
    indicator_id: number;
    unit_id: number;
    level: string;
    reason: string;
    set_by: number | null;
    set_by_name: string;
    set_at: string;
    withdrawn_at: string | null;
  };
  audit_checkpoint: {
    seq: number;
    head_hash: string;
    row_count: number;
    at: string;
    key_id: string;
    signature: string;
  };
  audit_log: {
    seq: number;
    at: string;
    actor_id: number | null;
    actor_name: string;
    action: string;
    target: string;
    unit_id: number | null;
    secrecy: string;
    details: string;
    prev_hash: string;
    hash: string;
  };
  campaign: {
    id: Generated<number>;
    series: string;
    name: string;
    year: number;
    rule: string;
    start_date: string;
    end_date: string;
    units: string;
    indicators: string;
    rank_by: string | null;
    report_form: string | null;
    secrecy: string;
    created_at: string;
  };
  meeting: {
    id: Generated<number>;
    title: string;
    period: string;
    campaign_id: number | null;
    held_on: string;
    place: string;
    chair: string;
    participants: string;
    status: string;
    minutes: string | null;
    /** Null: the meeting's own level. */
    minutes_secrecy: string | null;
    pack: string | null;
    pack_frozen_at: string | null;
    conclusion_number: string | null;
    conclusion_date: string | null;
    conclusion_text: string | null;
    secrecy: string;
    created_at: string;
    created_by: number | null;
    updated_at: string;
    /** Raised by every change to the meeting or its texts (minutes, agenda, conclusion, directives). */
    version: Generated<number>;
  };
  agenda_item: {
    id: Generated<number>;
    meeting_id: number;
    position: number;
    title: string;
    presenter: string | null;
    outcome_kind: string;
    outcome: string | null;
    carried_task_id: number | null;
    /** Null: the meeting's own level. */
    secrecy: string | null;
  };
  deployment_target: {
    id: Generated<number>;
    name: string;
    indicator: string;
    target_value: number;
    deadline: string;
    unit_kind: string;
    units: string;
    meeting_id: number | null;
    created_at: string;
  };
  directive: {
    id: Generated<number>;
    meeting_id: number;
    position: number;
    content: string;
    lead_unit_id: number;
    coordinating: string;
    deadline: string;
    indicators: string;
    target_id: number | null;
    secrecy: string;
    created_at: string;
  };
  task: {
    id: Generated<number>;
    directive_id: number;
    unit_id: number;
    role: string;
    state: string;
    deadline: string;
    assigned_on: string;
    confirmed_on: string | null;
    version: number;
    updated_at: string;
  };
  task_event: {
    id: Generated<number>;
    task_id: number;
    on_date: string;
    at: string;
    action: string;
    from_state: string;
    to_state: string;
    user_id: number | null;
    actor_name: string;
    note: string | null;
    period: string | null;
    figures: string | null;
    attachments: string | null;
    deadline: string | null;
  };
  commendation: {
    id: Generated<number>;
    recipient_kind: string;
    unit_id: number;
    person_name: string | null;
    person_rank: string | null;
    person_position: string | null;
    form: string;
    reason: string;
    decision_number: string;
    decision_date: string;
    campaign_id: number | null;
    period: string | null;
    created_at: string;
  };
  notification: {
    id: Generated<number>;
    user_id: number;
    kind: string;
    title: string;
    body: string;
    link: string | null;
    dedupe_key: string;
    created_at: string;
    read_at: string | null;
    /** none (not wanted or no address), pending, sent, failed */
    email_state: string;
  };
  notification_preference: { user_id: number; kind: string; in_app: number; email: number };
  notification_address: { user_id: number; email: string };
}
