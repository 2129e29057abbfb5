import type { Migration } from 'kysely';
import * as m0001 from './0001_initial.ts';
import * as m0003 from './0003_second_factor.ts';
import * as m0004 from './0004_value_source.ts';
import * as m0005 from './0005_briefing.ts';
import * as m0006 from './0006_report_draft.ts';
import * as m0007 from './0007_secrecy_override.ts';
import * as m0008 from './0008_text_secrecy.ts';
import * as m0009 from './0009_audit_append_only.ts';
import * as m0010 from './0010_report_status.ts';
import * as m0011 from './0011_report_issue.ts';
import * as m0012 from './0012_notifications.ts';
import * as m0013 from './0013_uids.ts';
import * as m0014 from './0014_figures_by_year.ts';
import * as m0015 from './0015_audit_checkpoints.ts';
import * as m0016 from './0016_text_versions.ts';
import * as m0020 from './0020_report_status_coverage.ts';
import * as m0021 from './0021_data_generation.ts';
import * as m0022 from './0022_one_figure_index.ts';
import * as m0023 from './0023_year_to_date_rollups.ts';
import * as m0024 from './0024_audit_append.ts';
import * as m0025 from './0025_session_generation.ts';
import * as m0026 from './0026_figures_in_key_order.ts';
import * as m0027 from './0027_rollups_updated_in_place.ts';

/** Every migration, in order. Landed migrations are never edited; changes come as new numbered files. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': m0001,
  '0003_second_factor': m0003,
  '0004_value_source': m0004,
  '0005_briefing': m0005,
  '0006_report_draft': m0006,
  '0007_secrecy_override': m0007,
  '0008_text_secrecy': m0008,
  '0009_audit_append_only': m0009,
  '0010_report_status': m0010,
  '0011_report_issue': m0011,
  '0012_notifications': m0012,
  '0013_uids': m0013,
  '0014_figures_by_year': m0014,
  '0015_audit_checkpoints': m0015,
  '0016_text_versions': m0016,
  '0020_report_status_coverage': m0020,
  '0021_data_generation': m0021,
  '0022_one_figure_index': m0022,
  '0023_year_to_date_rollups': m0023,
  '0024_audit_append': m0024,
  '0025_session_generation': m0025,
  '0026_figures_in_key_order': m0026,
  '0027_rollups_updated_in_place': m0027,
};
