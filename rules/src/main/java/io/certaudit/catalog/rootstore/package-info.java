/** Hygiene rules for the Trusted Root store. */
package io.certaudit.catalog.rootstore;
