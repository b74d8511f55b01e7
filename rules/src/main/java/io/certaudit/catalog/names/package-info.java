/** Rules on subject and SAN names against the names the service answers to. */
package io.certaudit.catalog.names;
