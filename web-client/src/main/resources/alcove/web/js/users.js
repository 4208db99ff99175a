// The admin's "Users" section: list accounts and create therapist or admin accounts. The full
// admin console (edit, delete, audit) is a later issue.
import { api } from './api.js';

const section = document.getElementById('users');
const form = document.getElementById('new-user');
const error = document.getElementById('user-error');
const result = document.getElementById('user-result');
const tbody = document.querySelector('#user-table tbody');
const inputs = {
  name: document.getElementById('user-name'),
  email: document.getElementById('user-email'),
  role: document.getElementById('user-role'),
  password: document.getElementById('user-password'),
};
const LABELS = { name: 'Name', email: 'Email', role: 'Role', password: 'Initial password' };

/** Shows the section; resolves with the accounts (the dashboard uses them to name therapists). */
export async function setUpUsers(onChange) {
  section.hidden = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await create(onChange);
  });
  return refreshUsers();
}

export async function refreshUsers() {
  const users = await api.users();
  tbody.replaceChildren(...users.map((u) => {
    const row = document.createElement('tr');
    for (const value of [u.name, u.email, u.role === 'admin' ? 'Admin' : 'Therapist']) {
      const cell = document.createElement('td');
      cell.textContent = value;
      row.append(cell);
    }
    return row;
  }));
  return users;
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

async function create(onChange) {
  error.textContent = '';
  result.textContent = '';
  for (const input of Object.values(inputs)) {
    input.removeAttribute('aria-invalid');
  }
  let problem = check();
  if (!problem) {
    try {
      const user = await api.createUser({
        name: inputs.name.value.trim(),
        email: inputs.email.value.trim(),
        role: inputs.role.value,
        password: inputs.password.value,
      });
      result.textContent = `Account created for ${user.name} (${user.email}).`;
      form.reset();
      onChange(await refreshUsers());
      return;
    } catch (failure) {
      if (failure.status === 409) {
        problem = ['email', 'an account with this email already exists.'];
      } else if (failure.status === 400 && failure.field in inputs) {
        problem = [failure.field, failure.detail];
      } else {
        error.textContent = 'The account could not be created. Please try again.';
        return;
      }
    }
  }
  const [field, message] = problem;
  error.textContent = `${LABELS[field]}: ${message}`;
  inputs[field].setAttribute('aria-invalid', 'true');
  inputs[field].focus();
}
