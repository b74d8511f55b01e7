/** Rules on private keys and key strength. */
package io.certaudit.catalog.keys;
