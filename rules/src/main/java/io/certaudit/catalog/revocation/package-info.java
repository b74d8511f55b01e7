/** Rules on the revocation status of the service chains and the peers' chains, fetched when the user asks. */
package io.certaudit.catalog.revocation;
