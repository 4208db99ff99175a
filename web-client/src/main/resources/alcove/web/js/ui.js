// Screen switching for the join page: exactly one <main class="screen"> is visible, and a
// notice screen for everything that is not a live step (too early, cancelled, ended, ...).

const title = document.getElementById('notice-title');
const text = document.getElementById('notice-text');
const action = document.getElementById('notice-action');

let actionListener = null;

/** Shows the screen with this id and hides the others; focus moves to its heading. */
export function showOnly(id) {
  for (const screen of document.querySelectorAll('main.screen')) {
    screen.hidden = screen.id !== id;
  }
  const heading = document.querySelector(`#${id} h1`);
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
}

/** {@code notice}: {name, title, text}; {@code button}: optional {label, action}. */
export function showNotice(notice, button) {
  title.textContent = notice.title;
  text.textContent = notice.text;
  document.body.dataset.notice = notice.name;
  document.title = `${notice.title} · Alcove`;
  if (actionListener) {
    action.removeEventListener('click', actionListener);
    actionListener = null;
  }
  action.hidden = !button;
  if (button) {
    action.textContent = button.label;
    actionListener = button.action;
    action.addEventListener('click', actionListener);
  }
  showOnly('notice');
}
