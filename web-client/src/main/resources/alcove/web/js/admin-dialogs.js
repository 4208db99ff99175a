// The console's three questions, each a real modal <dialog> (focus moves into it, Escape
// cancels, the page behind is inert): a reason for an admin action, a new password, and a plain
// "are you sure". Each resolves with the answer, or null when cancelled. Texts are set with
// textContent: names in them are data.

const MAX_REASON = 500;
const MIN_PASSWORD = 12;

function ask(dialog, form, cancel, read, focus) {
  return new Promise((resolve) => {
    const done = (answer) => {
      form.removeEventListener('submit', submit);
      cancel.removeEventListener('click', cancelled);
      dialog.removeEventListener('close', closed);
      if (dialog.open) {
        dialog.close();
      }
      resolve(answer);
    };
    const submit = (event) => {
      event.preventDefault();
      const answer = read();
      if (answer !== null) {
        done(answer);
      }
    };
    const cancelled = () => done(null);
    const closed = () => done(null);
    form.addEventListener('submit', submit);
    cancel.addEventListener('click', cancelled);
    dialog.addEventListener('close', closed);
    dialog.showModal();
    focus.focus();
  });
}

const reasonDialog = document.getElementById('reason-dialog');
const reasonForm = document.getElementById('reason-form');
const reason = document.getElementById('reason');
const reasonCount = document.getElementById('reason-count');
const reasonError = document.getElementById('reason-error');

reason.addEventListener('input', () => {
  reasonCount.textContent = `${reason.value.length} / ${MAX_REASON}`;
});

/** Asks why; resolves with the trimmed reason (1 to 500 characters) or null. */
export function askReason({ title, intro, confirm }) {
  document.getElementById('reason-title').textContent = title;
  document.getElementById('reason-intro').textContent = intro;
  document.getElementById('reason-confirm').textContent = confirm;
  reason.value = '';
  reason.removeAttribute('aria-invalid');
  reasonCount.textContent = `0 / ${MAX_REASON}`;
  reasonError.textContent = '';
  return ask(reasonDialog, reasonForm, document.getElementById('reason-cancel'), () => {
    const text = reason.value.trim();
    if (!text || text.length > MAX_REASON) {
      reasonError.textContent = text ? `Keep the reason to ${MAX_REASON} characters.` : 'Enter a reason.';
      reason.setAttribute('aria-invalid', 'true');
      reason.focus();
      return null;
    }
    return text;
  }, reason);
}

const passwordDialog = document.getElementById('password-dialog');
const password = document.getElementById('new-account-password');
const passwordError = document.getElementById('password-error');

/** Asks for a new password for the named account; resolves with it (12+ characters) or null. */
export function askPassword(name) {
  document.getElementById('password-intro').textContent =
    `Set a new password for ${name}. The old one stops working; tell them the new one yourself.`;
  password.value = '';
  password.removeAttribute('aria-invalid');
  passwordError.textContent = '';
  return ask(passwordDialog, document.getElementById('password-form'), document.getElementById('password-cancel'), () => {
    if (password.value.length < MIN_PASSWORD) {
      passwordError.textContent = `The password must be at least ${MIN_PASSWORD} characters.`;
      password.setAttribute('aria-invalid', 'true');
      password.focus();
      return null;
    }
    return password.value;
  }, password);
}

const confirmDialog = document.getElementById('confirm-dialog');

/** Asks "are you sure"; resolves true, or null when cancelled. */
export function confirmAction({ title, text, confirm }) {
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-text').textContent = text;
  const yes = document.getElementById('confirm-yes');
  yes.textContent = confirm;
  return ask(confirmDialog, document.getElementById('confirm-form'), document.getElementById('confirm-cancel'),
    () => true, yes);
}
