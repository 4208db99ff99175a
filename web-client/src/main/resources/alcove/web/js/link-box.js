// Shows a client's join link under their name: copied to the clipboard when the browser allows
// it, and always visible in a read-only field so it can be copied by hand (the Clipboard API is
// missing on plain-http hosts and may be refused).

/** Builds the (hidden) box for one client; returns { element, show(link, message) }. */
export function linkBox(idBase, clientName) {
  const element = document.createElement('div');
  element.className = 'link-box';
  element.hidden = true;
  const label = document.createElement('label');
  label.htmlFor = `${idBase}-link`;
  label.textContent = `Link for ${clientName}`;
  const input = document.createElement('input');
  input.id = `${idBase}-link`;
  input.type = 'text';
  input.readOnly = true;
  input.className = 'link';
  input.addEventListener('focus', () => input.select());
  const status = document.createElement('p');
  status.className = 'hint';
  status.setAttribute('role', 'status');
  element.append(label, input, status);

  function show(link, message) {
    input.value = link;
    status.textContent = message;
    element.hidden = false;
  }
  return { element, show };
}

/** Tries the clipboard; resolves true when the link is on it. */
export async function copyToClipboard(text) {
  if (!navigator.clipboard || !window.isSecureContext) {
    return false;
  }
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
