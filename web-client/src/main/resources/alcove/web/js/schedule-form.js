// The "Schedule a session" form: date and time in the therapist's own time zone (turned into an
// ISO instant here, so the server only ever sees UTC), a length, and client rows up to the
// server's limit. Errors, ours or the server's, are listed at the top and on the field, each
// naming the field.
import { api } from './api.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const form = document.getElementById('schedule');
const date = document.getElementById('start-date');
const time = document.getElementById('start-time');
const duration = document.getElementById('duration');
const rows = document.getElementById('client-rows');
const addClient = document.getElementById('add-client');
const summary = document.getElementById('schedule-errors');
const result = document.getElementById('schedule-result');
const zone = document.getElementById('time-zone');
const maxClients = document.getElementById('max-clients');

// GET /api/sessions/limits: { maxClients, maxMinutes, maxPastStartMinutes }, the numbers the
// server checks a booking against (the client count follows from its room size).
let limits = null;

/** Wires the form with the server's booking limits; onBooked(session) runs after a successful booking. */
export function setUpScheduleForm(bookingLimits, onBooked) {
  limits = bookingLimits;
  duration.max = String(limits.maxMinutes);
  maxClients.textContent = String(limits.maxClients);
  zone.textContent = `(${Intl.DateTimeFormat().resolvedOptions().timeZone})`;
  setDefaultStart();
  addRow();
  addClient.addEventListener('click', () => {
    addRow().querySelector('input').focus();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await submit(onBooked);
  });
}

function pad(n) {
  return String(n).padStart(2, '0');
}

function setDefaultStart() {
  // The next quarter hour, in local time.
  const start = new Date(Date.now() + 15 * 60_000);
  start.setMinutes(Math.ceil(start.getMinutes() / 15) * 15, 0, 0);
  date.value = `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`;
  time.value = `${pad(start.getHours())}:${pad(start.getMinutes())}`;
}

function addRow() {
  const row = document.createElement('li');
  row.className = 'client-row';
  row.append(field('Name', 'text', 'name'), field('Email (optional)', 'email', 'email'));
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'remove';
  remove.textContent = 'Remove';
  remove.addEventListener('click', () => {
    row.remove();
    renumber();
    addClient.focus();
  });
  row.append(remove);
  rows.append(row);
  renumber();
  return row;
}

function field(label, type, name) {
  const wrap = document.createElement('div');
  wrap.className = 'field';
  const labelEl = document.createElement('label');
  const input = document.createElement('input');
  input.type = type;
  input.name = name;
  input.autocomplete = 'off';
  labelEl.dataset.base = label;
  wrap.append(labelEl, input);
  return wrap;
}

/** Keeps labels ("Client 2 name"), ids and the Add button in step with the rows. */
function renumber() {
  [...rows.children].forEach((row, i) => {
    for (const wrap of row.querySelectorAll('.field')) {
      const labelEl = wrap.querySelector('label');
      const input = wrap.querySelector('input');
      input.id = `client-${i}-${input.name}`;
      labelEl.htmlFor = input.id;
      labelEl.textContent = `Client ${i + 1} ${labelEl.dataset.base.toLowerCase()}`;
    }
    row.querySelector('.remove').setAttribute('aria-label', `Remove client ${i + 1}`);
  });
  addClient.disabled = rows.children.length >= limits.maxClients;
}

/** The input for a server field path (startsAt, clients[1].email ...), and its human name. */
function target(path) {
  const client = /^clients\[(\d+)\]\.(name|email)$/.exec(path || '');
  if (client) {
    const input = document.getElementById(`client-${client[1]}-${client[2]}`);
    return { input, label: `Client ${Number(client[1]) + 1} ${client[2]}` };
  }
  switch (path) {
    case 'startsAt':
      return { input: date, label: 'Start' };
    case 'durationMinutes':
      return { input: duration, label: 'Length' };
    case 'clients':
      return { input: addClient, label: 'Clients' };
    default:
      return { input: null, label: 'Booking' };
  }
}

function validate() {
  const errors = [];
  if (!date.value || !time.value) {
    errors.push(['startsAt', 'enter a date and a start time.']);
  } else if (Date.parse(booking().startsAt) < Date.now() - limits.maxPastStartMinutes * 60_000) {
    // A start a little in the past is allowed, for booking a session that is already running.
    errors.push(['startsAt', 'this time has passed; choose a time from now on.']);
  }
  const minutes = Number(duration.value);
  if (!duration.value || !Number.isInteger(minutes) || minutes < 1 || minutes > limits.maxMinutes) {
    errors.push(['durationMinutes', `must be a whole number of minutes from 1 to ${limits.maxMinutes}.`]);
  }
  const count = rows.children.length;
  if (count < 1 || count > limits.maxClients) {
    errors.push(['clients', `add at least one client (at most ${limits.maxClients}).`]);
  }
  [...rows.children].forEach((row, i) => {
    const name = row.querySelector('input[name="name"]').value.trim();
    const email = row.querySelector('input[name="email"]').value.trim();
    if (!name) {
      errors.push([`clients[${i}].name`, 'enter a name.']);
    }
    if (email && !EMAIL.test(email)) {
      errors.push([`clients[${i}].email`, 'enter an email address like name@example.org, or leave it empty.']);
    }
  });
  return errors;
}

function clearErrors() {
  summary.hidden = true;
  summary.querySelector('ul').replaceChildren();
  for (const el of form.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
  }
  result.textContent = '';
}

/** errors: [fieldPath, message] pairs. */
function showErrors(errors) {
  const list = summary.querySelector('ul');
  for (const [path, message] of errors) {
    const { input, label } = target(path);
    const item = document.createElement('li');
    item.textContent = `${label}: ${message}`;
    list.append(item);
    if (input && input !== addClient) {
      input.setAttribute('aria-invalid', 'true');
    }
  }
  summary.hidden = false;
  summary.focus();
}

function booking() {
  // new Date(y, m, d, h, min) reads the fields in the browser's own time zone.
  const [y, m, d] = date.value.split('-').map(Number);
  const [h, min] = time.value.split(':').map(Number);
  return {
    startsAt: new Date(y, m - 1, d, h, min).toISOString(),
    durationMinutes: Number(duration.value),
    clients: [...rows.children].map((row) => {
      const client = { name: row.querySelector('input[name="name"]').value.trim() };
      const email = row.querySelector('input[name="email"]').value.trim();
      if (email) {
        client.email = email;
      }
      return client;
    }),
  };
}

async function submit(onBooked) {
  clearErrors();
  const errors = validate();
  if (errors.length > 0) {
    showErrors(errors);
    return;
  }
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  try {
    const session = await api.schedule(booking());
    rows.replaceChildren();
    addRow();
    result.textContent = 'Session scheduled. Copy each client\u2019s link below and send it to them.';
    onBooked(session);
  } catch (failure) {
    if (failure.status === 401) {
      window.location.assign('/');
      return;
    }
    const message = failure.status === 400 && failure.detail ? failure.detail : 'The session could not be scheduled. Please try again.';
    showErrors([[failure.field, message]]);
  } finally {
    button.disabled = false;
  }
}
