// Accounts: every therapist and admin with their state, and the handles on them: create,
// disable and re-enable (after a confirmation), reset a password. Disabling takes effect at once
// on the server: the account's existing tokens are refused from the next request on.
import { confirmAction, askPassword } from './admin-dialogs.js';
import { el, problemText, row } from './admin-format.js';
import { request } from './api.js';

const tbody = document.querySelector('#account-table tbody');
const result = document.getElementById('account-result');
const error = document.getElementById('account-error');
const form = document.getElementById('new-account');
const formError = document.getElementById('new-account-error');
const inputs = {
  name: document.getElementById('new-name'),
  email: document.getElementById('new-email'),
  role: document.getElementById('new-role'),
  password: document.getElementById('new-password'),
};
const LABELS = { name: 'Name', email: 'Email', role: 'Role', password: 'Initial password' };

let me = null;
let signedOut = () => {};

function say(text) {
  error.textContent = '';
  result.textContent = text;
}

function fail(failure, fallback) {
  if (failure.status === 401) {
    signedOut();
    return;
  }
  result.textContent = '';
  error.textContent = problemText(failure, fallback);
}

function actionButton(text, label, onClick, className) {
  const b = el('button', text, className);
  b.type = 'button';
  b.setAttribute('aria-label', label);
  b.addEventListener('click', onClick);
  return b;
}

async function setDisabled(user, disabled) {
  const verb = disabled ? 'Disable' : 'Enable';
  const ok = await confirmAction({
    title: `${verb} account`,
    text: disabled
      ? `Disable ${user.name} (${user.email})? They are signed out at once, cannot sign in, and their join links stop working.`
      : `Enable ${user.name} (${user.email}) again? They can sign in and their links work again.`,
    confirm: verb,
  });
  if (!ok) {
    return;
  }
  try {
    await request('POST', `/api/users/${encodeURIComponent(user.id)}/${disabled ? 'disable' : 'enable'}`);
    say(`${user.name} is ${disabled ? 'disabled' : 'enabled'}.`);
  } catch (failure) {
    fail(failure, 'The account could not be changed.');
  }
  await refreshAccounts();
}

async function resetPassword(user) {
  const password = await askPassword(`${user.name} (${user.email})`);
  if (password === null) {
    return;
  }
  try {
    await request('POST', `/api/users/${encodeURIComponent(user.id)}/password`, { password });
    say(`Password reset for ${user.name}.`);
  } catch (failure) {
    fail(failure, 'The password could not be reset.');
  }
}

function actions(user) {
  const box = el('div', null, 'actions');
  if (user.id === me.id) {
    box.append(el('span', 'you', 'note'));
  } else if (user.disabled) {
    box.append(actionButton('Enable', `Enable ${user.name}`, () => setDisabled(user, false)));
  } else {
    box.append(actionButton('Disable', `Disable ${user.name}`, () => setDisabled(user, true), 'danger'));
  }
  box.append(actionButton('Reset password', `Reset password for ${user.name}`, () => resetPassword(user)));
  return box;
}

export async function refreshAccounts() {
  let users;
  try {
    users = await request('GET', '/api/users');
  } catch (failure) {
    fail(failure, 'Accounts could not be loaded.');
    return;
  }
  tbody.replaceChildren(...users.map((u) => {
    const tr = row([u.name, u.email, u.role === 'admin' ? 'Admin' : 'Therapist',
      el('span', u.disabled ? 'Disabled' : 'Active', u.disabled ? 'state state-cancelled' : 'state state-in-progress'),
      actions(u)]);
    tr.dataset.userId = u.id;
    return tr;
  }));
}

function check() {
  if (!inputs.name.value.trim()) {
    return ['name', 'enter a name.'];
  }
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(inputs.email.value.trim())) {
    return ['email', 'enter an email address like name@example.org.'];
  }
  if (inputs.password.value.length < 12) {
    return ['password', 'must be at least 12 characters.'];
  }
  return null;
}

async function create() {
  formError.textContent = '';
  for (const input of Object.values(inputs)) {
    input.removeAttribute('aria-invalid');
  }
  let problem = check();
  if (!problem) {
    try {
      const user = await request('POST', '/api/users', {
        name: inputs.name.value.trim(),
        email: inputs.email.value.trim(),
        role: inputs.role.value,
        password: inputs.password.value,
      });
      say(`Account created for ${user.name} (${user.email}).`);
      form.reset();
      await refreshAccounts();
      return;
    } catch (failure) {
      if (failure.status === 409) {
        problem = ['email', 'an account with this email already exists.'];
      } else if (failure.status === 400 && failure.field in inputs) {
        problem = [failure.field, failure.detail];
      } else {
        formError.textContent = problemText(failure, 'The account could not be created. Please try again.');
        return;
      }
    }
  }
  const [field, message] = problem;
  formError.textContent = `${LABELS[field]}: ${message}`;
  inputs[field].setAttribute('aria-invalid', 'true');
  inputs[field].focus();
}

/** Shows the accounts; {@code account} is the signed-in admin (who cannot disable themselves). */
export function startAccounts(account, onSignedOut) {
  me = account;
  signedOut = onSignedOut;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    create();
  });
  return refreshAccounts();
}
