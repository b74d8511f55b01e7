/** Builds each certificate's path across MY, CA and ROOT the way Windows does with local stores only. */
package io.certaudit.chain;
