// How the console writes times and lengths: local clock times for instants (the admin's own
// time zone), and short human lengths ("2 min", "1 h 05 min") for durations.

const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const DATE_TIME = new Intl.DateTimeFormat(undefined, {
  year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

function sameDay(a, b) {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** An ISO instant as local time; with the date when it is not today. Empty for none. */
export function when(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  return sameDay(date, new Date()) ? TIME.format(date) : DATE_TIME.format(date);
}

/** Seconds as "45 s", "2 min", "1 h 05 min". */
export function length(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) {
    return `${s} s`;
  }
  const minutes = Math.floor(s / 60);
  if (minutes < 60) {
    return `${minutes} min`;
  }
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** Creates an element with text (never markup) and optional class. */
export function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  if (className) {
    node.className = className;
  }
  return node;
}

/** A table row of text cells. */
export function row(values) {
  const tr = document.createElement('tr');
  for (const value of values) {
    const td = document.createElement('td');
    if (value instanceof Node) {
      td.append(value);
    } else {
      td.textContent = value === undefined || value === null ? '' : String(value);
    }
    tr.append(td);
  }
  return tr;
}

/** The problem document's detail for an ApiError, or a fallback. */
export function problemText(failure, fallback) {
  if (failure && failure.status === 0) {
    return 'The server could not be reached. Check the connection and try again.';
  }
  return (failure && (failure.detail || failure.title)) || fallback;
}
