/**
 * A DHIS2 client in plain `fetch` calls, following DHIS2's documented Web API for data values (read the metadata,
 * POST /api/dataValueSets as JSON, CSV and XML with dryRun and importStrategy, GET /api/dataValueSets), against a
 * running giaoban. The only giaoban-specific step is signing in: a session cookie and its CSRF token (returned
 * by POST /api/auth/login as `csrfToken`, sent back in the `x-csrf-token` header) instead of DHIS2's Basic auth.
 *
 *   node --import tsx scripts/dhis2-client.ts http://127.0.0.1:3000 USER PASSWORD UNIT_CODE PERIOD
 *
 * Throws on the first answer that is not what DHIS2's documentation promises; returns the steps it checked.
 */

interface Summary {
  status: string;
  importCount: { imported: number; updated: number; ignored: number; deleted: number };
  conflicts: Array<{ object: string; value: string }>;
  dataSetComplete?: string;
}
interface Ref {
  id: string;
  code: string;
}

function expect(condition: boolean, what: string, got: unknown): void {
  if (!condition) throw new Error(`${what}: got ${JSON.stringify(got)}`);
}

export async function runDhis2Client(options: {
  baseUrl: string;
  username: string;
  password: string;
  unit: string;
  period: string;
}): Promise<string[]> {
  const steps: string[] = [];
  const login = await fetch(`${options.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: options.username, password: options.password }),
  });
  expect(login.ok, 'sign in', login.status);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = (type?: string): Record<string, string> => ({
    cookie,
    'x-csrf-token': csrfToken,
    ...(type ? { 'content-type': type } : {}),
  });
  const post = async (query: string, type: string, body: string) => {
    const response = await fetch(`${options.baseUrl}/api/dataValueSets${query}`, {
      method: 'POST',
      headers: headers(type),
      body,
    });
    return { status: response.status, summary: (await response.json()) as Summary };
  };

  // 1. Metadata: the uids of the data set, the organisation unit, two data elements and an option combo.
  const meta = (await (await fetch(`${options.baseUrl}/api/metadata`, { headers: headers() })).json()) as {
    dataSets: Ref[];
    dataElements: Array<Ref & { categoryCombo: { id: string } }>;
    categoryOptionCombos: Array<Ref & { categoryCombo: { id: string } }>;
    organisationUnits: Array<Ref & { openingDate: string; closedDate?: string }>;
  };
  const dataSet = meta.dataSets.find((d) => d.code === 'BC-THANG');
  const ou = meta.organisationUnits.find((o) => o.code === options.unit && !o.closedDate);
  const fire = meta.dataElements.find((d) => d.code === 'fire.cases');
  const drugs = meta.dataElements.find((d) => d.code === 'drug.seized_kg');
  const heroin = meta.categoryOptionCombos.find((c) => c.code === 'drug.seized_kg:heroin');
  expect(
    Boolean(dataSet && ou && fire && drugs && heroin),
    'metadata has BC-THANG, the unit and elements',
    null,
  );
  if (!dataSet || !ou || !fire || !drugs || !heroin) return steps;
  expect(
    heroin.categoryCombo.id === drugs.categoryCombo.id,
    'option combo belongs to its category combo',
    heroin,
  );
  steps.push('metadata');

  const get = async (query = '') => {
    const response = await fetch(
      `${options.baseUrl}/api/dataValueSets?dataSet=${dataSet.id}&period=${options.period}&orgUnit=${ou.id}${query}`,
      { headers: headers() },
    );
    expect(response.ok, 'GET dataValueSets', response.status);
    return response;
  };
  const valuesNow = async () => {
    const set = (await (await get()).json()) as {
      dataValues: Array<{
        dataElement: string;
        categoryOptionCombo: string;
        value: string;
        comment?: string;
      }>;
    };
    return Object.fromEntries(
      set.dataValues
        .filter((v) => v.dataElement === fire.id || v.dataElement === drugs.id)
        .map((v) => [`${v.dataElement}.${v.categoryOptionCombo}`, v.value]),
    );
  };
  const before = await valuesNow();

  // 2. JSON, dry run first: the summary counts, nothing is written.
  const set = {
    dataSet: dataSet.id,
    period: options.period,
    orgUnit: ou.id,
    dataValues: [
      { dataElement: fire.id, categoryOptionCombo: 'HllvX50cXC0', value: '4', comment: 'qua DHIS2' },
      { dataElement: drugs.id, categoryOptionCombo: heroin.id, value: '1.25' },
    ],
  };
  const dry = await post('?dryRun=true', 'application/json', JSON.stringify(set));
  expect(dry.status === 200 && dry.summary.status === 'SUCCESS', 'dry run succeeds', dry);
  expect(
    dry.summary.importCount.imported + dry.summary.importCount.updated === 2,
    'dry run counts 2',
    dry.summary,
  );
  expect(
    JSON.stringify(await valuesNow()) === JSON.stringify(before),
    'dry run writes nothing',
    await valuesNow(),
  );
  steps.push('json dry run');

  const real = await post('', 'application/json', JSON.stringify(set));
  expect(real.status === 200 && real.summary.status === 'SUCCESS', 'JSON import succeeds', real);
  const after = await valuesNow();
  expect(after[`${fire.id}.HllvX50cXC0`] === '4', 'fire.cases stored as 4', after);
  expect(after[`${drugs.id}.${heroin.id}`] === '1.25', 'heroin stored as 1.25 (machine notation)', after);
  steps.push('json import and read back');

  // 3. DHIS2's CSV: an update and a deletion.
  const csv = [
    'dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup,deleted',
    `${fire.id},${options.period},${ou.id},HllvX50cXC0,HllvX50cXC0,5,client,2026-12-01,,false,false`,
    `${drugs.id},${options.period},${ou.id},${heroin.id},HllvX50cXC0,1.25,client,2026-12-01,,false,true`,
  ].join('\n');
  const fromCsv = await post('', 'application/csv', csv);
  expect(fromCsv.status === 200, 'CSV import succeeds', fromCsv);
  expect(
    fromCsv.summary.importCount.updated === 1 && fromCsv.summary.importCount.deleted === 1,
    'CSV updates one value and deletes one',
    fromCsv.summary,
  );
  const afterCsv = await valuesNow();
  expect(afterCsv[`${drugs.id}.${heroin.id}`] === undefined, 'the deleted value is gone', afterCsv);
  steps.push('csv update and delete');

  // 4. What giaoban cannot hold is refused with a reason, and nothing of the file is written.
  const refused = await post(
    '',
    'application/json',
    JSON.stringify({
      ...set,
      dataValues: [
        { dataElement: fire.id, value: '9' },
        {
          dataElement: fire.id,
          value: '9',
          attributeOptionCombo: 'xYerKDKCefk',
          period: `${options.period.slice(0, 4)}Q4`,
        },
      ],
    }),
  );
  expect(refused.status === 409 && refused.summary.status === 'ERROR', 'refused with 409 ERROR', refused);
  expect(refused.summary.conflicts.length >= 1, 'conflicts name the reason', refused.summary);
  expect((await valuesNow())[`${fire.id}.HllvX50cXC0`] === '5', 'nothing written', await valuesNow());
  steps.push('refusal with conflicts');

  // 5. XML, then importStrategy=DELETE.
  const xml = `<dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0" dataSet="${dataSet.id}" period="${options.period}" orgUnit="${ou.id}">
  <dataValue dataElement="${fire.id}" categoryOptionCombo="HllvX50cXC0" value="6"/>
</dataValueSet>`;
  const fromXml = await post('', 'application/xml', xml);
  expect(fromXml.status === 200 && fromXml.summary.importCount.updated === 1, 'XML updates', fromXml);
  const deleting = await post('?importStrategy=DELETE', 'application/xml', xml);
  expect(deleting.summary.importCount.deleted === 1, 'DELETE strategy deletes', deleting);
  expect((await valuesNow())[`${fire.id}.HllvX50cXC0`] === undefined, 'deleted', await valuesNow());
  steps.push('xml and delete strategy');

  // 6. The same values as DHIS2's CSV download.
  const asCsv = await get('&format=csv');
  expect(
    (asCsv.headers.get('content-type') ?? '').includes('csv'),
    'CSV download',
    asCsv.headers.get('content-type'),
  );
  expect((await asCsv.text()).startsWith('dataelement,period,orgunit'), 'DHIS2 CSV header', null);
  steps.push('csv download');
  return steps;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [baseUrl, username, password, unit, period] = process.argv.slice(2);
  if (!baseUrl || !username || !password || !unit || !period) {
    process.stderr.write('usage: dhis2-client.ts BASE_URL USER PASSWORD UNIT_CODE PERIOD\n');
    process.exit(2);
  }
  runDhis2Client({ baseUrl, username, password, unit, period }).then(
    (steps) => process.stdout.write(`ok: ${steps.join(', ')}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
