export type Include = 'approved' | 'submitted' | 'draft';

/** Which reports the figures count, from the page's URL: submitted, approved and locked ones unless asked
 * otherwise. The switch is carried in the URL like the period, and every view that shows figures reads it. */
export function includeOf(params: Record<string, string>): Include {
  return params.include === 'approved' || params.include === 'draft' ? params.include : 'submitted';
}

/** The API's `include` parameter: left out for the default. */
export function includeParam(include: Include): string | null {
  return include === 'submitted' ? null : include;
}
