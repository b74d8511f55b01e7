/** Rules on validity periods along each service certificate's path. */
@NullMarked
package io.certaudit.catalog.dates;

import org.jspecify.annotations.NullMarked;
