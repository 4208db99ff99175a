// The live view's two actions, ending a session and removing a client, each after a reason typed
// in a dialog. The reason goes to the audit trail with the admin's id and is shown to the
// therapist in the call. The server's answer (or its problem detail) is shown under the heading;
// the live view itself shows the effect when the next event arrives.
import { askReason } from './admin-dialogs.js';
import { problemText } from './admin-format.js';
import { request } from './api.js';

const result = document.getElementById('action-result');
const error = document.getElementById('action-error');

let signedOut = () => {};

export function setUpActions(onSignedOut) {
  signedOut = onSignedOut;
}

async function act(path, reasonText, done) {
  result.textContent = '';
  error.textContent = '';
  try {
    await request('POST', path, { reason: reasonText });
    result.textContent = done;
  } catch (failure) {
    if (failure.status === 401) {
      signedOut();
      return;
    }
    error.textContent = problemText(failure, 'The action failed. Please try again.');
  }
}

export async function endSession(session) {
  const reasonText = await askReason({
    title: 'End session',
    intro: `End session ${session.sessionId} with ${session.therapistName || 'its therapist'} for everyone now? `
      + 'Their links stop working.',
    confirm: 'End session',
  });
  if (reasonText !== null) {
    await act(`/api/admin/sessions/${encodeURIComponent(session.sessionId)}/end`, reasonText,
      `Session ${session.sessionId} ended.`);
  }
}

export async function removeParticipant(session, participant) {
  const reasonText = await askReason({
    title: 'Remove participant',
    intro: `Remove participant ${participant.participantId} from session ${session.sessionId}? `
      + 'Their link stops working until the therapist reissues it.',
    confirm: 'Remove participant',
  });
  if (reasonText !== null) {
    await act(`/api/admin/sessions/${encodeURIComponent(session.sessionId)}/participants/`
      + `${encodeURIComponent(participant.participantId)}/remove`, reasonText,
      `Participant ${participant.participantId} removed from session ${session.sessionId}.`);
  }
}
