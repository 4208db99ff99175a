// The sessions on the dashboard, grouped into today, upcoming and recent past (by the viewer's
// own calendar day). The list is refreshed every few seconds; a card is only rebuilt when what
// it shows changed, so focus, an open link field or a half-read card survive a refresh.
import { sessionCard, signature } from './session-card.js';

const RECENT = 10;
const container = document.getElementById('sessions');

const cards = new Map(); // session id -> { signature, element }
const latest = new Map(); // session id -> session JSON from the last read
const shownLinks = new Map(); // client id -> reissued link, kept across redraws
let layout = '';

function dayKey(date) {
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

function groupsOf(sessions) {
  const today = new Date();
  today.setHours(0, 0, 0, 0);
  const tomorrow = new Date(today);
  tomorrow.setDate(today.getDate() + 1);
  const groups = { today: [], upcoming: [], recent: [] };
  for (const s of sessions) {
    const start = new Date(s.startsAt);
    if (start >= tomorrow) {
      groups.upcoming.push(s);
    } else if (dayKey(start) === dayKey(today)) {
      groups.today.push(s);
    } else {
      groups.recent.push(s);
    }
  }
  groups.recent = groups.recent.reverse().slice(0, RECENT);
  return groups;
}

const TITLES = { today: 'Today', upcoming: 'Upcoming', recent: 'Recent' };
const EMPTY = { today: 'No sessions today.', upcoming: 'No upcoming sessions.', recent: 'No past sessions.' };

/**
 * Shows the sessions (earliest first, as the API lists them). options: { owner(session) -> bool,
 * therapistName(session) -> string|null, changed() }.
 */
export function showSessions(sessions, options) {
  latest.clear();
  for (const s of sessions) {
    latest.set(s.id, s);
  }
  const groups = groupsOf(sessions);
  const nextLayout = JSON.stringify(Object.values(groups).map((g) => g.map((s) => s.id)));
  for (const s of sessions) {
    const owner = options.owner(s);
    const sig = signature(s, owner);
    const known = cards.get(s.id);
    if (!known || known.signature !== sig) {
      const element = sessionCard(s, {
        owner,
        therapistName: options.therapistName(s),
        current: () => latest.get(s.id) || s,
        changed: options.changed,
        shownLinks,
      });
      if (known) {
        known.element.replaceWith(element);
      }
      cards.set(s.id, { signature: sig, element });
    }
  }
  for (const id of [...cards.keys()]) {
    if (!latest.has(id)) {
      cards.get(id).element.remove();
      cards.delete(id);
    }
  }
  if (nextLayout === layout) {
    // Same sessions in the same places: changed cards were swapped in place above.
    return;
  }
  layout = nextLayout;
  const sections = Object.entries(groups).map(([key, list]) => {
    const section = document.createElement('section');
    section.className = 'group';
    section.setAttribute('aria-labelledby', `group-${key}`);
    const title = document.createElement('h3');
    title.id = `group-${key}`;
    title.textContent = TITLES[key];
    section.append(title);
    if (list.length === 0) {
      const none = document.createElement('p');
      none.className = 'hint';
      none.textContent = EMPTY[key];
      section.append(none);
    }
    for (const s of list) {
      section.append(cards.get(s.id).element);
    }
    return section;
  });
  container.replaceChildren(...sections);
}
