/** Rules on each service certificate's path across MY, CA and ROOT. */
@NullMarked
package io.certaudit.catalog.chain;

import org.jspecify.annotations.NullMarked;
