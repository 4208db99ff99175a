/** Staff accounts (therapists and admins): storage and the admin-only {@code /api/users} routes. */
package org.alcove.server.accounts;
