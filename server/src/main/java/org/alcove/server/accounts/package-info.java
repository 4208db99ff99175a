/**
 * Staff accounts (therapists and admins): the account record, its storage and the view the API
 * shows. It depends on no other feature; the admin-only {@code /api/users} routes that change
 * accounts live in {@code org.alcove.server.admin.UserRoutes}.
 */
package org.alcove.server.accounts;
