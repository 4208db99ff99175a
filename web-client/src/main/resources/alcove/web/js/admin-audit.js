// The audit trail: filters (local date-times become ISO instants), a page of rows at a time
// with the API's `after` cursor, and export links built from the same filters. The exports are
// plain download links to the API: the sign-in cookie authenticates a GET.
import { problemText, row, when } from './admin-format.js';
import { request } from './api.js';

const PAGE = 100;
const EXPORT_LIMIT = 10000;
const form = document.getElementById('audit-filter');
const error = document.getElementById('audit-error');
const count = document.getElementById('audit-count');
const table = document.getElementById('audit-table');
const tbody = table.querySelector('tbody');
const more = document.getElementById('audit-more');
const csv = document.getElementById('export-csv');
const json = document.getElementById('export-json');
const fields = {
  from: document.getElementById('audit-from'),
  to: document.getElementById('audit-to'),
  sessionId: document.getElementById('audit-session'),
  participantId: document.getElementById('audit-participant'),
  type: document.getElementById('audit-type'),
};

let shown = null; // the filters of the rows on screen
let next = null;
let total = 0;
let signedOut = () => {};

/** The filters as query parameters, or throws an Error naming the bad field. */
function filters() {
  const params = new URLSearchParams();
  for (const name of ['from', 'to']) {
    const value = fields[name].value;
    if (value) {
      const date = new Date(value); // a datetime-local value is read as local time
      if (Number.isNaN(date.getTime())) {
        throw new Error(`${name === 'from' ? 'From' : 'Until'}: enter a date and time.`);
      }
      params.set(name, date.toISOString());
    }
  }
  for (const name of ['sessionId', 'participantId', 'type']) {
    const value = fields[name].value.trim();
    if (value) {
      params.set(name, value);
    }
  }
  return params;
}

function exportLinks() {
  let params;
  try {
    params = filters();
  } catch {
    return;
  }
  params.set('limit', String(EXPORT_LIMIT));
  for (const [link, format] of [[csv, 'csv'], [json, 'json']]) {
    params.set('format', format);
    link.href = `/api/admin/audit?${params}`;
  }
}

function showRows(rows) {
  tbody.append(...rows.map((r) => {
    const tr = row([r.seq, when(r.at), r.event, r.outcome, r.sessionId, r.participantId, r.role, r.actorId, r.detail]);
    tr.children[1].title = r.at;
    return tr;
  }));
  total += rows.length;
  table.hidden = total === 0;
  count.textContent = total === 0 ? 'No events match.' : `${total} event${total === 1 ? '' : 's'} shown${next ? '; more match' : ''}.`;
  more.hidden = next === null;
}

async function load(params, after) {
  error.textContent = '';
  const query = new URLSearchParams(params);
  query.set('limit', String(PAGE));
  if (after !== null) {
    query.set('after', String(after));
  }
  more.disabled = true;
  try {
    const page = await request('GET', `/api/admin/audit?${query}`);
    next = page.next === undefined || page.next === null ? null : page.next;
    showRows(page.rows);
  } catch (failure) {
    if (failure.status === 401) {
      signedOut();
      return;
    }
    error.textContent = problemText(failure, 'The audit trail could not be loaded.');
  } finally {
    more.disabled = false;
  }
}

async function search() {
  let params;
  try {
    params = filters();
  } catch (bad) {
    error.textContent = bad.message;
    return;
  }
  shown = params;
  next = null;
  total = 0;
  tbody.replaceChildren();
  await load(shown, null);
}

export function startAudit(onSignedOut) {
  signedOut = onSignedOut;
  document.querySelectorAll('#audit-filter .tz').forEach((span) => {
    span.textContent = `(${Intl.DateTimeFormat().resolvedOptions().timeZone})`;
  });
  form.addEventListener('input', exportLinks);
  form.addEventListener('change', exportLinks);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    search();
  });
  more.addEventListener('click', () => load(shown, next));
  exportLinks();
}
