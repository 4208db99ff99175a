// What the join page says for each final close and end reason (notices.js).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { forClose, forEnd, LEFT, tooEarly } from '../../main/resources/alcove/web/js/notices.js';
import { CloseCode } from '../../main/resources/alcove/web/js/signaling.js';

describe('forClose', () => {
  test('each refusal the person can act on has its own notice', () => {
    const named = [CloseCode.AUTH_FAILED, CloseCode.LINK_EXPIRED, CloseCode.SESSION_CANCELLED, CloseCode.LINK_REISSUED,
      CloseCode.REMOVED, CloseCode.DECLINED, CloseCode.SEAT_TAKEN, CloseCode.SESSION_ENDED, CloseCode.REPLACED,
      CloseCode.SESSION_FULL, CloseCode.ACCOUNT_DISABLED, CloseCode.TOO_MANY_ATTEMPTS];
    const names = named.map((code) => forClose(code).name);
    assert.ok(!names.includes('error'), names.join());
    assert.equal(new Set(names).size, named.length);
  });

  test('any other close is "Something went wrong", never a bare code', () => {
    for (const code of [CloseCode.SERVER_ERROR, CloseCode.POLICY_VIOLATION, 4999]) {
      assert.equal(forClose(code).title, 'Something went wrong');
    }
  });
});

describe('forEnd', () => {
  test('only the therapist reads the admin\'s reason', () => {
    assert.match(forEnd('ended-by-admin', 'therapist', 'Fire drill').text, /Reason given: Fire drill$/);
    assert.doesNotMatch(forEnd('ended-by-admin', 'client', 'Fire drill').text, /Fire drill/);
  });

  test('the therapist who ended it is told the links no longer work', () => {
    assert.match(forEnd('ended-by-therapist', 'therapist').text, /You ended the session/);
    assert.match(forEnd('ended-by-therapist', 'client').text, /Your therapist ended the session/);
  });

  test('a cancellation and an unknown reason fall back to their close notices', () => {
    assert.equal(forEnd('cancelled', 'client'), forClose(CloseCode.SESSION_CANCELLED));
    assert.equal(forEnd('something-new', 'client'), forClose(CloseCode.SESSION_ENDED));
    assert.equal(forEnd('time-up', 'client').name, 'ended');
    assert.notEqual(LEFT.name, 'ended');
  });
});

describe('tooEarly', () => {
  test('says when the server\'s join window opens, not a window of its own', () => {
    const startsAt = '2031-05-06T14:00:00Z';
    assert.match(tooEarly(startsAt, '2031-05-06T13:45:00Z', 'Dr Ada').text, /You can join from 15 minutes before the start\./);
    assert.match(tooEarly(startsAt, '2031-05-06T13:30:00Z', 'Dr Ada').text, /from 30 minutes before/);
  });

  test('names the therapist when the server did', () => {
    assert.match(tooEarly('2031-05-06T14:00:00Z', '2031-05-06T13:45:00Z', 'Dr Ada').title, /^Your session with Dr Ada starts at /);
    assert.match(tooEarly('2031-05-06T14:00:00Z', '2031-05-06T13:45:00Z').title, /^Your session starts at /);
  });
});
