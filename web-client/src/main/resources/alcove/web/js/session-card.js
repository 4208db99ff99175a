// One session on the dashboard: its time, state, clients and, for the therapist who owns it,
// the actions (copy or reissue a client's link, start, cancel). Handlers read the session's
// current data through `current()` at click time, since the list is refreshed every few seconds.
import { api } from './api.js';
import { copyToClipboard, linkBox } from './link-box.js';

const DAY_TIME = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

export function timeOf(iso) {
  return TIME.format(new Date(iso));
}

/** The state people see: stored status, refined by the live room when there is one. */
export function stateOf(session) {
  switch (session.status) {
    case 'cancelled':
      return { key: 'cancelled', text: 'Cancelled' };
    case 'ended':
      return { key: 'ended', text: 'Ended' };
    default: {
      const live = session.live;
      if (live && live.waiting > 0) {
        return { key: 'waiting', text: live.waiting === 1 ? 'Client waiting' : `${live.waiting} clients waiting` };
      }
      if (live && live.inCall > 0) {
        return { key: 'in-progress', text: 'In progress' };
      }
      return { key: 'scheduled', text: 'Scheduled' };
    }
  }
}

/** What decides whether a card must be redrawn (links are re-signed on every read, so not them). */
export function signature(session, owner) {
  return JSON.stringify([session.status, session.startsAt, session.endsAt, session.live || null, owner,
    session.therapistId, (session.clientLinks || []).map((c) => [c.clientId, c.name])]);
}

/**
 * Builds the card. options: { owner, therapistName, current: () => session, changed: () => void,
 * shownLinks: Map clientId -> link (a reissued link stays shown across redraws) }.
 */
export function sessionCard(session, options) {
  const card = document.createElement('article');
  card.className = 'session card';
  card.dataset.sessionId = session.id;
  const headingId = `session-${session.id}`;
  card.setAttribute('aria-labelledby', headingId);

  const head = document.createElement('div');
  head.className = 'session-head';
  const heading = document.createElement('h4');
  heading.id = headingId;
  heading.textContent = `${DAY_TIME.format(new Date(session.startsAt))}, ${timeOf(session.startsAt)}\u2013${timeOf(session.endsAt)}`;
  const state = stateOf(session);
  const badge = document.createElement('span');
  badge.className = `state state-${state.key}`;
  badge.textContent = state.text;
  head.append(heading, badge);
  card.append(head);

  if (options.therapistName) {
    const therapist = document.createElement('p');
    therapist.className = 'hint';
    therapist.textContent = `Therapist: ${options.therapistName}`;
    card.append(therapist);
  }

  const error = document.createElement('p');
  error.className = 'error';
  error.setAttribute('role', 'alert');
  const scheduled = session.status === 'scheduled';

  const clients = document.createElement('ul');
  clients.className = 'clients';
  clients.setAttribute('aria-label', 'Clients');
  for (const client of session.clientLinks || []) {
    clients.append(clientItem(session, client, options, error, scheduled));
  }
  card.append(clients);

  if (options.owner && scheduled) {
    const actions = document.createElement('div');
    actions.className = 'actions';
    const startButton = button('Start session', 'primary', () => start(options, error));
    const cancelButton = button('Cancel session', 'danger', () => cancel(options, error));
    // Several cards have these buttons: the description says which session each one is for.
    for (const b of [startButton, cancelButton]) {
      b.setAttribute('aria-describedby', headingId);
    }
    actions.append(startButton, cancelButton);
    card.append(actions);
  }
  card.append(error);
  return card;
}

function button(text, kind, onClick, label) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  if (kind) {
    b.className = kind;
  }
  if (label) {
    b.setAttribute('aria-label', label);
  }
  b.addEventListener('click', async () => {
    b.disabled = true;
    try {
      await onClick();
    } finally {
      b.disabled = false;
    }
  });
  return b;
}

function clientItem(session, client, options, error, scheduled) {
  const item = document.createElement('li');
  const name = document.createElement('span');
  name.className = 'client-name';
  name.textContent = client.name;
  item.append(name);
  if (!(options.owner && scheduled)) {
    return item;
  }
  const box = linkBox(`${session.id}-${client.clientId}`, client.name);
  const linkNow = () => {
    const latest = (options.current().clientLinks || []).find((c) => c.clientId === client.clientId);
    return options.shownLinks.get(client.clientId) || (latest && latest.link);
  };
  const actions = document.createElement('span');
  actions.className = 'actions';
  actions.append(
    button('Copy link', null, async () => {
      error.textContent = '';
      const link = linkNow();
      if (!link) {
        error.textContent = 'This link is not available any more. Reload the page.';
        return;
      }
      const copied = await copyToClipboard(link);
      box.show(link, copied ? 'Copied to the clipboard.' : 'Select the link and copy it.');
    }, `Copy link for ${client.name}`),
    button('Reissue link', null, async () => {
      error.textContent = '';
      if (!window.confirm(`Reissue the link for ${client.name}? Their current link will stop working.`)) {
        return;
      }
      try {
        const reissued = await api.reissue(session.id, client.clientId);
        options.shownLinks.set(client.clientId, reissued.link);
        box.show(reissued.link, `New link for ${client.name}; the old one no longer works.`);
      } catch (failure) {
        error.textContent = failureText(failure, 'The link could not be reissued.');
        options.changed();
      }
    }, `Reissue link for ${client.name}`),
  );
  item.append(actions, box.element);
  const shown = options.shownLinks.get(client.clientId);
  if (shown) {
    box.show(shown, `New link for ${client.name}; the old one no longer works.`);
  }
  return item;
}

async function start(options, error) {
  error.textContent = '';
  try {
    // A fresh read: the list may be a few seconds old and the link must be current.
    const session = await api.session(options.current().id);
    if (!session.therapistLink) {
      error.textContent = 'This session can no longer be started.';
      options.changed();
      return;
    }
    window.location.assign(session.therapistLink);
  } catch (failure) {
    error.textContent = failureText(failure, 'The session could not be opened.');
  }
}

async function cancel(options, error) {
  error.textContent = '';
  const session = options.current();
  const when = `${DAY_TIME.format(new Date(session.startsAt))} at ${timeOf(session.startsAt)}`;
  if (!window.confirm(`Cancel the session on ${when}? Every link for it will stop working.`)) {
    return;
  }
  try {
    await api.cancel(session.id);
  } catch (failure) {
    error.textContent = failureText(failure, 'The session could not be cancelled.');
  }
  options.changed();
}

function failureText(failure, fallback) {
  if (failure.status === 409) {
    return 'This session has already ended or been cancelled.';
  }
  if (failure.status === 0) {
    return `${fallback} The server could not be reached.`;
  }
  return fallback;
}
