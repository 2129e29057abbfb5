import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addressMatches, isAddressOrBlock, metricsAllowed, normaliseAddress } from './access.ts';

describe('who may read /metrics', () => {
  it('matches exact addresses and CIDR blocks of both families, IPv4-mapped clients included', () => {
    assert.equal(addressMatches('10.1.2.3', '10.1.2.3'), true);
    assert.equal(addressMatches('10.1.2.4', '10.1.2.3'), false);
    assert.equal(addressMatches('10.1.2.3', '10.0.0.0/8'), true);
    assert.equal(addressMatches('11.1.2.3', '10.0.0.0/8'), false);
    assert.equal(addressMatches('::ffff:192.168.5.9', '192.168.5.0/24'), true);
    assert.equal(addressMatches('192.168.6.9', '192.168.5.0/24'), false);
    assert.equal(addressMatches('fd00::1:2', 'fd00::/16'), true);
    assert.equal(addressMatches('fe80::1', 'fd00::/16'), false);
    assert.equal(addressMatches('::1', '::1'), true);
    assert.equal(addressMatches('127.0.0.1', '::1'), false);
    assert.equal(addressMatches('1.2.3.4', '0.0.0.0/0'), true);
    assert.equal(normaliseAddress('::FFFF:10.0.0.1'), '10.0.0.1');
  });

  it('refuses everyone when nothing is configured, and a wrong or malformed token', () => {
    const closed = { token: undefined, allow: [] };
    assert.equal(metricsAllowed(closed, { address: '127.0.0.1', authorization: undefined }), false);
    assert.equal(metricsAllowed(closed, { address: '127.0.0.1', authorization: 'Bearer ' }), false);
    const withToken = { token: 'a-long-enough-secret-token', allow: [] };
    assert.equal(
      metricsAllowed(withToken, { address: '8.8.8.8', authorization: 'Bearer a-long-enough-secret-token' }),
      true,
    );
    assert.equal(
      metricsAllowed(withToken, { address: '8.8.8.8', authorization: 'Bearer a-long-enough-secret-tokeN' }),
      false,
    );
    assert.equal(
      metricsAllowed(withToken, { address: '8.8.8.8', authorization: 'a-long-enough-secret-token' }),
      false,
    );
    assert.equal(
      metricsAllowed(
        { token: undefined, allow: ['127.0.0.1'] },
        { address: '127.0.0.1', authorization: undefined },
      ),
      true,
    );
  });

  it('accepts only addresses and blocks in the configuration', () => {
    for (const ok of ['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8'])
      assert.equal(isAddressOrBlock(ok), true, ok);
    for (const bad of ['localhost', '10.0.0.0/33', '10.0.0.0/', '::1/129', '10.0.0/8', '*'])
      assert.equal(isAddressOrBlock(bad), false, bad);
  });
});
