/** Rules on extended key usages, signature algorithms and CRL pointers. */
package io.certaudit.catalog.usage;
