import type { Transaction } from 'kysely';

/**
 * Demo look-up data (electronic licences and the joint credit-discipline list). The ID numbers and
 * USCCs carry valid check characters so the window's validation accepts them in a demo.
 */
export const DEMO_PEOPLE = {
  /** Holds a household register, a marriage certificate and a driving licence; credit clear. */
  withLicences: '460100198503120010',
  /** On the list of dishonest judgment debtors (失信被执行人). */
  creditHit: '460000199001010021',
  /** Nothing on file. */
  nobody: '46020019781120003X',
} as const;

export const DEMO_ENTERPRISES = {
  withLicences: '91460000MA5T0001X7',
  creditHit: '91460100MA5T0002XD',
} as const;

const LICENCES = [
  { holder: DEMO_PEOPLE.withLicences, type: '11100000000013338W001', name: '居民户口簿', issuer: '海口市公安局', issued: '2015-06-01', until: null },
  { holder: DEMO_PEOPLE.withLicences, type: '11100000000014338X002', name: '结婚证', issuer: '海口市民政局', issued: '2012-10-08', until: null },
  { holder: DEMO_PEOPLE.withLicences, type: '11100000000013338W003', name: '机动车驾驶证', issuer: '海南省公安厅交通警察总队', issued: '2019-03-15', until: '2029-03-15' },
  { holder: DEMO_ENTERPRISES.withLicences, type: '11100000000018338C004', name: '营业执照', issuer: '海南省市场监督管理局', issued: '2018-01-20', until: null },
  { holder: DEMO_ENTERPRISES.withLicences, type: '11100000000018338C005', name: '食品经营许可证', issuer: '海口市市场监督管理局', issued: '2021-07-01', until: '2026-06-30' },
];

const CREDIT = [
  { subject: DEMO_PEOPLE.creditHit, type: 'person', list: '失信被执行人名单', authority: '海口市中级人民法院', since: '2023-04-11', measure: '限制高消费；限制担任法定代表人' },
  { subject: DEMO_ENTERPRISES.creditHit, type: 'enterprise', list: '严重违法失信主体名单', authority: '海南省市场监督管理局', since: '2024-02-02', measure: '限制参与政府采购；列为重点监管对象' },
];

/** Licence ids follow 1.2.156.3005.2.<type>.<issuer USCI>.<serial>.<version>.<check>; the check is demo-only. */
export async function seedDemoLookups(trx: Transaction<any>): Promise<void> {
  let serial = 1;
  for (const l of LICENCES) {
    const licenceId = `1.2.156.3005.2.${l.type}.${DEMO_ENTERPRISES.withLicences}.${String(serial++).padStart(6, '0')}.001.${serial % 10}`;
    await trx
      .insertInto('licences')
      .values({ licence_id: licenceId, holder_id: l.holder, type: l.type, name: l.name, issuer: l.issuer, issued_on: l.issued, valid_until: l.until })
      .execute();
  }
  for (const c of CREDIT) {
    await trx
      .insertInto('credit_records')
      .values({ subject: c.subject, subject_type: c.type, list: c.list, authority: c.authority, since: c.since, measure: c.measure })
      .execute();
  }
}
