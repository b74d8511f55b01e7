/** Builds each certificate's path across MY, CA and ROOT the way Windows does with local stores only. */
@NullMarked
package io.certaudit.chain;

import org.jspecify.annotations.NullMarked;
