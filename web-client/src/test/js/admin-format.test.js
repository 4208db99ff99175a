// How the admin console writes lengths, times and problems (admin-format.js).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { length, problemText, when } from '../../main/resources/alcove/web/js/admin-format.js';

describe('length', () => {
  test('seconds, minutes, then hours with two-digit minutes', () => {
    assert.equal(length(0), '0 s');
    assert.equal(length(59.9), '59 s');
    assert.equal(length(60), '1 min');
    assert.equal(length(3599), '59 min');
    assert.equal(length(3600), '1 h 00 min');
    assert.equal(length(3900), '1 h 05 min');
  });

  test('a negative length (clock skew) reads as none', () => {
    assert.equal(length(-5), '0 s');
  });
});

describe('when', () => {
  const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

  test('today is the clock time alone', () => {
    const now = new Date();
    assert.equal(when(now.toISOString()), time.format(now));
  });

  test('another day also names the date', () => {
    const then = new Date('2020-03-04T05:06:07Z');
    const text = when(then.toISOString());
    assert.notEqual(text, time.format(then));
    assert.match(text, /2020/);
  });

  test('nothing for no instant', () => {
    assert.equal(when(null), '');
    assert.equal(when(''), '');
  });
});

describe('problemText', () => {
  test('an unreachable server is said in words', () => {
    assert.match(problemText({ status: 0 }, 'fallback'), /could not be reached/);
  });

  test('the problem document\'s detail, else its title, else the fallback', () => {
    assert.equal(problemText({ status: 409, detail: 'Already ended.', title: 'Conflict' }, 'fallback'), 'Already ended.');
    assert.equal(problemText({ status: 409, title: 'Conflict' }, 'fallback'), 'Conflict');
    assert.equal(problemText({ status: 500 }, 'fallback'), 'fallback');
    assert.equal(problemText(null, 'fallback'), 'fallback');
  });
});
