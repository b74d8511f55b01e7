/** Checks of the distribution archive as an administrator receives it. */
package io.certaudit.installer;
