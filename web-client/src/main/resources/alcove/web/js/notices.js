// What the page says when the session cannot be joined or is over: one heading and one
// explanation per close code and end reason, so nobody is left with a hang or a bare code.

import { CloseCode } from './signaling.js';

const localTime = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const localDay = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });

/** "14:00" in the reader's own time zone. */
export function clock(instant) {
  return localTime.format(new Date(instant));
}

/** startsAt, opensAt: instants from the server's not-yet-open error (its join window, not ours). */
export function tooEarly(startsAt, opensAt, therapistName) {
  const start = new Date(startsAt);
  const today = start.toDateString() === new Date().toDateString();
  const minutesBefore = Math.round((start.getTime() - new Date(opensAt).getTime()) / 60_000);
  return {
    name: 'too-early',
    title: therapistName ? `Your session with ${therapistName} starts at ${clock(start)}`
      : `Your session starts at ${clock(start)}`,
    text: `${today ? 'Today' : localDay.format(start)}. You can join from ${minutesBefore} minutes before the start. `
      + 'Keep this page open: it lets you in by itself when it is time.',
  };
}

const BY_CLOSE = new Map([
  [CloseCode.AUTH_FAILED, { name: 'invalid-link', title: 'This link does not work',
    text: 'The link is incomplete or not valid. Open it again from your email, or ask your therapist for a new one.' }],
  [CloseCode.LINK_EXPIRED, { name: 'expired', title: 'This link has expired',
    text: 'The time for this session is over. Ask your therapist for a new appointment.' }],
  [CloseCode.SESSION_CANCELLED, { name: 'cancelled', title: 'This session was cancelled',
    text: 'Your therapist cancelled this session. The link no longer works.' }],
  [CloseCode.LINK_REISSUED, { name: 'reissued', title: 'This link has been replaced',
    text: 'A newer link was sent for this session. Please use the most recent link you received.' }],
  [CloseCode.REMOVED, { name: 'removed', title: 'You were removed from this session',
    text: 'You can no longer join this session with this link.' }],
  [CloseCode.DECLINED, { name: 'declined', title: 'Your therapist could not let you in',
    text: 'You can no longer join this session with this link. Contact your therapist if you think this is a mistake.' }],
  [CloseCode.SEAT_TAKEN, { name: 'seat-taken', title: 'This link is already open on another device',
    text: 'Someone is using this link right now. If that is you, continue there. If not, contact your therapist.' }],
  [CloseCode.SESSION_ENDED, { name: 'ended', title: 'The session has ended', text: 'Thank you. You can close this page.' }],
  [CloseCode.REPLACED, { name: 'replaced', title: 'The session continues in another window',
    text: 'You opened this link in another window or on another device. This page is no longer connected.' }],
  [CloseCode.SESSION_FULL, { name: 'full', title: 'This session is full',
    text: 'All places in this session are taken. Contact your therapist.' }],
  [CloseCode.ACCOUNT_DISABLED, { name: 'account-disabled', title: 'Your account was disabled',
    text: 'An administrator of your practice disabled your staff account. Contact them to have it re-enabled.' }],
  [CloseCode.TOO_MANY_ATTEMPTS, { name: 'too-many-attempts', title: 'Too many failed attempts',
    text: 'Too many failed attempts from this network. Try again in a few minutes.' }],
]);

const UNEXPECTED = { name: 'error', title: 'Something went wrong',
  text: 'The connection to the session was closed. Reload the page to try again.' };

/** The notice for a close the page does not recover from. */
export function forClose(code) {
  return BY_CLOSE.get(code) || UNEXPECTED;
}

export const MISSING_LINK = { name: 'invalid-link', title: 'This link does not work',
  text: 'Open the link from your email again; it must be complete. Ask your therapist for a new one if it still fails.' };

export const LEFT = { name: 'left', title: 'You left the session',
  text: 'You can rejoin while the session is still running.' };

/** The notice when the session is over, by the reason in session-ended and who reads it. */
export function forEnd(reason, role, adminReason) {
  switch (reason) {
    case 'ended-by-therapist':
      return role === 'therapist'
        ? { name: 'ended', title: 'The session has ended', text: 'You ended the session for everyone. The links no longer work.' }
        : { name: 'ended', title: 'The session has ended', text: 'Your therapist ended the session. Thank you. You can close this page.' };
    case 'ended-by-admin':
      // Only the therapist is told the admin's reason (admin-action); it is shown as plain text.
      return role === 'therapist' && adminReason
        ? { name: 'ended', title: 'The session has ended', text: `An administrator of the practice ended the session. Reason given: ${adminReason}` }
        : { name: 'ended', title: 'The session has ended', text: 'The practice ended the session. You can close this page.' };
    case 'time-up':
      return { name: 'ended', title: 'The session has ended', text: 'The booked time is up. Thank you. You can close this page.' };
    case 'cancelled':
      return BY_CLOSE.get(CloseCode.SESSION_CANCELLED);
    default:
      return BY_CLOSE.get(CloseCode.SESSION_ENDED);
  }
}
