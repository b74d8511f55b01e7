/** Rules on extended key usages, signature algorithms and CRL pointers. */
@NullMarked
package io.certaudit.catalog.usage;

import org.jspecify.annotations.NullMarked;
