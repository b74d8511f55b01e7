/** Reading hostile files within bounds that hold whatever size the file claims. */
package io.certaudit.agent.io;
