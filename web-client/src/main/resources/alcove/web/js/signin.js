// The sign-in page. The sign-in cookie is HttpOnly, so whether we are signed in is learnt by
// asking the server (/api/auth/me); a signed-in visitor goes straight to the dashboard.
import { api } from './api.js';

const DASHBOARD = '/dashboard.html';
const form = document.getElementById('signin');
const email = document.getElementById('email');
const password = document.getElementById('password');
const error = document.getElementById('signin-error');
const submit = form.querySelector('button[type="submit"]');

function messageFor(failure) {
  switch (failure.status) {
    case 401:
      return 'Email or password is incorrect.';
    case 400:
      return failure.field === 'password' ? 'Enter your password.' : 'Enter your email address.';
    case 429:
      return 'Too many failed sign-in attempts. Please wait a few minutes before trying again.';
    case 0:
      return 'The server could not be reached. Check your connection and try again.';
    default:
      return 'Sign-in failed. Please try again in a moment.';
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  error.textContent = '';
  if (!email.value.trim() || !password.value) {
    error.textContent = !email.value.trim() ? 'Enter your email address.' : 'Enter your password.';
    (!email.value.trim() ? email : password).focus();
    return;
  }
  submit.disabled = true;
  try {
    await api.login(email.value.trim(), password.value);
    window.location.assign(DASHBOARD);
  } catch (failure) {
    error.textContent = messageFor(failure);
    password.value = '';
    password.focus();
  } finally {
    submit.disabled = false;
  }
});

// The button stays disabled until this handler is in place: a native submission of the form
// would send the password somewhere it does not belong.
submit.disabled = false;
api.me().then(() => window.location.replace(DASHBOARD), () => email.focus());
